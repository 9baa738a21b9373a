/// CSV field encoding shared by every CSV the tool writes (RFC 4180): a field is quoted when it
/// holds the delimiter, a quote, CR or LF; quotes inside are doubled.
enum CSVField {
  /// `s` as CSV bytes.
  /// - Parameters:
  ///   - quoteEdgeWhitespace: also quote a field that starts or ends with a space or tab, so that
  ///     a spreadsheet keeps the white space (for files people open in Excel).
  ///   - forceQuote: quote whatever the content.
  static func encode(
    _ s: String, delimiter: UInt8, quoteEdgeWhitespace: Bool = true, forceQuote: Bool = false
  ) -> [UInt8] {
    let b = Array(s.utf8)
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
