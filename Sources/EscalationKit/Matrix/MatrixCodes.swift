import CSVImport

/// The stable finding codes of `escalation validate`: errors `MTX0xx`, warnings `MTX1xx`,
/// notes `MTX2xx`; malformed files reuse the CSV reader's codes (`CSV001`–`CSV007`, `IO001`).
///
/// A code never changes meaning once released; new findings get new codes.
public enum MatrixCode: String, CaseIterable, Sendable {
  // Errors: the matrix is not valid.
  case levelCount = "MTX001"
  case rowCount = "MTX002"
  case raggedRecord = "MTX003"
  case levelUnknown = "MTX004"
  case levelDuplicated = "MTX005"
  case levelOrder = "MTX006"
  case roleRowMissing = "MTX007"
  case rowUnknown = "MTX008"
  case rowDuplicated = "MTX009"
  case categoryMissing = "MTX010"
  case emptyCell = "MTX011"
  case tooManyRecords = "MTX012"
  // Warnings: valid, but worth fixing.
  case looseLabel = "MTX101"
  case repeatedText = "MTX102"
  case whiteSpace = "MTX103"
  case controlCharacter = "MTX104"
  case formulaLike = "MTX105"
  case tooLong = "MTX106"
  // Notes: for information.
  case otherLanguageLabel = "MTX201"
  case aliasLabel = "MTX202"
  case changedFromCanonical = "MTX203"
  case changedFromBaseline = "MTX204"
  case unexpectedCorner = "MTX205"
  case titleSkipped = "MTX206"

  /// The severity every finding with this code has.
  public var severity: Severity {
    switch rawValue.dropFirst(3).first {
    case "0": return .error
    case "1": return .warning
    default: return .note
    }
  }

  /// A one-line description (SARIF rule text, README table).
  public var summary: String {
    switch self {
    case .levelCount: return "wrong number of level columns (or rows, transposed): 4 expected"
    case .rowCount:
      return "wrong number of rows under the header: the role row and 8 categories expected"
    case .raggedRecord: return "ragged record: more or fewer fields than the header row"
    case .levelUnknown: return "level header unknown or empty"
    case .levelDuplicated: return "level header duplicated"
    case .levelOrder: return "level headers out of order"
    case .roleRowMissing: return "role row missing"
    case .rowUnknown: return "category (row label) unknown or empty"
    case .rowDuplicated: return "category or role row duplicated"
    case .categoryMissing: return "category missing"
    case .emptyCell: return "empty cell"
    case .tooManyRecords: return "far more records than a matrix has: not a matrix file"
    case .looseLabel: return "label matched only when case, accents, quotes or spaces are ignored"
    case .repeatedText: return "the same text in several levels of one row"
    case .whiteSpace: return "leading, trailing or doubled white space"
    case .controlCharacter: return "control character in a cell"
    case .formulaLike:
      return "cell starts with = + - or @ and would run as a formula in a spreadsheet"
    case .tooLong: return "cell longer than Excel's 32,767 characters"
    case .otherLanguageLabel: return "label in the other language, accepted"
    case .aliasLabel: return "label written as a known alias, accepted"
    case .changedFromCanonical: return "cell text differs from the canonical matrix"
    case .changedFromBaseline: return "cell text differs from the baseline matrix"
    case .unexpectedCorner: return "unexpected text in the corner cell (ignored)"
    case .titleSkipped: return "title line above the header row, ignored"
    }
  }

  /// Descriptions of the CSV reader's codes that `validate` can report.
  public static let csvCodes: [(String, String)] = [
    ("IO001", "the file cannot be opened (exit status 2)"),
    ("IO002", "reading the file failed (exit status 2)"),
    ("CSV001", "the file is empty"),
    ("CSV002", "bytes that are not valid UTF-8"),
    ("CSV003", "truncated UTF-16 or unpaired surrogate"),
    ("CSV004", "a quoted field is never closed"),
    ("CSV005", "a stray double quote"),
    ("CSV006", "a field larger than the reader accepts"),
    ("CSV007", "a record with more fields than the reader accepts"),
  ]

  /// Code → short description for every code `validate` can report (SARIF rules).
  public static let descriptions: [String: String] = {
    var d: [String: String] = [:]
    for c in MatrixCode.allCases { d[c.rawValue] = c.summary }
    for (c, s) in csvCodes { d[c] = s }
    return d
  }()

  /// The codes table as Markdown, for the README.
  public static var markdownTable: String {
    var s = "| code | severity | meaning |\n|---|---|---|\n"
    for (c, d) in csvCodes {
      s += "| \(c) | \(c.hasPrefix("IO") ? "(exit 2)" : "error") | \(d) |\n"
    }
    for c in MatrixCode.allCases {
      s += "| \(c.rawValue) | \(c.severity.rawValue) | \(c.summary) |\n"
    }
    return s
  }
}

extension Finding {
  /// A finding with `code`'s severity.
  init(
    matrix code: MatrixCode, file: String, line: Int? = nil, column: Int? = nil, _ message: String
  ) {
    self.init(
      code: code.rawValue, severity: code.severity, file: file, line: line, column: column,
      message: message)
  }
}

extension MatrixCode {
  /// A CSV reading error as a finding (same code, position and message).
  public static func finding(for error: CSVError) -> Finding {
    Finding(
      code: error.code, severity: .error, file: error.path, line: error.line, column: error.column,
      message: error.message)
  }
}
