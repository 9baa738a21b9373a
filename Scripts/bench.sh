#!/usr/bin/env bash
# Benchmark: builds in release mode, generates logs of about 100k and 1M events with
# `escalation sample` in both shapes (the plain sample and `--shape export`, shaped like a real
# tracker export), and prints for each step the median of $BENCH_RUNS runs (default 3) of wall
# and CPU time, peak RSS, and the CPU-time ratio to libcsv's own C parse of the same file in the
# same run (Scripts/bench/libcsv_parse.c, compiled here with gcc -O2 -lcsv): each run of a step
# is paired with a run of the parse just before it, and the ratio is the median of the pairs'
# ratios (the machine's speed drifts, by up to 40 % here, between runs a minute apart). When Python's
# duckdb module is installed (`pip install duckdb`), two DuckDB scripts (one thread) are timed
# too, and `report --month` is also given as a ratio to each: the query-only one
# (Scripts/bench/duckdb_monthly.py: a monthly aggregation, no workbook; column "/duck q") and,
# with xlsxwriter too (`pip install xlsxwriter`), the full one
# (Scripts/bench/duckdb_xlsx_monthly.py: the same 13 sheets, rows, columns and figures written
# with XlsxWriter; column "/duck+xl"), the reference of issue 15. None of these programs is part
# of the tool. The steps run without the event cache (ESCALATION_NO_CACHE=1), then the "warm"
# ones with it, filled by one run before (XDG_CACHE_HOME in the scratch directory; docs/cache.md).
# Usage: Scripts/bench.sh [sizes...]   (default: 100000 1000000 events, approximately)
#        BENCH_SHAPES="plain export" BENCH_RUNS=3 BENCH_FULL_REPORT=1 (set 0 to skip the slow
#        full-history report)
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
# BENCH_BIN=path measures another build (e.g. a copy of an earlier one) without building.
[ -n "${BENCH_BIN:-}" ] || swift build -c release --product escalation >/dev/null 2>&1
bin=${BENCH_BIN:-$PWD/.build/release/escalation}
runs=${BENCH_RUNS:-3}
shapes=(${BENCH_SHAPES:-plain export})
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The cache lives in the scratch directory; every step but the warm ones runs without it.
export XDG_CACHE_HOME="$work/cache"
export ESCALATION_NO_CACHE=1
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
gcc -O2 -o "$work/libcsv_parse" Scripts/bench/libcsv_parse.c -lcsv
have_duckdb=0
python3 -c 'import duckdb' 2>/dev/null && have_duckdb=1
have_xlsx=0
python3 -c 'import duckdb, xlsxwriter' 2>/dev/null && have_xlsx=1

# median_of_runs command... → "wall cpu rssKB ratio", each the median over $runs runs; when
# $paired_base is set (the baseline's command line), each run is paired with a run of the
# baseline just before it, and ratio is the median of the per-pair CPU ratios (the machine's
# speed drifts between runs; a pair shares the speed of its moment), else "-".
median_of_runs() {
  : >"$work/runs"
  for _ in $(seq "$runs"); do
    local base=0
    if [ -n "${paired_base:-}" ]; then
      /usr/bin/time -f "TIME %U %S" $paired_base >/dev/null 2>"$work/err" || true
      base=$(grep '^TIME' "$work/err" | tail -1 | awk '{ print $2 + $3 }')
    fi
    /usr/bin/time -f "TIME %e %U %S %M" "$@" >/dev/null 2>"$work/err" || true
    grep '^TIME' "$work/err" | tail -1 |
      awk -v b="$base" '{ printf "%s %s %s %s\n", $2, $3 + $4, $5, (b > 0) ? ($3 + $4) / b : -1 }' \
        >>"$work/runs"
  done
  local mid=$(( (runs + 1) / 2 ))
  echo "$(sort -g -k1 "$work/runs" | sed -n "${mid}p" | cut -d' ' -f1)" \
    "$(sort -g -k2 "$work/runs" | sed -n "${mid}p" | cut -d' ' -f2)" \
    "$(sort -g -k3 "$work/runs" | sed -n "${mid}p" | cut -d' ' -f3)" \
    "$(sort -g -k4 "$work/runs" | sed -n "${mid}p" | cut -d' ' -f4)"
}

base_cpu=1
duck_cpu=0
duckxl_cpu=0
measure() { # label events command...
  local label=$1 events=$2
  shift 2
  read -r wall cpu rss ratio < <(median_of_runs "$@")
  awk -v l="$label" -v e="$events" -v w="$wall" -v c="$cpu" -v m="$rss" -v b="$base_cpu" \
    -v d="$duck_cpu" -v x="$duckxl_cpu" -v p="$ratio" 'BEGIN {
      r = (p > 0) ? sprintf("%.2fx", p) : (b > 0) ? sprintf("%.2fx", c / b) : "-"
      q = (d > 0 && l ~ /^report --month/) ? sprintf("%.2fx", c / d) : ""
      f = (x > 0 && l ~ /^report --month/) ? sprintf("%.2fx", c / x) : ""
      printf "%-30s %9d %7.2f %7.2f %8.1f %9.0f %8s %8s %8s\n", l, e, w, c, m / 1024, m * 1024 / e,
        r, q, f
    }'
  LAST_CPU=$cpu
}

printf "%-30s %9s %7s %7s %8s %9s %8s %8s %8s\n" "step (median of $runs)" "events" "wall s" \
  "cpu s" "RSS MB" "B/event" "/libcsv" "/duck q" "/duck+xl"
for shape in "${shapes[@]}"; do
  for n in "${sizes[@]}"; do
    # About 2.5 events per ticket in the generated process.
    tickets=$(( n * 2 / 5 ))
    log="$work/log-$shape-$n.csv"
    "$bin" sample --tickets "$tickets" --months 12 --start 2026-01 --seed 7 --shape "$shape" \
      -o "$log" >/dev/null
    events=$("$bin" import "$log" -o /dev/null 2>&1 | sed -n 's/^records read: .* used \([0-9]*\) .*/\1/p')
    [ -n "$events" ] || events=$(( $(wc -l <"$log") - 1 ))
    echo "== shape $shape, $events events, $(( $(stat -c %s "$log") / 1000000 )) MB"
    base_cpu=0
    duck_cpu=0
    duckxl_cpu=0
    paired_base=
    measure "libcsv C parse (baseline)" "$events" "$work/libcsv_parse" "$log"
    base_cpu=$LAST_CPU
    if [ "$have_duckdb" = 1 ]; then
      measure "duckdb monthly script" "$events" python3 Scripts/bench/duckdb_monthly.py "$log" 2026-10
      duck_cpu=$LAST_CPU
    fi
    if [ "$have_xlsx" = 1 ]; then
      measure "duckdb + xlsxwriter script" "$events" python3 Scripts/bench/duckdb_xlsx_monthly.py \
        "$log" 2026-10 "$work/duck.xlsx"
      duckxl_cpu=$LAST_CPU
    fi
    # From here on each run is paired with a libcsv parse just before it (the ratio column is
    # the median of the per-pair ratios).
    paired_base="$work/libcsv_parse $log"
    measure "sample" "$events" "$bin" sample --tickets "$tickets" --months 12 --start 2026-01 \
      --seed 7 --shape "$shape" -o "$work/again.csv"
    measure "import -o /dev/null" "$events" "$bin" import "$log" -o /dev/null
    measure "metrics full history" "$events" "$bin" metrics "$log" --format json
    measure "metrics --month 2026-10" "$events" "$bin" metrics "$log" --month 2026-10 --format json
    measure "report --month 2026-10" "$events" "$bin" report "$log" --month 2026-10 -o "$work/r1.xlsx"
    if [ "${BENCH_FULL_REPORT:-1}" = 1 ]; then
      measure "report full history" "$events" "$bin" report "$log" --from 2026-01-01 \
        --to 2026-12-31 -o "$work/r2.xlsx"
    fi
    # Warm cache: the log dated a minute back (a file modified in the last two seconds is not
    # stored), one run to fill the cache, then the same steps reading it.
    touch -d '1 minute ago' "$log"
    ESCALATION_NO_CACHE= "$bin" metrics "$log" --format json >/dev/null 2>&1
    measure "import, warm cache" "$events" env ESCALATION_NO_CACHE= "$bin" import "$log" -o /dev/null
    measure "metrics full history, warm" "$events" env ESCALATION_NO_CACHE= "$bin" metrics "$log" \
      --format json
    measure "report --month 2026-10, warm" "$events" env ESCALATION_NO_CACHE= "$bin" report "$log" \
      --month 2026-10 -o "$work/r1.xlsx"
    rm -rf "$XDG_CACHE_HOME"
  done
done
[ "$have_duckdb" = 1 ] ||
  echo "(duckdb not installed: pip install duckdb to time the DuckDB scripts)"
[ "$have_duckdb" = 0 ] || [ "$have_xlsx" = 1 ] ||
  echo "(xlsxwriter not installed: pip install xlsxwriter to time the DuckDB + XlsxWriter script)"
echo "/duck q: CPU time over the query-only DuckDB script (no workbook);" \
  "/duck+xl: over the DuckDB + XlsxWriter script writing the same workbook (issue 15's reference)"
