// libFuzzer target: any bytes through the CSV layer (decoding, dialect, libcsv, positions).
// Built by Scripts/fuzz.sh together with Sources/CSVImport; not part of the package.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  for blockSize in [64, 1 << 20] {
    let options = CSVReadOptions(blockSize: blockSize, maxFieldBytes: 1 << 16, maxFields: 512)
    let reader = CSVReader(bytes: bytes, name: "fuzz.csv", options: options)
    var lines = 0
    do {
      try reader.forEachRecord { r in
        precondition(r.line >= 1 && r.endLine >= r.line && r.line > lines || r.line == lines)
        lines = r.line
        for i in 0..<r.count { _ = r.string(i) }
      }
    } catch let e as CSVError {
      precondition(e.line == nil || e.line! >= 1)
      _ = e.description
    } catch {
      preconditionFailure("unexpected error type \(error)")
    }
  }
  return 0
}
