// libFuzzer target: differential test of the byte scanner. Any bytes are read twice, by the
// scanner with libcsv behind it and by libcsv alone, with several block sizes and limits; the
// records (lines, counts, every field's bytes), the dialect and the error (case and position)
// must be identical. Built by Scripts/fuzz.sh together with Sources/CSVImport.

/// What one read gives: every record, and the error if any.
struct Outcome: Equatable {
  var records: [[Int]] = []
  var fields: [[UInt8]] = []
  var dialect: CSVDialect?
  var error: CSVError?
}

func readAll(_ bytes: [UInt8], _ options: CSVReadOptions) -> Outcome {
  var out = Outcome()
  let reader = CSVReader(bytes: bytes, name: "fuzz.csv", options: options)
  do {
    try reader.forEachRecord { r in
      out.records.append([r.line, r.endLine, r.count, r.rawCount])
      for i in 0..<r.rawCount { out.fields.append(Array(r.bytes(i))) }
    }
  } catch let e as CSVError {
    out.error = e
  } catch {
    preconditionFailure("unexpected error type \(error)")
  }
  out.dialect = reader.dialect
  return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVDiff(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // Small blocks (the 1 MiB default is slow under the sanitizers; ScannerDifferentialTests
  // covers it): records cross blocks, exceed the carry and hit the limits.
  for (block, maxField, maxFields) in [(64, 1 << 16, 512), (97, 12, 6), (4096, 1 << 16, 512)] {
    var options = CSVReadOptions(blockSize: block, maxFieldBytes: maxField, maxFields: maxFields)
    let scanned = readAll(bytes, options)
    options.useScanner = false
    let reference = readAll(bytes, options)
    precondition(scanned == reference, "scanner and libcsv differ (block \(block))")
  }
  return 0
}
