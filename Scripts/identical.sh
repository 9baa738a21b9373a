#!/usr/bin/env bash
# Byte-identity check of the metrics and report outputs on the bundled samples: every
# `metrics` format and table (with and without a month, with and without SLA targets, in
# English and French) and the monthly XLSX report, compared with `cmp`.
#
# Usage:
#   Scripts/identical.sh save DIR [BIN]    write the outputs of BIN into DIR
#   Scripts/identical.sh check DIR [BIN]   write them again and cmp each with DIR's
#   Scripts/identical.sh REF               build REF (e.g. main) in a temporary worktree, save
#                                          its outputs, then check this tree's release build
# BIN defaults to .build/release/escalation (build it with `swift build -c release`).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Writes every output of binary $1 into directory $2.
outputs() {
  local bin=$1 dir=$2
  mkdir -p "$dir"
  local sla="1=24h,2=48h,3=72h,4=120h"
  # name | log | options
  local logs=(
    "fr|Samples/escalations-2026-fr.csv|--tz Europe/Paris --lang fr"
    "fr-en|Samples/escalations-2026-fr.csv|--tz Europe/Paris"
    "us|Samples/tickets-smartsheet-us.csv|"
    "us-fr|Samples/tickets-smartsheet-us.csv|--lang fr"
  )
  for entry in "${logs[@]}"; do
    IFS='|' read -r name log opts <<<"$entry"
    # shellcheck disable=SC2086
    for period in "all|" "month|--month 2026-10" "days|--from 2026-09-15 --to 2026-10-14"; do
      IFS='|' read -r pname popts <<<"$period"
      for s in "nosla|" "sla|--sla $sla"; do
        IFS='|' read -r sname sopts <<<"$s"
        local base="$dir/$name-$pname-$sname"
        "$bin" metrics "$log" $opts $popts $sopts --format text >"$base.txt" 2>&1 || echo "exit $?" >>"$base.txt"
        "$bin" metrics "$log" $opts $popts $sopts --format json >"$base.json" 2>&1 || echo "exit $?" >>"$base.json"
        for table in rates time-at-level trend backlog tickets; do
          "$bin" metrics "$log" $opts $popts $sopts --format csv --table "$table" >"$base-$table.csv" 2>&1 || echo "exit $?" >>"$base-$table.csv"
          "$bin" metrics "$log" $opts $popts $sopts --format text --table "$table" >"$base-$table.txt" 2>&1 || echo "exit $?" >>"$base-$table.txt"
          "$bin" metrics "$log" $opts $popts $sopts --format json --table "$table" >"$base-$table.json" 2>&1 || echo "exit $?" >>"$base-$table.json"
        done
      done
    done
    # shellcheck disable=SC2086
    "$bin" report "$log" $opts --month 2026-10 -o "$dir/$name-report.xlsx" >"$dir/$name-report.out" 2>&1 || echo "exit $?" >>"$dir/$name-report.out"
    # shellcheck disable=SC2086
    "$bin" report "$log" $opts --month 2026-10 --sla "$sla" -o "$dir/$name-report-sla.xlsx" >"$dir/$name-report-sla.out" 2>&1 || echo "exit $?" >>"$dir/$name-report-sla.out"
    # The messages name the output file: keep its name only.
    sed -i "s|$dir/||g" "$dir/$name-report.out" "$dir/$name-report-sla.out"
  done
}

check() {
  local ref=$1 bin=$2
  local new
  new=$(mktemp -d)
  outputs "$bin" "$new"
  local n=0 bad=0
  for f in "$ref"/*; do
    n=$((n + 1))
    if ! cmp -s "$f" "$new/$(basename "$f")"; then
      echo "DIFFERS: $(basename "$f")"
      bad=$((bad + 1))
    fi
  done
  for f in "$new"/*; do
    [ -e "$ref/$(basename "$f")" ] || { echo "NEW: $(basename "$f")"; bad=$((bad + 1)); }
  done
  rm -rf "$new"
  echo "$n outputs compared, $bad differ"
  [ "$bad" -eq 0 ]
}

case "${1:-}" in
  save) outputs "$(realpath "${3:-.build/release/escalation}")" "$2" ;;
  check) check "$2" "$(realpath "${3:-.build/release/escalation}")" ;;
  "" | -h | --help) sed -n 2,11p "$0" ; exit 2 ;;
  *)
    ref=$1
    work=$(mktemp -d)
    trap 'git -C "$root" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
    git worktree add --detach "$work/tree" "$ref" >/dev/null
    (cd "$work/tree" && swift build -c release --product escalation >/dev/null)
    outputs "$work/tree/.build/release/escalation" "$work/ref"
    swift build -c release --product escalation >/dev/null
    check "$work/ref" "$root/.build/release/escalation"
    ;;
esac
