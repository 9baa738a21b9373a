// libFuzzer target: the .xlsx reader. An input that starts with "PK" is read as a whole
// workbook package (seeds: the test workbooks); any other input is the XML of the sheet part,
// packed into a small workbook (with shared strings and a date style) so that the mutations
// reach the sheet handler. Checks: only CSVError is thrown, rows increase, no record is
// wider than Excel's 16,384 columns, a damaged workbook never traps.
// Built by Scripts/fuzz.sh with Sources/CSVImport, Sources/XLSXImport, ZIPFoundation and
// Fuzz/Support/XLSXWorkbook.swift.
import CSVImport
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let input = Array(UnsafeBufferPointer(start: data, count: size))
  let bytes = input.starts(with: [0x50, 0x4B]) ? input : fuzzWorkbook(sheet: input)
  guard let bytes else { return 0 }
  do {
    let reader = try XLSXReader(bytes: bytes, name: "fuzz.xlsx")
    var last = 0
    try reader.forEachRecord { r in
      precondition(r.line > last, "rows out of order: \(r.line) after \(last)")
      precondition(r.rawCount <= WorkbookLimits.maxColumns, "record too wide: \(r.rawCount)")
      precondition(r.count >= 1 && r.count <= r.rawCount)
      last = r.line
      for i in 0..<r.rawCount { _ = r.string(i) }
    }
  } catch is CSVError {
  } catch {
    preconditionFailure("unexpected error type: \(error)")
  }
  return 0
}
