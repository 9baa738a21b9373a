import CSVImport
import Foundation

/// Which sheet to read: `--sheet NAME|N`.
public struct SheetChoice: Sendable, Equatable {
  public var text: String
  public init(_ text: String) { self.text = text }
}

/// Something a person should know about the sheet read (not an error).
public struct WorkbookNotice: Sendable, Equatable {
  public enum Level: String, Sendable { case warning, note }
  public var code: String
  public var level: Level
  public var row: Int?
  public var column: Int?
  public var message: String
}

/// Reads one worksheet of an `.xlsx` workbook as records, like ``CSVReader`` reads a CSV file:
/// the same ``CSVRecord``s (fields as UTF-8 bytes, `line` the sheet's row), so that logs and
/// matrices go through the same code and give the same findings.
///
/// Opening reads the package's directory, the workbook, its relationships, styles and shared
/// strings; ``forEachRecord(_:)`` streams the sheet part through libxml2 as it inflates.
public final class XLSXReader: RecordReader {
  public let path: String
  public let displayName: String
  /// The sheets of the workbook, in tab order.
  public let sheets: [WorkbookSheet]
  /// The sheet read.
  public let sheet: WorkbookSheet
  public var sheetName: String? { sheet.name }
  public var dialect: CSVDialect? { nil }
  /// Notes and warnings about the sheet: which sheet was read, hidden rows, error cells.
  public private(set) var notices: [WorkbookNotice] = []
  public private(set) var recordCount = 0
  /// Whether dates count from 1904 (old Mac workbooks).
  public let date1904: Bool

  private let package: WorkbookPackage
  /// The parts libxml2 read again after the byte scanner gave them back, and why.
  var replayedParts: [String] { package.replays }
  private let sheetPart: String
  private let strings: SharedStrings
  private let dateStyles: [Bool]
  private var used = false

  /// Opens the workbook at `path`, or `data` read from standard input (`path` `-`).
  public convenience init(
    path: String, data: [UInt8]? = nil, sheet choice: SheetChoice? = nil,
    limits: WorkbookLimits = WorkbookLimits()
  ) throws(CSVError) {
    try self.init(path: path, data: data, sheet: choice, limits: limits, reading: .scanner)
  }

  /// The same, the parts read as `reading` says (tests compare the scanner with libxml2).
  convenience init(
    path: String, data: [UInt8]? = nil, sheet choice: SheetChoice? = nil,
    limits: WorkbookLimits = WorkbookLimits(), reading: XMLReading
  ) throws(CSVError) {
    let name = path == "-" ? "<stdin>" : path
    let package = try WorkbookPackage(
      path: path, displayName: name, data: data.map { Data($0) }, limits: limits,
      reading: reading)
    try self.init(package: package, choice: choice)
  }

  /// Reads a workbook held in memory, shown as `name` in messages.
  public convenience init(
    bytes: [UInt8], name: String, sheet choice: SheetChoice? = nil,
    limits: WorkbookLimits = WorkbookLimits()
  ) throws(CSVError) {
    try self.init(bytes: bytes, name: name, sheet: choice, limits: limits, reading: .scanner)
  }

  /// The same, the parts read as `reading` says.
  convenience init(
    bytes: [UInt8], name: String, sheet choice: SheetChoice? = nil,
    limits: WorkbookLimits = WorkbookLimits(), reading: XMLReading
  ) throws(CSVError) {
    let package = try WorkbookPackage(
      path: name, displayName: name, data: Data(bytes), limits: limits, reading: reading)
    try self.init(package: package, choice: choice)
  }

  private init(package: WorkbookPackage, choice: SheetChoice?) throws(CSVError) {
    self.package = package
    path = package.path
    displayName = package.displayName
    let name = package.displayName
    do {
      guard package.has("[Content_Types].xml") else {
        throw XLSXReader.notAWorkbook(name, package.has("mimetype") || package.has("content.xml"))
      }
      let small = package.limits.smallPartBytes
      let types = try package.parse("[Content_Types].xml", cap: small) { _ in
        ContentTypesHandler()
      }
      guard let main = types.workbookPart.map({ RelationshipsHandler.resolve($0, from: "") })
      else {
        throw XLSXReader.notAWorkbook(name, false)
      }
      let workbook = try package.parse(main, cap: small) { _ in WorkbookHandler() }
      date1904 = workbook.date1904
      let relsPart = RelationshipsHandler.resolve(
        "_rels/" + (main.split(separator: "/").last.map(String.init) ?? "") + ".rels", from: main)
      let rels = try package.parse(relsPart, cap: small) { _ in RelationshipsHandler() }
      let worksheets = workbook.sheets.filter {
        rels.targets[$0.relationship]?.type.hasSuffix("/worksheet") ?? false
      }
      sheets = worksheets
      sheet = try XLSXReader.choose(worksheets, choice, file: name)
      sheetPart = RelationshipsHandler.resolve(rels.targets[sheet.relationship]!.target, from: main)
      var styles = StylesHandler()
      if let s = rels.target(ofType: "styles") {
        styles = try package.parse(RelationshipsHandler.resolve(s, from: main), cap: small) {
          _ in StylesHandler()
        }
      }
      dateStyles = styles.isDate
      var shared = SharedStringsHandler()
      if let s = rels.target(ofType: "sharedStrings") {
        shared = try package.parse(
          RelationshipsHandler.resolve(s, from: main), cap: package.limits.sharedStringsBytes
        ) { _ in SharedStringsHandler() }
      }
      strings = SharedStrings(bytes: shared.bytes, ends: shared.ends)
    } catch let e as CSVError {
      throw e
    } catch {
      throw CSVError.readFailed(path: name, reason: "\(error)")
    }
    if sheets.count > 1 {
      let names = sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
      let k = sheets.firstIndex(of: sheet)! + 1
      notices.append(
        WorkbookNotice(
          code: XLSXCode.sheetRead, level: .note,
          message:
            "read sheet \"\(sheet.name)\" (\(k) of \(sheets.count): \(names)); choose another "
            + "with --sheet NAME or --sheet N"))
    }
  }

  static func notAWorkbook(_ name: String, _ ods: Bool) -> CSVError {
    CSVError.workbook(
      WorkbookProblem(
        path: name, code: XLSXCode.unsupportedFormat,
        message: ods
          ? "an OpenDocument spreadsheet (.ods), which this tool does not read; in LibreOffice "
            + "use File › Save As › Excel 2007-365 (.xlsx) or Text CSV (UTF-8), and read that file"
          : "a ZIP archive that is not an Excel workbook (no spreadsheet in [Content_Types].xml); "
            + "give the .xlsx workbook or a CSV export",
        isIOError: true))
  }

  /// The sheet `choice` names (a name, then a 1-based number), or the first visible one.
  static func choose(_ sheets: [WorkbookSheet], _ choice: SheetChoice?, file: String)
    throws(CSVError) -> WorkbookSheet
  {
    let listed = sheets.enumerated().map { "\($0.offset + 1) \"\($0.element.name)\"" }
      .joined(separator: ", ")
    guard let choice else {
      guard let s = sheets.first(where: { !$0.hidden }) ?? sheets.first else {
        throw CSVError.workbook(
          WorkbookProblem(
            path: file, code: XLSXCode.missingPart,
            message: "the workbook has no worksheet (only charts?); save the data sheet as CSV"))
      }
      return s
    }
    if let s = sheets.first(where: { $0.name == choice.text })
      ?? sheets.first(where: { $0.name.lowercased() == choice.text.lowercased() })
    {
      return s
    }
    if let n = Int(choice.text), n >= 1, n <= sheets.count { return sheets[n - 1] }
    throw CSVError.workbook(
      WorkbookProblem(
        path: file, code: XLSXCode.noSuchSheet,
        message:
          "--sheet \(choice.text): the workbook has no such sheet; its sheets are \(listed)",
        isIOError: true))
  }

  /// Reads the sheet, calling `body` for each non-blank row in order. A reader can be used once.
  public func forEachRecord(_ body: (borrowing CSVRecord) throws -> Void) throws {
    precondition(!used, "XLSXReader.forEachRecord can run once")
    used = true
    try withoutActuallyEscaping(body) { body in
      let handler = try package.parse(
        sheetPart, cap: package.limits.sheetPartBytes, sheet: sheet.name
      ) { (first: SheetHandler?) in
        // Read again by libxml2 after the scanner: the records given already are skipped.
        SheetHandler(
          file: displayName, sheet: sheet.name, strings: strings, dateStyles: dateStyles,
          date1904: date1904, skipRecords: first?.records ?? 0, body: body)
      }
      recordCount = handler.records
      collectNotices(handler)
    }
  }

  private func collectNotices(_ h: SheetHandler) {
    if h.hiddenRows > 0 || h.hiddenColumns > 0 {
      notices.append(
        WorkbookNotice(
          code: XLSXCode.hiddenRead, level: .note,
          message:
            "the sheet has \(h.hiddenRows) hidden row(s) and \(h.hiddenColumns) hidden column "
            + "range(s); they were read like the others"))
    }
    for e in h.errorCells {
      notices.append(
        WorkbookNotice(
          code: XLSXCode.errorValue, level: .warning, row: e.row, column: e.column,
          message:
            "the cell holds the Excel error \(e.value) (a formula that failed); it is read as "
            + "the text \"\(e.value)\"; fix the formula or type the value"))
    }
    if h.errorCellCount > h.errorCells.count {
      notices.append(
        WorkbookNotice(
          code: XLSXCode.errorValue, level: .warning,
          message: "\(h.errorCellCount - h.errorCells.count) more cells hold Excel errors"))
    }
  }
}

/// Opens an input by its content: an `.xlsx` workbook (ZIP signature and
/// `[Content_Types].xml`), an Excel 97–2003 `.xls` or an OpenDocument `.ods` (refused with how
/// to save it), or else CSV.
public enum RecordInput {
  public static func open(
    path: String, options: CSVReadOptions = CSVReadOptions(), sheet: SheetChoice? = nil
  )
    throws(CSVError) -> any RecordReader
  {
    let prefix = try InputSniffer.prefix(of: path)
    let name = path == "-" ? "<stdin>" : path
    switch kind(prefix) {
    case .zip:
      let data = path == "-" ? try InputSniffer.readStandardInput(after: prefix) : nil
      return try XLSXReader(path: path, data: data, sheet: sheet)
    case .ole: throw legacyExcel(name)
    case .text:
      return path == "-"
        ? CSVReader(standardInputAfter: prefix, options: options)
        : try CSVReader(path: path, options: options)
    }
  }

  /// The same for bytes in memory (tests and fuzzing).
  public static func open(
    bytes: [UInt8], name: String, options: CSVReadOptions = CSVReadOptions(),
    sheet: SheetChoice? = nil
  )
    throws(CSVError) -> any RecordReader
  {
    switch kind(Array(bytes.prefix(8))) {
    case .zip: return try XLSXReader(bytes: bytes, name: name, sheet: sheet)
    case .ole: throw legacyExcel(name)
    case .text: return CSVReader(bytes: bytes, name: name, options: options)
    }
  }

  enum Kind { case zip, ole, text }

  static func kind(_ p: [UInt8]) -> Kind {
    if p.count >= 4 && p[0] == 0x50 && p[1] == 0x4B && (p[2] == 3 || p[2] == 5)
      && (p[3] == 4 || p[3] == 6)
    {
      return .zip
    }
    if p.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole }
    return .text
  }

  static func legacyExcel(_ name: String) -> CSVError {
    CSVError.workbook(
      WorkbookProblem(
        path: name, code: XLSXCode.unsupportedFormat,
        message:
          "an Excel 97–2003 workbook (.xls), which this tool does not read; open it in Excel or "
          + "LibreOffice and save it as Excel Workbook (.xlsx) or CSV UTF-8, and read that file",
        isIOError: true))
  }
}
