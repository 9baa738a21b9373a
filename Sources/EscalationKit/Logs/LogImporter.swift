import CSVImport
import Foundation
import XLSXImport

/// What `LogImporter` needs to know besides the file.
public struct LogImportOptions: Sendable {
  /// The matrix in use: its roles resolve as levels (with the roles of both canonical matrices).
  public var matrix: Matrix
  /// Category labels as written in the matrix file in use, tried before the canonical ones.
  public var categoryLabels: [CategoryKey: String]
  /// `--sheet NAME|N`: the worksheet of a workbook; `nil` reads the first visible one.
  public var sheet: String?
  /// Forces a layout; `nil` detects it from the header.
  public var layout: LogLayout?
  /// `--map field=Header`: field name → header text.
  public var headerMap: [String: String]
  /// `--date-order`: forces day-first or month-first for slashed dates.
  public var dateOrder: DateOrder?
  /// `--tz`: the zone of times written without an offset.
  public var zone: ZoneRules
  /// `--delimiter`; `nil` detects it.
  public var delimiter: UInt8?
  /// What cell values mean beyond the built-in words (a profile's null, levels, categories
  /// and events).
  public var values = ValueMap()
  /// The profile these options came from, if any (its path and hash go in JSON output).
  public var profile: Profile?
  /// Fields the file is said to have no column for (a profile's `field = ""`): not detected.
  public var absentFields: Set<LogField> = []
  /// The event cache to read and fill (docs/cache.md); `nil` (the default) imports every
  /// file afresh.
  public var cache: EventCache?
  /// `false`: the note column is not read (every event's note is 0, ``EventLog/notes`` is
  /// empty). For the figures, which never show a note, when no cache entry is to be written
  /// (an entry keeps the notes for `import`): less time and memory on logs full of notes.
  public var readsNotes = true

  public init(
    matrix: Matrix = .canonical(.en), layout: LogLayout? = nil, headerMap: [String: String] = [:],
    dateOrder: DateOrder? = nil, zone: ZoneRules = .utc, delimiter: UInt8? = nil,
    categoryLabels: [CategoryKey: String] = [:]
  ) {
    self.matrix = matrix
    self.layout = layout
    self.headerMap = headerMap
    self.dateOrder = dateOrder
    self.zone = zone
    self.delimiter = delimiter
    self.categoryLabels = categoryLabels
  }
}

/// Imports an escalation log (docs/logs.md) into an ``EventLog``.
///
/// The file is streamed once. Each record is checked whole: a record is used or rejected with
/// a finding for each problem. Dates wait in a packed form until the day/month order of the
/// whole file is known, then become UTC instants. Exact duplicates are removed and counted.
/// Events stay in input order; ticket-level anomalies are the metrics engine's.
public enum LogImporter {
  /// Reads `path` (`-` for standard input).
  ///
  /// Throws ``CSVError`` when the file cannot be read or is malformed, and ``LogImportError``
  /// when the header lacks a required field or the dates cannot be ordered.
  public static func load(path: String, options: LogImportOptions) throws -> EventLog {
    let reader = try RecordInput.open(
      path: path, options: CSVReadOptions(delimiter: options.delimiter, lenientQuotes: true),
      sheet: options.sheet.map(SheetChoice.init))
    let fileSize =
      path == "-" || reader.sheetName != nil
      ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    return try WorkbookInput.placed(reader) {
      try load(reader: reader, fileSize: fileSize, options: options)
    }
  }

  /// Reads a log held in memory (`bytes`, shown as `name` in findings), as ``load(path:options:)``
  /// does a file. For tests and the fuzzing harness.
  public static func load(bytes: [UInt8], name: String, options: LogImportOptions) throws
    -> EventLog
  {
    let reader = try RecordInput.open(
      bytes: bytes, name: name,
      options: CSVReadOptions(delimiter: options.delimiter, lenientQuotes: true),
      sheet: options.sheet.map(SheetChoice.init))
    return try WorkbookInput.placed(reader) {
      try load(reader: reader, fileSize: bytes.count, options: options)
    }
  }

  static func load(reader: any RecordReader, fileSize: Int?, options: LogImportOptions) throws
    -> EventLog
  {
    let file = reader.displayName
    // The state lives behind a pointer that the per-record closure captures by value: no boxed
    // capture, no optional unwrap and no exclusivity check per record.
    let state = UnsafeMutablePointer<LogImportState>.allocate(capacity: 1)
    var started = false
    // The first record waits for the second: a lone cell above a real header is a title.
    var first: (line: Int, cells: [String])?
    var title: (line: Int, cells: [String])?
    defer {
      if started { state.deinitialize(count: 1) }
      state.deallocate()
    }
    func start(_ cells: [String], line: Int) throws {
      let header = try LogHeader.detect(
        headers: cells, file: file, map: options.headerMap, forced: options.layout,
        absent: options.absentFields)
      state.initialize(
        to: LogImportState(file: file, header: header, headerLine: line, options: options))
      started = true
      if let title {
        let text = title.cells.first { !$0.isEmpty } ?? ""
        state.pointee.note(
          LogCode.titleSkipped, line: title.line, column: 1,
          "\"\(Finding.excerpt(text))\" is taken as a title above the header and skipped")
      }
    }
    try reader.forEachRecord { [state] record in
      if _fastPath(started) {
        state.pointee.add(record)
        if state.pointee.read == 256, let size = fileSize {
          state.pointee.reserve(fileBytes: size)
        }
        return
      }
      let cells = (0..<record.count).map { record.string($0) }
      guard let f = first else {
        // A header starts at once; a lone cell that may be a title waits for the next record.
        if LogImporter.isTitle(cells) {
          first = (record.line, cells)
        } else {
          try start(cells, line: record.line)
        }
        return
      }
      if LogImporter.isTitle(f.cells) && LogImporter.filledCount(cells) >= 2 {
        title = f
        try start(cells, line: record.line)
      } else {
        try start(f.cells, line: f.line)
        state.pointee.add(record)
      }
    }
    if !started, let f = first { try start(f.cells, line: f.line) }
    guard started else { throw CSVError.empty(path: file) }
    return try state.pointee.finish()
  }

  static func filledCount(_ cells: [String]) -> Int {
    cells.lazy.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
  }

  /// A line above the header that holds one cell only, which is no known header: a title
  /// such as "Incident export, November 2026" (a log has at least a ticket and a date column).
  static func isTitle(_ cells: [String]) -> Bool {
    let filled = cells.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    guard filled.count == 1 else { return false }
    return LogField.byHeaderKey[LogField.headerKey(filled[0])] == nil
  }
}
