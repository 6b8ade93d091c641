#!/bin/sh
# Builds what the site's headless Linux installer (jumpclient-<uid>.bin) carries after its script: a gzipped
# tar of a jlink Java runtime for Linux x64 and the agent jar. Built once per build; the site only
# prepends the installer's own script on download.
# usage: linux-x64-payload.sh <target directory> <JDK home>
set -eu
target=$1
jdk=$2
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "linux-x64-payload.sh: the runtime must be made with a Linux x64 JDK; this is $(uname -s)-$(uname -m)" >&2
    exit 1
fi
work="$target/linux-x64"
rm -rf "$work"
mkdir -p "$work"
# The modules the agent's classes name (jdeps), plus those only reached through service lookups or
# reflection: EC and Ed25519 keys (jdk.crypto.ec), JNDI, the management beans, sun.misc.Unsafe users.
found=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$target/jump-client.jar")
"$jdk/bin/jlink" \
    --add-modules "$found,java.logging,java.naming,java.management,jdk.management,java.net.http,jdk.crypto.ec,jdk.unsupported" \
    --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$work/runtime"
cp "$target/jump-client.jar" "$work/jump-client.jar"
tar -czf "$target/jumpclient-linux-x64.tar.gz" -C "$work" runtime jump-client.jar
