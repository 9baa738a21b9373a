import CSVImport

/// The stable finding codes of `escalation validate`: errors `MTX0xx`, warnings `MTX1xx`,
/// notes `MTX2xx`; malformed files reuse the CSV reader's codes (`CSV001`–`CSV007`, `IO001`).
/// Their documentation (severity, summary, how to fix) is the registry's (``DiagnosticCode``,
/// docs/codes.md).
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
  case logGivenAsMatrix = "MTX013"
  // Warnings: valid, but worth fixing.
  case looseLabel = "MTX101"
  case repeatedText = "MTX102"
  case whiteSpace = "MTX103"
  case controlCharacter = "MTX104"
  case formulaLike = "MTX105"
  case tooLong = "MTX106"
  case extraColumns = "MTX107"
  // Notes: for information.
  case otherLanguageLabel = "MTX201"
  case aliasLabel = "MTX202"
  case changedFromCanonical = "MTX203"
  case changedFromBaseline = "MTX204"
  case unexpectedCorner = "MTX205"
  case titleSkipped = "MTX206"
  case notesBelow = "MTX207"

  /// The code's entry in the registry (severity, summary, explanation, fix).
  public var entry: DiagnosticCode { DiagnosticCode.known(rawValue) }

  /// The severity every finding with this code has.
  public var severity: Severity { entry.severity }

  /// A one-line description (SARIF rule text, README table).
  public var summary: String { entry.summary }

  /// Code → short description for every code `validate` can report (SARIF rules).
  public static let descriptions: [String: String] = DiagnosticCode.summaries(prefix: [
    "MTX", "CSV", "IO", "XLSX",
  ])
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
      message: error.message, sheet: error.sheet)
  }
}
