#!/usr/bin/env bash
# Imports a generated WordPress export of N posts (default 100,000) three times, each from a
# fresh working folder, and prints the command's own figures, /usr/bin/time's (wall clock, CPU,
# peak memory) and the machine's load average:
#   1. the README's command, exactly: `java -jar gazette.jar import-wxr FILE`, run in an empty
#      folder so that it makes its own ./data (embedded H2, the default URL): the speed target;
#   2. the same file again on that database (every item unchanged);
#   3. the README's command in a bounded heap, `java $BOUNDED -jar ...` (default -Xmx256m): the
#      memory bound of the issue.
# Needs JDK 17+ and python3. Extra arguments go to import-wxr. Work files go to BENCH_WORK
# (default /tmp/gazette-import-bench). From the repository root:
#   bench/import.sh            # N=100000
#   N=10000 bench/import.sh
#   RUNS="readme" bench/import.sh   # only the first run (also: again, bounded)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-100000}"
WORK="${BENCH_WORK:-/tmp/gazette-import-bench}"
BOUNDED="${BOUNDED:--Xmx256m}"
RUNS="${RUNS:-readme again bounded}"
mkdir -p "$WORK"
FILE="$WORK/posts-$N.xml"
if [ ! -s "$FILE" ]; then
  echo "Generating $N posts into $FILE"
  python3 bench/lib/make_wxr.py "$N" > "$FILE.tmp" && mv "$FILE.tmp" "$FILE"
fi
ls -l "$FILE"
JAR="${JAR:-target/gazette.jar}"
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"

# run FOLDER [JVM options...]: the README's command, from FOLDER.
run() {
  local folder="$1"
  shift
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd "$folder" && /usr/bin/time -v java "$@" -jar "$JAR" import-wxr "$FILE" $EXTRA \
    2> >(grep -E "User time|System time|Maximum resident|Elapsed|import-wxr|Exception" >&2))
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
EXTRA="$*"
for step in $RUNS; do
  case "$step" in
    readme)
      echo "== 1. the README's command into an empty folder: java -jar gazette.jar import-wxr FILE"
      rm -rf "$WORK/readme" && mkdir -p "$WORK/readme"
      run "$WORK/readme" ;;
    again)
      echo "== 2. the same file again (every item unchanged)"
      run "$WORK/readme" ;;
    bounded)
      echo "== 3. the same command in a bounded heap: java $BOUNDED -jar gazette.jar import-wxr FILE"
      rm -rf "$WORK/bounded" && mkdir -p "$WORK/bounded"
      # shellcheck disable=SC2086
      run "$WORK/bounded" $BOUNDED ;;
    *) echo "unknown run: $step (readme, again, bounded)" >&2; exit 2 ;;
  esac
done
