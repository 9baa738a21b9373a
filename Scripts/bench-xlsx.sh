#!/usr/bin/env bash
# Benchmark: import of a ~1M-event log as CSV and as the same data in an .xlsx workbook
# (timestamps as date cells, levels as numbers), release build, CPU and wall time and peak RSS.
# Needs Python's XlsxWriter at bench time only (`pip install xlsxwriter`); nothing is committed.
# Usage: Scripts/bench-xlsx.sh [tickets=400000]
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release --product escalation >/dev/null 2>&1
bin=$PWD/.build/release/escalation
# Parsing is what is measured: the event cache would skip it from the second run on.
export ESCALATION_NO_CACHE=1
work=${BENCH_DIR:-$(mktemp -d)}
tickets=${1:-400000}
csv="$work/log.csv"
xlsx="$work/log.xlsx"
[ -f "$csv" ] || "$bin" sample --tickets "$tickets" --months 12 --seed 7 -o "$csv" >/dev/null
[ -f "$xlsx" ] || python3 - "$csv" "$xlsx" <<'PY'
import csv, datetime, sys
import xlsxwriter
src, dst = sys.argv[1], sys.argv[2]
wb = xlsxwriter.Workbook(dst, {"constant_memory": True})
ws = wb.add_worksheet("Events")
fmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
parse = datetime.datetime.fromisoformat
with open(src, encoding="utf-8-sig", newline="") as f:
    for i, row in enumerate(csv.reader(f)):
        for j, v in enumerate(row):
            if i and j == 1:
                ws.write_datetime(i, j, parse(v), fmt)
            elif i and j == 3 and v:
                ws.write_number(i, j, int(v))
            elif v:
                ws.write_string(i, j, v)
wb.close()
PY
echo "events: $(( $(wc -l < "$csv") - 1 )); CSV $(du -h "$csv" | cut -f1), xlsx $(du -h "$xlsx" | cut -f1)"
# Median of 3 runs (BENCH_RUNS) of CPU time (user + system), wall time and peak RSS each, and
# the XLSX/CSV ratio of the CPU medians (issue 13 asks for at most 3×).
runs=${BENCH_RUNS:-3}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for f in "$csv" "$xlsx"; do
  : >"$work/runs"
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$bin" import "$f" -o /dev/null 2>"$work/err" >/dev/null || true
    user=$(grep "User time" "$work/err" | awk '{print $NF}')
    sys=$(grep "System time" "$work/err" | awk '{print $NF}')
    wall=$(grep "Elapsed (wall clock)" "$work/err" | awk '{print $NF}' | awk -F: '{print $(NF-1)*60+$NF}')
    rss=$(grep "Maximum resident" "$work/err" | awk '{print $NF}')
    echo "$(echo "$user + $sys" | bc) $wall $rss" >>"$work/runs"
  done
  cpu=$(cut -d' ' -f1 "$work/runs" | median)
  wall=$(cut -d' ' -f2 "$work/runs" | median)
  rss=$(cut -d' ' -f3 "$work/runs" | sort -g | tail -1)
  printf "import %-5s CPU %ss  wall %ss  max RSS %d MB\n" "${f##*.}" "$cpu" "$wall" $(( rss / 1024 ))
  echo "$cpu" >"$work/cpu-${f##*.}"
done
echo "XLSX/CSV CPU: $(echo "scale=2; $(cat "$work/cpu-xlsx") / $(cat "$work/cpu-csv")" | bc)×"
