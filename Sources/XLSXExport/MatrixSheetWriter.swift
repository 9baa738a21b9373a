import EscalationKit

/// Writes the parts of the matrix sheet top to bottom (header row, role and category rows,
/// unrecognised rows, comments, legend, findings without a cell) for
/// ``MatrixWorkbook/addSheet(_:to:)``, counting what it marks for the legend.
struct MatrixSheetWriter {
  let input: MatrixWorkbookInput
  let sheet: Worksheet
  let lang: Language
  /// 0 for English, 1 for French (index into the canonical label pairs).
  let k: Int
  let changed: Set<MatrixWorkbookInput.Cell>
  let placed: MatrixWorkbook.Placement
  let errorCells: Set<MatrixWorkbookInput.Cell>
  let missing: Set<MatrixWorkbookInput.Row>
  var marks = MatrixWorkbook.Marks()

  let base = CellStyle(wrap: true, alignTop: true, border: true)
  let header = CellStyle.header
  let label = CellStyle(bold: true, fill: 0xF2F2F2, wrap: true, alignTop: true, border: true)
  let role = CellStyle(bold: true, wrap: true, alignTop: true, border: true)
  let nbsp = "\u{00A0}"

  init(input: MatrixWorkbookInput, sheet: Worksheet) {
    self.input = input
    self.sheet = sheet
    lang = input.language
    k = lang == .en ? 0 : 1
    changed = input.changed
    placed = MatrixWorkbook.place(input)
    errorCells = Set(placed.cells.filter { $0.value.contains { $0.severity == .error } }.keys)
    missing = input.missingRows
    marks.changed = changed.count
    marks.missingRows = missing.filter { $0 != .role }.count
    marks.unrecognizedRows = input.unrecognizedRows.count
  }

  /// Header row: corner and the four level headers.
  mutating func writeHeaderRow() throws(XLSXError) {
    try sheet.write(CanonicalMatrix.cornerLabel[k], row: 0, column: 0, style: header)
    for level in Level.all {
      var style = header
      if placed.levelHeaders[level]?.contains(where: { $0.severity == .error }) == true {
        style.fill = CellStyle.alertFill
        marks.errorCells += 1
      }
      try sheet.write(
        CanonicalMatrix.levelHeader(level, lang), row: 0, column: level.rawValue, style: style)
    }
  }

  /// Role row, then the categories in the template's order.
  mutating func writeTableRows() throws(XLSXError) {
    for (i, row) in MatrixWorkbookInput.Row.all.enumerated() {
      let r = i + 1
      let texts = Level.all.map { input.text(.init(row, $0)) }
      let labelWidthChars = Int(MatrixWorkbook.labelWidth) - 2
      let lines =
        texts.map { MatrixWorkbook.lineCount($0, width: Int(MatrixWorkbook.levelWidth) - 2) }
        .max() ?? 1
      let labelText: String
      switch row {
      case .role: labelText = CanonicalMatrix.roleRowLabel[k]
      case .category(let c): labelText = c.label(lang)
      }
      let height = max(lines, MatrixWorkbook.lineCount(labelText, width: labelWidthChars))
      try sheet.setRowHeight(r, min(409, Double(height) * 15 + 3))
      var labelStyle = label
      if missing.contains(row) {
        labelStyle.fill = CellStyle.alertFill
      } else if placed.rowLabels[row]?.contains(where: { $0.severity == .error }) == true {
        labelStyle.fill = CellStyle.alertFill
        marks.errorCells += 1
      }
      try sheet.write(labelText, row: r, column: 0, style: labelStyle)
      for level in Level.all {
        try writeCell(row, level, texts[level.index], sheetRow: r)
      }
    }
  }

  /// One of the 36 cells, filled red (missing row or error), yellow (changed) or not.
  private mutating func writeCell(
    _ row: MatrixWorkbookInput.Row, _ level: Level, _ text: String, sheetRow r: Int
  ) throws(XLSXError) {
    let cell = MatrixWorkbookInput.Cell(row, level)
    var style = row == .role ? role : base
    if missing.contains(row) {
      style.fill = CellStyle.alertFill
    } else if errorCells.contains(cell) {
      marks.errorCells += 1
      style.fill = CellStyle.alertFill
    } else if changed.contains(cell) {
      style.fill = CellStyle.changedFill
    }
    try sheet.write(text, row: r, column: level.rawValue, style: style)
  }

  /// Rows the reader could not place, right under the table, their labels in red; returns
  /// the sheet row after them.
  mutating func writeUnrecognizedRows() throws(XLSXError) -> Int {
    var r = 10
    guard !input.unrecognizedRows.isEmpty else { return r }
    r += 1
    try sheet.write(
      lang == .en
        ? "Rows not recognised (correct the label to place them in the matrix):"
        : "Lignes non reconnues (corrigez l’intitulé pour les placer dans la matrice)\u{00A0}:",
      row: r, column: 0, style: CellStyle(bold: true))
    r += 1
    for extra in input.unrecognizedRows {
      let texts = Level.all.map { extra.cells[$0]?.text ?? "" }
      let lines =
        texts.map { MatrixWorkbook.lineCount($0, width: Int(MatrixWorkbook.levelWidth) - 2) }
        .max() ?? 1
      try sheet.setRowHeight(r, min(409, Double(lines) * 15 + 3))
      var labelStyle = label
      labelStyle.fill = CellStyle.alertFill
      try sheet.write(extra.label.text, row: r, column: 0, style: labelStyle)
      for level in Level.all {
        try sheet.write(texts[level.index], row: r, column: level.rawValue, style: base)
      }
      marks.commented += try MatrixWorkbook.comment(
        placed.extraLabels[extra.label.position] ?? [], input, on: sheet, row: r, column: 0)
      for level in Level.all {
        if let p = extra.cells[level]?.position {
          marks.commented += try MatrixWorkbook.comment(
            placed.extraCells[p] ?? [], input, on: sheet, row: r, column: level.rawValue)
        }
      }
      r += 1
    }
    return r
  }

  /// Comments: findings on their cells, labels and headers.
  /// In sheet order (row, then column): the dictionaries' own order differs from one instance
  /// to the next, and libxlsxwriter numbers the comment shapes in the order they are added, so
  /// the same input must add them in the same order to give the same bytes.
  mutating func writeComments() throws(XLSXError) {
    var all: [(row: Int, column: Int, findings: [Finding])] = []
    for (cell, findings) in placed.cells {
      all.append((cell.row.sheetRow, cell.level.rawValue, findings))
    }
    for (row, findings) in placed.rowLabels { all.append((row.sheetRow, 0, findings)) }
    for (level, findings) in placed.levelHeaders { all.append((0, level.rawValue, findings)) }
    all.sort { ($0.row, $0.column) < ($1.row, $1.column) }
    for c in all {
      marks.commented += try MatrixWorkbook.comment(
        c.findings, input, on: sheet, row: c.row, column: c.column)
    }
  }

  /// The source line and the legend from sheet row `r`; returns the row after them.
  func writeLegend(from start: Int) throws(XLSXError) -> Int {
    var r = start
    if let source = input.source {
      try sheet.write(
        (lang == .en ? "Source: " : "Source\(nbsp): ") + source, row: r, column: 0, style: .note)
      r += 1
    }
    let against: String
    if let name = input.referenceName {
      against = lang == .en ? "the baseline \(name)" : "la référence \(name)"
    } else {
      against = lang == .en ? "the canonical matrix" : "la matrice canonique"
    }
    for (text, fill) in MatrixWorkbook.legend(marks, against: against, lang) {
      try sheet.writeMerged(
        text, row: r, firstColumn: 0, lastColumn: 4,
        style: fill.map { CellStyle(fill: $0) } ?? CellStyle.note)
      r += 1
    }
    return r
  }

  /// The findings that belong to no cell, listed from sheet row `start` + 1.
  func writeUnplaced(from start: Int) throws(XLSXError) {
    guard !placed.unplaced.isEmpty else { return }
    var r = start + 1
    try sheet.write(
      lang == .en ? "Findings not tied to a cell:" : "Remarques sans cellule\(nbsp):",
      row: r, column: 0, style: CellStyle(bold: true))
    r += 1
    for f in placed.unplaced {
      try sheet.write(MatrixWorkbook.listedFinding(f, input), row: r, column: 0)
      r += 1
    }
  }
}
