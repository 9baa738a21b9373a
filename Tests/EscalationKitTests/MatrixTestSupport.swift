import Foundation

@testable import EscalationKit

/// Builders shared by the matrix tests: the canonical matrix as rows of strings, analysis of
/// rows without a file, and temporary files.
enum MatrixFixture {
  /// The canonical matrix as 10 rows of 5 fields (header, role row, 8 categories), as the
  /// template lays it out.
  static func rows(_ language: Language = .fr) -> [[String]] {
    let k = language == .en ? 0 : 1
    var rows = [
      [CanonicalMatrix.cornerLabel[k]] + Level.all.map { CanonicalMatrix.levelHeader($0, language) }
    ]
    rows.append([CanonicalMatrix.roleRowLabel[k]] + CanonicalMatrix.roles.map { $0[k] })
    let texts = language == .en ? CanonicalMatrix.textsEN : CanonicalMatrix.textsFR
    for c in CategoryKey.allCases { rows.append([c.label(language)] + texts[c.index]) }
    return rows
  }

  /// Rows swapped across the diagonal (levels down).
  static func transposed(_ rows: [[String]]) -> [[String]] {
    let width = rows.map(\.count).max() ?? 0
    return (0..<width).map { c in rows.map { c < $0.count ? $0[c] : "" } }
  }

  /// Reads `rows` as records on lines 1, 2, … and returns the document and sorted findings.
  static func analyze(_ rows: [[String]], file: String = "m.csv") -> (MatrixDocument?, [Finding]) {
    let records = rows.enumerated().map { MatrixRecord(line: $0.offset + 1, fields: $0.element) }
    let (d, f) = MatrixReader.analyze(records, file: file)
    return (d, MatrixLoader.sortFindings(f))
  }

  /// The codes of the findings of `rows`.
  static func codes(_ rows: [[String]]) -> [String] { analyze(rows).1.map(\.code) }

  /// `rows` as a semicolon CSV text (quoted where needed), CRLF line ends.
  static func csv(_ rows: [[String]], delimiter: Character = ";") -> String {
    rows.map { r in
      r.map { f in
        f.contains(delimiter) || f.contains("\"") || f.contains("\n")
          ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
      }.joined(separator: String(delimiter))
    }.joined(separator: "\r\n") + "\r\n"
  }

  /// Writes `bytes` to a new temporary file and returns its path.
  static func temporaryFile(_ bytes: [UInt8], name: String = "matrix.csv") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mtx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  static func temporaryFile(_ text: String, name: String = "matrix.csv") throws -> String {
    try temporaryFile(Array(text.utf8), name: name)
  }

  /// A fixture of Tests/EscalationKitTests/Fixtures/matrix.
  static func fixture(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures/matrix/\(name)").path
  }

  /// The package's Samples directory.
  static var samples: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Samples")
  }
}
