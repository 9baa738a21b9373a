/// What `escalation sample` generates: how many tickets, over which months, in which layout,
/// language and time zone, and whether to add the mess of real exports.
public struct SampleOptions: Sendable, Equatable {
  /// One row per event, or one row per ticket (docs/logs.md#two-layouts).
  public enum Layout: String, Sendable, CaseIterable {
    case events
    case tickets
  }

  /// The look of the output beyond layout and language.
  public enum Shape: String, Sendable, CaseIterable {
    /// The tool's own sample: dates without a zone, few notes.
    case plain
    /// Like a real tracker export: ISO 8601 UTC timestamps ending in `Z`, notes on about 72 %
    /// of rows, about 21 % of them quoted (commas, doubled quotes, line breaks). English events
    /// in UTC only.
    case export
  }

  /// The rates of the simulated process (``SampleProcess/Parameters``).
  public enum Process: String, Sendable, CaseIterable {
    /// The original sample: small and slow (about 5 % of tickets never resolved).
    case classic
    /// A service desk's year: about 20 % escalated, most tickets resolved within hours to a
    /// few days, 0.4 % abandoned, pauses while waiting for the customer, a few reopens.
    case serviceDesk = "service-desk"
  }

  /// How dates are written.
  public enum DateStyle: String, Sendable {
    /// `2026-10-03 14:05:00`
    case iso
    /// `2026-10-03T14:05:00Z`
    case isoUTC = "iso-z"
    /// `03/10/2026 14:05`
    case dayFirst = "dmy"
    /// `10/03/26 2:05 PM`
    case monthFirst = "mdy"
  }

  /// Number of tickets (≥ 1).
  public var tickets: Int
  /// Number of calendar months covered (≥ 1).
  public var months: Int
  public var startYear: Int
  public var startMonth: Int
  public var seed: UInt64
  public var layout: Layout
  public var language: Language
  /// Adds BOM, `;`, alias headers, synonyms, roles for levels, loose labels, duplicates,
  /// rows out of order and rejected junk rows.
  public var messy: Bool
  /// IANA zone the written local times belong to (`UTC` by default).
  public var timeZone: String
  public var shape: Shape
  public var process: Process

  public init(
    tickets: Int = 200, months: Int = 12, startYear: Int = 2026, startMonth: Int = 1,
    seed: UInt64 = 1,
    layout: Layout = .events, language: Language = .en, messy: Bool = false,
    timeZone: String = "UTC", shape: Shape = .plain, process: Process = .classic
  ) {
    self.tickets = tickets
    self.months = months
    self.startYear = startYear
    self.startMonth = startMonth
    self.seed = seed
    self.layout = layout
    self.language = language
    self.messy = messy
    self.timeZone = timeZone
    self.shape = shape
    self.process = process
  }

  /// The largest number of tickets accepted.
  public static let maxTickets = 50_000_000

  /// Dates in French output are day-first; the tickets layout and messy English output use US
  /// dates; clean English events use ISO 8601.
  public var dateStyle: DateStyle {
    if shape == .export { return .isoUTC }
    if language == .fr { return .dayFirst }
    if layout == .tickets || messy { return .monthFirst }
    return .iso
  }

  /// `;` for French or messy output, `,` otherwise.
  public var delimiter: UInt8 { language == .fr || messy ? 0x3B : 0x2C }
  /// French or messy output starts with a UTF-8 BOM and ends lines with CRLF (Excel on Windows).
  public var excelStyle: Bool { language == .fr || messy }

  /// Parses `YYYY-MM` (as given to `--start`).
  public static func parseStart(_ text: String) throws(SampleError) -> (year: Int, month: Int) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
      parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
      let y = Int(parts[0]), let m = Int(parts[1])
    else { throw .badStart(text, reason: "expected YYYY-MM") }
    guard (1...12).contains(m) else { throw .badStart(text, reason: "month must be 01 to 12") }
    return (y, m)
  }

  /// Checks the ranges; the whole period must lie in 1970–2069 so that two-digit years read back.
  public func validate() throws(SampleError) {
    guard (1...SampleOptions.maxTickets).contains(tickets) else {
      throw .outOfRange("--tickets \(tickets)", reason: "must be 1 to \(SampleOptions.maxTickets)")
    }
    guard (1...1200).contains(months) else {
      throw .outOfRange("--months \(months)", reason: "must be 1 to 1200")
    }
    guard (1...12).contains(startMonth) else {
      throw .badStart("\(startYear)-\(startMonth)", reason: "month must be 01 to 12")
    }
    let first = startYear * 12 + startMonth - 1
    guard startYear >= 1970, first + months <= 2070 * 12 else {
      throw .outOfRange(
        "--start \(startYear) with --months \(months)",
        reason:
          "the period must lie between 1970-01 and 2069-12 (two-digit years are read as 1970–2069)")
    }
    guard ZoneRules(identifier: timeZone) != nil else { throw .unknownTimeZone(timeZone) }
    if shape == .export {
      guard layout == .events, language == .en, !messy, ZoneRules(identifier: timeZone)!.isUTC
      else {
        throw .outOfRange(
          "--shape export",
          reason: "is for English events in UTC (no --layout tickets, --lang fr, --messy or --tz)")
      }
    }
  }
}

/// Why sample options cannot be used.
public enum SampleError: Error, Equatable, Sendable, CustomStringConvertible {
  case badStart(String, reason: String)
  case outOfRange(String, reason: String)
  case unknownTimeZone(String)

  public var description: String {
    switch self {
    case .badStart(let t, let r):
      return "--start \(t): \(r); write the first month as YYYY-MM, e.g. 2026-01"
    case .outOfRange(let what, let r):
      return "\(what): \(r)"
    case .unknownTimeZone(let z):
      return "--tz \(z): unknown time zone; use an IANA name such as Europe/Paris or UTC"
    }
  }
}
