#!/usr/bin/env bash
# Static export of N generated stories (default 10,000) with `gazette.jar export-static`, against a
# Hugo build of the same stories on the same machine.
#
#   bench/export.sh
#
# Needs JDK 17+, python3, unzip and hugo (Debian: apt-get install -y hugo).
# 1. builds the N-story H2 database with bench/load-articles.sh (reused when complete);
# 2. Gazette: `java -jar target/gazette.jar export-static OUT` four times on that database:
#    a first export into a new directory, an incremental one with nothing changed, an incremental
#    one after one change (a topic's description, through H2's RunScript, with its change event)
#    and a --full one that writes every file again; each timed as a whole (JVM start, Spring
#    context, export) and by the export's own report ("in X s"); then warm, in one process: the
#    application as a server with the automatic export on, three changes made while it runs, each
#    exported by the node (its log line "Exported the site ... in N ms");
# 3. Hugo: the same N stories as Markdown (../shared/tools/corpus.py --formats hugo, same seed, so
#    the same titles, dates, bylines, topics and bodies) with the minimal theme in bench/hugo-site
#    (story pages, the news listing and every topic and author 20 stories a page, RSS per listing,
#    sitemap, robots.txt); `hugo` timed twice, into an empty directory each time;
# 4. prints a table with the ratio Gazette / Hugo, also saved in BENCH_WORK/export-run-*/summary.txt;
#    each command's CPU time (user + system, GNU time) beside its wall time, since CPU time moves less
#    than wall time on a shared machine.
#
# Environment: N=10000, BENCH_WORK (default /tmp/gazette-bench), JAR (default target/gazette.jar),
# JAVA_OPTS (default -Xms1g -Xmx1g), WARM_PORT (default 18931), WARM_SETTLE (seconds, default 30),
# WARM (default 1; 0 skips the warm, in-process runs), HUGO_RUNS (default 2).
# Each command runs its work in a child JVM with C1 only and the serial collector, which it starts
# itself and whose CPU time GNU time counts (decision 0021); JAVA_OPTS go to both. A JAVA_OPTS that
# names the compiler (-XX:TieredStopAtLevel=...) keeps the work in the one JVM started here.
# The child starts from an extracted copy of the jar with a class-data archive, both under
# ./data/command-jvm of the directory this runs from (decision 0024): the first export of a new jar
# makes them (and is slower), the later ones map them.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${BENCH_WORK:-/tmp/gazette-bench}"
jar="${JAR:-$repo/target/gazette.jar}"
N="${N:-10000}"
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx1g}"
corpus_tool="$(cd "$repo/.." && pwd)/shared/tools/corpus.py"
db="$work/db-$N"
db_url="jdbc:h2:file:$db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
run="$work/export-run-$(date -u +%Y%m%dT%H%M%SZ)"

log() { printf '[export %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
die() { echo "$*" >&2; exit 1; }

command -v hugo >/dev/null || die "hugo is missing: apt-get install -y hugo"
[ -f "$jar" ] || (cd "$repo" && ./mvnw -q -B -DskipTests package)
mkdir -p "$run"

# 1. the database
"$here/load-articles.sh" --n "$N"

# 2. Gazette
out="$run/gazette-site"
gazette() {
  local label="$1"; shift
  local t; t=$(now)
  # shellcheck disable=SC2086
  /usr/bin/time -f '%U %S' -o "$run/$label.cpu" java $JAVA_OPTS -jar "$jar" export-static "$out" "$@" \
    --spring.datasource.url="$db_url" --gazette.demo-content=false --gazette.base-url=https://news.example.gov \
    --gazette.search.index-directory="$run/search-index" --logging.level.root=warn >"$run/$label.out" 2>&1 \
    || { cat "$run/$label.out" >&2; die "export-static failed ($label)"; }
  local total; total=$(since "$t")
  local line; line=$(grep '^Exported' "$run/$label.out")
  local own; own=$(sed -n 's/.* in \([0-9.]*\) s: .*/\1/p' <<<"$line")
  printf '%s\t%s\t%s\t%s\n' "$label" "$total" "$own" "$line" >>"$run/gazette.tsv"
  printf '%s\t%s\n' "gazette $label" "$(awk '{ printf "%.1f", $1 + $2 }' "$run/$label.cpu")" >>"$run/cpu.tsv"
  log "$label: ${total} s in all, ${own} s exporting: $line"
}
log "Gazette export-static of $N stories into $out"
gazette first
gazette incremental

# One change, as an editor makes it: a topic's description, which shows on every page of that
# topic's listing, with the change event the application appends for it; then an incremental
# export, which renders everything and writes only the files whose bytes changed.
# H2's own tools and Gazette's trigger class, from the jar measured: a reused database (one
# load-articles.sh built in another BENCH_WORK, copied here) comes without them.
tools="$run/h2-tools"
mkdir -p "$tools"
unzip -p "$jar" "$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$' | head -1)" >"$tools/h2.jar"
unzip -q -o "$jar" 'BOOT-INF/classes/org/gazette/platform/AppendOnlyTrigger.class' -d "$tools"
h2cp="$tools/h2.jar:$tools/BOOT-INF/classes"
change() {
  cat >"$run/change.sql" <<SQL
update topic set description = 'Changed for the benchmark at $(date +%s.%N).' where id = (select min(id) from topic);
insert into change_event (occurred_at, effective_at, kind, subject_type, subject_id)
  select current_timestamp, current_timestamp, 'updated', 'topic', min(id) from topic;
SQL
  java -cp "$h2cp" org.h2.tools.RunScript -url "$1" -user gazette -password "" -script "$run/change.sql"
}
change "$db_url"
gazette one-change
gazette full --full

if [ "${WARM:-1}" = 1 ]; then
# Warm, in one process: Gazette as a server with the automatic export on. Each change (made
# through H2's AUTO_SERVER while the node runs) is exported by the running node, which logs
# "Exported the site ... in N ms"; the first export after start pays for JIT warm-up.
warm_url="$db_url;AUTO_SERVER=TRUE"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$jar" --server.address=127.0.0.1 --server.port="${WARM_PORT:-18931}" \
  --spring.datasource.url="$warm_url" --gazette.demo-content=false --gazette.base-url=https://news.example.gov \
  --gazette.search.index-directory="$run/search-index" --gazette.export.automatic=true \
  --gazette.export.directory="$out" >"$run/warm.out" 2>&1 &
warm_pid=$!
trap 'kill "$warm_pid" 2>/dev/null || true' EXIT
# The application starts through its command-line launcher, whose name the line carries.
until grep -qE 'Started [A-Za-z]+ in ' "$run/warm.out"; do
  kill -0 "$warm_pid" 2>/dev/null || { cat "$run/warm.out" >&2; die "the warm node did not start"; }
  sleep 1
done
# Let the node's start-up work (the search index) finish before timing.
sleep "${WARM_SETTLE:-30}"
for i in 1 2 3; do
  t=$(now)
  change "$warm_url"
  until [ "$(grep -c 'Exported the site' "$run/warm.out")" -ge "$i" ]; do
    kill -0 "$warm_pid" 2>/dev/null || { cat "$run/warm.out" >&2; die "the warm node stopped"; }
    sleep 0.2
  done
  total=$(since "$t")
  line=$(grep 'Exported the site' "$run/warm.out" | sed -n "${i}p" | sed 's/.*Exported/Exported/')
  own=$(sed -n 's/.* in \([0-9]*\) ms$/\1/p' <<<"$line" | awk '{ printf "%.1f", $1 / 1000 }')
  printf '%s\t%s\t%s\t%s\n' "warm-change-$i" "$total" "$own" "$line" >>"$run/gazette.tsv"
  log "warm change $i: ${total} s from the change to the export's end, ${own} s exporting: $line"
done
kill "$warm_pid"; wait "$warm_pid" 2>/dev/null || true
trap - EXIT
fi
pages=$(find -L "$out" -name '*.html' | wc -l)
files=$(find -L "$out" -type f | wc -l)
bytes=$(du -shL "$out" | cut -f1)

# 3. Hugo
corpus="$work/corpus-hugo-$N"
if [ ! -f "$corpus/.done" ]; then
  log "writing the $N stories as Markdown for Hugo"
  rm -rf "$corpus"
  python3 "$corpus_tool" --n "$N" --formats hugo --out "$corpus" >/dev/null
  touch "$corpus/.done"
fi
site="$run/hugo-site"
cp -r "$here/hugo-site" "$site"
ln -s "$corpus/hugo-content" "$site/content"
hugo_build() {
  local label="$1"
  rm -rf "$run/hugo-public"
  local t; t=$(now)
  /usr/bin/time -f '%U %S' -o "$run/$label.cpu" \
    hugo --source "$site" --destination "$run/hugo-public" --cacheDir "$run/hugo-cache" >"$run/$label.out" 2>&1 \
    || { cat "$run/$label.out" >&2; die "hugo failed"; }
  local total; total=$(since "$t")
  local own; own=$(sed -n 's/^Total in \([0-9]*\) ms/\1/p' "$run/$label.out")
  printf '%s\t%s\t%s\n' "$label" "$total" "$(awk -v ms="$own" 'BEGIN { printf "%.1f", ms / 1000 }')" >>"$run/hugo.tsv"
  printf '%s\t%s\n' "$label" "$(awk '{ printf "%.1f", $1 + $2 }' "$run/$label.cpu")" >>"$run/cpu.tsv"
  log "$label: ${total} s in all (Hugo's own count: ${own} ms)"
}
log "Hugo $(hugo version | cut -d' ' -f2) build of the same $N stories"
hugo_build hugo-first
if [ "${HUGO_RUNS:-2}" -ge 2 ]; then hugo_build hugo-second; fi
hugo_pages=$(find "$run/hugo-public" -name '*.html' | wc -l)
hugo_files=$(find "$run/hugo-public" -type f | wc -l)
hugo_bytes=$(du -sh "$run/hugo-public" | cut -f1)

# 4. summary
{
  echo "N=$N stories; $(nproc) CPUs; load average before the summary: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Gazette output: $pages HTML pages, $files files, $bytes; Hugo output: $hugo_pages HTML pages, $hugo_files files, $hugo_bytes"
  cpu() { awk -F'\t' -v l="$1" '$1 == l { print $2 }' "$run/cpu.tsv"; }
  printf '%-24s %10s %12s %12s\n' run "wall s" "own s" "CPU s"
  while IFS=$'\t' read -r label total own _; do printf '%-24s %10s %12s %12s\n' "gazette $label" "$total" "$own" "$(cpu "gazette $label")"; done <"$run/gazette.tsv"
  while IFS=$'\t' read -r label total own; do printf '%-24s %10s %12s %12s\n' "$label" "$total" "$own" "$(cpu "$label")"; done <"$run/hugo.tsv"
  read -r _ g_total g_own _ < <(grep -P '^first\t' "$run/gazette.tsv" | tr '\t' ' ')
  read -r _ i_total i_own _ < <(grep -P '^incremental\t' "$run/gazette.tsv" | tr '\t' ' ')
  read -r _ h_total h_own < <(grep -P '^hugo-second\t' "$run/hugo.tsv" | tr '\t' ' ' || grep -P '^hugo-first\t' "$run/hugo.tsv" | tr '\t' ' ')
  read -r _ c_total c_own _ < <(grep -P '^one-change\t' "$run/gazette.tsv" | tr '\t' ' ')
  # Empty when the warm runs were skipped (WARM=0): read then fails, which is fine.
  w_own=""; read -r _ w_total w_own _ < <(grep -P '^warm-change-3\t' "$run/gazette.tsv" | tr '\t' ' ') || true
  awk -v g="$g_total" -v go="$g_own" -v i="$i_total" -v io="$i_own" -v c="$c_total" -v co="$c_own" -v wo="$w_own" -v h="$h_total" -v ho="$h_own" 'BEGIN {
    printf "ratio Gazette first export / Hugo build, wall time: %.2f (own times: %.2f)\n", g / h, go / ho
    printf "ratio Gazette incremental export / Hugo build, wall time: %.2f (own times: %.2f)\n", i / h, io / ho
    printf "ratio Gazette incremental export after one change / Hugo build, wall time: %.2f (own times: %.2f)\n", c / h, co / ho
    if (wo != "") printf "ratio Gazette warm in-process export after one change / Hugo build, own times: %.2f\n", wo / ho }'
  hugo_cpu=$(cpu hugo-second); hugo_cpu=${hugo_cpu:-$(cpu hugo-first)}
  awk -v g="$(cpu 'gazette first')" -v i="$(cpu 'gazette incremental')" -v c="$(cpu 'gazette one-change')" -v f="$(cpu 'gazette full')" -v h="$hugo_cpu" 'BEGIN {
    printf "ratio Gazette / Hugo, CPU seconds: first export %.2f, incremental (nothing changed) %.2f, after one change %.2f, --full %.2f\n", g / h, i / h, c / h, f / h }'
} | tee "$run/summary.txt"
log "files in $run"
