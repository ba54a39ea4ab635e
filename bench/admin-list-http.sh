#!/usr/bin/env bash
# The back office's article list over HTTP, signed in, on 100,000 articles (issue 3: p95 under
# 100 ms for the first page and a filtered page).
#
#   bench/admin-list-http.sh
#
# 1. builds target/gazette.jar if missing, and the 100,000-article H2 database with
#    bench/load-articles.sh (reused when it exists);
# 2. copies that database (Gazette writes accounts and sessions; the original stays as it was for
#    the other benchmarks; H2 opens a file database in one process at a time, so no other
#    benchmark may have it open during the copy);
# 3. creates an admin with `java -jar gazette.jar create-admin`, sets its password through the
#    printed one-time link with curl, and signs in with curl (cookie jar, CSRF token from the forms);
# 4. runs wrk with the session cookie (bench/lib/admin-session.lua) on four addresses: the first
#    page, a filtered page (kind + topic + status), a title search and a deep page; each is warmed up
#    first, then measured; p50/p95/p99 go to BENCH_WORK/admin-http-run-*/summary.txt.
#
# Environment: N=100000 BENCH_WORK=/tmp/gazette-bench PORT=18090 THREADS=2 CONNECTIONS=4
# DURATION=30s WARMUP=20s JAVA_OPTS="-Xms1g -Xmx1g" SOURCE_DB (default BENCH_WORK/db-N; given, it is
# used as it is, without running load-articles.sh) REUSE_COPY=1 (keep the copy of an earlier run)
# JFR=1 (a flight recording of Gazette, BENCH_WORK/admin-http-run-*/gazette.jfr)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${BENCH_WORK:-/tmp/gazette-bench}"
n="${N:-100000}"
port="${PORT:-18090}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-4}"
duration="${DURATION:-30s}"
warmup="${WARMUP:-20s}"
java_opts="${JAVA_OPTS:--Xms1g -Xmx1g}"
jar="${JAR:-$repo/target/gazette.jar}"
source_db="${SOURCE_DB:-$work/db-$n}"
run="$work/admin-http-run-$(date -u +%Y%m%d-%H%M%S)"
db="$work/admin-http-db-$n"
base="http://127.0.0.1:$port"
# As application.yaml opens H2 (its 128 MB page cache; H2 alone would keep 64 MB).
db_url="jdbc:h2:file:$db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=131072"
email="bench-admin@agency.example.gov"
password="a long benchmark passphrase $(date +%s)"

log() { printf '[admin-http %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
for tool in java curl wrk; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
mkdir -p "$run"

if [ ! -f "$jar" ]; then (cd "$repo" && ./mvnw -q -DskipTests package); fi
if [ -z "${SOURCE_DB:-}" ]; then JAR="$jar" BENCH_WORK="$work" "$here/load-articles.sh" --n "$n"; fi
[ -f "$source_db/gazette.mv.db" ] || { echo "no database in $source_db" >&2; exit 1; }

if [ "${REUSE_COPY:-0}" = 1 ] && [ -f "$db/gazette.mv.db" ]; then
  log "reusing the copy in $db"
else
  log "copying $source_db to $db"
  rm -rf "$db"
  mkdir -p "$db"
  cp "$source_db/gazette.mv.db" "$db/gazette.mv.db"
fi

# Databases loaded before bench/lib/make_load.py filled the admin list's copy of the working
# revision (V3__editor.sql) get it here, as the V3 migration does for existing rows.
h2jar="$run/h2.jar"
unzip -p "$jar" "$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$' | head -1)" >"$h2jar"
# The database's append-only triggers (V3_1) name a Gazette class, which H2 loads when it opens.
unzip -q -o "$jar" 'BOOT-INF/classes/org/gazette/platform/AppendOnlyTrigger.class' -d "$run/triggers"
java -cp "$h2jar:$run/triggers/BOOT-INF/classes" org.h2.tools.Shell -url "$db_url" -user gazette -password "" -sql "
update article set
    working_title = (select r.title from revision r where r.id = article.working_revision_id),
    title_key = (select lower(r.title) from revision r where r.id = article.working_revision_id),
    working_type_code = (select r.type_code from revision r where r.id = article.working_revision_id),
    updated_at = (select r.created_at from revision r where r.id = article.working_revision_id),
    updated_by = (select r.created_by from revision r where r.id = article.working_revision_id)
where working_revision_id is not null and working_title is null" >"$run/fill.txt" 2>&1 || {
  cat "$run/fill.txt" >&2; exit 1; }
log "admin list columns: $(tr -s '\n' ' ' <"$run/fill.txt")"

# Out of order: a database loaded by a branch that lacks a migration this jar has (such as
# V2__accounts.sql) gets it added to the copy instead of failing Flyway's validation.
# The benchmark's admin signs in with a password alone (see bench/lib/gazette.sh).
app_args=(--server.address=127.0.0.1 --server.port="$port" --gazette.demo-content=false
  --gazette.base-url="$base" --spring.datasource.url="$db_url" --spring.flyway.out-of-order=true
  --gazette.accounts.mfa-required-roles=publisher)

# shellcheck source=lib/gazette.sh
. "$here/lib/gazette.sh"
gazette_signed_in

first="/admin/articles"
curl -s -H "Cookie: $cookie" "$base$first" >"$run/first.html"
topic=$(grep -Eo '<option value="[0-9]+">Education</option>' "$run/first.html" | grep -Eo '[0-9]+' | head -1)
[ -n "$topic" ] || { echo "no topic Education in the filter; see $run/first.html" >&2; exit 1; }
filtered="/admin/articles?type=feature-story&topic=$topic&status=published"
search="/admin/articles?q=student"
deep="/admin/articles?page=2000"
for page in "$first" "$filtered" "$search" "$deep"; do
  code=$(curl -s -o "$run/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$base$page")
  rows=$(grep -c '<tr>' "$run/page.html" || true)
  total=$(grep -Eo '(More than )?[0-9,]+\+? stor(y|ies) · page [0-9,]+ of (more than )?[0-9,]+\+?' "$run/page.html" | head -1 || true)
  log "$page: HTTP $code, $total"
  [ "$code" = 200 ] && [ "$rows" -gt 1 ] || { echo "$page did not list stories" >&2; exit 1; }
done

export GAZETTE_COOKIE="$cookie"
# User + system CPU time of the Gazette process so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app/stat"; }
{
  echo "wrk -t$threads -c$connections -d$duration (after $warmup warm-up each), signed in as an admin, $(date -u +%FT%TZ)"
  echo "jar $(sha256sum "$jar" | cut -c1-12), commit $(git -C "$repo" rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$run/summary.txt"
for round in warm measure; do
  for page in "$first" "$filtered" "$search" "$deep"; do
    d="$duration"; [ "$round" = warm ] && d="$warmup"
    before=$(cpu_ticks)
    out=$(wrk -t"$threads" -c"$connections" -d"$d" --timeout 10s -s "$here/lib/admin-session.lua" "$base$page" \
      | tee -a "$run/wrk-$round.txt" | grep '^requests=')
    # Gazette's CPU time per request: steadier than latency when other jobs share the machine.
    cpu=$(awk -v t="$(( $(cpu_ticks) - before ))" -v hz="$(getconf CLK_TCK)" -v r="${out#requests=}" \
      'BEGIN { split(r, a, " "); printf "cpu_ms_per_request=%.1f", (a[1] > 0) ? t * 1000 / hz / a[1] : 0 }')
    if [ "$round" = measure ]; then printf '%-70s %s %s\n' "$page" "$out" "$cpu" | tee -a "$run/summary.txt"; fi
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$run/summary.txt"
log "done: $run/summary.txt"
