#!/usr/bin/env bash
# Imports a generated WordPress export of N posts (default 100,000) into a fresh embedded H2
# database with a 256 MB heap, and prints the command's own figures, the CPU time it used and the
# machine's load average. Needs JDK 17+ and python3. Extra arguments go to import-wxr.
# Work files go to BENCH_WORK (default /tmp/gazette-import-bench). From the repository root:
#   bench/import.sh            # N=100000
#   N=10000 bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-100000}"
WORK="${BENCH_WORK:-/tmp/gazette-import-bench}"
HEAP="${HEAP:--Xmx256m}"
mkdir -p "$WORK"
FILE="$WORK/posts-$N.xml"
if [ ! -s "$FILE" ]; then
  echo "Generating $N posts into $FILE"
  python3 bench/lib/make_wxr.py "$N" > "$FILE.tmp" && mv "$FILE.tmp" "$FILE"
fi
ls -l "$FILE"
JAR="${JAR:-target/gazette.jar}"
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
rm -rf "$WORK/db"
DB="jdbc:h2:file:$WORK/db/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=65536"
run() {
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -v java $HEAP -XX:+UseSerialGC -jar "$JAR" import-wxr "$FILE" \
    --spring.datasource.url="$DB" --gazette.search.index-directory="$WORK/search" "$@" \
    2> >(grep -E "User time|System time|Maximum resident|Elapsed|import-wxr|Exception" >&2)
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
echo "== first import"
run "$@"
echo "== second import of the same file (everything unchanged)"
run "$@"
