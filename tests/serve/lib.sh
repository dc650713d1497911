# lib.sh - sourced by the tests of tacitus serve: a store of the example
# articles under $BUILD/serve-test, and a server on a free loopback port
# (--port 0: the kernel picks one; the server prints it).
BUILD=${BUILD:-build}
T=$BUILD/serve-test
DB=$T/examples.db
SERVER_PID=

make_store() {
    rm -rf "$T"
    mkdir -p "$T"
    "$BUILD"/tacitus ingest --quiet --db "$DB" --date 2022-02-21 examples/ || return 1
}

# start_server [OPTIONS]: sets SERVER_PID and PORT.
start_server() {
    : >"$T/server.out"
    "$BUILD"/tacitus serve --db "$DB" --port 0 "$@" >"$T/server.out" 2>"$T/server.err" &
    SERVER_PID=$!
    i=0
    PORT=
    while [ $i -lt 100 ]; do
        PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$T/server.out")
        [ -n "$PORT" ] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
        i=$((i + 1))
    done
    echo "serve: the server did not start" >&2
    cat "$T/server.err" >&2
    return 1
}

# stop_server: SIGTERM, then it must be gone, with status 0, within 10 s.
stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null
    i=0
    while kill -0 "$SERVER_PID" 2>/dev/null && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "serve: still running 10 s after SIGTERM" >&2
        kill -KILL "$SERVER_PID"
        SERVER_PID=
        return 1
    fi
    wait "$SERVER_PID"
    rc=$?
    SERVER_PID=
    [ $rc -eq 0 ] || echo "serve: exit status $rc after SIGTERM" >&2
    return $rc
}
