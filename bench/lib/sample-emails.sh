#!/usr/bin/env bash
# Emails per second and Gazette's CPU per email over a window, while bench/subscribers.sh sends.
#
#   bench/lib/sample-emails.sh GAZETTE_PID SINK_STATUS_FILE SECONDS
#
# Reads the sink's status file (first field: emails received) and the CPU ticks (user+system)
# of the whole process (/proc/PID/stat) and of its thread named "subscriber-emai" (Linux cuts
# thread names at 15 characters) at the start and the end of the window.
set -euo pipefail
pid="$1" status="$2" seconds="$3"
tck=$(getconf CLK_TCK)
process() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
thread() {
  for t in /proc/"$pid"/task/*; do
    if grep -qx "subscriber-emai" "$t/comm" 2>/dev/null; then awk '{ print $14 + $15 }' "$t/stat"; fi
  done
}
c0=$(process) t0=$(thread) n0=$(cut -d' ' -f1 "$status") s0=$(date +%s.%N) l0=$(cut -d' ' -f1-3 /proc/loadavg)
sleep "$seconds"
c1=$(process) t1=$(thread) n1=$(cut -d' ' -f1 "$status") s1=$(date +%s.%N) l1=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$n0" "$n1" "$s0" "$s1" "$c0" "$c1" "${t0:-0}" "${t1:-0}" "$tck" "$l0" "$l1" <<'PY'
import sys
n0, n1, s0, s1, c0, c1, t0, t1, tck = (float(x) for x in sys.argv[1:10])
n, dt = n1 - n0, s1 - s0
cpu, thread = (c1 - c0) / tck, (t1 - t0) / tck
per = lambda x: f"{x / n * 1000:.2f} ms/email" if n else "no email"
print(f"{int(n)} emails in {dt:.1f} s = {n / dt:.1f}/s; process CPU {cpu:.1f} s = {per(cpu)}; "
      f"subscriber-email thread CPU {thread:.1f} s = {per(thread)}; load {sys.argv[10]} -> {sys.argv[11]}")
PY
