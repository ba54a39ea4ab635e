#!/usr/bin/env bash
# Image uploads to the media library over HTTP, signed in: throughput and latency of an upload
# that is checked from its content, decoded, scaled into its renditions (480, 960, 1600 px),
# re-encoded and stored (issue 7).
#
#   bench/media-upload.sh
#
# 1. builds target/gazette.jar if missing, and makes a photograph-like JPEG
#    (bench/lib/MakePhoto.java, WIDTH x HEIGHT, default 4000 x 3000 = 12 megapixels);
# 2. starts Gazette on an empty H2 database and an empty media directory under BENCH_WORK,
#    creates an admin with `create-admin`, sets its password through the one-time link and signs
#    in with curl;
# 3. runs wrk with bench/lib/media-upload.lua: every request posts the photo with a few unique
#    bytes after its end, so each one is a new file (never deduplicated); first a warm-up, then
#    the measured run; the summary (uploads/s, p50/p95/p99, answers) goes to
#    BENCH_WORK/media-upload-*/summary.txt, with the heap the JVM was allowed and the files stored.
#
# Environment: BENCH_WORK=/tmp/gazette-bench PORT=18093 THREADS=2 CONNECTIONS=2 DURATION=30s
# WARMUP=10s WIDTH=4000 HEIGHT=3000 JAVA_OPTS="-Xms1g -Xmx1g"
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${BENCH_WORK:-/tmp/gazette-bench}"
port="${PORT:-18093}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-2}"
duration="${DURATION:-30s}"
warmup="${WARMUP:-10s}"
width="${WIDTH:-4000}"
height="${HEIGHT:-3000}"
java_opts="${JAVA_OPTS:--Xms1g -Xmx1g}"
jar="${JAR:-$repo/target/gazette.jar}"
run="$work/media-upload-$(date -u +%Y%m%d-%H%M%S)"
base="http://127.0.0.1:$port"
db_url="jdbc:h2:file:$run/db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
email="bench-admin@agency.example.gov"
password="a long benchmark passphrase $(date +%s)"

log() { printf '[media-upload %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
for tool in java curl wrk; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
mkdir -p "$run"

if [ ! -f "$jar" ]; then (cd "$repo" && ./mvnw -q -DskipTests package); fi
photo="$run/photo.jpg"
java "$here/lib/MakePhoto.java" "$photo" "$width" "$height"
log "photo: ${width}x${height}, $(stat -c %s "$photo") bytes"

# The benchmark's admin signs in with a password alone (see bench/lib/gazette.sh).
app_args=(--server.address=127.0.0.1 --server.port="$port" --gazette.demo-content=false
  --gazette.base-url="$base" --spring.datasource.url="$db_url" --gazette.media.directory="$run/media"
  --gazette.accounts.mfa-required-roles=publisher)

# shellcheck source=lib/gazette.sh
. "$here/lib/gazette.sh"
gazette_signed_in
# The upload form posts to its own address, which carries the form token.
action=$(curl -s -H "Cookie: $cookie" "$base/admin/media" | grep -Eo 'action="/admin/media\?_csrf=[^"]+"' | head -1 \
  | sed 's/^action="//; s/"$//; s/&amp;/\&/g')
[ -n "$action" ] || { echo "no upload form on /admin/media" >&2; exit 1; }

export GAZETTE_COOKIE="$cookie" GAZETTE_PHOTO="$photo"
{
  echo "wrk -t$threads -c$connections -d$duration (after $warmup warm-up), ${width}x${height} JPEG of $(stat -c %s "$photo") bytes, $(date -u +%FT%TZ)"
  echo "jar $(sha256sum "$jar" | cut -c1-12), commit $(git -C "$repo" rev-parse --short HEAD), JAVA_OPTS $java_opts, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$run/summary.txt"
wrk -t"$threads" -c"$connections" -d"$warmup" --timeout 60s -s "$here/lib/media-upload.lua" "$base$action" >"$run/wrk-warm.txt"
wrk -t"$threads" -c"$connections" -d"$duration" --timeout 60s -s "$here/lib/media-upload.lua" "$base$action" \
  | tee "$run/wrk-measure.txt" | grep '^uploads=' | tee -a "$run/summary.txt"
rss=$(awk '/VmHWM/ { print $2 " " $3 }' "/proc/$app/status")
echo "peak resident memory of the server: $rss; files stored: $(find "$run/media" -type f | wc -l)" | tee -a "$run/summary.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$run/summary.txt"
log "done: $run/summary.txt"
