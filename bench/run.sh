#!/usr/bin/env bash
# Gazette vs nginx on the same bytes, with 100,000 published articles.
#
#   bench/run.sh
#
# Builds target/gazette.jar if missing, prepares the database (bench/load-articles.sh, reused when
# present), starts Gazette on it, times cold (uncached) pages, warms up, runs wrk against four public
# pages, saves the same pages' HTML and serves them with nginx (bench/nginx.conf), runs the same wrk
# command against nginx, and prints a comparison. Everything it starts is stopped on exit.
# Traffic goes to 127.0.0.1 only.
#
# Settings (environment): N=100000 GAZETTE_PORT=18080 NGINX_PORT=18081 THREADS=2 CONNECTIONS=32
# DURATION=20s WARMUP=15s WARMUP_ROUNDS=2 JAVA_OPTS="-Xms2g -Xmx2g" BENCH_WORK=/tmp/gazette-bench
# GAZETTE_ARGS="" (extra Spring Boot arguments, e.g. --server.tomcat.max-keep-alive-requests=-1)
# JFR=1 records a Java Flight Recording (profile settings) of the measured Gazette runs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${BENCH_WORK:-/tmp/gazette-bench}"
N="${N:-100000}"
GAZETTE_PORT="${GAZETTE_PORT:-18080}"
NGINX_PORT="${NGINX_PORT:-18081}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-15s}"         # one warm-up slice; WARMUP_ROUNDS slices per page
WARMUP_ROUNDS="${WARMUP_ROUNDS:-2}"
JAVA_OPTS="${JAVA_OPTS:--Xms2g -Xmx2g}"
GAZETTE_ARGS="${GAZETTE_ARGS:-}"
JFR="${JFR:-0}"
DEEP="${DEEP:-2000}"           # the deep listing page measured
LAST=$((N / 20))               # the last listing page (20 stories a page)
export BENCH_WORK="$work"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "bench: $*" >&2; exit 1; }

for tool in java curl wrk nginx python3 unzip; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y wrk nginx curl unzip; JDK 17+)"
done
for port in "$GAZETTE_PORT" "$NGINX_PORT"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
    die "something already listens on 127.0.0.1:$port; set GAZETTE_PORT / NGINX_PORT"
  fi
done

# 1. the jar
if [ ! -f "$repo/target/gazette.jar" ]; then
  log "building target/gazette.jar"
  (cd "$repo" && ./mvnw -q -DskipTests package)
fi

mkdir -p "$work"
run="$(mktemp -d "$work/run-$(date +%Y%m%d-%H%M%S)-XXXX")"
chmod 755 "$run"
# A copy of the jar, so a rebuild during the run does not change what is measured.
cp "$repo/target/gazette.jar" "$run/gazette.jar"
log "run directory $run"

# 2. the database (built with the same jar's migrations; reused while they are unchanged)
JAR="$run/gazette.jar" "$here/load-articles.sh" --n "$N"
db="$work/db-$N"
db_url="jdbc:h2:file:$db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"

gazette_pid=""
nginx_pid=""
cleanup() {
  set +e
  if [ -n "$gazette_pid" ] && kill -0 "$gazette_pid" 2>/dev/null; then kill "$gazette_pid"; wait "$gazette_pid" 2>/dev/null; fi
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then kill -QUIT "$nginx_pid"; wait "$nginx_pid" 2>/dev/null; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "date: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | tr '\n' ' ')"
  echo "nginx: $(nginx -v 2>&1)"
  echo "wrk: $(wrk --version 2>&1 | head -1)"
  echo "commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null)$(git -C "$repo" diff --quiet -- src pom.xml 2>/dev/null || echo ' (src has local changes)')"
  echo "jar: $(sha256sum "$run/gazette.jar" | cut -c1-16) built $(date -u -r "$repo/target/gazette.jar" +%FT%TZ)"
  echo "database: $(cat "$db/.loaded")"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "JAVA_OPTS: $JAVA_OPTS"
  echo "GAZETTE_ARGS: $GAZETTE_ARGS"
  echo "wrk: -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
} | tee "$run/machine.txt"

# 3. Gazette on the bench database
g="http://127.0.0.1:$GAZETTE_PORT"
log "starting Gazette on $g ($JAVA_OPTS)"
start=$(date +%s.%N)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$run/gazette.jar" --server.address=127.0.0.1 --server.port="$GAZETTE_PORT" \
  --gazette.demo-content=false --spring.datasource.url="$db_url" $GAZETTE_ARGS >"$run/gazette.log" 2>&1 &
gazette_pid=$!
# Wait on an address that renders no page (403 from the security rules), so no page is cached yet.
for _ in $(seq 1 240); do
  kill -0 "$gazette_pid" 2>/dev/null || { tail -40 "$run/gazette.log"; die "Gazette exited"; }
  code=$(curl -s -o /dev/null -w '%{http_code}' "$g/actuator/health" || true)
  [ "$code" != 000 ] && break
  sleep 0.25
done
[ "$code" != 000 ] || die "Gazette did not start in 60 s"
log "Gazette answers after $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

# 4. cold, uncached pages: each address is asked for once, the first time since start
timed() { # label path -> prints label, status, bytes, milliseconds
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' "$g$2")
  printf '%-44s %s %8s bytes %8.1f ms\n' "$1 $2" "${out%% *}" "$(echo "$out" | cut -d' ' -f2)" \
    "$(awk -v t="${out##* }" 'BEGIN { print t * 1000 }')"
}
{
  echo "## right after start (cold JVM, empty page cache)"
  timed "first request:" "/news/page/$DEEP"
  for p in $((DEEP - 1)) $((DEEP - 2)) $((DEEP - 3)) $((DEEP - 4)); do timed "uncached:" "/news/page/$p"; done
  timed "uncached, first page:" "/news"
} | tee "$run/cold.txt"
story=$(curl -s "$g/news/page/$DEEP" | grep -o 'href="/news/[a-z0-9-]*"' | head -1 | sed 's/^href="//; s/"$//')
[ -n "$story" ] || die "no story link on /news/page/$DEEP"
topic="/topics/trade"
{
  timed "uncached story:" "$story"
  timed "uncached topic:" "$topic"
  timed "cached (2nd request):" "/news/page/$DEEP"
} | tee -a "$run/cold.txt"

pages=("/news" "/news/page/$DEEP" "$story" "$topic")
names=("news" "news-page-$DEEP" "story" "topic")
labels=("/news" "/news/page/$DEEP" "story" "topic")

# CPU time (clock ticks) used so far by a process and its children threads/workers
cpu_ticks() { # pid... -> ticks
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
  done
  echo "$total"
}
server_pids() { # the processes serving requests: Gazette's JVM, or nginx's master and workers
  if [ -n "$gazette_pid" ]; then echo "$gazette_pid"; else echo "$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"; fi
}
hz=$(getconf CLK_TCK)

# wrk, then "rps p50_ms p99_ms non2xx errors cpu_us_per_request"
wrk_run() { # name [wrk options...] url [-- script args]
  local name="$1" before after
  shift
  # shellcheck disable=SC2046
  before=$(cpu_ticks $(server_pids))
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" >"$run/wrk-$name.txt" 2>&1 || true
  # shellcheck disable=SC2046
  after=$(cpu_ticks $(server_pids))
  awk -v cpu=$((after - before)) -v hz="$hz" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; if (v ~ /m$/) return v * 60000; return v }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    / requests in / { n = $1 }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { err = $0; sub(/.*errors: /, "", err); gsub(/ /, "", err) }
    END { printf "%.0f %.2f %.2f %d %s %.0f\n", rps, p50, p99, bad, (err == "" ? "-" : err), (n > 0 ? cpu * 1e6 / hz / n : 0) }
  ' "$run/wrk-$name.txt"
}

# 5. warm-up (JIT, page cache), then the measured runs
# The JIT needs about two minutes of this load on 2 cores before Gazette reaches its steady state.
log "warming up Gazette: $WARMUP_ROUNDS x $WARMUP per page, pages in turn"
for _ in $(seq 1 "$WARMUP_ROUNDS"); do
  for i in "${!pages[@]}"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$g${pages[$i]}" >/dev/null 2>&1 || true
  done
done
: >"$run/results.tsv"
if [ "$JFR" = 1 ]; then jcmd "$gazette_pid" JFR.start name=bench settings=profile filename="$run/gazette.jfr" >/dev/null; fi
for i in "${!pages[@]}"; do
  log "wrk Gazette ${pages[$i]}"
  echo "gazette ${names[$i]} $(wrk_run "gazette-${names[$i]}" "$g${pages[$i]}")" | tee -a "$run/results.tsv"
done
if [ "$JFR" = 1 ]; then jcmd "$gazette_pid" JFR.stop name=bench >/dev/null; log "flight recording: $run/gazette.jfr"; fi

# 6. uncached again, now with a warm JVM: pages nobody asked for yet
{
  echo "## uncached, warm JVM (after the runs above)"
  for p in $((DEEP * 3 / 4)) $((DEEP * 3 / 4 + 1)) $((DEEP * 3 / 4 + 2)) $((DEEP * 3 / 4 + 3)) $((DEEP * 3 / 4 + 4)) \
    $((LAST * 3 / 5)) $((LAST * 4 / 5)) $((LAST - 1)); do
    timed "uncached:" "/news/page/$p"
  done
  timed "uncached deep topic page:" "$topic/page/300"
  timed "uncached author page:" "/authors/alice-morgan"
} | tee -a "$run/cold.txt"
log "wrk Gazette, every request a different uncached listing page (/news/page/$((DEEP + 1))..$((LAST - 2)))"
echo "gazette misses $(wrk_run "gazette-misses" --timeout 30s -s "$here/lib/misses.lua" "$g" -- "$THREADS" $((DEEP + 1)) $((LAST - 2)))" \
  | tee -a "$run/results.tsv"

# 7. the same bytes from nginx
mkdir -p "$run/html" "$run/tmp"
for i in "${!pages[@]}"; do
  curl -s -D "$run/html/${names[$i]}.headers" -o "$run/html/${names[$i]}.html" "$g${pages[$i]}"
done
chmod 755 "$run/html"; chmod 644 "$run/html/"*
kill "$gazette_pid"; wait "$gazette_pid" 2>/dev/null || true; gazette_pid=""
sed -e "s#@RUN@#$run#g" -e "s#@ROOT@#$run/html#g" -e "s#@PORT@#$NGINX_PORT#g" "$here/nginx.conf" >"$run/nginx.conf"
nginx -e "$run/nginx-error.log" -p "$run" -c "$run/nginx.conf" &
nginx_pid=$!
n="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 1 40); do curl -s -o /dev/null "$n/news.html" && break; sleep 0.25; done
for i in "${!pages[@]}"; do
  cmp -s <(curl -s "$n/${names[$i]}.html") "$run/html/${names[$i]}.html" || die "nginx does not serve the same bytes for ${names[$i]}"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$n/${names[$i]}.html" >/dev/null 2>&1 || true
done
for i in "${!pages[@]}"; do
  log "wrk nginx ${names[$i]}.html"
  echo "nginx ${names[$i]} $(wrk_run "nginx-${names[$i]}" "$n/${names[$i]}.html")" | tee -a "$run/results.tsv"
done
kill -QUIT "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""

# 8. the table
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$run/machine.txt"
{
  echo
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, 127.0.0.1; story = $story"
  printf '%-16s %6s | %9s %7s %7s %7s | %9s %7s %7s %7s | %6s  %s\n' page bytes "gazette/s" p50ms p99ms "cpu-us" "nginx/s" p50ms p99ms "cpu-us" ratio "targets (>=50% of nginx, p99<20ms)"
  for i in "${!pages[@]}"; do
    read -r _ _ grps gp50 gp99 gbad gerr gcpu < <(grep "^gazette ${names[$i]} " "$run/results.tsv")
    read -r _ _ nrps np50 np99 nbad nerr ncpu < <(grep "^nginx ${names[$i]} " "$run/results.tsv")
    bytes=$(stat -c %s "$run/html/${names[$i]}.html")
    ratio=$(awk -v a="$grps" -v b="$nrps" 'BEGIN { printf "%.0f%%", (b > 0 ? 100 * a / b : 0) }')
    verdict=$(awk -v a="$grps" -v b="$nrps" -v p="$gp99" -v bad="$gbad$nbad" 'BEGIN {
      s = (a >= b / 2 ? "rps ok" : "rps MISSED") ", " (p < 20 ? "p99 ok" : "p99 MISSED"); if (bad != "00") s = s " (non-2xx!)"; print s }')
    printf '%-16s %6s | %9s %7s %7s %7s | %9s %7s %7s %7s | %6s  %s\n' "${labels[$i]}" "$bytes" "$grps" "$gp50" "$gp99" "$gcpu" "$nrps" "$np50" "$np99" "$ncpu" "$ratio" "$verdict"
  done
  read -r _ _ r1 _ _ _ _ _ < <(grep "^gazette news " "$run/results.tsv")
  read -r _ _ r2000 _ _ _ _ _ < <(grep "^gazette news-page-$DEEP " "$run/results.tsv")
  read -r _ _ rm mp50 mp99 mbad merr mcpu < <(grep "^gazette misses " "$run/results.tsv")
  awk -v a="$r1" -v b="$r2000" 'BEGIN { printf "deep listing (page '"$DEEP"', cached) vs first page: %.2fx the time per request (target <= 2x)\n", (b > 0 ? a / b : 0) }'
  echo "uncached listing pages (every request a new page $((DEEP + 1))..$((LAST - 2))): $rm req/s, p50 $mp50 ms, p99 $mp99 ms, Gazette CPU $mcpu us/request, non-2xx $mbad, socket errors $merr"
  echo "cpu-us = CPU time the server process(es) used per request (user+system, from /proc), a figure that other load on the machine disturbs less than req/s"
} | tee "$run/summary.txt"
log "done; raw wrk output, logs and saved pages in $run"
