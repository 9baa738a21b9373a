import EscalationKit

/// Calendars and instants shared by the calendar tests.
enum CalendarFixtures {
  static let paris = ZoneRules(identifier: "Europe/Paris")!
  static let newYork = ZoneRules(identifier: "America/New_York")!

  /// The calendar of issue 11: Paris, Monday 09:00-12:30 and 13:30-18:00 (8 h), Tuesday to
  /// Thursday 09:00-18:00 (9 h), Friday 09:00-17:00 (8 h), French holidays and 2026-12-24,
  /// and 2026-12-31 a half-day 09:00-12:00.
  static let issueTOML = """
    [calendar]
    tz = "Europe/Paris"
    mon = ["09:00-12:30", "13:30-18:00"]
    tue = ["09:00-18:00"]
    wed = ["09:00-18:00"]
    thu = ["09:00-18:00"]
    fri = ["09:00-17:00"]
    # sat, sun absent: no working time
    holidays = ["FR", "2026-12-24"]        # built-in sets by country code, and dates
    [calendar.days]
    "2026-12-31" = ["09:00-12:00"]         # a half-day replaces that date's intervals
    """

  static let issue: BusinessCalendar = try! BusinessCalendar.parse(
    toml: issueTOML, file: "issue.toml")

  /// New York, Monday to Friday 09:00-18:00, US federal holidays.
  static let newYorkOffice = BusinessCalendar(
    zone: newYork,
    week: Array(repeating: [WorkingInterval(hours: 9, 0, to: 18, 0)!], count: 5) + [[], []],
    holidaySets: [.us])

  /// An instant from a wall-clock reading in `zone` (the first one when it occurs twice).
  static func at(
    _ zone: ZoneRules, _ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0
  ) -> Int64 {
    zone.utc(LocalDateTime(year: y, month: m, day: d, hour: h, minute: mi, second: s)).0
  }

  /// An instant from a UTC reading.
  static func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Int64 {
    LocalDateTime(year: y, month: m, day: d, hour: h, minute: mi).secondsAsIfUTC
  }

  static func day(_ y: Int, _ m: Int, _ d: Int) -> Int64 {
    CivilDate.days(year: y, month: m, day: d)
  }

  /// Working time by the definition, minute by minute, without the index: the minutes whose
  /// wall-clock reading (`ZoneRules.local`) falls in a working interval of its local date.
  /// Exact when `from`, `to`, the intervals and the zone's changes are on whole minutes.
  static func bruteForce(_ cal: BusinessCalendar, from: Int64, to: Int64) -> Int64 {
    var total: Int64 = 0
    var t = from
    var days: [Int64: [WorkingInterval]] = [:]
    while t < to {
      let local = cal.zone.local(t)
      let day = CivilDate.days(year: local.year, month: local.month, day: local.day)
      let sec = Int32(local.hour * 3600 + local.minute * 60 + local.second)
      if days[day] == nil { days[day] = cal.intervals(onDay: day) }
      if days[day]!.contains(where: { $0.start <= sec && sec < $0.end }) {
        total += 60
      }
      t += 60
    }
    return total
  }
}
