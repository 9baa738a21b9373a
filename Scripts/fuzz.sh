#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (swiftc -sanitize=fuzzer,address) and runs each for a
# fixed time. Not part of the normal test run.
# Usage: Scripts/fuzz.sh [seconds-per-target] [target...]   (targets: csv matrix logs dates)
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv matrix logs dates)
out=.build-fuzz
mkdir -p "$out"
export SWIFT_BACKTRACE=enable=no
csv_sources=(Sources/CSVImport/*.swift)
kit_sources=$(find Sources/EscalationKit -name '*.swift')
for t in "${targets[@]}"; do
  [ -f "Fuzz/$t.swift" ] || { echo "no target Fuzz/$t.swift" >&2; continue; }
  bin="$out/fuzz-$t"
  if [ "$t" = csv ]; then
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name FuzzCSV \
      -I Sources/CLibCSV -Xcc -fmodule-map-file=Sources/CLibCSV/module.modulemap \
      "${csv_sources[@]}" "Fuzz/$t.swift" -lcsv -o "$bin" 2>&1 | { grep -v "Cannot export local symbol" || true; }
  else
    # EscalationKit imports CSVImport: build it as a module first.
    swiftc -O -sanitize=fuzzer,address -parse-as-library -emit-module -emit-library -static \
      -module-name CSVImport -I Sources/CLibCSV -Xcc -fmodule-map-file=Sources/CLibCSV/module.modulemap \
      "${csv_sources[@]}" -emit-module-path "$out/CSVImport.swiftmodule" -o "$out/libCSVImport.a" \
      2>&1 | { grep -v "Cannot export local symbol" || true; }
    # shellcheck disable=SC2086
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name FuzzKit -I "$out" \
      -I Sources/CLibCSV -Xcc -fmodule-map-file=Sources/CLibCSV/module.modulemap \
      $kit_sources "Fuzz/$t.swift" "$out/libCSVImport.a" -lcsv -o "$bin" 2>&1 | { grep -v "Cannot export local symbol" || true; }
  fi
  corpus="$out/corpus-$t"
  mkdir -p "$corpus"
  cp Samples/*.csv "$corpus/" 2>/dev/null || true
  find Tests -path '*Fixtures*' -name '*.csv' -exec cp {} "$corpus/" \; 2>/dev/null || true
  echo "== fuzzing $t for ${secs}s"
  "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 -artifact_prefix="$out/crash-$t-" "$corpus" 2>&1 | tail -5
done
