import CSVImport
import Foundation

/// What `escalation profile LOG` learns from a log: the columns it could place, the headers it
/// could not, the layout, and every distinct value of the level, category and event columns
/// with its count. ``text`` writes it as a commented starter profile.
public struct ProfileDraft: Sendable {
  public var file: String
  public var headers: [String]
  /// Field → 0-based column, as detected from the header.
  public var columns: [LogField: Int] = [:]
  /// Header cells placed on no field: (0-based column, header).
  public var unplaced: [(Int, String)] = []
  public var layout: LogLayout
  /// Why the layout was chosen.
  public var layoutReason: String
  /// The delimiter read (for the profile's `delimiter` when it is not a comma).
  public var delimiter: UInt8
  /// Distinct values with their counts, in first-seen order, per value field.
  public var values: [LogField: [(value: String, count: Int)]] = [:]
  public var records = 0
  /// Values seen past this many distinct ones per column are counted, not listed.
  public static let maxListed = 300

  /// Reads the log at `path` (`-` for standard input).
  public static func read(path: String, delimiter: UInt8? = nil) throws -> ProfileDraft {
    let reader = try CSVReader(
      path: path, options: CSVReadOptions(delimiter: delimiter, lenientQuotes: true))
    return try read(reader: reader)
  }

  /// Reads a log held in memory.
  public static func read(bytes: [UInt8], name: String) throws -> ProfileDraft {
    try read(reader: CSVReader(bytes: bytes, name: name))
  }

  static func read(reader: CSVReader) throws -> ProfileDraft {
    var rows: [[String]] = []
    try reader.forEachRecord { record in rows.append(record.strings) }
    guard !rows.isEmpty else { throw CSVError.empty(path: reader.displayName) }
    var start = 0
    if rows.count > 1 && LogImporter.isTitle(rows[0]) && LogImporter.filledCount(rows[1]) >= 2 {
      start = 1
    }
    return ProfileDraft(
      file: reader.displayName, headers: rows[start], rows: rows[(start + 1)...],
      delimiter: reader.dialect?.delimiter ?? 0x2C)
  }

  init(file: String, headers: [String], rows: ArraySlice<[String]>, delimiter: UInt8) {
    self.file = file
    self.headers = headers
    self.delimiter = delimiter
    records = rows.count
    for (col, h) in headers.enumerated() {
      let k = LogField.headerKey(h)
      if let f = LogField.byHeaderKey[k], columns[f] == nil {
        columns[f] = col
      } else if !k.isEmpty {
        unplaced.append((col, h))
      }
    }
    (layout, layoutReason) = ProfileDraft.guessLayout(columns: columns, rows: rows)
    // Fields of the other layout are placed on nothing.
    let wanted = Set(LogField.fields(of: layout))
    for (f, c) in columns where !wanted.contains(f) {
      columns[f] = nil
      unplaced.append((c, headers[c]))
    }
    unplaced.sort { $0.0 < $1.0 }
    for f in [LogField.level, .category, .event, .status] {
      guard let c = columns[f] else { continue }
      values[f] = ProfileDraft.distinct(rows, column: c)
    }
  }

  /// Tickets when escalation-date columns exist; else events when ticket ids repeat (one row
  /// per update); else tickets when an opening date exists; else events.
  static func guessLayout(columns: [LogField: Int], rows: ArraySlice<[String]>) -> (
    LogLayout, String
  ) {
    if columns[.escalated2] != nil || columns[.escalated3] != nil || columns[.escalated4] != nil {
      return (.tickets, "escalation date columns: one row per ticket")
    }
    if let t = columns[.ticket] {
      var seen = Set<String>()
      for r in rows where t < r.count && !r[t].isEmpty {
        if !seen.insert(r[t]).inserted {
          return (.events, "ticket ids repeat: one row per event or update")
        }
      }
      if columns[.opened] != nil {
        return (.tickets, "each ticket id once and an opening date: one row per ticket")
      }
    }
    return (.events, "no opening date column: one row per event")
  }

  static func distinct(_ rows: ArraySlice<[String]>, column: Int) -> [(value: String, count: Int)] {
    var index: [String: Int] = [:]
    var out: [(value: String, count: Int)] = []
    for r in rows {
      let v = column < r.count ? r[column].trimmingCharacters(in: .whitespaces) : ""
      if v.isEmpty { continue }
      if let i = index[v] {
        out[i].count += 1
      } else {
        index[v] = out.count
        out.append((v, 1))
      }
    }
    return out
  }
}
