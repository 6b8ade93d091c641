#!/bin/sh
# JumpDesk Jump Client installer for Linux and macOS. It needs Java 17 or later on the PATH (the headless
# Linux installer, jumpclient-<uid>.bin, brings its own). Usage: sh ./install.sh --help
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v java >/dev/null 2>&1; then
    echo "jumpclient: Java 17 or later is needed on the PATH" >&2
    logger -t jumpclient-installer -p user.err -- "Java 17 or later is needed on the PATH" 2>/dev/null
    exit 1
fi
exec java -cp "$here/jump-client.jar" org.jumpdesk.agent.install.InstallerMain \
    --package "$here" --command "sh $0" "$@"
