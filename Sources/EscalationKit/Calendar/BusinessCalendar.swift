/// A working interval of one local day: from `start` to `end` (excluded), in seconds after the
/// local midnight of the wall clock, `0 ≤ start < end ≤ 86_400` (`"00:00-24:00"` is the whole day).
public struct WorkingInterval: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let start: Int32
  public let end: Int32

  /// `nil` unless `0 ≤ start < end ≤ 86_400`.
  public init?(start: Int, end: Int) {
    guard start >= 0, start < end, end <= 86_400 else { return nil }
    self.start = Int32(start)
    self.end = Int32(end)
  }

  /// Hours and minutes: `WorkingInterval(hours: 9, 0, to: 18, 0)`.
  public init?(hours h1: Int, _ m1: Int, to h2: Int, _ m2: Int) {
    self.init(start: h1 * 3600 + m1 * 60, end: h2 * 3600 + m2 * 60)
  }

  /// The whole day, `00:00-24:00`.
  public static let wholeDay = WorkingInterval(start: 0, end: 86_400)!

  public var seconds: Int64 { Int64(end - start) }

  public static func < (a: WorkingInterval, b: WorkingInterval) -> Bool {
    (a.start, a.end) < (b.start, b.end)
  }

  /// `HH:MM-HH:MM` (`HH:MM:SS` when a bound has seconds), as written in a calendar file.
  public var description: String {
    WorkingInterval.clock(Int(start)) + "-" + WorkingInterval.clock(Int(end))
  }

  static func clock(_ s: Int) -> String {
    func p(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let base = p(s / 3600) + ":" + p(s / 60 % 60)
    return s % 60 == 0 ? base : base + ":" + p(s % 60)
  }
}

/// A day of the week, Monday first, with the keys a calendar file uses.
public enum Weekday: Int, CaseIterable, Sendable {
  case mon = 0
  case tue, wed, thu, fri, sat, sun

  /// The weekday of a day number (days since 1970-01-01, a Thursday).
  public init(day: Int64) {
    let r = (day + 3) % 7
    self = Weekday(rawValue: Int(r < 0 ? r + 7 : r))!
  }

  /// The key in a calendar file: `mon` … `sun`.
  public var key: String {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue]
  }
}

/// A business-hours calendar: the working intervals of each weekday in a time zone, holidays
/// (dates and built-in sets), and dates whose intervals replace the usual ones (half-days).
///
/// Business time is real elapsed time during which the zone's wall clock shows a working
/// interval of that local date: see `docs/calendar.md` ("Daylight saving time"). Queries go
/// through a `BusinessTimeIndex` built once over the years needed.
public struct BusinessCalendar: Sendable {
  /// The zone whose wall clock the intervals and dates are read in.
  public var zone: ZoneRules
  /// Working intervals per weekday, Monday first (7 entries), each list sorted and disjoint.
  public private(set) var week: [[WorkingInterval]]
  /// Built-in holiday sets (`"FR"`, `"US"`).
  public var holidaySets: [HolidaySet]
  /// Holiday dates, as day numbers (`CivilDate.days`).
  public var holidayDates: Set<Int64>
  /// Dates whose intervals replace the weekday's (and a holiday), by day number; an empty list
  /// is a day off.
  public private(set) var days: [Int64: [WorkingInterval]]

  /// A calendar; interval lists are sorted, and overlapping or touching intervals are joined.
  public init(
    zone: ZoneRules, week: [[WorkingInterval]], holidaySets: [HolidaySet] = [],
    holidayDates: Set<Int64> = [], days: [Int64: [WorkingInterval]] = [:]
  ) {
    self.zone = zone
    var w = week.prefix(7).map(BusinessCalendar.normalized)
    while w.count < 7 { w.append([]) }
    self.week = w
    self.holidaySets = holidaySets
    self.holidayDates = holidayDates
    self.days = days.mapValues(BusinessCalendar.normalized)
  }

  /// Every second of every day is working time: business time equals calendar time.
  public static func twentyFourSeven(zone: ZoneRules = .utc) -> BusinessCalendar {
    BusinessCalendar(zone: zone, week: Array(repeating: [.wholeDay], count: 7))
  }

  /// The intervals of a weekday.
  public func intervals(of weekday: Weekday) -> [WorkingInterval] { week[weekday.rawValue] }

  /// Replaces a weekday's intervals (sorted, joined).
  public mutating func setIntervals(_ list: [WorkingInterval], for weekday: Weekday) {
    week[weekday.rawValue] = BusinessCalendar.normalized(list)
  }

  /// Replaces a date's intervals (a half-day, a working Saturday, or `[]` for a day off).
  public mutating func setIntervals(_ list: [WorkingInterval], forDay day: Int64) {
    days[day] = BusinessCalendar.normalized(list)
  }

  /// Whether `day` is a holiday (a listed date, or in a built-in set), whatever its intervals.
  public func isHoliday(day: Int64) -> Bool {
    if holidayDates.contains(day) { return true }
    return holidaySets.contains { $0.contains(day: day) }
  }

  /// The working intervals of a local date (day number): the date's own list when it has
  /// one, none on a holiday, else its weekday's.
  public func intervals(onDay day: Int64) -> [WorkingInterval] {
    intervals(onDay: day, holidays: nil)
  }

  /// Same, with the holidays of the years concerned already gathered (`holidayDays(years:)`).
  func intervals(onDay day: Int64, holidays: Set<Int64>?) -> [WorkingInterval] {
    if let own = days[day] { return own }
    let off = holidays.map { $0.contains(day) } ?? isHoliday(day: day)
    return off ? [] : week[Weekday(day: day).rawValue]
  }

  /// The holiday day numbers that fall in `years` (listed dates and built-in sets).
  func holidayDays(years: ClosedRange<Int>) -> Set<Int64> {
    var set = Set<Int64>()
    let first = CivilDate.days(year: years.lowerBound, month: 1, day: 1)
    let last = CivilDate.days(year: years.upperBound, month: 12, day: 31)
    for d in holidayDates where d >= first && d <= last { set.insert(d) }
    // The year after too: a US New Year's Day on a Saturday is observed on 31 December before.
    for s in holidaySets {
      for y in years.lowerBound...(years.upperBound + 1) {
        for h in s.holidays(year: y) where h.day >= first && h.day <= last { set.insert(h.day) }
      }
    }
    return set
  }

  /// Whether no weekday has working time (only `days` entries can then give any).
  var weekIsEmpty: Bool { week.allSatisfy(\.isEmpty) }

  /// The last date with its own intervals, or a listed holiday (nil when there are none).
  var lastListedDay: Int64? { (Array(days.keys) + Array(holidayDates)).max() }

  static func normalized(_ list: [WorkingInterval]) -> [WorkingInterval] {
    var out: [WorkingInterval] = []
    for iv in list.sorted() {
      if let last = out.last, iv.start <= last.end {
        out[out.count - 1] = WorkingInterval(
          start: Int(last.start), end: Int(max(last.end, iv.end)))!
      } else {
        out.append(iv)
      }
    }
    return out
  }
}

/// A local date as `YYYY-MM-DD` from a day number.
func calendarDateText(_ day: Int64) -> String {
  let (y, m, d) = CivilDate.civil(days: day)
  func p(_ v: Int, _ w: Int) -> String {
    let s = String(v)
    return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
  }
  return "\(p(y, 4))-\(p(m, 2))-\(p(d, 2))"
}
