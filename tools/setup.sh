#!/bin/sh
# setup.sh - installs, with apt-get and only when missing, the Debian
# packages tacitus needs to build and test.  `make demo` and `make check`
# call it, so a fresh Debian 12 machine needs nothing else.
set -eu
need="make gcc clang pkg-config libclang-rt-14-dev libutf8proc-dev libjansson-dev libcmocka-dev libsqlite3-dev sqlite3"
missing=""
for p in $need; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "setup: installing$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
