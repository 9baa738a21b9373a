/// CSV field encoding shared by every CSV the tool writes (RFC 4180): a field is quoted when it
/// holds the delimiter, a quote, CR or LF; quotes inside are doubled.
///
/// Formula neutralisation (OWASP "CSV injection"): a text cell starting with `=`, `+`, `-`, `@`,
/// tab or CR would run as a formula when a spreadsheet opens the file, so it is written with a
/// leading `'`; numbers (`-5`, `+3.5`, `-2,5`) are untouched. On by default; `--raw-csv` runs
/// the writer inside `CSVField.$neutralizeFormulas.withValue(false)` to keep bytes as read.
public enum CSVField {
  /// Whether ``encode(_:delimiter:quoteEdgeWhitespace:forceQuote:neutralize:)`` neutralises
  /// formula-looking text by default (see above).
  @TaskLocal public static var neutralizeFormulas = true

  /// Whether `s` is a text cell a spreadsheet would run as a formula.
  public static func looksLikeFormula(_ s: String) -> Bool {
    guard let f = s.utf8.first,
      f == 0x3D || f == 0x2B || f == 0x2D || f == 0x40 || f == 0x09 || f == 0x0D
    else { return false }
    guard f == 0x2B || f == 0x2D else { return true }
    // A signed number is a number: `-5`, `+3.5`, `-1e3`, `-2,5` (a decimal comma).
    let t = String(s.map { $0 == "," ? "." : $0 })
    return Double(t) == nil || t.contains { $0.isLetter && $0 != "e" && $0 != "E" }
  }

  /// `s` as CSV bytes.
  /// - Parameters:
  ///   - quoteEdgeWhitespace: also quote a field that starts or ends with a space or tab, so that
  ///     a spreadsheet keeps the white space (for files people open in Excel).
  ///   - forceQuote: quote whatever the content.
  ///   - neutralize: prefix formula-looking text with `'` (default: ``neutralizeFormulas``).
  static func encode(
    _ s: String, delimiter: UInt8, quoteEdgeWhitespace: Bool = true, forceQuote: Bool = false,
    neutralize: Bool = CSVField.neutralizeFormulas
  ) -> [UInt8] {
    var b = Array(s.utf8)
    if neutralize && looksLikeFormula(s) { b.insert(0x27, at: 0) }
    var needs = forceQuote
    if !needs {
      needs = b.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      if quoteEdgeWhitespace, let f = b.first, let l = b.last,
        f == 0x20 || f == 0x09 || l == 0x20 || l == 0x09
      {
        needs = true
      }
    }
    guard needs else { return b }
    var out: [UInt8] = [0x22]
    out.reserveCapacity(b.count + 4)
    for c in b {
      if c == 0x22 { out.append(0x22) }
      out.append(c)
    }
    out.append(0x22)
    return out
  }

  /// ``encode(_:delimiter:quoteEdgeWhitespace:forceQuote:)`` as a `String`.
  static func string(_ s: String, delimiter: UInt8, quoteEdgeWhitespace: Bool = true) -> String {
    String(
      decoding: encode(s, delimiter: delimiter, quoteEdgeWhitespace: quoteEdgeWhitespace),
      as: UTF8.self)
  }
}
