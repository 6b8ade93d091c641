#!/bin/sh
# Browser tests drive Debian's Chromium through its ChromeDriver. Installs both when missing, so a clean
# machine needs nothing but a JDK and Maven. Tools that download their own browser fail on a closed
# network, hence the distribution's packages.
set -eu

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo -n"
else
    echo "install-chromium: /usr/bin/chromium or /usr/bin/chromedriver is missing and this account cannot install" >&2
    echo "install-chromium: packages. Run as root: apt-get install -y chromium chromium-driver" >&2
    exit 1
fi

echo "install-chromium: installing Debian packages chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
$as_root apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
/usr/bin/chromium --version
