import CSVImport

/// How a matrix file lays out its levels.
public enum MatrixOrientation: String, Sendable, Codable {
  /// As the template: one column per level, the role row and one row per category.
  case levelsAcross = "levels-across"
  /// Transposed: one row per level, the role column and one column per category.
  case levelsDown = "levels-down"

  /// For the text output: `orientation: <phrase>`.
  public var phrase: String {
    switch self {
    case .levelsAcross: return "levels across (as the template)"
    case .levelsDown: return "levels down (transposed: one row per level, categories across)"
    }
  }
}

/// Where something was read in a CSV file: the record's line and the 1-based field number, as a
/// person finds it in a spreadsheet.
public struct MatrixPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
  /// The spreadsheet column letter (A, B, …).
  public var columnLetter: String { Finding.columnLetter(column) }
  public static func < (a: MatrixPosition, b: MatrixPosition) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }
  /// `line 3, column C`.
  public var description: String { "line \(line), column \(columnLetter)" }
}

/// A text as written in the file and where it was read.
public struct MatrixText: Sendable, Equatable {
  public var text: String
  public var position: MatrixPosition
  public init(text: String, position: MatrixPosition) {
    self.text = text
    self.position = position
  }
}

/// What the reader made of a matrix file: the labels and cells it identified, each with its
/// position, and the matrix itself when the structure is complete.
public struct MatrixDocument: Sendable {
  /// The file name for messages (`<stdin>` for `-`).
  public var file: String
  public var orientation: MatrixOrientation
  /// The language of the labels (the majority; French on a tie, as the seed).
  public var language: Language
  /// The top-left cell, when present.
  public var corner: MatrixText?
  /// The header of each identified level (first occurrence).
  public var levelHeaders: [Level: MatrixText]
  /// The label of each identified row (first occurrence).
  public var rowLabels: [MatrixRowKey: MatrixText]
  /// Every cell whose row and level were identified, as written (possibly empty).
  public var cells: [MatrixCellKey: MatrixText]
  /// The matrix, when the 4 levels, the role row and the 8 categories were all identified
  /// (cells may still be empty or the matrix otherwise invalid: see the findings).
  public var matrix: Matrix?
  /// Rows (columns, transposed) whose label is unknown, empty or a repeat, with the cells read
  /// at identified levels, in file order: so that a review shows the text of a misspelt row.
  public var unrecognizedRows: [MatrixUnrecognizedRow] = []

  /// Where the cell `key` was read.
  public func position(of key: MatrixCellKey) -> MatrixPosition? { cells[key]?.position }

  /// The cell read at `line`, `column`, if it is an identified cell.
  public func cell(atLine line: Int, column: Int) -> MatrixCellKey? {
    let p = MatrixPosition(line: line, column: column)
    return cells.first { $0.value.position == p }?.key
  }
}

/// A row of a matrix file that matched no row of the model (or repeated one).
public struct MatrixUnrecognizedRow: Sendable, Equatable {
  /// The label as written.
  public var label: MatrixText
  /// The cells read at each identified level.
  public var cells: [Level: MatrixText]
  public init(label: MatrixText, cells: [Level: MatrixText]) {
    self.label = label
    self.cells = cells
  }
}

/// A matrix file read and checked: the document, the findings (sorted by position), the dialect.
public struct MatrixLoadResult: Sendable {
  /// The file name for messages (`<stdin>` for `-`).
  public var file: String
  /// Encoding and delimiter, when reading got that far.
  public var dialect: CSVDialect?
  /// `nil` when the file is malformed (then `findings` holds the CSV error).
  public var document: MatrixDocument?
  /// Errors, warnings and notes, positioned ones first in file order.
  public var findings: [Finding]
  /// The worksheet read, when the file is a workbook (`line` is then its row).
  public var sheet: String?

  public init(file: String, dialect: CSVDialect?, document: MatrixDocument?, findings: [Finding]) {
    self.file = file
    self.dialect = dialect
    self.document = document
    self.findings = findings
  }

  /// The matrix when the structure is complete (see ``MatrixDocument/matrix``).
  public var matrix: Matrix? { document?.matrix }
  public var orientation: MatrixOrientation? { document?.orientation }
  public var language: Language? { document?.language }
  /// No finding of error severity.
  public var isValid: Bool { !findings.contains { $0.severity == .error } }
}
