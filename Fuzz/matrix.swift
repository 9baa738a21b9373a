// libFuzzer target: any bytes read as a matrix file (CSV layer, structure, labels, cell texts),
// validated against the canonical matrix, rendered as text, JSON and SARIF; a matrix that reads
// as valid must survive a round trip through MatrixCSVWriter unchanged.
// Built by Scripts/fuzz.sh together with Sources/EscalationKit; not part of the package.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMatrix(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let loaded: MatrixLoadResult
  do {
    loaded = try MatrixLoader.load(bytes: bytes, name: "fuzz.csv")
  } catch {
    // In memory there is nothing to open or read: an I/O error here is a bug.
    preconditionFailure("I/O error on in-memory input: \(error)")
  }
  for f in loaded.findings {
    precondition(f.line == nil || f.line! >= 1, "finding line < 1: \(f)")
    precondition(f.column == nil || f.column! >= 1, "finding column < 1: \(f)")
  }
  let validation = MatrixValidation.run(loaded: loaded)
  let report = validation.report(strict: size % 2 == 0)
  for format in FindingsFormat.allCases { _ = report.render(format, color: size % 3 == 0) }
  if loaded.isValid, let matrix = loaded.matrix, let language = loaded.language {
    for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")] {
      let csv = MatrixCSVWriter.csv(matrix, language: language, delimiter: delimiter)
      guard let again = try? MatrixLoader.load(bytes: Array(csv.utf8), name: "again.csv") else {
        preconditionFailure("round trip: I/O error")
      }
      precondition(again.matrix == matrix, "round trip changed the matrix:\n\(csv)")
    }
  }
  return 0
}
