#!/usr/bin/env bash
# Times the admin article list (Content.findArticles: count, page, bylines) on 100,000 articles,
# on H2 and on PostgreSQL.
#
#   bench/admin-list.sh
#
# 1. builds target/gazette.jar if missing and the 100,000-article H2 database (bench/load-articles.sh,
#    reused while the jar's migrations are unchanged);
# 2. compiles the test classes and runs org.gazette.content.AdminListBenchmark on the H2 database
#    (read only; the database is not changed, so the other benchmarks can share it);
# 3. copies the list's tables into the PostgreSQL schema bench_admin (once; PG_SCHEMA) and runs the
#    same scenarios there.
#
# Environment: N=100000 ROUNDS=200 WARMUP=50 BENCH_WORK=/tmp/gazette-bench SKIP_POSTGRES=0
# PG_URL=jdbc:postgresql://127.0.0.1:5432/test PG_USER=postgres PG_PASSWORD= PG_SCHEMA=bench_admin
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${BENCH_WORK:-/tmp/gazette-bench}"
n="${N:-100000}"
rounds="${ROUNDS:-200}"
warmup="${WARMUP:-50}"
pg_url="${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
pg_user="${PG_USER:-postgres}"
pg_password="${PG_PASSWORD:-}"
pg_schema="${PG_SCHEMA:-bench_admin}"
db="$work/db-$n"
h2_url="jdbc:h2:file:$db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;CACHE_SIZE=131072"

log() { printf '[admin-list %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
cd "$repo"

[ -f target/gazette.jar ] || { log "building target/gazette.jar"; ./mvnw -q -DskipTests package; }
"$here/load-articles.sh" --n "$n"

log "compiling the benchmark"
./mvnw -q -DskipTests test-compile
cp_file="$work/admin-list.classpath"
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
classpath="target/test-classes:target/classes:$(cat "$cp_file")"
run() { java -Xmx2g -cp "$classpath" org.gazette.content.AdminListBenchmark "$@"; }

out="$work/admin-list-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "admin list benchmark, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rounds=$rounds warmup=$warmup"
  echo
  echo "H2"
  run measure "$h2_url" gazette "" "$rounds" "$warmup"
} | tee "$out"

if [ "${SKIP_POSTGRES:-0}" != 1 ]; then
  marker="$work/pg-$pg_schema-$n.loaded"
  stamp="$(cat "$db/.loaded")"
  if [ ! -f "$marker" ] || [ "$(cat "$marker")" != "$stamp" ]; then
    log "copying the list's tables into PostgreSQL schema $pg_schema"
    run copy "$h2_url" "$pg_url" "$pg_user" "$pg_password" "$pg_schema"
    echo "$stamp" >"$marker"
  fi
  sep="?"; case "$pg_url" in *\?*) sep="&" ;; esac
  { echo; echo "PostgreSQL"; run measure "$pg_url${sep}currentSchema=$pg_schema" "$pg_user" "$pg_password" "$rounds" "$warmup"; } | tee -a "$out"
fi
log "results in $out"
