import CSVImport
import Foundation

/// What `LogImporter` needs to know besides the file.
public struct LogImportOptions: Sendable {
  /// The matrix in use: its roles resolve as levels (with the roles of both canonical matrices).
  public var matrix: Matrix
  /// Category labels as written in the matrix file in use, tried before the canonical ones.
  public var categoryLabels: [CategoryKey: String]
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

/// Imports an escalation log (`logs.md`) into an ``EventLog``.
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
    let reader = try CSVReader(path: path, options: CSVReadOptions(delimiter: options.delimiter))
    let fileSize =
      path == "-"
      ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    return try load(reader: reader, fileSize: fileSize, options: options)
  }

  /// Reads a log held in memory (`bytes`, shown as `name` in findings), as ``load(path:options:)``
  /// does a file. For tests and the fuzzing harness.
  public static func load(bytes: [UInt8], name: String, options: LogImportOptions) throws
    -> EventLog
  {
    let reader = CSVReader(
      bytes: bytes, name: name, options: CSVReadOptions(delimiter: options.delimiter))
    return try load(reader: reader, fileSize: bytes.count, options: options)
  }

  static func load(reader: CSVReader, fileSize: Int?, options: LogImportOptions) throws
    -> EventLog
  {
    let file = reader.displayName
    // The state lives behind a pointer that the per-record closure captures by value: no boxed
    // capture, no optional unwrap and no exclusivity check per record.
    let state = UnsafeMutablePointer<LogImportState>.allocate(capacity: 1)
    var started = false
    defer {
      if started { state.deinitialize(count: 1) }
      state.deallocate()
    }
    try reader.forEachRecord { [state] record in
      if _fastPath(started) {
        state.pointee.add(record)
        if state.pointee.read == 256, let size = fileSize {
          state.pointee.reserve(fileBytes: size)
        }
      } else {
        let headers = (0..<record.count).map { record.string($0) }
        let header = try LogHeader.detect(
          headers: headers, file: file, map: options.headerMap, forced: options.layout)
        state.initialize(
          to: LogImportState(file: file, header: header, headerLine: record.line, options: options))
        started = true
      }
    }
    guard started else { throw CSVError.empty(path: file) }
    return try state.pointee.finish()
  }
}
