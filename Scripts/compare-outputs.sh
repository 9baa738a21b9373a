#!/usr/bin/env bash
# Checks that two builds of escalation give byte-identical outputs on logs of both sample
# shapes (plain and `--shape export`): `import -o` as CSV and JSON Lines, the findings, and
# `metrics` as JSON (full history and one month) and text. Used to prove that a speed change
# changed no output.
# Usage: Scripts/compare-outputs.sh OLD-BINARY NEW-BINARY [tickets=40000]
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 tickets=${3:-40000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for shape in plain export; do
  log="$work/$shape.csv"
  "$new" sample --tickets "$tickets" --seed 7 --shape "$shape" -o "$log" >/dev/null
  [ "$shape" = plain ] && "$new" sample --tickets "$tickets" --seed 9 --messy -o "$work/messy.csv" >/dev/null
  extra=()
  # On the plain pass: the messy sample (duplicates, rejected rows, quoted multi-line notes)
  # and the bundled logs (French with BOM and CRLF, the tickets layout).
  [ "$shape" = plain ] && extra=("$work/messy.csv" Samples/escalations*.csv Samples/tickets*.csv)
  for input in "$log" "${extra[@]}"; do
    name=$(basename "$input" .csv)
    for bin in old new; do
      b=${!bin}
      "$b" import "$input" -o "$work/$name-$bin.events.csv" >"$work/$name-$bin.import.out" 2>&1 || true
      "$b" import "$input" --format jsonl -o "$work/$name-$bin.events.jsonl" >/dev/null 2>&1 || true
      "$b" metrics "$input" --format json >"$work/$name-$bin.metrics.json" 2>/dev/null || true
      "$b" metrics "$input" --month 2026-10 --format json >"$work/$name-$bin.month.json" 2>/dev/null || true
      "$b" metrics "$input" >"$work/$name-$bin.metrics.txt" 2>/dev/null || true
    done
    for kind in events.csv import.out events.jsonl metrics.json month.json metrics.txt; do
      if cmp -s "$work/$name-old.$kind" "$work/$name-new.$kind"; then
        echo "same      $name $kind ($(wc -c <"$work/$name-new.$kind") bytes)"
      else
        echo "DIFFERENT $name $kind"
        status=1
      fi
    done
  done
done
exit $status
