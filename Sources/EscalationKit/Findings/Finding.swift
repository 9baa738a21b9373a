import CSVImport
// `Severity`, `DiagnosticCode` and `EscalationError` live in the Diagnostics target, below
// CSVImport; every user of EscalationKit sees them too.
@_exported import Diagnostics

/// One diagnostic about an input file, positioned as a person sees it in a spreadsheet.
public struct Finding: Sendable, Equatable, Codable {
  /// Stable code, e.g. `MTX010`; documented in the README.
  public var code: String
  public var severity: Severity
  /// The file as given on the command line (`<stdin>` for `-`).
  public var file: String
  /// 1-based line of the CSV record, when the finding is about a place in the file.
  public var line: Int?
  /// 1-based spreadsheet column (field number).
  public var column: Int?
  /// What is wrong, where, and what to do; includes "did you mean …" when a label is close.
  public var message: String
  /// The worksheet, when the input is a workbook: `line` is then its row, and the position
  /// reads `file.xlsx[Sheet1]!C5`.
  public var sheet: String?

  public init(
    code: String, severity: Severity, file: String, line: Int? = nil, column: Int? = nil,
    message: String, sheet: String? = nil
  ) {
    self.sheet = sheet
    self.code = code
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:col: severity[CODE]: message` (`file.xlsx[Sheet1]!C5: …` in a workbook).
  public var description: String {
    position + ": \(severity.rawValue)[\(code)]: \(message)"
  }

  /// `file:line:col`, or `file.xlsx[Sheet1]!C5` (a cell), `file.xlsx[Sheet1]!5:5` (a row).
  public var position: String {
    SpreadsheetPosition.text(file: file, sheet: sheet, line: line, column: column)
  }

  /// The spreadsheet column letter (A, B, …, AA) for `column`.
  public var columnLetter: String? { column.map(Finding.columnLetter) }

  /// Input text as quoted in a message: cut after 200 characters, so that a huge cell (a 10 MB
  /// field) gives a readable finding rather than a 10 MB line.
  public static func excerpt(_ text: String) -> String {
    guard text.utf8.count > 200 else { return text }
    return "\(text.prefix(200))… (\(text.utf8.count) bytes in all)"
  }

  /// The spreadsheet letter of a 1-based column number.
  public static func columnLetter(_ n: Int) -> String {
    var n = n
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }
}

extension Array where Element == Finding {
  /// Counts per severity.
  public var counts: (errors: Int, warnings: Int, notes: Int) {
    var e = 0
    var w = 0
    var n = 0
    for f in self {
      switch f.severity {
      case .error: e += 1
      case .warning: w += 1
      case .note: n += 1
      }
    }
    return (e, w, n)
  }
}
