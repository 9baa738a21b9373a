import EscalationKit

// The Data quality sheet (the findings grouped: one row per code and message pattern, with a
// count and the first lines) and the Data quality detail sheet (every finding, one per row,
// with the column as a letter as the user's spreadsheet shows it).

extension ReportWriter {
  // MARK: Data quality

  /// Data rows of the long lists that print (the rest stays on screen: see docs/report.md).
  static let printedRows = 50

  /// The first lines a group names.
  static let linesShown = 5

  /// The findings grouped by file, code and message pattern, in order of first occurrence.
  struct FindingGroup {
    var first: Finding
    var count = 1
    var lines: [Int] = []
  }

  /// `findings` grouped: two findings go together when they have the same file, code and
  /// message once numbers and quoted texts are set aside ("exact duplicate of line 2" and
  /// "… of line 7" are one group).
  static func groups(_ findings: [Finding]) -> [FindingGroup] {
    var index: [String: Int] = [:]
    var groups: [FindingGroup] = []
    for f in findings {
      let key = "\(f.file)\u{1F}\(f.code)\u{1F}\(pattern(f.message))"
      if let i = index[key] {
        groups[i].count += 1
        if let line = f.line, groups[i].lines.count < linesShown + 1 {
          groups[i].lines.append(line)
        }
      } else {
        index[key] = groups.count
        groups.append(FindingGroup(first: f, lines: f.line.map { [$0] } ?? []))
      }
    }
    return groups
  }

  /// `message` with each run of digits replaced by `#` and each text in double quotes by `"…"`.
  static func pattern(_ message: String) -> String {
    var out = String.UnicodeScalarView()
    var quoted = false
    var lastDigit = false
    for u in message.unicodeScalars {
      if u == "\"" {
        if !quoted { out.append(contentsOf: "\"…\"".unicodeScalars) }
        quoted.toggle()
        lastDigit = false
      } else if quoted {
        continue
      } else if u.isASCII ? (0x30...0x39).contains(u.value) : u.properties.numericType != nil {
        // (The only ASCII characters with a numeric type are the digits.)
        if !lastDigit { out.append("#") }
        lastDigit = true
      } else {
        out.append(u)
        lastDigit = false
      }
    }
    return String(out)
  }

  /// "12, 40, 77, 90, 102…" (the first lines, an ellipsis when there are more).
  static func lineList(_ g: FindingGroup, _ l: Labels) -> String {
    let shown = g.lines.prefix(ReportWriter.linesShown).map { formatted($0, l) }
    return shown.joined(separator: ", ") + (g.count > shown.count && !shown.isEmpty ? "…" : "")
  }

  /// A whole number with the language's thousands separator ("5,278", "5 278").
  static func formatted(_ n: Int, _ l: Labels) -> String {
    let digits = Array(String(n.magnitude))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += l.t(",", "\u{202F}") }
      out.append(d)
    }
    return (n < 0 ? "−" : "") + out
  }

  func dataQuality() throws(XLSXError) {
    let names = [
      l.t("Severity", "Gravité"), l.t("Code", "Code"), l.t("Count", "Nombre"),
      l.t("File", "Fichier"), l.t("First lines", "Premières lignes"),
      l.t("Message (first occurrence)", "Message (première occurrence)"),
    ]
    let series = try SheetSeries(workbook: workbook, name: l.qualitySheet, headers: names) {
      (sheet) throws(XLSXError) in sheet.setColumnWidth(5, ReportWriter.messageWidth)
    }
    let top = CellStyle(alignTop: true)
    let message = CellStyle(wrap: true, alignTop: true)
    for g in ReportWriter.groups(findings) {
      let (s, r) = try series.nextRow()
      // The message in the report language (Finding.localizedMessage).
      let text = g.first.localizedMessage(lang)
      let lines = ReportWriter.lines(text, width: Int(ReportWriter.messageWidth))
      if lines > 1 { try s.setRowHeight(r, min(409, Double(lines) * 15)) }
      try s.write(l.severity(g.first.severity), row: r, column: 0, style: top)
      try s.write(g.first.code, row: r, column: 1, style: top)
      try s.write(
        integer: g.count, row: r, column: 2,
        style: CellStyle(numberFormat: "#,##0", alignTop: true, horizontal: .center)
      )
      try s.write(g.first.file, row: r, column: 3, style: top)
      try s.write(ReportWriter.lineList(g, l), row: r, column: 4, style: top)
      try s.write(text, row: r, column: 5, style: message)
    }
    try series.finish()
    try qualityDetail()
  }

  /// Every finding, one per row: file, line, column letter, severity, code, message.
  func qualityDetail() throws(XLSXError) {
    let names = [
      l.t("File", "Fichier"), l.t("Line", "Ligne"), l.t("Column", "Colonne"),
      l.t("Severity", "Gravité"), l.t("Code", "Code"), l.t("Message", "Message"),
    ]
    let series = try SheetSeries(workbook: workbook, name: l.qualityDetailSheet, headers: names) {
      (sheet) throws(XLSXError) in sheet.setColumnWidth(5, ReportWriter.messageWidth)
    }
    // Every cell aligned to the top, as a long message wraps onto further lines; the formats
    // resolved once for the whole table.
    let top = try workbook.format(CellStyle(alignTop: true))
    let number = try workbook.format(CellStyle(alignTop: true, horizontal: .center))
    let message = try workbook.format(CellStyle(wrap: true, alignTop: true))
    for f in findings {
      let (s, r) = try series.nextRow()
      let text = f.localizedMessage(lang)
      let lines = ReportWriter.lines(text, width: Int(ReportWriter.messageWidth))
      if lines > 1 { try s.setRowHeight(r, min(409, Double(lines) * 15)) }
      try s.write(f.file, row: r, column: 0, format: top)
      try s.write(number: f.line.map(Double.init), row: r, column: 1, format: number)
      try s.write(f.columnLetter ?? "", row: r, column: 2, format: number)
      try s.write(l.severity(f.severity), row: r, column: 3, format: top)
      try s.write(f.code, row: r, column: 4, format: top)
      try s.write(text, row: r, column: 5, format: message)
    }
    try series.finish()
    try series.limitPrintArea(rows: ReportWriter.printedRows)
  }

  /// The width of the message column of the data-quality sheets, in character widths.
  static let messageWidth = 100.0

  /// The lines `text` takes wrapped in a column `width` characters wide (an estimate that
  /// errs on the generous side: proportional text is narrower than the digits Excel counts).
  static func lines(_ text: String, width: Int) -> Int {
    let count = text.unicodeScalars.count
    return max(1, (count + width - 1) / max(1, width))
  }
}
