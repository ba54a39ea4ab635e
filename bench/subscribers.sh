#!/usr/bin/env bash
# Email subscriptions at 50,000 subscribers (issue 8): how fast the queue sends one story to all of
# them against a local SMTP sink at the configured rate, and whether readers' pages slow down
# meanwhile.
#
#   bench/subscribers.sh
#
# 1. builds target/gazette.jar if missing (BUILD_JAR=1 rebuilds it), and an H2 database of N
#    published articles with bench/load-articles.sh (reused when it exists); copies it;
# 2. adds SUBSCRIBERS confirmed subscribers of every story to the copy with one SQL statement
#    (H2 Shell, the H2 inside the jar);
# 3. starts the SMTP sink bench/lib/SmtpSink.java (accepts everything, keeps nothing, counts) and
#    Gazette on the copy with --spring.mail.* pointing at it and
#    --gazette.subscriptions.send-rate=RATE;
# 4. warms up, then measures public pages with wrk (bench/lib/public-pages.lua: /news, cached, and
#    listing pages /news/page/2.., each a cache miss) BEFORE any email;
# 5. releases the newest story's subscriber emails: the release task a scheduled story's release
#    runs (kind subscriber-email, due now) is inserted through H2's AUTO_SERVER, and the node's
#    release thread runs it, which queues one email per subscriber;
# 6. measures the same pages DURING the sending (up to ROUNDS rounds, each while emails are still
#    going out), then waits until the sink has every email;
# 7. prints emails/s, the time from the release to the last email, Gazette's CPU per email, the
#    queue's final states, and p50/p95/p99 of the pages before and during; all in
#    BENCH_WORK/subscribers-run-*/summary.txt. Everything it starts is stopped on exit.
#
# Traffic goes to 127.0.0.1 only; every wrk run is bounded by DURATION, the sink by SEND_TIMEOUT.
# Environment: N=10000 SUBSCRIBERS=50000 RATE=1000 PORT=18095 SMTP_PORT=18025 THREADS=2
# CONNECTIONS=8 DURATION=15s WARMUP=10s ROUNDS=3 SEND_TIMEOUT=1800 (seconds) SINK_DELAY_MS=0 (the sink
# waits that long before answering each message: a slow SMTP server)
# JAVA_OPTS="-Xms1g -Xmx1g" BENCH_WORK=/tmp/gazette-bench BUILD_JAR=0 GAZETTE_ARGS=""
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${BENCH_WORK:-/tmp/gazette-bench}"
n="${N:-10000}"
subscribers="${SUBSCRIBERS:-50000}"
rate="${RATE:-1000}"
port="${PORT:-18095}"
smtp_port="${SMTP_PORT:-18025}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-8}"
duration="${DURATION:-15s}"
warmup="${WARMUP:-10s}"
rounds="${ROUNDS:-3}"
send_timeout="${SEND_TIMEOUT:-1800}"
sink_delay="${SINK_DELAY_MS:-0}"
java_opts="${JAVA_OPTS:--Xms1g -Xmx1g}"
gazette_args="${GAZETTE_ARGS:-}"
base="http://127.0.0.1:$port"

log() { printf '[subscribers %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "subscribers-bench: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

for tool in java curl wrk unzip python3; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y wrk curl unzip python3; JDK 17+)"
done
for p in "$port" "$smtp_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then die "something already listens on 127.0.0.1:$p; set PORT / SMTP_PORT"; fi
done

# 1. the jar and the articles
jar="$repo/target/gazette.jar"
if [ "${BUILD_JAR:-0}" = 1 ] || [ ! -f "$jar" ]; then
  log "building target/gazette.jar"
  (cd "$repo" && ./mvnw -q -DskipTests package)
fi
mkdir -p "$work"
run="$(mktemp -d "$work/subscribers-run-$(date -u +%Y%m%d-%H%M%S)-XXXX")"
# A copy, so a rebuild of target/ during the run does not change what is measured.
cp "$jar" "$run/gazette.jar"
jar="$run/gazette.jar"
log "run directory $run"
JAR="$jar" BENCH_WORK="$work" "$here/load-articles.sh" --n "$n"
mkdir -p "$run/db"
cp "$work/db-$n/gazette.mv.db" "$run/db/gazette.mv.db"
db_url="jdbc:h2:file:$run/db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"

# H2's shell, from the jar; the append-only triggers name a Gazette class, which H2 loads.
unzip -p "$jar" "$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$' | head -1)" >"$run/h2.jar"
unzip -q -o "$jar" 'BOOT-INF/classes/org/gazette/platform/AppendOnlyTrigger.class' -d "$run/triggers"
# (The shell prints an SQL error and still exits 0: the output is checked.)
sql() {
  local out
  out=$(java -cp "$run/h2.jar:$run/triggers/BOOT-INF/classes" org.h2.tools.Shell -url "$db_url" -user gazette -password "" -sql "$1")
  case "$out" in *Error:*) echo "$out" >&2; die "SQL failed" ;; esac
  echo "$out"
}

app=""
sink=""
stop() {
  set +e
  for pid in "$app" "$sink"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null; fi
  done
}
trap stop EXIT

# 2. the subscribers: confirmed, every story, immediate emails
started=$(now_ms)
sql "insert into subscriber (email, status, all_stories, frequency, created_at, updated_at, confirmed_at)
     select 'reader-' || r.n || '@sink.example.gov', 'confirmed', true, 'immediate',
            current_timestamp, current_timestamp, current_timestamp from system_range(1, $subscribers) as r(n)" >"$run/subscribers.txt"
log "$(grep -Eo 'Update count: [0-9]+' "$run/subscribers.txt") subscribers inserted in $(( $(now_ms) - started )) ms"

# 3. the sink and Gazette
status="$run/sink-status"
java "$here/lib/SmtpSink.java" "$smtp_port" "$status" "$((send_timeout + 1200))" "$sink_delay" >"$run/sink.log" 2>&1 &
sink=$!
log "starting Gazette on $base, send rate $rate a second"
# shellcheck disable=SC2086
java $java_opts -jar "$jar" --server.address=127.0.0.1 --server.port="$port" --gazette.demo-content=false \
  --gazette.base-url="$base" --spring.datasource.url="$db_url" --gazette.search.index-directory="$run/search" \
  --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port" --gazette.subscriptions.send-rate="$rate" \
  $gazette_args >"$run/gazette.log" 2>&1 &
app=$!
for _ in $(seq 1 1200); do
  kill -0 "$app" 2>/dev/null || die "Gazette stopped; see $run/gazette.log"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/news" || true)" = 200 ] && break
  sleep 0.5
done
# The search index is rebuilt at start; measuring waits until that work is done.
for _ in $(seq 1 1200); do
  grep -q "Search index rebuilt" "$run/gazette.log" && break
  sleep 0.5
done
[ -s "$status" ] || sleep 2
[ -s "$status" ] || die "the SMTP sink did not start; see $run/sink.log"
sent() { cut -d' ' -f1 "$status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app/stat"; }
tck=$(getconf CLK_TCK)

last_page=$((n / 20))
pages() { # LABEL DURATION PATH [FIRST LAST]
  local label="$1" d="$2"; shift 2
  PAGES_LABEL="$label" wrk -t"$threads" -c"$connections" -d"$d" -s "$here/lib/public-pages.lua" "$base" -- "$@" \
    | grep -E "^$label " || true
}
{
  echo "bench/subscribers.sh: $subscribers subscribers, $n articles, send-rate $rate, sink delay ${sink_delay} ms, wrk -t$threads -c$connections -d$duration, $(date -u +%FT%TZ)"
  echo "jar $(sha256sum "$jar" | cut -c1-12), commit $(git -C "$repo" rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$run/summary.txt"

# 4. before
log "warming up ($warmup per page)"
pages warm-cached "$warmup" /news >/dev/null
pages warm-misses "$warmup" /news 2 "$last_page" >/dev/null
log "pages before any email"
pages before-cached "$duration" /news | tee -a "$run/summary.txt"
pages before-misses "$duration" /news 2 "$last_page" | tee -a "$run/summary.txt"
echo "load before the release: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$run/summary.txt"

# 5. the release
cpu_before=$(cpu_ticks)
released=$(now_ms)
sql "insert into release_task (article_id, publication_id, publication_kind, kind, due_at, next_attempt_at, created_at)
     select p.article_id, p.id, 'first-release', 'subscriber-email', current_timestamp, current_timestamp, current_timestamp
     from publication p where p.id = (select max(id) from publication)" >"$run/release.txt"
log "story released (its subscriber-email task is due now)"

# 6. during
for round in $(seq 1 "$rounds"); do
  [ "$(sent)" -lt "$subscribers" ] || break
  from=$(sent)
  pages "during$round-cached" "$duration" /news | tee -a "$run/summary.txt"
  pages "during$round-misses" "$duration" /news 2 "$last_page" | tee -a "$run/summary.txt"
  echo "  round $round: the sink received emails $from..$(sent) while it ran; load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$run/summary.txt"
done
deadline=$(( $(date +%s) + send_timeout ))
while [ "$(sent)" -lt "$subscribers" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "not every email arrived within ${send_timeout}s: $(sent)" | tee -a "$run/summary.txt"; break; }
  kill -0 "$app" 2>/dev/null || die "Gazette stopped; see $run/gazette.log"
  sleep 1
done
sleep 1
cpu_after=$(cpu_ticks)
read -r count bytes first last <"$status"

# 7. figures
{
  echo "emails received by the sink: $count ($((bytes / 1024 / 1024)) MiB)"
  python3 - "$count" "$released" "$first" "$last" "$cpu_before" "$cpu_after" "$tck" <<'EOF'
import sys
count, released, first, last, cpu0, cpu1, tck = (int(x) for x in sys.argv[1:])
if count > 1 and last > first:
    print(f"release -> first email: {(first - released) / 1000:.1f} s; release -> last email: {(last - released) / 1000:.1f} s")
    print(f"emails/s, first to last email: {(count - 1) / ((last - first) / 1000):.1f}")
    cpu = (cpu1 - cpu0) / tck
    print(f"Gazette CPU from the release to the last email: {cpu:.1f} s = {cpu / count * 1000:.2f} ms per email")
EOF
  echo "queue states: $(sql "select state, count(*) from subscriber_delivery group by state" | tr -s '\n' ' ')"
  echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$run/summary.txt"
grep -E "WARN|ERROR" "$run/gazette.log" | grep -v TotpSecrets | tail -5 || true
log "summary in $run/summary.txt"
