import CSVImport
import XLSXImport

/// What a workbook adds to the findings of a log or a matrix read from one of its sheets: the
/// sheet on every finding about the file (so that positions read `file.xlsx[Sheet1]!C5`), and
/// the reader's notes (the sheet read, hidden rows, error cells).
enum WorkbookInput {
  /// Runs `load` on `reader`, then places the log's findings in the sheet read.
  /// A ``LogImportError`` on a workbook is thrown as a ``LogImportFailure`` (with the sheet).
  static func placed(_ reader: any RecordReader, _ load: () throws -> EventLog) throws -> EventLog {
    guard let sheet = reader.sheetName else { return try load() }
    var log: EventLog
    do {
      log = try load()
    } catch let e as LogImportError {
      throw LogImportFailure(error: e, sheet: sheet)
    }
    log.sheet = sheet
    log.findings =
      findings(reader, sheet: sheet) + place(log.findings, file: reader.displayName, sheet: sheet)
    return log
  }

  /// The same for a matrix.
  static func placed(_ reader: any RecordReader, _ result: MatrixLoadResult) -> MatrixLoadResult {
    guard let sheet = reader.sheetName else { return result }
    var r = result
    r.sheet = sheet
    r.findings =
      findings(reader, sheet: sheet) + place(r.findings, file: reader.displayName, sheet: sheet)
    return r
  }

  /// `findings` about `file` placed in `sheet`.
  static func place(_ findings: [Finding], file: String, sheet: String?) -> [Finding] {
    guard let sheet else { return findings }
    return findings.map { f in
      var f = f
      if f.file == file && f.sheet == nil { f.sheet = sheet }
      return f
    }
  }

  private static func findings(_ reader: any RecordReader, sheet: String) -> [Finding] {
    guard let x = reader as? XLSXReader else { return [] }
    return x.notices.map { n in
      Finding(
        code: n.code, severity: n.level == .warning ? .warning : .note, file: reader.displayName,
        line: n.row, column: n.column, message: n.message, sheet: sheet)
    }
  }
}

/// A ``LogImportError`` in a workbook's sheet.
public struct LogImportFailure: Error, CustomStringConvertible, Sendable {
  public var error: LogImportError
  public var sheet: String
  /// The error's finding, placed in the sheet.
  public var finding: Finding {
    var f = error.finding
    if f.file != "--map" { f.sheet = sheet }
    return f
  }
  public var description: String { finding.description }
}

extension LogImportFailure: EscalationError {
  public var exitStatus: Int32 { error.exitStatus }
  public var diagnostic: DiagnosticCode? { error.diagnostic }
  public var position: DiagnosticPosition? {
    DiagnosticPosition(file: finding.file, line: finding.line, column: finding.column)
  }
}

extension Array where Element == Finding {
  /// The findings about `file` placed in `sheet` (for findings made after the import, such as
  /// the ticket warnings of the metrics engine).
  public func placed(inSheet sheet: String?, of file: String) -> [Finding] {
    WorkbookInput.place(self, file: file, sheet: sheet)
  }
}
