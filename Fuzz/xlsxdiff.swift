// libFuzzer target: the byte scanner of the .xlsx reader against libxml2 (the reference).
// Any input is the XML of a part, fed to XMLByteScanner in chunks of 1, 3, 64 and 4096 bytes
// and to libxml2 at once: where the scanner reads the part to the end, libxml2 must find it
// well-formed and send the same events (tags, attributes, decoded text); where the scanner
// gives the part back, what it sent must be the start of what libxml2 sends. One input in four
// is also packed as the sheet of a small workbook and read both ways (XLSXReader with the scanner and
// with libxml2 alone): the same records, notices and error. An input that starts with "PK" is
// read as a whole workbook both ways.
// Built by Scripts/fuzz.sh with Sources/CSVImport, Sources/XLSXImport, ZIPFoundation and
// Fuzz/Support/XLSXWorkbook.swift.
import CSVImport
import Foundation

/// Records, notices and the error of reading `bytes` with `reading`.
private func outcome(_ bytes: [UInt8], _ reading: XMLReading) -> [String] {
  var out: [String] = []
  do {
    let reader = try XLSXReader(bytes: bytes, name: "fuzz.xlsx", reading: reading)
    do {
      try reader.forEachRecord { r in
        out.append(
          "\(r.line) \(r.count) " + (0..<r.rawCount).map { r.string($0) }.joined(separator: "|"))
      }
    } catch let e as CSVError {
      out.append("error \(e.code) \(e.message) \(e.line ?? 0):\(e.column ?? 0)")
    }
    out += reader.notices.map { "notice \($0.code) \($0.row ?? 0):\($0.column ?? 0) \($0.message)" }
  } catch let e as CSVError {
    out.append("error \(e.code) \(e.message) \(e.line ?? 0):\(e.column ?? 0)")
  } catch {
    preconditionFailure("unexpected error type: \(error)")
  }
  return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXDiff(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let input = Array(UnsafeBufferPointer(start: data, count: size))
  let isPackage = input.starts(with: [0x50, 0x4B])
  if !isPackage, let d = XMLDifferential.difference(input, chunks: [1, 3, 64, 4096]) {
    preconditionFailure("scanner and libxml2 differ: \(d)")
  }
  // Packing and reading a workbook twice is slow (a temporary file each time): one input in
  // four (by length) is read as a workbook, every one event by event.
  guard isPackage || size % 4 == 0, let bytes = isPackage ? input : fuzzWorkbook(sheet: input)
  else {
    return 0
  }
  let scanned = outcome(bytes, .scanner)
  let reference = outcome(bytes, .libxml2)
  precondition(
    scanned == reference, "workbook read differently:\n\(scanned)\nlibxml2:\n\(reference)")
  return 0
}
