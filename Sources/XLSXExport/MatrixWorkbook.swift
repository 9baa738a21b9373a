import EscalationKit

#if canImport(Glibc)
  import Glibc
#endif

/// What the matrix sheet shows: the matrix, its language, the findings about its file, and
/// where each cell was read, so that findings land on their cells.
public struct MatrixWorkbookInput: Sendable {
  /// A row of the matrix: the role row or a category.
  public typealias Row = MatrixRowKey
  /// One of the 36 cells.
  public typealias Cell = MatrixCellKey
  /// A place in the CSV file: the record's line and the 1-based field number.
  public typealias Position = MatrixPosition

  /// The matrix as read (cells may be empty when the file left them empty).
  public var matrix: Matrix
  /// The language of the labels written around it.
  public var language: Language
  /// The file the matrix was read from, shown under the table (`nil`: not shown).
  public var source: String?
  /// Findings about that file; each one whose line and column match a position below becomes
  /// a comment on that cell, the others are listed under the table.
  public var findings: [Finding]
  /// Where each of the 36 cells was read.
  public var cellPositions: [Cell: Position]
  /// Where each row label and level header was read (for findings about labels).
  public var rowLabelPositions: [Row: Position]
  public var levelHeaderPositions: [Level: Position]
  /// The matrix the cells are compared with (default: the canonical one in `language`).
  public var reference: Matrix?
  /// The name of the reference when it is a baseline file (`nil`: the canonical matrix).
  public var referenceName: String?
  /// The changed cells, when the caller has worked them out (e.g. from the validator's
  /// notes); `nil`: compared here, ignoring case, accents and spacing as labels are.
  public var changedCells: Set<Cell>?
  /// Rows of the file that matched no row of the model (a misspelt category, a repeat):
  /// shown under the table with their findings, so that a review sees their text.
  public var unrecognizedRows: [MatrixUnrecognizedRow] = []
  /// Rows of the model the file does not have (a missing category, the role row): filled red,
  /// with their finding (MTX010, MTX007) as a comment on the label.
  public var missingRows: Set<Row> = []

  public init(
    matrix: Matrix, language: Language, source: String? = nil, findings: [Finding] = [],
    cellPositions: [Cell: Position] = [:], rowLabelPositions: [Row: Position] = [:],
    levelHeaderPositions: [Level: Position] = [:], reference: Matrix? = nil,
    referenceName: String? = nil, changedCells: Set<Cell>? = nil
  ) {
    self.matrix = matrix
    self.language = language
    self.source = source
    self.findings = findings
    self.cellPositions = cellPositions
    self.rowLabelPositions = rowLabelPositions
    self.levelHeaderPositions = levelHeaderPositions
    self.reference = reference
    self.referenceName = referenceName
    self.changedCells = changedCells
  }

  /// The text of a cell.
  public func text(_ cell: Cell) -> String {
    switch cell.row {
    case .role: return matrix.role(of: cell.level)
    case .category(let c): return matrix.text(c, cell.level)
    }
  }

  /// The cells whose text differs from the reference (``changedCells`` when given).
  public var changed: Set<Cell> {
    if let changedCells { return changedCells }
    let ref = reference ?? Matrix.canonical(language)
    let refInput = MatrixWorkbookInput(matrix: ref, language: language)
    var out: Set<Cell> = []
    for row in Row.all {
      for level in Level.all {
        let cell = Cell(row, level)
        let t = text(cell)
        if !t.isEmpty && !LabelNormalizer.same(t, refInput.text(cell)) { out.insert(cell) }
      }
    }
    return out
  }
}

/// The escalation matrix as a formatted one-sheet workbook laid out like the template
/// (levels across, role row, categories down, wrapped text), with changed cells filled light
/// yellow and each finding attached to its cell as a comment, so that the people who approve
/// an edited matrix can review it in Excel.
public enum MatrixWorkbook {
  /// Width of the label column and of each level column, in character widths.
  static let labelWidth = 30.0
  static let levelWidth = 48.0

  /// A fixed creation time for the template workbook (2024-01-01 00:00 UTC), so that
  /// `escalation template --xlsx` gives the same bytes on every run.
  public static let templateCreated: Int64 = 1_704_067_200

  /// The creation time for the workbook of the matrix file at `path`: the file's modification
  /// time, so that the same file gives the same workbook; ``templateCreated`` for standard
  /// input or a file that cannot be examined.
  public static func creationTime(of path: String) -> Int64 {
    var st = stat()
    guard path != "-", stat(path, &st) == 0 else { return templateCreated }
    return Int64(st.st_mtim.tv_sec)
  }

  /// Writes the matrix workbook to `path` (temporary file + rename; see ``SafeOutput``).
  /// - Parameters:
  ///   - created: the document's creation time (seconds since 1970 UTC); a fixed value makes
  ///     the file reproducible.
  ///   - inputs: paths that must not be overwritten (the matrix file, the baseline).
  public static func write(
    _ input: MatrixWorkbookInput, to path: String, created: Int64, inputs: [String] = []
  ) throws(XLSXError) {
    let title = input.language == .en ? "Escalation matrix" : "Matrice de remontée"
    let wb = try Workbook(
      path: path,
      options: .init(
        constantMemory: false, created: created, inputs: inputs, title: title, author: "escalation")
    )
    try addSheet(input, to: wb)
    try wb.close()
  }

  /// Adds the matrix sheet to `workbook` (rows written top to bottom, so a constant-memory
  /// workbook works too) and returns it.
  @discardableResult
  public static func addSheet(_ input: MatrixWorkbookInput, to workbook: Workbook) throws(XLSXError)
    -> Worksheet
  {
    let sheet = try workbook.addWorksheet(input.language == .en ? "Matrix" : "Matrice")
    var writer = MatrixSheetWriter(input: input, sheet: sheet)
    try writer.writeHeaderRow()
    try writer.writeTableRows()
    var r = try writer.writeUnrecognizedRows()
    try writer.writeComments()
    r = try writer.writeLegend(from: r + 1)
    try writer.writeUnplaced(from: r)
    sheet.setColumnWidth(0, labelWidth)
    for level in Level.all { sheet.setColumnWidth(level.rawValue, levelWidth) }
    sheet.freezePanes(row: 1, column: 1)
    try sheet.setPrintLayout(headerRows: 0...0)
    return sheet
  }

  /// One comment listing `findings` (`severity[CODE]: text`, one paragraph each, in the
  /// matrix's language); returns the number of comments written (0 or 1).
  static func comment(
    _ findings: [Finding], _ input: MatrixWorkbookInput, on sheet: Worksheet, row: Int,
    column: Int
  ) throws(XLSXError) -> Int {
    guard !findings.isEmpty else { return 0 }
    let text = findings.map { commentParagraph($0, input) }.joined(separator: "\n\n")
    let lines = lineCount(text, width: 48)
    try sheet.comment(
      text, row: row, column: column, author: "escalation", width: 340,
      height: min(600, max(80, lines * 16 + 10)))
    return 1
  }

  /// How many lines `text` takes when wrapped at `width` characters (an estimate).
  static func lineCount(_ text: String, width: Int) -> Int {
    var lines = 0
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines += max(1, (paragraph.count + width - 1) / max(1, width))
    }
    return max(1, lines)
  }
}

extension MatrixRowKey {
  /// The 0-based sheet row: 1 for the role row, 2–9 for the categories.
  var sheetRow: Int { index + 1 }
}

extension MatrixWorkbookInput {
  /// What `escalation validate` read and found: the matrix as read (cells it could not
  /// identify left empty), its findings (each on its cell), and the changed cells (against the
  /// baseline when one was given, else the canonical matrix). `nil` when the file could not be
  /// read as a table at all (then there is nothing to lay out).
  public init?(validation: MatrixValidation) {
    guard let document = validation.result.document else { return nil }
    var roles = ["", "", "", ""]
    var cells: [CategoryKey: [String]] = [:]
    for c in CategoryKey.allCases { cells[c] = ["", "", "", ""] }
    for (key, text) in document.cells {
      switch key.row {
      case .role: roles[key.level.index] = text.text
      case .category(let c): cells[c]?[key.level.index] = text.text
      }
    }
    let changes = validation.baselineChanges ?? validation.canonicalChanges
    self.init(
      matrix: document.matrix ?? Matrix(roles: roles, cells: cells), language: document.language,
      source: validation.result.file, findings: validation.result.findings,
      cellPositions: document.cells.mapValues(\.position),
      rowLabelPositions: document.rowLabels.mapValues(\.position),
      levelHeaderPositions: document.levelHeaders.mapValues(\.position),
      referenceName: validation.baseline, changedCells: Set(changes.map(\.cell)))
    unrecognizedRows = document.unrecognizedRows
    missingRows = Set(Row.all.filter { document.rowLabels[$0] == nil })
  }
}
