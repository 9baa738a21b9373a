/// Makes input text safe to store in an XLSX cell or use as a sheet name.
///
/// XML 1.0 allows only tab, line feed and carriage return below U+0020, and neither U+FFFE nor
/// U+FFFF; Excel cells hold at most 32,767 UTF-16 code units; sheet names at most 31 characters,
/// none of `[ ] : * ? / \`, not starting or ending with an apostrophe, unique ignoring case.
public enum TextSanitizer {
  /// Excel's limit on the length of a cell's text, in UTF-16 code units.
  public static let maxCellLength = 32_767
  /// Appended to a text that was cut to fit in a cell.
  public static let cutNote = " [cut]"
  /// Excel's limit on the length of a sheet name.
  public static let maxSheetNameLength = 31

  /// Whether `scalar` may appear in an XML 1.0 document.
  @inline(__always)
  public static func isXMLValid(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v >= 0x20 { return v != 0xFFFE && v != 0xFFFF }
    return v == 0x09 || v == 0x0A || v == 0x0D
  }

  /// `text` with XML-invalid characters removed, a literal `_xHHHH_` escaped as `_x005F_xHHHH_`
  /// (Excel and LibreOffice would otherwise read it as an escaped character), and cut to 32,767
  /// UTF-16 code units, ending with ``cutNote``, when it was longer.
  public static func cell(_ text: String) -> String {
    guard needsWork(text) else { return text }
    let source = Array(text.unicodeScalars)
    var scalars = String.UnicodeScalarView()
    for i in source.indices where isXMLValid(source[i]) {
      if source[i] == "_" && looksLikeEscape(source, at: i) {
        scalars.append(contentsOf: "_x005F".unicodeScalars)
      }
      scalars.append(source[i])
    }
    return cut(String(scalars))
  }

  /// Text decoded from bytes (invalid UTF-8 becomes U+FFFD), then cleaned as ``cell(_:)``.
  public static func cell(bytes: UnsafeBufferPointer<UInt8>) -> String {
    cell(String(decoding: bytes, as: UTF8.self))
  }

  /// A fast byte scan: false when `text` is certainly clean (the common case).
  @inline(__always)
  static func needsWork(_ text: String) -> Bool {
    if text.utf8.count > maxCellLength { return true }  // may exceed in UTF-16 too
    if let found = text.utf8.withContiguousStorageIfAvailable(needsWork(utf8:)) { return found }
    return needsWork(utf8: text.utf8)
  }

  /// ``needsWork(_:)`` over UTF-8 bytes.
  @inline(__always)
  static func needsWork<Bytes: Sequence<UInt8>>(utf8 bytes: Bytes) -> Bool {
    var previous: UInt8 = 0
    for u in bytes {
      // Controls; 0xEF leads U+FFFE and U+FFFF; `_x` may start an escape sequence.
      if u < 0x20 || u == 0xEF || (previous == 0x5F && (u == 0x78 || u == 0x58)) { return true }
      previous = u
    }
    return false
  }

  /// `text` cut so that, with ``cutNote``, it is at most 32,767 UTF-16 code units; never splits
  /// a scalar.
  static func cut(_ text: String) -> String {
    guard text.utf16.count > maxCellLength else { return text }
    let budget = maxCellLength - cutNote.utf16.count
    var used = 0
    var end = text.unicodeScalars.startIndex
    for idx in text.unicodeScalars.indices {
      let w = text.unicodeScalars[idx].utf16.count
      if used + w > budget { break }
      used += w
      end = text.unicodeScalars.index(after: idx)
    }
    return String(text.unicodeScalars[..<end]) + cutNote
  }

  /// Whether `_xHHHH_` (four hex digits) starts at `i`.
  private static func looksLikeEscape(_ s: [Unicode.Scalar], at i: Int) -> Bool {
    guard i + 6 < s.count, s[i] == "_", s[i + 1] == "x" || s[i + 1] == "X", s[i + 6] == "_"
    else { return false }
    for k in 2...5 where !s[k + i].properties.isASCIIHexDigit { return false }
    return true
  }

  /// Decodes `_xHHHH_` escapes as Excel does when it reads a cell (the inverse of ``cell(_:)``).
  public static func decodeEscapes(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    let s = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < s.count {
      if s[i + 0] == "_", looksLikeEscape(s, at: i), s[i + 1] == "x",
        let v = UInt32(String(String.UnicodeScalarView(s[(i + 2)...(i + 5)])), radix: 16),
        let u = Unicode.Scalar(v)
      {
        out.append(u)
        i += 7
      } else {
        out.append(s[i])
        i += 1
      }
    }
    return String(out)
  }

  /// A valid sheet name made from `name`: forbidden characters replaced by `-`, line breaks by
  /// spaces, XML-invalid characters removed, apostrophes and spaces trimmed from the ends, cut
  /// to 31 characters, `Sheet` when nothing is left, and made unique against `taken` (compared
  /// ignoring case) by a ` (2)`, ` (3)`, … suffix.
  public static func sheetName(_ name: String, taken: [String] = []) -> String {
    var scalars = String.UnicodeScalarView()
    for s in name.unicodeScalars where isXMLValid(s) {
      switch s {
      case "[", "]", ":", "*", "?", "/", "\\": scalars.append("-")
      case "\t", "\n", "\r": scalars.append(" ")
      default: scalars.append(s)
      }
    }
    var base = trimmed(String(scalars))
    if base.isEmpty { base = "Sheet" }
    if base.lowercased() == "history" { base += "-" }  // reserved by Excel
    base = trimmed(prefix(base, maxUTF16: maxSheetNameLength))
    let lowered = Set(taken.map { $0.lowercased() })
    if !lowered.contains(base.lowercased()) { return base }
    var n = 2
    while true {
      let suffix = " (\(n))"
      let candidate =
        trimmed(prefix(base, maxUTF16: maxSheetNameLength - suffix.utf16.count)) + suffix
      if !lowered.contains(candidate.lowercased()) { return candidate }
      n += 1
    }
  }

  /// The longest prefix of `s` (whole characters) of at most `max` UTF-16 code units.
  static func prefix(_ s: String, maxUTF16 max: Int) -> String {
    guard s.utf16.count > max else { return s }
    var used = 0
    var out = ""
    for c in s {
      let w = c.utf16.count
      if used + w > max { break }
      used += w
      out.append(c)
    }
    return out
  }

  /// `s` without apostrophes and spaces at either end.
  private static func trimmed(_ s: String) -> String {
    var t = Substring(s)
    while let f = t.first, f == "'" || f == " " { t.removeFirst() }
    while let l = t.last, l == "'" || l == " " { t.removeLast() }
    return String(t)
  }
}
