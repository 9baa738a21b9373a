#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (swiftc -sanitize=fuzzer,address) and runs each for a
# fixed time. Not part of the normal test run.
# Usage: Scripts/fuzz.sh [seconds-per-target] [target...]   (targets: csv csvdiff matrix logs
# dates xlsx xlsxdiff cache)
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv csvdiff matrix logs dates xlsx xlsxdiff cache)
out=.build-fuzz
mkdir -p "$out"
export SWIFT_BACKTRACE=enable=no
csv_sources=(Sources/CSVImport/*.swift)
# The calendar's TOML reading (TOMLKit, a C++ library) is left out: no fuzz target reads TOML.
kit_sources=$(find Sources/EscalationKit -name '*.swift' ! -name CalendarTOML.swift ! -name CalendarIntervals.swift)
# CSVImport and EscalationKit import Diagnostics (no dependencies): build it as a module first.
swiftc -O -sanitize=fuzzer,address -package-name escalation -parse-as-library -emit-module -emit-library -static \
  -module-name Diagnostics Sources/Diagnostics/*.swift \
  -emit-module-path "$out/Diagnostics.swiftmodule" -o "$out/libDiagnostics.a" \
  2>&1 | { grep -v "Cannot export local symbol" || true; }
# Static modules several targets link: ZIPFoundation (from SwiftPM's checkout) and CSVImport.
[ -d .build/checkouts/ZIPFoundation ] || swift package resolve >/dev/null
zip=.build/checkouts/ZIPFoundation/Sources
build_zipfoundation() {
  swiftc -O -sanitize=fuzzer,address -package-name escalation -parse-as-library -emit-module -emit-library -static \
    -module-name ZIPFoundation -Xcc -D_GNU_SOURCE=1 -I "$zip/CZLib" \
    -Xcc -fmodule-map-file="$zip/CZLib/module.modulemap" "$zip"/ZIPFoundation/*.swift \
    -emit-module-path "$out/ZIPFoundation.swiftmodule" -o "$out/libZIPFoundation.a" \
    2>&1 | { grep -v "Cannot export local symbol" || true; }
}
build_csvimport() {
  swiftc -O -sanitize=fuzzer,address -package-name escalation -parse-as-library -emit-module -emit-library -static \
    -module-name CSVImport -I "$out" -I Sources/CLibCSV -Xcc -fmodule-map-file=Sources/CLibCSV/module.modulemap \
    "${csv_sources[@]}" -emit-module-path "$out/CSVImport.swiftmodule" -o "$out/libCSVImport.a" \
    2>&1 | { grep -v "Cannot export local symbol" || true; }
}
for t in "${targets[@]}"; do
  [ -f "Fuzz/$t.swift" ] || { echo "no target Fuzz/$t.swift" >&2; continue; }
  bin="$out/fuzz-$t"
  if [ "$t" = xlsx ] || [ "$t" = xlsxdiff ]; then
    # ZIPFoundation (from SwiftPM's checkout), CSVImport and XLSXImport as static modules.
    build_zipfoundation
    build_csvimport
    xml_flags=(-I Sources/CLibXML2 -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -Xcc -I/usr/include/libxml2)
    swiftc -O -sanitize=fuzzer,address -package-name escalation -parse-as-library -module-name FuzzXLSX -I "$out" \
      "${xml_flags[@]}" -I "$zip/CZLib" -Xcc -fmodule-map-file="$zip/CZLib/module.modulemap" \
      -I Sources/CLibCSV -Xcc -fmodule-map-file=Sources/CLibCSV/module.modulemap \
      Sources/XLSXImport/*.swift Fuzz/Support/XLSXWorkbook.swift "Fuzz/$t.swift" "$out/libCSVImport.a" "$out/libDiagnostics.a" \
      "$out/libZIPFoundation.a" \
      -lcsv -lxml2 -lz -o "$bin" 2>&1 | { grep -v "Cannot export local symbol" || true; }
  elif [ "$t" = cache ]; then
    # The event cache's codec and the types it reads back, over CSVImport (positions).
    build_csvimport
    k=Sources/EscalationKit
    swiftc -O -sanitize=fuzzer,address -package-name escalation -parse-as-library -module-name FuzzCache -I "$out" \
      -I Sources/CLibCSV -Xcc -fmodule-map-file=Sources/CLibCSV/module.modulemap \
      $k/Cache/EventCacheCodec.swift $k/Cache/CacheReader.swift $k/Cache/FiguresDecode.swift \
      $k/Events/Event.swift $k/Events/HugePages.swift $k/Events/StringTable.swift \
      $k/Events/TicketTimeOrder.swift $k/Labels/LabelNormalizer.swift \
      $k/Findings/Finding.swift $k/Model/Model.swift $k/Model/CanonicalMatrix.swift \
      "Fuzz/$t.swift" "$out/libCSVImport.a" "$out/libDiagnostics.a" -lcsv -o "$bin" \
      2>&1 | { grep -v "Cannot export local symbol" || true; }
  elif [ "$t" = csv ] || [ "$t" = csvdiff ]; then
    swiftc -O -sanitize=fuzzer,address -package-name escalation -parse-as-library -module-name FuzzCSV -I "$out" \
      -I Sources/CLibCSV -Xcc -fmodule-map-file=Sources/CLibCSV/module.modulemap \
      "${csv_sources[@]}" "Fuzz/$t.swift" "$out/libDiagnostics.a" -lcsv -o "$bin" 2>&1 | { grep -v "Cannot export local symbol" || true; }
  else
    # EscalationKit imports CSVImport and XLSXImport (over ZIPFoundation and libxml2): build
    # them as static modules first.
    c_flags=(-I Sources/CLibCSV -Xcc -fmodule-map-file=Sources/CLibCSV/module.modulemap
      -I Sources/CLibXML2 -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -Xcc -I/usr/include/libxml2
      -I "$zip/CZLib" -Xcc -fmodule-map-file="$zip/CZLib/module.modulemap")
    build_zipfoundation
    build_csvimport
    swiftc -O -sanitize=fuzzer,address -package-name escalation -parse-as-library -emit-module -emit-library -static \
      -module-name XLSXImport -I "$out" "${c_flags[@]}" \
      Sources/XLSXImport/*.swift -emit-module-path "$out/XLSXImport.swiftmodule" -o "$out/libXLSXImport.a" \
      2>&1 | { grep -v "Cannot export local symbol" || true; }
    # shellcheck disable=SC2086
    swiftc -O -sanitize=fuzzer,address -package-name escalation -parse-as-library -module-name FuzzKit -I "$out" \
      "${c_flags[@]}" $kit_sources "Fuzz/$t.swift" "$out/libXLSXImport.a" "$out/libZIPFoundation.a" \
      "$out/libCSVImport.a" "$out/libDiagnostics.a" -lcsv -lxml2 -lz -o "$bin" \
      2>&1 | { grep -v "Cannot export local symbol" || true; }
  fi
  corpus="$out/corpus-$t"
  mkdir -p "$corpus"
  # Seeds: the samples, test fixtures and Fuzz/seeds/<target> files that fit the target (a
  # corpus kept from earlier runs is reused). Shorter maximum lengths keep the targets fast.
  case "$t" in
    csv|csvdiff) max_len=65536; seeds=(Samples/*.csv $(find Tests -path '*Fixtures*' -name '*.csv')) ;;
    matrix) max_len=16384; seeds=(Samples/matrix*.csv Tests/*/Fixtures/matrix/*.csv) ;;
    logs) max_len=16384; seeds=(Samples/escalations*.csv Samples/tickets*.csv Tests/*/Fixtures/logs/*.csv) ;;
    dates) max_len=64; seeds=() ;;
    xlsx|xlsxdiff) max_len=65536; seeds=(Tests/XLSXImportTests/Fixtures/*.xlsx Fuzz/seeds/xlsx/*) ;;
    cache) max_len=65536; seeds=() ;;
    *) max_len=65536; seeds=() ;;
  esac
  [ -d "Fuzz/seeds/$t" ] && seeds+=(Fuzz/seeds/"$t"/*)
  [ ${#seeds[@]} -gt 0 ] && cp "${seeds[@]}" "$corpus/" 2>/dev/null || true
  echo "== fuzzing $t for ${secs}s"
  log="$out/fuzz-$t.log"
  status=0
  # A workbook read from memory goes through an unlinked temporary file, and Foundation's
  # FileManager.fileSystemRepresentation leaks its 54-byte path copy there (not this project's
  # memory): leak detection is off for the XLSX targets, the other ASan checks stay on.
  leaks=1
  case "$t" in xlsx|xlsxdiff) leaks=0 ;; esac
  ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
  "$bin" -max_total_time="$secs" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 -detect_leaks="$leaks" \
    -print_final_stats=1 -artifact_prefix="$out/crash-$t-" "$corpus" >"$log" 2>&1 || status=$?
  grep -E "^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)" \
    "$log" || true
  if [ "$status" -ne 0 ]; then
    echo "== $t: FAILED (status $status); see $log and $out/crash-$t-*" >&2
    grep -E "ERROR|Fatal error|SUMMARY|Test unit written" "$log" >&2 || true
    failed=1
  fi
done
exit "${failed:-0}"
