import Diagnostics

/// Everything that can go wrong while reading a CSV file, with the position a person needs
/// to find it.
///
/// Lines are 1-based physical lines of the file as an editor shows them; columns are 1-based
/// field numbers (spreadsheet columns) unless the case says otherwise.
public enum CSVError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The file could not be opened (missing, a directory, no permission).
  case cannotOpen(path: String, reason: String)
  /// Reading failed after the file was opened.
  case readFailed(path: String, reason: String)
  /// The file holds no bytes, or only a BOM and white space.
  case empty(path: String)
  /// A byte sequence that is not valid UTF-8 in a file detected as UTF-8.
  /// `byte` is the 1-based byte offset within the line.
  case invalidUTF8(path: String, line: Int, byte: Int)
  /// A UTF-16 file with an odd number of bytes or an unpaired surrogate.
  case invalidUTF16(path: String, line: Int)
  /// A quoted field that is never closed before the end of the file.
  case unterminatedQuote(path: String, line: Int, column: Int)
  /// A quote in the wrong place (inside an unquoted field, or text right after a closing quote).
  case strayQuote(path: String, line: Int, column: Int)
  /// libcsv ran out of memory or a field exceeded its limits.
  case fieldTooLarge(path: String, line: Int, column: Int, limit: Int)
  /// A record has more fields than the reader accepts.
  case tooManyFields(path: String, line: Int, limit: Int)
  /// An `.xlsx` workbook that cannot be read (damaged package, missing part, malformed XML, a
  /// part past the inflate cap, a sheet past Excel's limits), or a file in a spreadsheet format
  /// this tool does not read (`.xls`, `.ods`); positioned at a sheet's row and column.
  case workbook(WorkbookProblem)

  /// `true` when the command could not read its input at all (exit status 2), `false` when the
  /// input was read but is malformed (exit status 1).
  public var isIOError: Bool {
    switch self {
    case .cannotOpen, .readFailed: return true
    case .workbook(let p): return p.isIOError
    default: return false
    }
  }

  /// The file the error is about.
  public var path: String {
    switch self {
    case .cannotOpen(let p, _), .readFailed(let p, _), .empty(let p), .invalidUTF8(let p, _, _),
      .invalidUTF16(let p, _), .unterminatedQuote(let p, _, _), .strayQuote(let p, _, _),
      .fieldTooLarge(let p, _, _, _), .tooManyFields(let p, _, _):
      return p
    case .workbook(let w): return w.path
    }
  }

  /// The worksheet, for an error in a workbook's sheet.
  public var sheet: String? {
    if case .workbook(let w) = self { return w.sheet }
    return nil
  }

  /// 1-based line, or `nil` when the error is about the whole file.
  public var line: Int? {
    switch self {
    case .cannotOpen, .readFailed, .empty: return nil
    case .invalidUTF8(_, let l, _), .invalidUTF16(_, let l), .unterminatedQuote(_, let l, _),
      .strayQuote(_, let l, _), .fieldTooLarge(_, let l, _, _), .tooManyFields(_, let l, _):
      return l
    case .workbook(let w): return w.row
    }
  }

  /// 1-based column (field number; byte offset for `invalidUTF8`), or `nil`.
  public var column: Int? {
    switch self {
    case .invalidUTF8(_, _, let b): return b
    case .unterminatedQuote(_, _, let c), .strayQuote(_, _, let c), .fieldTooLarge(_, _, let c, _):
      return c
    case .workbook(let w): return w.column
    default: return nil
    }
  }

  /// A stable code for findings output.
  public var code: String {
    switch self {
    case .cannotOpen: return "IO001"
    case .readFailed: return "IO002"
    case .empty: return "CSV001"
    case .invalidUTF8: return "CSV002"
    case .invalidUTF16: return "CSV003"
    case .unterminatedQuote: return "CSV004"
    case .strayQuote: return "CSV005"
    case .fieldTooLarge: return "CSV006"
    case .tooManyFields: return "CSV007"
    case .workbook(let w): return w.code
    }
  }

  /// What is wrong and what to do, without the position prefix.
  public var message: String {
    switch self {
    case .cannotOpen(_, let reason):
      return "cannot open the file: \(reason); check the path and permissions"
    case .readFailed(_, let reason):
      return "reading the file failed: \(reason)"
    case .empty:
      return "the file is empty; export the sheet again with its header row"
    case .invalidUTF8:
      return
        "bytes that are not valid UTF-8 in a file that starts as UTF-8; re-save it as \"CSV UTF-8\""
    case .invalidUTF16:
      return "the UTF-16 text is truncated or has an unpaired surrogate; re-export the file"
    case .unterminatedQuote:
      return
        "a quoted field starts here and is never closed, so the rest of the file would be one cell; close the quote or remove it"
    case .strayQuote:
      return
        "a double quote inside an unquoted field (or text right after a closing quote); quote the whole field and double the inner quote (\"\")"
    case .fieldTooLarge(_, _, _, let limit):
      return "a field is larger than \(limit) bytes, the largest this tool reads"
    case .tooManyFields(_, _, let limit):
      return "a record has more than \(limit) fields, the most this tool reads"
    case .workbook(let w):
      return w.message
    }
  }

  public var description: String {
    SpreadsheetPosition.text(file: path, sheet: sheet, line: line, column: column)
      + ": error[\(code)]: " + message
  }
}

extension CSVError: EscalationError {
  /// 2 when the file could not be read at all, 1 when it was read but is malformed.
  public var exitStatus: Int32 { isIOError ? 2 : 1 }
  public var diagnostic: DiagnosticCode? { DiagnosticCode.known(code) }
  public var position: DiagnosticPosition? {
    DiagnosticPosition(file: path, line: line, column: column)
  }
}
