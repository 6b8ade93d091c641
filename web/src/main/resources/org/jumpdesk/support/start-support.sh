#!/bin/sh
# JumpDesk temporary support client: connects this computer to your representative for one session.
# Nothing is installed. It needs Java 17 or later on the PATH. Type "end" and Enter to end the session.
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v java >/dev/null 2>&1; then
    echo "Java 17 or later is needed on the PATH to run the support client." >&2
    exit 1
fi
exec java -jar "$here/jump-client.jar" --session-key "@KEY@" --site "@SITE@" --site-fingerprint "@FINGERPRINT@"
