#!/usr/bin/env bash
# Benchmark: builds in release mode, generates logs of 100k and 1M events with
# `escalation sample`, and prints wall time, events per second and peak RSS for import,
# metrics (full history and one month) and report (one month and full history).
# Usage: Scripts/bench.sh [sizes...]   (default: 100000 1000000 events, approximately)
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release --product escalation >/dev/null 2>&1
bin=$PWD/.build/release/escalation
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)

measure() { # label events command...
  local label=$1 events=$2
  shift 2
  /usr/bin/time -f "TIME %e %M" "$@" >/dev/null 2>"$work/err" || true
  grep '^TIME' "$work/err" | tail -1 | awk -v l="$label" -v e="$events" \
    '{ eps = ($2 > 0) ? e / $2 : 0; printf "%-34s %10d %8.2f %12.0f %8.1f\n", l, e, $2, eps, $3 / 1024 }'
}

printf "%-34s %10s %8s %12s %8s\n" "step" "events" "wall s" "events/s" "RSS MB"
for n in "${sizes[@]}"; do
  # About 2.5 events per ticket in the generated process.
  tickets=$(( n * 2 / 5 ))
  log="$work/log-$n.csv"
  "$bin" sample --tickets "$tickets" --months 12 --start 2026-01 --seed 7 -o "$log" >/dev/null
  events=$(( $(wc -l < "$log") - 1 ))
  measure "sample ($n)" "$events" "$bin" sample --tickets "$tickets" --months 12 --start 2026-01 --seed 7 -o "$work/again.csv"
  measure "import ($n)" "$events" "$bin" import "$log" -o /dev/null
  measure "metrics full history ($n)" "$events" "$bin" metrics "$log" --format json
  measure "metrics --month 2026-10 ($n)" "$events" "$bin" metrics "$log" --month 2026-10 --format json
  measure "report --month 2026-10 ($n)" "$events" "$bin" report "$log" --month 2026-10 -o "$work/r1.xlsx"
  measure "report full history ($n)" "$events" "$bin" report "$log" --from 2026-01-01 --to 2026-12-31 -o "$work/r2.xlsx"
done
