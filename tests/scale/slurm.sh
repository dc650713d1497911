#!/bin/sh
# slurm.sh - a one-node Slurm cluster on this machine, for the length of
# the test: munged, slurmctld and slurmd on loopback (the configuration is
# generated from ../shared/docs/slurm-single-node.conf, with its state,
# logs, sockets and ports moved into a temporary directory).  The PolNeAR
# dev articles are sharded, tools/slurm/submit.sh submits the array (one
# store per shard) and the dependent merge, and the merged store must equal
# the store one process builds from the shards (tests/store/same.sh), and
# one process over the directory but for the columns an event takes from
# its first report (same.sh --loose).  Skipped, and said so, when not
# root, when Slurm or munge is missing, or when the cluster does not
# start.  The daemons are stopped by their pids on any exit.
set -u
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
bin=$(cd "$(dirname "$BUILD/tacitus")" && pwd)/tacitus
corpus=$SHARED/dev/quotes/polnear/dev/text
conf_in=$SHARED/docs/slurm-single-node.conf
same=tests/store/same.sh
skip() { echo "slurm: SKIP ($1)"; exit 0; }
[ "$(id -u)" -eq 0 ] || skip "not root: slurmd and munged run as root here"
for c in munged slurmctld slurmd sbatch squeue scontrol sinfo sqlite3; do
    command -v "$c" >/dev/null 2>&1 || skip "no $c (tools/setup.sh installs slurm-wlm and munge)"
done
[ -d "$corpus" ] || skip "no $corpus"
[ -f "$conf_in" ] || skip "no $conf_in"

t=$(mktemp -d /tmp/tacitus-slurm.XXXXXX)
chmod 700 "$t"
pids=""
cleanup() {
    [ -n "${SLURM_CONF:-}" ] && scancel --quiet --user=root >/dev/null 2>&1
    for p in $pids; do kill "$p" 2>/dev/null; done
    for p in $pids; do
        n=0
        while kill -0 "$p" 2>/dev/null && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
        kill -9 "$p" 2>/dev/null
    done
    rm -rf "$t"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# munge: a key and a socket of our own.
dd if=/dev/urandom of="$t/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$t/munge.key"
munged -F --force --socket="$t/munge.sock" --key-file="$t/munge.key" \
    --pid-file="$t/munged.pid" --log-file="$t/munged.log" \
    --seed-file="$t/munged.seed" >/dev/null 2>&1 &
pids="$!"

# slurm.conf: the shared one, with paths and ports of our own, this
# host's name and cores, and the munge socket above.
host=$(hostname -s)
port=$((20000 + $$ % 10000 * 2))
mkdir -p "$t/state" "$t/spool"
sed -e "s|^SlurmctldHost=.*|SlurmctldHost=$host(127.0.0.1)|" \
    -e "s|^StateSaveLocation=.*|StateSaveLocation=$t/state|" \
    -e "s|^SlurmdSpoolDir=.*|SlurmdSpoolDir=$t/spool|" \
    -e "s|^SlurmctldLogFile=.*|SlurmctldLogFile=$t/slurmctld.log|" \
    -e "s|^SlurmdLogFile=.*|SlurmdLogFile=$t/slurmd.log|" \
    -e "s|^SlurmctldPort=.*|SlurmctldPort=$port|" \
    -e "s|^SlurmdPort=.*|SlurmdPort=$((port + 1))|" \
    -e "s|^NodeName=[^ ]*|NodeName=$host|" \
    -e "s|CPUs=[0-9]*|CPUs=$(nproc)|" \
    -e "s|RealMemory=[0-9]*|RealMemory=100|" \
    -e "s|^PartitionName=main Nodes=[^ ]*|PartitionName=main Nodes=$host|" \
    "$conf_in" >"$t/slurm.conf"
cat >>"$t/slurm.conf" <<CONF
AuthInfo=socket=$t/munge.sock
SlurmctldPidFile=$t/slurmctld.pid
SlurmdPidFile=$t/slurmd.pid
ReturnToService=2
CONF
export SLURM_CONF="$t/slurm.conf"
n=0
while [ ! -S "$t/munge.sock" ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
[ -S "$t/munge.sock" ] || skip "munged did not start: $(tail -3 "$t/munged.log" 2>/dev/null)"
slurmctld -D -c -f "$t/slurm.conf" >"$t/slurmctld.out" 2>&1 &
pids="$pids $!"
slurmd -D -N "$host" -f "$t/slurm.conf" >"$t/slurmd.out" 2>&1 &
pids="$pids $!"
n=0
state=""
while [ $n -lt 60 ]; do
    state=$(sinfo -h -n "$host" -o %T 2>/dev/null | head -1)
    [ "$state" = idle ] && break
    sleep 0.5
    n=$((n + 1))
done
if [ "$state" != idle ]; then
    tail -5 "$t/slurmctld.log" "$t/slurmd.log" 2>/dev/null >&2
    skip "the cluster did not start (node state '${state:-none}')"
fi

fail=0
check() { # name command...
    name=$1
    shift
    if "$@"; then
        echo "slurm: ok $name"
    else
        fail=$((fail + 1))
        echo "slurm: FAIL $name" >&2
    fi
}
d=--date=2016-11-01
"$bin" shard --no-progress --shards 4 --out "$t/shards" "$corpus" 2>"$t/err" ||
    { cat "$t/err" >&2; exit 1; }
start=$(date +%s)
jobs=$(TACITUS=$bin TACITUS_ARGS=$d tools/slurm/submit.sh "$t/shards" "$t/out" \
    --chdir="$t") || { echo "slurm: FAIL submitting" >&2; exit 1; }
array=${jobs% *}
merge=${jobs#* }
# Wait for the merge (at most 3 minutes).
n=0
while [ $n -lt 360 ]; do
    st=$(scontrol show job "$merge" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
    case $st in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY) break ;; esac
    sleep 0.5
    n=$((n + 1))
done
echo "slurm: array $array (4 tasks) and merge $merge: ${st:-gone} in $(($(date +%s) - start)) s"
check "the merge job completed" test "$st" = COMPLETED
if [ "$st" != COMPLETED ]; then
    tail -5 "$t"/out/*.log "$t/slurmctld.log" >&2 2>/dev/null
    exit 1
fi
cat "$t/out/merge.log"
"$bin" ingest --no-progress --quiet $d --db "$t/one.db" "$t/shards"/shard-00[1-4].jsonl 2>>"$t/err"
"$bin" ingest --no-progress --quiet $d --db "$t/dir.db" "$corpus" 2>>"$t/err"
check "four shard stores" test -s "$t/out/shard-4.db"
check "merged store = one process over the shards" "$same" "$t/one.db" "$t/out/merged.db"
check "merged store = one process over the directory (keys, totals, mentions, counts, quotes)" \
    "$same" --loose "$t/dir.db" "$t/out/merged.db"
[ "$fail" -eq 0 ]
