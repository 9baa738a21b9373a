import Foundation
import TOMLKit

/// Where a calendar table comes from: for messages (file, line) and for a missing `tz`.
public struct CalendarSource: Sendable {
  /// The file as given on the command line.
  public var file: String
  /// The file's text, to find the line of a key (TOMLKit keeps no positions); `nil`: no lines.
  public var text: String?
  /// The table's path in the file: `["calendar"]`, or `[]` when the keys are at the top level.
  public var tablePath: [String]
  /// The zone used when the table has no `tz` (e.g. the report's `--tz`); `nil`: `tz` required.
  public var defaultZone: ZoneRules?

  public init(
    file: String, text: String? = nil, tablePath: [String] = ["calendar"],
    defaultZone: ZoneRules? = nil
  ) {
    self.file = file
    self.text = text
    self.tablePath = tablePath
    self.defaultZone = defaultZone
  }
}

extension BusinessCalendar {
  /// Reads a calendar file (`--calendar FILE`): a `[calendar]` table (other tables are left to
  /// their own readers, so a profile file works too), or the calendar keys at the top level.
  public static func load(path: String, defaultZone: ZoneRules? = nil) throws(CalendarError)
    -> BusinessCalendar
  {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CalendarError(
        .unreadable, file: path,
        message: "cannot read the calendar file (\(error.localizedDescription)); "
          + "check the path given to --calendar")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw CalendarError(
        .syntax, file: path, message: "the calendar file is not UTF-8 text; save it as UTF-8")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return try parse(toml: text, file: path, defaultZone: defaultZone)
  }

  /// Parses calendar TOML text; see `load(path:defaultZone:)`.
  public static func parse(toml text: String, file: String, defaultZone: ZoneRules? = nil)
    throws(CalendarError) -> BusinessCalendar
  {
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let e as TOMLParseError {
      throw CalendarError(
        .syntax, file: file, line: e.source.begin.line, column: e.source.begin.column,
        message: "not valid TOML: \(e.description)")
    } catch {
      throw CalendarError(.syntax, file: file, message: "not valid TOML: \(error)")
    }
    let locator = TOMLLocator(text)
    if let value = root["calendar"] {
      guard let table = value.table else {
        let at = locator.position(ofKey: "calendar", in: [])
        throw CalendarError(
          .wrongType, file: file, line: at?.line, column: at?.column,
          message: "'calendar' must be a table: write [calendar] on a line of its own, "
            + "then its keys (tz = \"Europe/Paris\", mon = [\"09:00-18:00\"], …)")
      }
      return try parse(
        table: table,
        source: CalendarSource(file: file, text: text, defaultZone: defaultZone))
    }
    let known = Set(CalendarTOMLReader.keys)
    guard root.keys.contains(where: { known.contains($0) }) else {
      throw CalendarError(
        .noCalendar, file: file,
        message: "no [calendar] table; write [calendar], then tz = \"Europe/Paris\" and the "
          + "working hours of each weekday, e.g. mon = [\"09:00-12:30\", \"13:30-18:00\"]")
    }
    return try parse(
      table: root,
      source: CalendarSource(file: file, text: text, tablePath: [], defaultZone: defaultZone))
  }

  /// Parses a calendar table already read (a profile's `[calendar]`).
  public static func parse(table: TOMLTable, source: CalendarSource) throws(CalendarError)
    -> BusinessCalendar
  {
    try CalendarTOMLReader(source: source).read(table)
  }
}

/// Reads the keys of a calendar table into a `BusinessCalendar`.
struct CalendarTOMLReader {
  static let keys = Weekday.allCases.map(\.key) + ["tz", "holidays", "days"]

  let source: CalendarSource
  let locator: TOMLLocator?

  init(source: CalendarSource) {
    self.source = source
    locator = source.text.map(TOMLLocator.init)
  }

  func read(_ table: TOMLTable) throws(CalendarError) -> BusinessCalendar {
    var zone: ZoneRules? = nil
    var week = [[WorkingInterval]](repeating: [], count: 7)
    var sets: [HolidaySet] = []
    var dates = Set<Int64>()
    var days: [Int64: [WorkingInterval]] = [:]
    let path = source.tablePath
    // In file order, so that the first mistake reported is the first one in the file.
    let keys = table.keys.sorted { (line(key: $0, path) ?? 0) < (line(key: $1, path) ?? 0) }
    for key in keys {
      let value = table[key]!
      if let day = Weekday.allCases.first(where: { $0.key == key }) {
        week[day.rawValue] = try intervals(value, key: key, path: path)
        continue
      }
      switch key {
      case "tz": zone = try readZone(value)
      case "holidays": (sets, dates) = try readHolidays(value)
      case "days": days = try readDays(value)
      default: throw unknownKey(key)
      }
    }
    guard let zone = zone ?? source.defaultZone else {
      let at = locator?.position(ofTable: path)
      throw CalendarError(
        .badZone, file: source.file, line: at?.line, column: at?.column,
        message: "the calendar has no time zone; add tz = \"Europe/Paris\" (an IANA zone name)")
    }
    return BusinessCalendar(
      zone: zone, week: week, holidaySets: sets, holidayDates: dates, days: days)
  }

  private func line(key: String, _ path: [String]) -> Int? {
    locator?.position(ofKey: key, in: path)?.line
  }

  func error(
    _ kind: CalendarError.Kind, key: String, path: [String], value: String? = nil,
    _ message: String
  ) -> CalendarError {
    var at = locator?.position(ofKey: key, in: path)
    if let value, let keyAt = at, let valueAt = locator?.position(of: value, from: keyAt.line) {
      at = valueAt
    }
    return CalendarError(
      kind, file: source.file, line: at?.line, column: at?.column, message: message)
  }

  private func unknownKey(_ key: String) -> CalendarError {
    let lower = key.lowercased()
    let table = source.tablePath.isEmpty ? "a calendar" : "[calendar]"
    let hint: String
    if let day = Weekday.allCases.first(where: { lower.hasPrefix($0.key) }) {
      hint = "weekdays are written mon, tue, wed, thu, fri, sat, sun: write \(day.key) = […]"
    } else if ["timezone", "time_zone", "zone", "time-zone"].contains(lower) {
      hint = "the time zone is written tz = \"Europe/Paris\""
    } else if lower.hasPrefix("holiday") {
      hint = "holidays are written holidays = [\"FR\", \"2026-12-24\"]"
    } else {
      hint =
        "the keys of \(table) are tz, mon, tue, wed, thu, fri, sat, sun, holidays, "
        + "and the table [calendar.days] for dates with their own hours"
    }
    return error(
      .unknownKey, key: key, path: source.tablePath, "unknown key '\(key)' in \(table); \(hint)")
  }

  private func readZone(_ value: TOMLValueConvertible) throws(CalendarError) -> ZoneRules {
    let path = source.tablePath
    guard let name = value.string else {
      throw error(.wrongType, key: "tz", path: path, "tz must be a string: tz = \"Europe/Paris\"")
    }
    guard let zone = ZoneRules(identifier: name) else {
      throw error(
        .badZone, key: "tz", path: path,
        "tz = \"\(Finding.excerpt(name))\" is not a known time zone; write an IANA name such as "
          + "\"Europe/Paris\", \"America/New_York\" or \"UTC\"")
    }
    return zone
  }

  private func readHolidays(_ value: TOMLValueConvertible) throws(CalendarError) -> (
    [HolidaySet], Set<Int64>
  ) {
    let path = source.tablePath
    guard let list = value.array else {
      throw error(
        .wrongType, key: "holidays", path: path,
        "holidays must be a list: holidays = [\"FR\", \"2026-12-24\"]")
    }
    var sets: [HolidaySet] = []
    var dates = Set<Int64>()
    for item in list {
      if let d = item.date {
        let v = LocalDateTime(year: d.year, month: d.month, day: d.day)
        guard v.isValid else {
          throw error(.badDate, key: "holidays", path: path, "\(d) is not a real date")
        }
        dates.insert(CivilDate.days(year: d.year, month: d.month, day: d.day))
        continue
      }
      guard let text = item.string else {
        throw error(
          .wrongType, key: "holidays", path: path,
          "holidays holds country codes and dates as strings: holidays = [\"FR\", \"2026-12-24\"]")
      }
      if let set = HolidaySet(code: text) {
        if !sets.contains(set) { sets.append(set) }
      } else if text.first?.isNumber == true {
        dates.insert(try date(text, key: "holidays", path: path, value: "\"\(text)\""))
      } else {
        let codes = HolidaySet.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        throw error(
          .unknownHolidaySet, key: "holidays", path: path, value: "\"\(text)\"",
          "unknown holiday set \"\(Finding.excerpt(text))\"; the built-in sets are \(codes); "
            + "list other holidays as dates, e.g. \"2026-12-24\"")
      }
    }
    return (sets, dates)
  }

  private func readDays(_ value: TOMLValueConvertible) throws(CalendarError) -> [Int64:
    [WorkingInterval]]
  {
    guard let table = value.table else {
      throw error(
        .wrongType, key: "days", path: source.tablePath,
        "days must be a table: write [calendar.days] on a line of its own, then "
          + "\"2026-12-31\" = [\"09:00-12:00\"]")
    }
    let path = source.tablePath + ["days"]
    var out: [Int64: [WorkingInterval]] = [:]
    for key in table.keys.sorted(by: { (line(key: $0, path) ?? 0) < (line(key: $1, path) ?? 0) }) {
      let day = try date(key, key: key, path: path)
      out[day] = try intervals(table[key]!, key: key, path: path)
    }
    return out
  }

  /// `YYYY-MM-DD`, a real date.
  func date(_ text: String, key: String, path: [String], value: String? = nil) throws(CalendarError)
    -> Int64
  {
    if let v = PeriodSpec.parseDate(text) {
      return CivilDate.days(year: v.year, month: v.month, day: v.day)
    }
    throw error(
      .badDate, key: key, path: path, value: value,
      "\"\(Finding.excerpt(text))\" is not a date; write a real date as YYYY-MM-DD, e.g. \"2026-12-24\""
    )
  }
}
