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

  /// The same test on UTF-8 bytes (a `String` is made only for a leading sign).
  public static func looksLikeFormula(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let f = b.first,
      f == 0x3D || f == 0x2B || f == 0x2D || f == 0x40 || f == 0x09 || f == 0x0D
    else { return false }
    guard f == 0x2B || f == 0x2D else { return true }
    return looksLikeFormula(String(decoding: b, as: UTF8.self))
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
    encodeFromString(
      s, delimiter: delimiter, quoteEdgeWhitespace: quoteEdgeWhitespace, forceQuote: forceQuote,
      neutralize: neutralize)
  }

  /// Appends `s` encoded as ``encode(_:delimiter:quoteEdgeWhitespace:forceQuote:neutralize:)``
  /// does (the same bytes) to `out`, without an array per field: a field that needs neither a
  /// quote nor a `'` (most of them) is copied as it is. For the events writer's string arena.
  static func append(
    _ s: String, to out: inout [UInt8], delimiter: UInt8, quoteEdgeWhitespace: Bool,
    neutralize: Bool
  ) {
    var s = s
    s.withUTF8 {
      append(
        bytes: $0, to: &out, delimiter: delimiter, quoteEdgeWhitespace: quoteEdgeWhitespace,
        neutralize: neutralize)
    }
  }

  /// The same for a string given as its UTF-8 bytes.
  static func append(
    bytes b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], delimiter: UInt8,
    quoteEdgeWhitespace: Bool, neutralize: Bool
  ) {
    if let f = b.first {
      // A sign needs the number test on the text: the general path, rarely taken.
      let formula = f == 0x3D || f == 0x40 || f == 0x09 || f == 0x0D
      if f == 0x2B || f == 0x2D || (neutralize && formula) {
        out += encodeFromString(
          String(decoding: b, as: UTF8.self), delimiter: delimiter,
          quoteEdgeWhitespace: quoteEdgeWhitespace, forceQuote: false, neutralize: neutralize)
        return
      }
    }
    var needs = false
    for c in b where c == delimiter || c == 0x22 || c == 0x0A || c == 0x0D {
      needs = true
      break
    }
    if !needs, quoteEdgeWhitespace, let f = b.first, let l = b.last,
      f == 0x20 || f == 0x09 || l == 0x20 || l == 0x09
    {
      needs = true
    }
    guard needs else {
      out.append(contentsOf: b)
      return
    }
    out.append(0x22)
    for c in b {
      if c == 0x22 { out.append(0x22) }
      out.append(c)
    }
    out.append(0x22)
  }

  private static func encodeFromString(
    _ s: String, delimiter: UInt8, quoteEdgeWhitespace: Bool, forceQuote: Bool, neutralize: Bool
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
