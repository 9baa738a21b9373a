/// The finding codes of log import, and the errors that stop an import.

/// Stable codes of the findings produced while importing a log.
public enum LogCode {
  // Errors that stop the import (``LogImportError``).
  public static let missingField = "LOG001"
  public static let unknownMapField = "LOG002"
  public static let mappedHeaderNotFound = "LOG003"
  public static let ambiguousDateOrder = "LOG004"
  public static let conflictingDateOrder = "LOG005"
  // Rejected records (error).
  public static let missingTicket = "LOG010"
  public static let missingDate = "LOG011"
  public static let unreadableDate = "LOG012"
  public static let dateWrongOrder = "LOG013"
  public static let excelSerial = "LOG014"
  public static let unknownLevel = "LOG015"
  public static let levelRequired = "LOG016"
  public static let unknownCategory = "LOG017"
  // Warnings.
  public static let duplicate = "LOG020"
  public static let springForwardGap = "LOG021"
  public static let noCategoryOnFirstEvent = "LOG022"
  public static let noEventColumn = "LOG023"
  public static let noCategoryColumn = "LOG024"
  public static let currentLevelMismatch = "LOG026"
  public static let statusWithoutDate = "LOG027"
  // Notes.
  public static let layoutRead = "LOG030"
  public static let dateOrderDecided = "LOG031"
  public static let updateWord = "LOG032"
  public static let blankEvent = "LOG033"
  public static let fractionTruncated = "LOG034"
  public static let fallBackFirst = "LOG035"
  public static let roleAsLevel = "LOG036"
  public static let unusedColumn = "LOG037"
  public static let repeatedHeader = "LOG038"
  public static let localTimesReadAsUTC = "LOG039"
  // Warnings found after the import (``ImportRun``).
  public static let formulaCell = "LOG028"
  // Stops the import: the file is a matrix.
  public static let matrixGivenAsLog = "LOG006"
  /// Lenient quotes: a quote read as written (CSV008), a quote never closed (CSV009).
  public static let looseQuote = "CSV008"
  public static let unclosedQuote = "CSV009"
  public static let closeAsResolution = "LOG040"
  public static let titleSkipped = "LOG041"

  /// Code → summary (SARIF rules), from the registry (``DiagnosticCode``).
  public static var descriptions: [String: String] { DiagnosticCode.summaries(prefix: ["LOG"]) }
}

/// A problem that stops the import of a log before any event is produced.
public enum LogImportError: Error, Equatable, CustomStringConvertible, Sendable {
  /// A required field has no column.
  /// Required fields have no column (every one of them is named).
  case missingField(file: String, fields: [LogField], layout: LogLayout, headers: [String])
  /// `--map` names no field.
  case unknownMapField(name: String)
  /// `--map field=Header` where the file has no such header.
  case mappedHeaderNotFound(file: String, field: LogField, header: String, headers: [String])
  /// Every slashed date is ambiguous and `--date-order` was not given.
  case ambiguousDateOrder(file: String, line: Int, text: String, count: Int)
  /// Dates prove both orders.
  case conflictingDateOrder(
    file: String, dayFirstLine: Int, dayFirst: String, monthFirstLine: Int, monthFirst: String)

  /// Stable code.
  public var code: String {
    switch self {
    case .missingField: return LogCode.missingField
    case .unknownMapField: return LogCode.unknownMapField
    case .mappedHeaderNotFound: return LogCode.mappedHeaderNotFound
    case .ambiguousDateOrder: return LogCode.ambiguousDateOrder
    case .conflictingDateOrder: return LogCode.conflictingDateOrder
    }
  }

  /// A mistake in the command line (exit 2) rather than in the file (exit 1).
  public var isUsageError: Bool {
    switch self {
    case .unknownMapField, .mappedHeaderNotFound: return true
    default: return false
    }
  }

  /// The error as a finding.
  public var finding: Finding {
    switch self {
    case .missingField(let file, _, _, _), .mappedHeaderNotFound(let file, _, _, _):
      return Finding(code: code, severity: .error, file: file, line: 1, message: message)
    case .unknownMapField:
      return Finding(code: code, severity: .error, file: "--map", message: message)
    case .ambiguousDateOrder(let file, let line, _, _):
      return Finding(code: code, severity: .error, file: file, line: line, message: message)
    case .conflictingDateOrder(let file, _, _, let line, _):
      return Finding(code: code, severity: .error, file: file, line: line, message: message)
    }
  }

  /// The header of the file closest to a name accepted for `field` (within a third of its
  /// length, at least 2 edits), if any.
  static func closestHeader(to field: LogField, in headers: [String]) -> String? {
    var best: (Int, String)?
    for h in headers where !h.isEmpty {
      let hk = LogField.headerKey(h)
      // A header already known as another field is no suggestion.
      if LogField.byHeaderKey[hk] != nil { continue }
      guard hk.unicodeScalars.count <= 60 else { continue }
      for name in field.headerNames {
        let nk = LogField.headerKey(name)
        let limit = max(2, nk.unicodeScalars.count / 3)
        let d = LabelNormalizer.distance(hk, nk)
        if d <= limit && (best == nil || d < best!.0) { best = (d, h) }
      }
    }
    return best?.1
  }

  /// `A "Ticket", B "Date", …`: the non-empty headers with their column letters.
  public static func headerList(_ headers: [String]) -> String {
    let cells = headers.enumerated().filter { !$0.element.isEmpty }
    if cells.isEmpty { return "none" }
    return cells.map { "\(Finding.columnLetter($0.offset + 1)) \"\($0.element)\"" }.joined(
      separator: ", ")
  }

  public var message: String {
    switch self {
    case .missingField(_, let missing, let layout, let headers):
      let fields = LogField.fields(of: layout).map(\.rawValue).joined(separator: ", ")
      let each = missing.map { field -> String in
        let known = field.headerNames.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
        let close = LogImportError.closestHeader(to: field, in: headers)
        return "'\(field.rawValue)' (headers accepted for it include \(known)"
          + (close.map { "; closest header in the file: \"\($0)\"" } ?? "") + ")"
      }
      let names = missing.map(\.rawValue)
      let example = missing.map { f in
        "--map \(f.rawValue)="
          + (LogImportError.closestHeader(to: f, in: headers).map { "\"\($0)\"" } ?? "HEADER")
      }.joined(separator: " ")
      return
        "no column for the required field\(missing.count > 1 ? "s" : "") "
        + names.map { "'\($0)'" }.joined(separator: " and ") + " of the \(layout.rawValue) layout: "
        + each.joined(separator: "; ") + "; headers found: \(LogImportError.headerList(headers)); "
        + "fields of this layout: \(fields); name the columns with \(example) "
        + "or in a profile's [columns] table"
    case .unknownMapField(let name):
      let fields = LogField.allCases.map(\.rawValue).joined(separator: ", ")
      return "--map \(name)=…: '\(name)' is not a field; the fields are \(fields)"
    case .mappedHeaderNotFound(_, let field, let header, let headers):
      return
        "--map \(field.rawValue)=\(header): the header row has no column \"\(header)\"; "
        + "headers found: \(LogImportError.headerList(headers))"
    case .ambiguousDateOrder(_, _, let text, let count):
      return
        "all \(count) dates written like \"\(text)\" could be day-first or month-first and none "
        + "has a day above 12 to tell; say which with --date-order dmy (03/10 = 3 October) "
        + "or --date-order mdy (03/10 = March 10)"
    case .conflictingDateOrder(_, let dl, let dt, _, let mt):
      return
        "the dates mix both orders: \"\(dt)\" (line \(dl)) is only valid day-first and "
        + "\"\(mt)\" (this line) only month-first; correct the wrong ones or force one order "
        + "with --date-order dmy|mdy (the others are then rejected)"
    }
  }

  public var description: String { finding.description }
}

extension LogImportError: EscalationError {
  /// 2 for a mistake in the command line (`--map`), 1 for a file that cannot be read as a log.
  public var exitStatus: Int32 { isUsageError ? 2 : 1 }
  public var diagnostic: DiagnosticCode? { DiagnosticCode.known(code) }
  public var position: DiagnosticPosition? {
    DiagnosticPosition(file: finding.file, line: finding.line, column: finding.column)
  }
}
