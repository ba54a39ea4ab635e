#!/usr/bin/env bash
# Search at 100,000 articles: full index build time, query latency at 8 concurrent clients, index
# size on disk, and the JVM heap in use after a full GC.
#
#   bench/search.sh
#
# Reuses the database of bench/load-articles.sh (building it the first time), starts Gazette on it
# with an empty --gazette.search.index-directory and times the rebuild until the log line "Search index
# rebuilt: N stories in M ms"; makes a mixed set of queries from the corpus vocabulary
# (bench/search-queries.py), asks each once to check the answers and warm up (bench/search-check.py),
# then runs wrk with bench/search-queries.lua at CLIENTS connections against /api/v1/search and prints
# p50/p95/p99. Waits first until no wrk runs and no other Gazette has the database open (another
# benchmark may share this machine). Everything it starts is stopped on exit. Traffic goes to
# 127.0.0.1 only; every wrk run is bounded by DURATION.
#
# Settings (environment): N=100000 SEARCH_PORT=18090 CLIENTS=8 THREADS=2 WARMUP=60s DURATION=20s
# ROUNDS=3 QUERIES=240 JAVA_OPTS="-Xms2g -Xmx2g" BENCH_WORK=/tmp/gazette-bench GAZETTE_ARGS=""
# BUILD_TIMEOUT=900 (seconds allowed for the index build) QUIET_TIMEOUT=3600 (seconds to wait for the
# machine) KEEP_INDEX=0 (1 keeps the built index in the run directory) BUILD_JAR=0 (1 rebuilds
# target/gazette.jar first) JAR=target/gazette.jar (another jar to measure, e.g. one built from another commit).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${BENCH_WORK:-/tmp/gazette-bench}"
N="${N:-100000}"
PORT="${SEARCH_PORT:-18090}"
CLIENTS="${CLIENTS:-8}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-60s}"
DURATION="${DURATION:-20s}"
ROUNDS="${ROUNDS:-3}"
QUERIES="${QUERIES:-240}"
JAVA_OPTS="${JAVA_OPTS:--Xms2g -Xmx2g}"
GAZETTE_ARGS="${GAZETTE_ARGS:-}"
BUILD_TIMEOUT="${BUILD_TIMEOUT:-900}"
QUIET_TIMEOUT="${QUIET_TIMEOUT:-3600}"
KEEP_INDEX="${KEEP_INDEX:-0}"
BUILD_JAR="${BUILD_JAR:-0}"
export BENCH_WORK="$work"

log() { printf '[search-bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "search-bench: $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

for tool in java jcmd curl wrk python3 unzip; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y wrk curl unzip; JDK 17+ with jcmd)"
done
if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/"; then
  die "something already listens on 127.0.0.1:$PORT; set SEARCH_PORT"
fi

# 1. the jar, with the search in it
jar="${JAR:-$repo/target/gazette.jar}"
# (grep -c, not -q: with pipefail, grep -q closing the pipe early would fail unzip, and the test.)
if [ "$BUILD_JAR" = 1 ] || [ ! -f "$jar" ] || [ "$(unzip -Z1 "$jar" | grep -c 'org/gazette/search/Search.class')" = 0 ]; then
  log "building target/gazette.jar"
  (cd "$repo" && ./mvnw -q -DskipTests package)
fi
mkdir -p "$work"
run="$(mktemp -d "$work/search-$(date +%Y%m%d-%H%M%S)-XXXX")"
chmod 755 "$run"
# A copy, so a rebuild of target/ during the run does not change what is measured.
cp "$jar" "$run/gazette.jar"
log "run directory $run"

# 2. the database (shared with bench/run.sh; reused while the migrations are unchanged)
JAR="$run/gazette.jar" "$here/load-articles.sh" --n "$N"
db="$work/db-$N"
db_url="jdbc:h2:file:$db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
corpus="$work/corpus-$N/articles.jsonl"
[ -f "$corpus" ] || die "no corpus at $corpus (bench/load-articles.sh --force makes it)"

gazette_pid=""
index="$run/search-index"
cleanup() {
  set +e
  if [ -n "$gazette_pid" ] && kill -0 "$gazette_pid" 2>/dev/null; then kill "$gazette_pid"; wait "$gazette_pid" 2>/dev/null; fi
  if [ "$KEEP_INDEX" != 1 ]; then rm -rf "$index"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Another benchmark may be running on this machine: measure only when it is not. An H2 file database
# is also open in one process at a time.
wait_quiet() {
  local waited=0
  while pgrep -x wrk >/dev/null || { pgrep -f -- "$db/gazette" | grep -qvx "${gazette_pid:-none}"; }; do
    [ "$waited" -lt "$QUIET_TIMEOUT" ] || die "the machine did not become quiet in $QUIET_TIMEOUT s (wrk, or another Gazette on $db)"
    [ "$waited" -eq 0 ] && log "waiting: wrk is running or another Gazette has $db open"
    sleep 10
    waited=$((waited + 10))
  done
  [ "$waited" -eq 0 ] || log "quiet after ${waited} s"
}

# 3. the queries, from the corpus vocabulary
python3 "$here/search-queries.py" --corpus "$corpus" --out "$run" --count "$QUERIES" | tee "$run/queries.txt"

wait_quiet
{
  echo "date: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | tr '\n' ' ')"
  echo "wrk: $(wrk --version 2>&1 | head -1)"
  echo "commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null)$(git -C "$repo" diff --quiet -- src pom.xml 2>/dev/null || echo ' (src has local changes)')"
  echo "jar: $(sha256sum "$run/gazette.jar" | cut -c1-16) built $(date -u -r "$jar" +%FT%TZ)"
  echo "database: $(cat "$db/.loaded")"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "JAVA_OPTS: $JAVA_OPTS"
  echo "wrk: -t$THREADS -c$CLIENTS -d$DURATION x $ROUNDS rounds after $WARMUP warm-up, $QUERIES queries"
} | tee "$run/machine.txt"

# 4. Gazette on the bench database with an empty index directory: it rebuilds the index on start
g="http://127.0.0.1:$PORT"
log "starting Gazette on $g with an empty index in $index"
start=$(now)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$run/gazette.jar" --server.address=127.0.0.1 --server.port="$PORT" \
  --gazette.demo-content=false --spring.datasource.url="$db_url" --gazette.search.index-directory="$index" \
  $GAZETTE_ARGS >"$run/gazette.log" 2>&1 &
gazette_pid=$!
built=""
for _ in $(seq 1 $((BUILD_TIMEOUT * 4))); do
  kill -0 "$gazette_pid" 2>/dev/null || { tail -40 "$run/gazette.log"; die "Gazette exited"; }
  built=$(grep -m1 -o 'Search index rebuilt: [0-9]* stories in [0-9]* ms' "$run/gazette.log" || true)
  [ -n "$built" ] && break
  grep -q 'Search index rebuild failed' "$run/gazette.log" && { tail -60 "$run/gazette.log"; die "the index rebuild failed"; }
  sleep 0.25
done
[ -n "$built" ] || die "no \"Search index rebuilt\" line after $BUILD_TIMEOUT s; see $run/gazette.log"
wall=$(since "$start")
stories=$(echo "$built" | awk '{ print $4 }')
build_ms=$(echo "$built" | awk '{ print $7 }')
started=$(grep -m1 -o 'Started [A-Za-z]* in [0-9.]* seconds' "$run/gazette.log" | awk '{ print $4 }' || true)
log "$built (Spring started in ${started:-?} s; ${wall} s from launch to the log line)"
[ "$stories" = "$N" ] || log "WARNING: indexed $stories stories, expected $N"
folder="$index/$(cat "$index/current")"
index_bytes=$(du -sb "$folder" | cut -f1)
index_files=$(find "$folder" -type f | wc -l)
log "index: $(du -sh "$folder" | cut -f1) ($index_bytes bytes, $index_files files)"

# 5. every query once, one at a time: checks the answers, warms the JIT and the page cache
log "asking each of the $QUERIES queries once"
python3 "$here/search-check.py" --base "$g" --queries "$run/search-queries.tsv" | tee "$run/check.txt"

# CPU time (clock ticks) the Gazette JVM has used so far
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$gazette_pid/stat"; }
hz=$(getconf CLK_TCK)

# 6. warm-up, then the measured rounds, all bounded by wrk's -d
wait_quiet
log "warm-up: wrk -t$THREADS -c$CLIENTS -d$WARMUP"
wrk -t"$THREADS" -c"$CLIENTS" -d"$WARMUP" --timeout 10s -s "$here/search-queries.lua" "$g" -- \
  "$run/search-queries.txt" "$THREADS" >"$run/wrk-warmup.txt" 2>&1 || true
: >"$run/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  wait_quiet
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(cpu_ticks)
  wrk -t"$THREADS" -c"$CLIENTS" -d"$DURATION" --timeout 10s -s "$here/search-queries.lua" "$g" -- \
    "$run/search-queries.txt" "$THREADS" >"$run/wrk-$round.txt" 2>&1 || true
  after=$(cpu_ticks)
  line=$(grep '^search-latency ' "$run/wrk-$round.txt" || echo "search-latency (wrk failed; see wrk-$round.txt)")
  requests=$(echo "$line" | sed -n 's/.*requests=\([0-9]*\).*/\1/p')
  cpu_us=$(awk -v t=$((after - before)) -v hz="$hz" -v n="${requests:-0}" 'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }')
  echo "round $round: ${line#search-latency } cpu_us_per_request=$cpu_us load_before=$load" | tee -a "$run/results.txt"
done

# Each query once more, one at a time, now with a warm JVM: the latency of a single reader.
python3 "$here/search-check.py" --base "$g" --queries "$run/search-queries.tsv" >"$run/check-warm.txt"

# 7. heap after a full GC, and the process' resident memory
jcmd "$gazette_pid" GC.run >/dev/null
jcmd "$gazette_pid" GC.heap_info >"$run/heap.txt"
heap_used=$(awk '/heap/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/[,K]+$/, "", v); print int(v / 1024); exit } }' "$run/heap.txt")
rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$gazette_pid/status")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$run/machine.txt"

# 8. the summary
{
  echo
  echo "index build: $stories stories in $build_ms ms (log line); ${wall} s from JVM launch to the log line, Spring up after ${started:-?} s"
  echo "index size: $index_bytes bytes ($(awk -v b="$index_bytes" 'BEGIN { printf "%.0f MiB, %.0f bytes a story", b / 1048576, b / '"${stories:-1}"' }')), $index_files files"
  echo "heap used after full GC: ${heap_used:-?} MiB (of $JAVA_OPTS); process RSS ${rss:-?} MiB (the index is memory-mapped, outside the heap)"
  echo "latency, wrk -t$THREADS -c$CLIENTS -d$DURATION through /api/v1/search, $QUERIES mixed queries cycled:"
  sed 's/^/  /' "$run/results.txt"
  echo "single client, warm JVM, each query once (bench/search-check.py), median and max ms per kind:"
  sed 's/^/  /' "$run/check-warm.txt"
  awk -v ms="$build_ms" 'BEGIN { printf "target build < 120 s: %s\n", (ms < 120000 ? "met" : "MISSED") }'
  p95s=$(grep -o 'p95=[0-9.]*' "$run/results.txt" | cut -d= -f2 | sort -n || true)
  if [ -n "$p95s" ]; then
    n=$(echo "$p95s" | wc -l)
    median=$(echo "$p95s" | sed -n "$(((n + 1) / 2))p")
    awk -v m="$median" -v n="$n" 'BEGIN { printf "target p95 < 20 ms: median of %d rounds %.2f ms, %s\n", n, m, (m < 20 ? "met" : "MISSED") }'
  else
    echo "target p95 < 20 ms: no measurement"
  fi
} | tee "$run/summary.txt"
log "done; logs, queries and wrk output in $run"
