#!/bin/sh
# same.sh [--loose] A.db B.db - says whether two stores hold the same data, row ids
# aside: articles (but when they were stored), events with their totals,
# mentions (by event key and article id), actor mentions, counts and
# quotes (by article id), each table dumped in a canonical order with the
# sqlite3 shell and diffed.  Exit 0 when equal; else the first lines of
# the diff on stderr.  --loose leaves out the columns an event takes
# from its first report (the actors' names, countries and agents, and its
# place), which depend on the order the articles were stored in.  Used by tests/store/merge.sh and tests/scale/slurm.sh.
set -u
skip="'id', 'article', 'event', 'ingested_at'"
eskip=$skip
if [ "${1:-}" = "--loose" ]; then
    eskip="$skip, 'source_name', 'source_country', 'source_agent',
        'target_name', 'target_country', 'target_agent', 'place_name',
        'place_geonames_id', 'place_country', 'place_adm1', 'place_lat',
        'place_lon'"
    shift
fi
[ $# -eq 2 ] || { echo "usage: same.sh [--loose] A.db B.db" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
key="e.date, e.source, e.target, e.code, e.negated, e.modality, e.place_key"
cols() { # db table prefix: the table's columns but ids and links
    if [ "$2" = events ]; then s=$eskip; else s=$skip; fi
    sqlite3 "$1" "SELECT group_concat('$3\"' || name || '\"', ',') FROM
        pragma_table_info('$2') WHERE name NOT IN ($s)"
}
dump() { # db
    db=$1
    printf '== articles\n'
    sqlite3 -bail "$db" "SELECT $(cols "$db" articles x.) FROM articles x
        ORDER BY x.doc_id" || return 1
    printf '== events\n'
    sqlite3 -bail "$db" "SELECT $(cols "$db" events e.) FROM events e
        ORDER BY $key" || return 1
    printf '== mentions\n'
    sqlite3 -bail "$db" "SELECT $key, a.doc_id, $(cols "$db" mentions x.)
        FROM mentions x JOIN events e ON e.id = x.event
        JOIN articles a ON a.id = x.article ORDER BY 1, 2, 3, 4, 5, 6, 7, 8,
        x.sentence, x.start, x.\"end\"" | sort || return 1
    for t in actors counts quotes; do
        printf '== %s\n' "$t"
        sqlite3 -bail "$db" "SELECT a.doc_id, $(cols "$db" $t x.) FROM $t x
            JOIN articles a ON a.id = x.article" | sort || return 1
    done
}
dump "$1" >"$tmp/a" || exit 2
dump "$2" >"$tmp/b" || exit 2
if cmp -s "$tmp/a" "$tmp/b"; then
    exit 0
fi
diff "$tmp/a" "$tmp/b" | head -20 >&2
exit 1
