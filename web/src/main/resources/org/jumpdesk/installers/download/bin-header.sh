#!/bin/sh
# JumpDesk Jump Client installer for headless Linux x64 (@NAME@). Usage: sh ./@NAME@ --help
# It unpacks a Java runtime and the Jump Client into a temporary directory and runs the installer from
# there; what follows this script is a gzipped tar.
umask 022
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jumpclient.XXXXXX") || {
    echo "jumpclient: cannot create a temporary directory" >&2
    exit 1
}
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM
cat >"$tmp/jumpclient.properties" <<'JUMPDESK_PACKAGE_FILE'
@PACKAGE_FILE@JUMPDESK_PACKAGE_FILE
if ! tail -n +@PAYLOAD_LINE@ "$0" | tar -xzf - -C "$tmp"; then
    echo "jumpclient: $0 is damaged; download it again" >&2
    logger -t jumpclient-installer -p user.err -- "$0 is damaged" 2>/dev/null
    exit 1
fi
"$tmp/runtime/bin/java" -cp "$tmp/jump-client.jar" org.jumpdesk.agent.install.InstallerMain \
    --package "$tmp" --command "sh $0" "$@"
exit $?
