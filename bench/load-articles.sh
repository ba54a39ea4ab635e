#!/usr/bin/env bash
# Builds a Gazette H2 database holding N generated, published articles (default 100,000).
#
#   bench/load-articles.sh [--n 100000] [--db DIR] [--force]
#
# 1. generates the stories with the shared generator (../shared/tools/corpus.py, jsonl), cached;
# 2. turns them into CSV files and one SQL script (bench/lib/make_load.py, python3 stdlib only);
# 3. starts Gazette once on an empty H2 file database with demo content off, so that Flyway
#    creates the schema exactly as the app does, then stops it;
# 4. bulk-loads with H2's RunScript: INSERT ... SELECT FROM CSVREAD(...), constraints on;
# 5. checks the counts and the constraints' invariants.
#
# Environment: BENCH_WORK (default /tmp/gazette-bench) holds the corpus, the CSV files and, unless
# --db is given, the database (BENCH_WORK/db-N/gazette.mv.db). JAR (default target/gazette.jar).
# The database is reused when it is complete (a marker file) unless --force.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${BENCH_WORK:-/tmp/gazette-bench}"
jar="${JAR:-$repo/target/gazette.jar}"
n=100000
db=""
force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --force) force=1; shift ;;
    *) echo "usage: $0 [--n N] [--db DIR] [--force]" >&2; exit 2 ;;
  esac
done
db="${db:-$work/db-$n}"
corpus_tool="$(cd "$repo/.." && pwd)/shared/tools/corpus.py"
db_url="jdbc:h2:file:$db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

log() { printf '[load %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

[ -f "$jar" ] || { echo "no $jar: build it with ./mvnw -q -DskipTests package" >&2; exit 1; }
# The database is tied to the jar's Flyway migrations: when they change, Flyway refuses the old
# database (checksum mismatch), so it is built again.
schema=$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/classes/db/(migration|vendor)/.+' | sort | while read -r f; do unzip -p "$jar" "$f"; done \
  | sha256sum | cut -c1-16)
if [ "$force" = 0 ] && [ -f "$db/.loaded" ]; then
  if grep -q "schema=$schema" "$db/.loaded"; then
    log "reusing $db ($(cat "$db/.loaded"))"
    exit 0
  fi
  log "the jar's migrations changed since $db was loaded: loading again"
fi
[ -f "$corpus_tool" ] || { echo "no corpus generator at $corpus_tool" >&2; exit 1; }
mkdir -p "$work"

t_all=$(now)

# 1. corpus (deterministic: same n and seed give the same bytes), cached per n
corpus="$work/corpus-$n"
if [ ! -f "$corpus/.done" ]; then
  t=$(now)
  log "generating $n stories with $corpus_tool"
  rm -rf "$corpus"
  python3 "$corpus_tool" --n "$n" --formats jsonl --out "$corpus"
  touch "$corpus/.done"
  log "corpus generated in $(since "$t") s"
fi

# 2. CSV + SQL, cached while make_load.py is unchanged
t=$(now)
csvdir="$work/csv-$n"
maker=$(sha256sum "$here/lib/make_load.py" | cut -c1-16)
if [ -f "$csvdir/.done" ] && [ "$(cat "$csvdir/.done")" = "$maker" ]; then
  log "reusing the CSV files in $csvdir"
else
  rm -rf "$csvdir"
  python3 "$here/lib/make_load.py" --jsonl "$corpus/articles.jsonl" --out "$csvdir"
  echo "$maker" >"$csvdir/.done"
fi
t_csv=$(since "$t")
log "CSV files ready in $t_csv s ($(du -sh "$csvdir" | cut -f1))"

# 3. schema, by Flyway inside Gazette
t=$(now)
rm -rf "$db"
mkdir -p "$db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log "creating the schema: Gazette on 127.0.0.1:$port with an empty database in $db"
java -Xmx512m -jar "$jar" --server.address=127.0.0.1 --server.port="$port" --gazette.demo-content=false \
  --spring.datasource.url="$db_url" >"$db/schema.log" 2>&1 &
app=$!
stop_app() { if [ -n "${app:-}" ] && kill -0 "$app" 2>/dev/null; then kill "$app"; wait "$app" 2>/dev/null || true; fi; app=""; }
trap stop_app EXIT
ready=0
for _ in $(seq 1 1200); do
  if ! kill -0 "$app" 2>/dev/null; then break; fi
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/news" || true)
  if [ "$code" = 200 ]; then ready=1; break; fi
  sleep 0.5
done
stop_app
trap - EXIT
if [ "$ready" != 1 ]; then echo "Gazette did not start; see $db/schema.log" >&2; tail -30 "$db/schema.log" >&2; exit 1; fi
t_schema=$(since "$t")
log "schema created in $t_schema s"

# 4. bulk load with H2's own tools, the H2 version inside the Gazette jar
h2jar="$work/h2.jar"
entry=$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$' | head -1)
unzip -p "$jar" "$entry" >"$h2jar"
# The append-only triggers (db/vendor/h2) name a class inside Gazette; H2 loads it as soon as a
# guarded table is written or read, so every H2 tool run on the database needs it on its classpath.
triggers="$work/h2-triggers"
rm -rf "$triggers"
unzip -q -o "$jar" 'BOOT-INF/classes/org/gazette/platform/AppendOnlyTrigger.class' -d "$triggers"
h2cp="$h2jar:$triggers/BOOT-INF/classes"
t=$(now)
log "loading with $(basename "$entry") RunScript"
java -Xmx3g -cp "$h2cp" org.h2.tools.RunScript -url "$db_url" -user gazette -password "" \
  -script "$csvdir/load.sql"
t_load=$(since "$t")
log "rows inserted in $t_load s"

# 5. checks
cat >"$csvdir/check.sql" <<'SQL'
select 'articles', count(*) from article;
select 'published, released, public', count(*) from article
  where state = 'published' and published_revision_id is not null and working_revision_id = published_revision_id
    and release_at <= current_timestamp and unpublished_at is null and first_published_at is not null;
select 'revisions', count(*) from revision;
select 'bodies', count(*) from revision_body;
select 'bylines', count(*) from revision_author;
select 'topic links', count(*) from revision_topic;
select 'publications', count(*) from publication;
select 'authors', count(*) from author;
select 'topics', count(*) from topic;
select 'release span', min(release_at), max(release_at) from article;
SQL
java -cp "$h2cp" org.h2.tools.Shell -url "$db_url" -user gazette -password "" <"$csvdir/check.sql" \
  | sed 's/^\(sql> \|\.\.\.> \)*//' | grep -F ' | ' | grep -vF '?column?' | tee "$db/counts.txt"
total=$(since "$t_all")
size=$(du -sh "$db/gazette.mv.db" | cut -f1)
echo "n=$n csv=${t_csv}s schema=${t_schema}s insert=${t_load}s total=${total}s size=$size schema=$schema $(date -u +%FT%TZ)" >"$db/.loaded"
log "done: $(cat "$db/.loaded")"
