/// Checks on the text of one cell that do not depend on where it is: white space, control
/// characters, formula-looking starts, length.
enum MatrixTextChecks {
  /// Excel's limit on the characters (UTF-16 units) of a cell.
  static let excelCellLimit = 32_767

  /// Spaces and tabs of all kinds (not line breaks).
  static func isHorizontalSpace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  /// Any white space, line breaks included.
  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    isHorizontalSpace(s) || s.value == 0x0A || s.value == 0x0D || s.value == 0x0B || s.value == 0x0C
      || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029
  }

  /// Whether `text` holds nothing but white space.
  static func isBlank(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(isSpace) }

  /// `text` trimmed, with each run of two or more spaces made one space; `nil` when unchanged.
  static func spaceCleaned(_ text: String) -> String? {
    var out = String.UnicodeScalarView()
    var run: [Unicode.Scalar] = []
    func flush() {
      if run.count == 1 { out.append(run[0]) } else if run.count > 1 { out.append(" ") }
      run.removeAll()
    }
    for s in text.unicodeScalars {
      if isSpace(s) {
        run.append(s)
      } else {
        if !out.isEmpty { flush() } else { run.removeAll() }
        out.append(s)
      }
    }
    let cleaned = String(out)
    return cleaned == text ? nil : cleaned
  }

  /// Whether the first character would make a spreadsheet read the cell as a formula.
  static func looksLikeFormula(_ text: String) -> Bool {
    guard let f = text.unicodeScalars.first else { return false }
    return f == "=" || f == "+" || f == "-" || f == "@"
  }

  /// Control characters other than line breaks (C0, DEL, C1).
  static func isControl(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (v < 0x20 && v != 0x0A && v != 0x0D) || (v >= 0x7F && v <= 0x9F)
  }

  /// A short quote of `text` for messages: at most `limit` characters, `…` when cut, line breaks
  /// shown as spaces.
  static func quote(_ text: String, limit: Int = 60) -> String {
    var t = String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
    if t.count > limit { t = String(t.prefix(limit - 1)) + "…" }
    return "\"" + t + "\""
  }

  /// The findings about `text` read at `position`; `what` names the cell in messages.
  static func findings(_ text: String, at position: MatrixPosition, what: String, file: String)
    -> [Finding]
  {
    var out: [Finding] = []
    func add(_ code: MatrixCode, _ message: String) {
      out.append(
        Finding(matrix: code, file: file, line: position.line, column: position.column, message))
    }
    let scalars = Array(text.unicodeScalars)
    guard !scalars.isEmpty, !isBlank(text) else { return out }

    // White space: leading, trailing, doubled.
    var parts: [String] = []
    if let f = scalars.first, isSpace(f) { parts.append("leading") }
    if let l = scalars.last, isSpace(l) { parts.append("trailing") }
    var doubledAfter: String?
    var i = 1
    while i < scalars.count {
      if isHorizontalSpace(scalars[i]) && isHorizontalSpace(scalars[i - 1]) {
        // Only inside the text: leading and trailing runs are reported as such.
        let before = scalars[..<(i - 1)]
        if before.contains(where: { !isSpace($0) })
          && scalars[(i + 1)...].contains(where: { !isSpace($0) })
        {
          var v = String.UnicodeScalarView()
          v.append(contentsOf: before.suffix(20))
          doubledAfter = String(v)
          break
        }
      }
      i += 1
    }
    if !parts.isEmpty || doubledAfter != nil {
      var m = what + " has "
      var pieces: [String] = []
      if !parts.isEmpty { pieces.append(parts.joined(separator: " and ") + " white space") }
      if let d = doubledAfter {
        pieces.append("a doubled space after \"\(d.trimmingSpaces())\"")
      }
      m += pieces.joined(separator: " and ") + "; remove the extra space"
      add(.whiteSpace, m)
    }

    // Control characters.
    if let (idx, s) = scalars.enumerated().first(where: { isControl($0.element) }) {
      let hex = String(s.value, radix: 16, uppercase: true)
      let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      let name = s.value == 0x09 ? " (tab)" : ""
      add(
        .controlCharacter,
        "\(what) holds the control character \(code)\(name) at character \(idx + 1); remove it "
          + "(it is invisible in a spreadsheet)"
      )
    }

    // Formula-looking start.
    if looksLikeFormula(text) {
      add(
        .formulaLike,
        "\(what) starts with \"\(scalars[0])\", so a spreadsheet opening this CSV would run it "
          + "as a formula; reword it so that it starts with a letter"
      )
    }

    // Length.
    let units = text.utf16.count
    if units > excelCellLimit {
      add(
        .tooLong,
        "\(what) has \(units) characters, more than the \(excelCellLimit) an Excel cell holds; shorten it"
      )
    }
    return out
  }
}

extension String {
  /// The string without leading and trailing white space.
  fileprivate func trimmingSpaces() -> String {
    let s = unicodeScalars
    guard let a = s.firstIndex(where: { !MatrixTextChecks.isSpace($0) }),
      let b = s.lastIndex(where: { !MatrixTextChecks.isSpace($0) })
    else { return "" }
    return String(s[a...b])
  }
}
