/// What period a metrics report covers, as asked on the command line.
public enum PeriodSpec: Sendable, Equatable {
  /// No period: every event is used, as-of is the last event's time.
  case all
  /// A calendar month in the report's zone (`--month 2026-10`).
  case month(year: Int, month: Int)
  /// From the start of `from` to the end of `to`, both days included (`--from`/`--to`).
  case days(from: LocalDateTime, to: LocalDateTime)

  /// Parses `YYYY-MM`.
  public static func parseMonth(_ s: String) throws(PeriodError) -> PeriodSpec {
    let b = Array(s.utf8)
    guard b.count == 7, b[4] == UInt8(ascii: "-"), let y = digits(b[0..<4]),
      let m = digits(b[5..<7]),
      (1...12).contains(m), y >= 1
    else { throw .badMonth(s) }
    return .month(year: y, month: m)
  }

  /// Parses `--from` and `--to` dates (`YYYY-MM-DD`), `to` not before `from`.
  public static func parseDays(from: String, to: String) throws(PeriodError) -> PeriodSpec {
    guard let f = parseDate(from) else { throw .badDate(option: "--from", from) }
    guard let t = parseDate(to) else { throw .badDate(option: "--to", to) }
    guard f <= t else { throw .reversed(from: from, to: to) }
    return .days(from: f, to: t)
  }

  /// The period of the same kind just before this one: the previous month, or the same
  /// number of days ending the day before `from`; `nil` for `.all`.
  public var previous: PeriodSpec? {
    switch self {
    case .all: return nil
    case .month(let y, let m):
      return m == 1 ? .month(year: y - 1, month: 12) : .month(year: y, month: m - 1)
    case .days(let f, let t):
      let fd = CivilDate.days(year: f.year, month: f.month, day: f.day)
      let td = CivilDate.days(year: t.year, month: t.month, day: t.day)
      let n = td - fd + 1
      let nf = CivilDate.civil(days: fd - n)
      let nt = CivilDate.civil(days: fd - 1)
      return .days(
        from: LocalDateTime(year: nf.year, month: nf.month, day: nf.day),
        to: LocalDateTime(year: nt.year, month: nt.month, day: nt.day))
    }
  }

  static func parseDate(_ s: String) -> LocalDateTime? {
    let b = Array(s.utf8)
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
      let y = digits(b[0..<4]),
      let m = digits(b[5..<7]), let d = digits(b[8..<10])
    else { return nil }
    let v = LocalDateTime(year: y, month: m, day: d)
    return v.isValid && y >= 1 ? v : nil
  }

  static func digits(_ b: ArraySlice<UInt8>) -> Int? {
    var v = 0
    for c in b {
      guard c >= 48 && c <= 57 else { return nil }
      v = v * 10 + Int(c - 48)
    }
    return b.isEmpty ? nil : v
  }

  /// Parses an `--as-of` time: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (or a space instead of
  /// `T`), local to `zone` unless it ends with `Z` or an offset `±HH:MM`.
  public static func parseInstant(_ s: String, zone: ZoneRules) throws(PeriodError) -> Int64 {
    var b = Array(s.utf8)
    var offset: Int64? = nil
    if b.last == UInt8(ascii: "Z") || b.last == UInt8(ascii: "z") {
      offset = 0
      b.removeLast()
    } else if b.count > 16 {
      // ±HH:MM or ±HHMM at the end, after a time.
      for len in [6, 5] where b.count > 10 + len {
        let i = b.count - len
        let sign = b[i]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { continue }
        let rest = Array(b[(i + 1)...]).filter { $0 != UInt8(ascii: ":") }
        guard rest.count == 4, let hh = digits(rest[0..<2]), let mm = digits(rest[2..<4]), hh < 24,
          mm < 60
        else { throw .badInstant(s) }
        offset = Int64(hh * 3600 + mm * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
        b.removeLast(len)
        break
      }
    }
    guard b.count >= 10, let date = parseDate(String(decoding: b[0..<10], as: UTF8.self)) else {
      throw .badInstant(s)
    }
    var local = date
    if b.count > 10 {
      guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "t"),
        b.count == 16 || b.count == 19, b[13] == UInt8(ascii: ":"),
        let hh = digits(b[11..<13]), let mm = digits(b[14..<16])
      else { throw .badInstant(s) }
      var ss = 0
      if b.count == 19 {
        guard b[16] == UInt8(ascii: ":"), let v = digits(b[17..<19]) else { throw .badInstant(s) }
        ss = v
      }
      local.hour = hh
      local.minute = mm
      local.second = ss
      guard local.isValid else { throw .badInstant(s) }
    } else if offset != nil {
      throw .badInstant(s)
    }
    if let offset { return local.secondsAsIfUTC - offset }
    return zone.utc(local).0
  }
}

/// A period resolved to instants: P = [start, end), the as-of time, and the event cut-off.
public struct ResolvedPeriod: Sendable, Equatable {
  public var spec: PeriodSpec
  /// Start of P (seconds since 1970, UTC).
  public var start: Int64
  /// End of P, excluded.
  public var end: Int64
  /// The as-of time: open stays end here for age figures.
  public var asOf: Int64
  /// Only events strictly before this time are used. Equal to `asOf`, except without a
  /// period, where every event is used (`asOf` + 1 = just after the last event).
  public var cutoff: Int64
  /// Whether `--as-of` was given.
  public var asOfOverridden: Bool

  /// Resolves `spec` in `zone`. `eventTimes` = (first, last) event time of the log, `nil`
  /// when it has none; `asOf` = an `--as-of` instant.
  public static func resolve(
    _ spec: PeriodSpec, zone: ZoneRules, eventTimes: (first: Int64, last: Int64)?,
    asOf: Int64? = nil
  ) -> ResolvedPeriod {
    switch spec {
    case .all:
      guard let t = eventTimes else {
        let a = asOf ?? 0
        return ResolvedPeriod(
          spec: spec, start: a, end: a, asOf: a, cutoff: a, asOfOverridden: asOf != nil)
      }
      if let asOf {
        return ResolvedPeriod(
          spec: spec, start: min(t.first, asOf), end: asOf, asOf: asOf, cutoff: asOf,
          asOfOverridden: true)
      }
      return ResolvedPeriod(
        spec: spec, start: t.first, end: t.last + 1, asOf: t.last, cutoff: t.last + 1,
        asOfOverridden: false)
    case .month(let y, let m):
      let s = zone.startOfMonth(year: y, month: m)
      let e =
        m == 12
        ? zone.startOfMonth(year: y + 1, month: 1) : zone.startOfMonth(year: y, month: m + 1)
      let a = asOf ?? e
      return ResolvedPeriod(
        spec: spec, start: s, end: e, asOf: a, cutoff: a, asOfOverridden: asOf != nil)
    case .days(let f, let t):
      let s = zone.startOfDay(year: f.year, month: f.month, day: f.day)
      let next = CivilDate.civil(days: CivilDate.days(year: t.year, month: t.month, day: t.day) + 1)
      let e = zone.startOfDay(year: next.year, month: next.month, day: next.day)
      let a = asOf ?? e
      return ResolvedPeriod(
        spec: spec, start: s, end: e, asOf: a, cutoff: a, asOfOverridden: asOf != nil)
    }
  }

  /// A short name: `2026-10`, `2026-10-01..2026-10-31`, or `all`.
  public var label: String {
    switch spec {
    case .all: return "all"
    case .month(let y, let m): return MonthKey(year: y, month: m).description
    case .days(let f, let t): return "\(f.description.prefix(10))..\(t.description.prefix(10))"
    }
  }

  /// `month`, `days` or `all`.
  public var kind: String {
    switch spec {
    case .all: return "all"
    case .month: return "month"
    case .days: return "days"
    }
  }
}

/// A calendar month, `YYYY-MM`.
public struct MonthKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public init(year: Int, month: Int) {
    self.year = year
    self.month = month
  }
  /// The month of instant `t` in `zone`.
  public init(_ t: Int64, zone: ZoneRules) {
    let l = zone.local(t)
    self.init(year: l.year, month: l.month)
  }
  public var next: MonthKey {
    month == 12 ? MonthKey(year: year + 1, month: 1) : MonthKey(year: year, month: month + 1)
  }
  public func start(in zone: ZoneRules) -> Int64 { zone.startOfMonth(year: year, month: month) }
  public static func < (a: MonthKey, b: MonthKey) -> Bool { (a.year, a.month) < (b.year, b.month) }
  public var description: String {
    let y = String(year)
    let m = String(month)
    return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count == 1 ? "0" : "")
      + m
  }
}

/// A malformed period option.
public enum PeriodError: Error, Equatable, Sendable, CustomStringConvertible {
  case badMonth(String)
  case badDate(option: String, String)
  case reversed(from: String, to: String)
  case badInstant(String)

  public var description: String {
    switch self {
    case .badMonth(let s):
      return "--month '\(s)' is not a month; write YYYY-MM, e.g. --month 2026-10"
    case .badDate(let o, let s):
      return "\(o) '\(s)' is not a date; write YYYY-MM-DD, e.g. \(o) 2026-10-01"
    case .reversed(let f, let t):
      return "--from \(f) is after --to \(t); give the earlier day to --from"
    case .badInstant(let s):
      return
        "--as-of '\(s)' is not a time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], optionally with Z or +HH:MM"
    }
  }
}

extension PeriodSpec {
  /// The report's default period: the latest complete calendar month of the log.
  ///
  /// A month is complete once it is over: the month before the one containing `now` (in
  /// `zone`), or the month of the log's last event when the log ends earlier. A log run on
  /// the first working day of November gives October; a log that stopped in June gives June.
  public static func latestCompleteMonth(lastEvent: Int64, now: Int64, zone: ZoneRules)
    -> PeriodSpec
  {
    let current = MonthKey(now, zone: zone)
    let previous =
      current.month == 1
      ? MonthKey(year: current.year - 1, month: 12)
      : MonthKey(year: current.year, month: current.month - 1)
    let last = MonthKey(lastEvent, zone: zone)
    let m = min(previous, last)
    return .month(year: m.year, month: m.month)
  }
}
