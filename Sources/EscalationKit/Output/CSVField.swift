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

  /// `=`, `@`, tab or CR: a cell starting so is a formula whatever follows.
  @inline(__always) static func isFormulaLead(_ f: UInt8) -> Bool {
    f == 0x3D || f == 0x40 || f == 0x09 || f == 0x0D
  }

  /// `+` or `-`: a formula unless the text is a number.
  @inline(__always) static func isSign(_ f: UInt8) -> Bool { f == 0x2B || f == 0x2D }

  /// Whether `s` is a text cell a spreadsheet would run as a formula.
  public static func looksLikeFormula(_ s: String) -> Bool {
    guard let f = s.utf8.first else { return false }
    if isFormulaLead(f) { return true }
    guard isSign(f) else { return false }
    // A signed number is a number: `-5`, `+3.5`, `-1e3`, `-2,5` (a decimal comma).
    let t = String(s.map { $0 == "," ? "." : $0 })
    return Double(t) == nil || t.contains { $0.isLetter && $0 != "e" && $0 != "E" }
  }

  /// The same test on UTF-8 bytes (a `String` is made only for a leading sign).
  public static func looksLikeFormula(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let f = b.first else { return false }
    if isFormulaLead(f) { return true }
    return isSign(f) && looksLikeFormula(String(decoding: b, as: UTF8.self))
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

  /// Whether `b` is written as it is (no quotes, no leading `'`), as
  /// ``append(bytes:to:delimiter:quoteEdgeWhitespace:neutralize:)`` would write it. `nil`:
  /// it starts with a sign, and only the text can tell (`-5` is a number, `-x` a formula).
  static func isWrittenAsIs(
    _ b: UnsafeBufferPointer<UInt8>, delimiter: UInt8, quoteEdgeWhitespace: Bool,
    neutralize: Bool
  ) -> Bool? {
    guard let f = b.first, let l = b.last else { return true }
    if isSign(f) { return nil }
    if neutralize && isFormulaLead(f) { return false }
    if quoteEdgeWhitespace && (f == 0x20 || f == 0x09 || l == 0x20 || l == 0x09) {
      return false
    }
    return !hasSpecialByte(b, delimiter)
  }

  /// Whether `b` holds the delimiter, a quote, CR or LF: eight bytes at a time (a zero byte of
  /// `word ^ pattern` is a match), then byte by byte.
  @inline(__always)
  private static func hasSpecialByte(_ b: UnsafeBufferPointer<UInt8>, _ delimiter: UInt8) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let patterns = (UInt64(delimiter) &* ones, 0x22 &* ones, 0x0A &* ones, 0x0D &* ones)
    @inline(__always) func zeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
    let raw = UnsafeRawPointer(b.baseAddress!)
    var i = 0
    while i + 8 <= b.count {
      let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      if zeroByte(w ^ patterns.0) || zeroByte(w ^ patterns.1) || zeroByte(w ^ patterns.2)
        || zeroByte(w ^ patterns.3)
      {
        return true
      }
      i += 8
    }
    while i < b.count {
      let c = b[i]
      if c == delimiter || c == 0x22 || c == 0x0A || c == 0x0D { return true }
      i += 1
    }
    return false
  }

  /// The same for a string given as its UTF-8 bytes.
  static func append(
    bytes b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], delimiter: UInt8,
    quoteEdgeWhitespace: Bool, neutralize: Bool
  ) {
    let asIs = isWrittenAsIs(
      b, delimiter: delimiter, quoteEdgeWhitespace: quoteEdgeWhitespace, neutralize: neutralize)
    if asIs == true {
      out.append(contentsOf: b)
      return
    }
    // A sign (only the text tells a number) or a formula to neutralise: the general path,
    // rarely taken. Else the field only needs its quotes.
    if asIs == nil || (neutralize && isFormulaLead(b[0])) {
      out += encodeFromString(
        String(decoding: b, as: UTF8.self), delimiter: delimiter,
        quoteEdgeWhitespace: quoteEdgeWhitespace, forceQuote: false, neutralize: neutralize)
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
