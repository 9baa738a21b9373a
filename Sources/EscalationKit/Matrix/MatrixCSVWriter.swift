/// Writes a matrix as CSV laid out as the template (levels across), the way Excel saves
/// "CSV UTF-8": a byte order mark, CRLF line ends, fields quoted only when they must be.
public enum MatrixCSVWriter {
  /// The delimiter people of `language` get from Excel: `;` in French, `,` in English.
  public static func defaultDelimiter(for language: Language) -> UInt8 {
    language == .fr ? UInt8(ascii: ";") : UInt8(ascii: ",")
  }

  /// The CSV text of `matrix`, with the canonical labels in `language`.
  public static func csv(
    _ matrix: Matrix, language: Language, delimiter: UInt8? = nil, byteOrderMark: Bool = true
  ) -> String {
    let d = delimiter ?? defaultDelimiter(for: language)
    let k = language == .en ? 0 : 1
    var rows: [[String]] = []
    rows.append(
      [CanonicalMatrix.cornerLabel[k]] + Level.all.map { CanonicalMatrix.levelHeader($0, language) }
    )
    rows.append([CanonicalMatrix.roleRowLabel[k]] + matrix.roles)
    for c in CategoryKey.allCases {
      rows.append([c.label(language)] + Level.all.map { matrix.text(c, $0) })
    }
    var out = byteOrderMark ? "\u{FEFF}" : ""
    let sep = String(UnicodeScalar(d))
    for r in rows {
      out += r.map { field($0, delimiter: d) }.joined(separator: sep)
      out += "\r\n"
    }
    return out
  }

  /// Writes ``csv(_:language:delimiter:byteOrderMark:)`` to `writer` and commits it.
  public static func write(
    _ matrix: Matrix, language: Language, delimiter: UInt8? = nil, to writer: OutputWriter
  ) throws(OutputError) {
    try writer.write(csv(matrix, language: language, delimiter: delimiter))
    try writer.commit()
  }

  /// `text` quoted when it holds the delimiter, a quote or a line break, or starts or ends
  /// with a space or tab.
  static func field(_ text: String, delimiter: UInt8) -> String {
    CSVField.string(text, delimiter: delimiter)
  }
}
