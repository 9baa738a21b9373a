#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A source of records: a CSV file (``CSVReader``) or a workbook's sheet (XLSXImport), read
/// once, each record handed over as the bytes of its fields with the line (the sheet's row)
/// it starts on. The log importer and the matrix reader take any of them.
public protocol RecordReader: AnyObject {
  /// The file name for messages: the path, or `<stdin>`.
  var displayName: String { get }
  /// The worksheet read, for a workbook; `nil` for CSV.
  var sheetName: String? { get }
  /// What was found out about a CSV file (`nil` for a workbook, or before reading).
  var dialect: CSVDialect? { get }
  /// Reads the whole input, calling `body` for each non-blank record in order.
  func forEachRecord(_ body: (borrowing CSVRecord) throws -> Void) throws
}

extension CSVReader: RecordReader {
  public var sheetName: String? { nil }
}

/// What went wrong in a workbook, with the sheet, row and column a person finds it at.
public struct WorkbookProblem: Error, Equatable, Sendable {
  public var path: String
  public var sheet: String?
  /// 1-based row (or line of an XML part), when known.
  public var row: Int?
  /// 1-based column, when known.
  public var column: Int?
  /// `XLSX001`…; documented in the README.
  public var code: String
  public var message: String
  /// `true` when the file cannot be read at all by this tool (exit status 2).
  public var isIOError: Bool

  public init(
    path: String, sheet: String? = nil, row: Int? = nil, column: Int? = nil, code: String,
    message: String, isIOError: Bool = false
  ) {
    self.path = path
    self.sheet = sheet
    self.row = row
    self.column = column
    self.code = code
    self.message = message
    self.isIOError = isIOError
  }
}

/// Positions as a person looks for them: `file:line:col` in a CSV file,
/// `file.xlsx[Sheet1]!C5` in a workbook (the cell), `file.xlsx[Sheet1]!5:5` (a whole row).
public enum SpreadsheetPosition {
  public static func text(file: String, sheet: String?, line: Int?, column: Int?) -> String {
    guard let sheet else {
      var s = file
      if let line { s += ":\(line)" }
      if let column { s += ":\(column)" }
      return s
    }
    var s = "\(file)[\(sheet)]"
    if let line {
      if let column { s += "!\(columnLetter(column))\(line)" } else { s += "!\(line):\(line)" }
    }
    return s
  }

  /// The spreadsheet letter of a 1-based column number (A, …, Z, AA, …, XFD).
  public static func columnLetter(_ n: Int) -> String {
    var n = n
    var s: [UInt8] = []
    while n > 0 {
      s.append(UInt8(65 + (n - 1) % 26))
      n = (n - 1) / 26
    }
    return String(decoding: s.reversed(), as: UTF8.self)
  }
}

/// The first bytes of an input, to tell a workbook from a CSV file by its content.
public enum InputSniffer {
  /// Up to `count` first bytes of `path`; for standard input (`-`) the bytes are consumed and
  /// must be handed back with ``CSVReader/init(standardInputAfter:options:)``.
  public static func prefix(of path: String, count: Int = 8) throws(CSVError) -> [UInt8] {
    if path == "-" { return readPrefix(fd: 0, count: count) }
    let source = try InputSource(path: path)
    _ = source  // opened to report a missing file or a directory as CSVReader does
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    return readPrefix(fd: fd, count: count)
  }

  private static func readPrefix(fd: Int32, count: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, count - filled) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      filled += n
    }
    return Array(out[0..<filled])
  }

  /// All of standard input, for a workbook piped in (a ZIP needs its central directory at the
  /// end). `prefix` is what ``prefix(of:count:)`` consumed.
  public static func readStandardInput(after prefix: [UInt8]) throws(CSVError) -> [UInt8] {
    var out = prefix
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = block.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 {
        throw CSVError.readFailed(path: "<stdin>", reason: InputSource.errnoText(errno))
      }
      if n == 0 { break }
      out.append(contentsOf: block[0..<n])
    }
    return out
  }
}
