/// Date and time parsing over bytes for escalation logs (docs/logs.md#dates).
///
/// A cell is parsed once into a compact ``RawDateTime`` that keeps the two ambiguous fields of a
/// `03/10/2026` date unresolved. The day-first / month-first decision is taken afterwards, over
/// every date of the file (``DateOrderEvidence``), and ``UTCConverter`` then turns the values
/// into instants with the time-zone rules. No `DateFormatter`, no `String` per cell.

/// The order of the two first fields of a slashed date.
public enum DateOrder: String, Sendable, CaseIterable {
  /// Day first: `03/10/2026` is 3 October.
  case dmy
  /// Month first: `10/03/2026` is 3 October (US).
  case mdy

  /// "day-first" or "month-first".
  public var phrase: String { self == .dmy ? "day-first" : "month-first" }
}

/// One date cell as read, before the day/month order and the time zone are applied (12 bytes).
public struct RawDateTime: Sendable, Equatable {
  /// Full year (two-digit years already expanded).
  public var year: Int16
  /// Month for unambiguous forms; the first field of a slashed date.
  public var fieldA: UInt8
  /// Day for unambiguous forms; the second field of a slashed date.
  public var fieldB: UInt8
  public var hour: UInt8
  public var minute: UInt8
  public var second: UInt8
  public var flags: UInt8
  /// Offset from UTC in minutes when ``hasOffset``.
  public var offsetMinutes: Int16

  static let offsetFlag: UInt8 = 1
  static let slashedFlag: UInt8 = 2
  static let fractionFlag: UInt8 = 4
  static let serialFlag: UInt8 = 8
  static let dmyValidFlag: UInt8 = 16
  static let mdyValidFlag: UInt8 = 32
  static let separatorDot: UInt8 = 64

  /// The value carries its own UTC offset (`Z`, `+02:00`); `--tz` does not apply.
  public var hasOffset: Bool { flags & RawDateTime.offsetFlag != 0 }
  /// A `a/b/y` date whose order is decided for the whole file.
  public var isSlashed: Bool { flags & RawDateTime.slashedFlag != 0 }
  /// Fractional seconds were present and truncated.
  public var hadFraction: Bool { flags & RawDateTime.fractionFlag != 0 }
  /// The value was an Excel serial day number.
  public var isSerial: Bool { flags & RawDateTime.serialFlag != 0 }
  /// For a slashed date: it is a real date when read day-first.
  public var validDayFirst: Bool { flags & RawDateTime.dmyValidFlag != 0 }
  /// For a slashed date: it is a real date when read month-first.
  public var validMonthFirst: Bool { flags & RawDateTime.mdyValidFlag != 0 }

  /// The value in 60 bits, so that it can wait inside an `Int64` field until the order of the
  /// file is known: year 14 bits, fields 5+5, time 5+6+6, flags 7, offset + 1440 in 12.
  public var packed: Int64 {
    var v = Int64(year) & 0x3FFF
    v |= Int64(fieldA & 0x1F) << 14
    v |= Int64(fieldB & 0x1F) << 19
    v |= Int64(hour & 0x1F) << 24
    v |= Int64(minute & 0x3F) << 29
    v |= Int64(second & 0x3F) << 35
    v |= Int64(flags & 0x7F) << 41
    v |= Int64(Int(offsetMinutes) + 1440) << 48
    return v
  }

  /// The value of ``packed``.
  public init(packed v: Int64) {
    year = Int16(v & 0x3FFF)
    fieldA = UInt8(v >> 14 & 0x1F)
    fieldB = UInt8(v >> 19 & 0x1F)
    hour = UInt8(v >> 24 & 0x1F)
    minute = UInt8(v >> 29 & 0x3F)
    second = UInt8(v >> 35 & 0x3F)
    flags = UInt8(v >> 41 & 0x7F)
    offsetMinutes = Int16(Int(v >> 48 & 0xFFF) - 1440)
  }

  public init(
    year: Int16, fieldA: UInt8, fieldB: UInt8, hour: UInt8, minute: UInt8, second: UInt8,
    flags: UInt8,
    offsetMinutes: Int16
  ) {
    self.year = year
    self.fieldA = fieldA
    self.fieldB = fieldB
    self.hour = hour
    self.minute = minute
    self.second = second
    self.flags = flags
    self.offsetMinutes = offsetMinutes
  }

  /// The wall-clock reading in `order` (ignored for unambiguous forms); `nil` when the fields
  /// make no real date in that order.
  public func local(order: DateOrder?) -> LocalDateTime? {
    var month = Int(fieldA)
    var day = Int(fieldB)
    if isSlashed {
      guard let order else { return nil }
      if order == .dmy {
        guard validDayFirst else { return nil }
        swap(&month, &day)
      } else {
        guard validMonthFirst else { return nil }
      }
    }
    return LocalDateTime(
      year: Int(year), month: month, day: day, hour: Int(hour), minute: Int(minute),
      second: Int(second))
  }

  /// Seconds-as-if-UTC of the wall-clock reading in `order`.
  public func localSeconds(order: DateOrder?) -> Int64? {
    guard let l = local(order: order) else { return nil }
    return l.secondsAsIfUTC
  }

  /// The date part as written, for messages: `13/05/2026` (slashed dates only keep numbers).
  public var writtenDate: String {
    func p2(_ v: UInt8) -> String { v < 10 ? "0\(v)" : "\(v)" }
    if isSlashed {
      let sep = flags & RawDateTime.separatorDot != 0 ? "." : "/"
      return "\(p2(fieldA))\(sep)\(p2(fieldB))\(sep)\(year)"
    }
    return "\(year)-\(p2(fieldA))-\(p2(fieldB))"
  }
}

/// Why a date cell could not be read.
public enum DateProblem: UInt8, Sendable, Equatable {
  /// Not one of the accepted forms.
  case unrecognised
  /// The form is right but the fields make no real date (month 13, 31 April, 30/02).
  case notADate
  /// Hour, minute or second out of range (25:00, 14:61, 13 PM).
  case badTime
  /// An offset such as `+25:00`.
  case badOffset
  /// Excel serial 60, the 29 February 1900 that never existed.
  case excelLeapBug
  /// An Excel serial below 1 or past year 9999.
  case serialOutOfRange

  /// What is wrong, for a message that quotes the cell.
  public var reason: String {
    switch self {
    case .unrecognised:
      return
        "is not a date this tool reads (ISO 2026-10-03 14:05, 03/10/2026 14:05, 03.10.2026, "
        + "10/03/26 2:05 PM, or an Excel serial such as 46298.58)"
    case .notADate: return "is not a real calendar date in either day/month order"
    case .badTime: return "has a time of day out of range"
    case .badOffset: return "has a UTC offset out of range (at most ±23:59)"
    case .excelLeapBug:
      return
        "is Excel serial 60, the 29 February 1900 that only exists in Excel's calendar; correct the date"
    case .serialOutOfRange:
      return "is an Excel serial number outside 1…2958465 (1899-12-31…9999-12-31)"
    }
  }
}

/// The outcome of parsing a cell.
public enum DateParseResult: Sendable, Equatable {
  case value(RawDateTime)
  case failure(DateProblem)
}

/// Parses date cells from bytes.
enum DateParser {
  /// Parses one cell (leading and trailing spaces ignored). An empty cell is `.unrecognised`;
  /// callers check for blank cells first.
  static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> DateParseResult {
    guard let base = cell.baseAddress else { return .failure(.unrecognised) }
    var lo = 0
    var hi = cell.count
    while lo < hi && isSpace(base[lo]) { lo += 1 }
    while hi > lo && isSpace(base[hi - 1]) { hi -= 1 }
    if let r = parseFixed(base + lo, hi - lo) { return .value(r) }
    var s = Scanner(p: base, i: lo, end: hi)
    return parseTrimmed(&s)
  }

  /// Parses a `String` (tests and one-off uses).
  static func parse(_ text: String) -> DateParseResult {
    var t = text
    return t.withUTF8 { parse($0) }
  }

  @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

  struct Scanner {
    let p: UnsafePointer<UInt8>
    var i: Int
    let end: Int
    var atEnd: Bool { i >= end }
    var peek: UInt8 { i < end ? p[i] : 0 }
    /// Reads up to `max` digits; returns (value, count).
    @inline(__always)
    mutating func digits(max: Int) -> (Int, Int) {
      var v = 0
      var n = 0
      while i < end && n < max && isDigit(p[i]) {
        v = v * 10 + Int(p[i] &- 0x30)
        i += 1
        n += 1
      }
      return (v, n)
    }
    /// Skips up to `max` digits without a value (fractions of seconds, dropped: `digits` would
    /// overflow past 18 digits); returns how many.
    mutating func skipDigits(max: Int) -> Int {
      var n = 0
      while i < end && n < max && isDigit(p[i]) {
        i += 1
        n += 1
      }
      return n
    }
    mutating func skipSpaces() { while i < end && isSpace(p[i]) { i += 1 } }
    /// Whether `byte` occurs again after the current position (which holds one).
    func hasSecond(_ byte: UInt8) -> Bool {
      var j = i + 1
      while j < end {
        if p[j] == byte { return true }
        j += 1
      }
      return false
    }
  }

  static func parseTrimmed(_ s: inout Scanner) -> DateParseResult {
    let start = s.i
    let (n1, d1) = s.digits(max: 12)
    guard d1 > 0 else { return .failure(.unrecognised) }
    let sep = s.peek
    // Excel serial (digits with an optional fraction) or compact ISO `20261003`.
    if s.atEnd || sep == 0x2E && d1 > 2 && !s.hasSecond(0x2E) {
      return serialOrCompact(&s, start: start, integer: n1, digits: d1)
    }
    var r = RawDateTime(
      year: 0, fieldA: 0, fieldB: 0, hour: 0, minute: 0, second: 0, flags: 0, offsetMinutes: 0)
    guard sep == 0x2D || sep == 0x2F || sep == 0x2E else { return .failure(.unrecognised) }
    s.i += 1
    if d1 == 4 {
      // Year first: 2026-10-03, 2026/10/03.
      let (m, dm) = s.digits(max: 2)
      guard dm > 0, s.peek == sep else { return .failure(.unrecognised) }
      s.i += 1
      let (d, dd) = s.digits(max: 2)
      guard dd > 0 else { return .failure(.unrecognised) }
      guard n1 >= 1, (1...12).contains(m), d >= 1, d <= CivilDate.daysInMonth(year: n1, month: m)
      else {
        return .failure(.notADate)
      }
      r.year = Int16(n1)
      r.fieldA = UInt8(m)
      r.fieldB = UInt8(d)
    } else if d1 <= 2 {
      // a/b/y, a.b.y, a-b-y with a two- or four-digit year.
      let (b, db) = s.digits(max: 2)
      guard db > 0, s.peek == sep else { return .failure(.unrecognised) }
      s.i += 1
      var (y, dy) = s.digits(max: 4)
      guard dy == 2 || dy == 4 else { return .failure(.unrecognised) }
      if dy == 2 { y += y < 70 ? 2000 : 1900 }
      guard y >= 1 else { return .failure(.notADate) }
      let a = n1
      let dmy = (1...12).contains(b) && a >= 1 && a <= CivilDate.daysInMonth(year: y, month: b)
      let mdy = (1...12).contains(a) && b >= 1 && b <= CivilDate.daysInMonth(year: y, month: a)
      guard dmy || mdy else { return .failure(.notADate) }
      r.year = Int16(y)
      r.fieldA = UInt8(a)
      r.fieldB = UInt8(b)
      r.flags |= RawDateTime.slashedFlag
      if dmy { r.flags |= RawDateTime.dmyValidFlag }
      if mdy { r.flags |= RawDateTime.mdyValidFlag }
      if sep == 0x2E { r.flags |= RawDateTime.separatorDot }
    } else {
      return .failure(.unrecognised)
    }
    if s.atEnd { return .value(r) }
    // Separator between date and time: `T`, spaces, or a comma and spaces.
    let c = s.peek
    if c == 0x54 || c == 0x74 {
      s.i += 1
    } else if isSpace(c) || c == 0x2C {
      if c == 0x2C { s.i += 1 }
      s.skipSpaces()
    } else {
      return .failure(.unrecognised)
    }
    if s.atEnd { return .failure(.unrecognised) }
    return parseTime(&s, into: r)
  }

  static func parseTime(_ s: inout Scanner, into r0: RawDateTime) -> DateParseResult {
    var r = r0
    let (h, dh) = s.digits(max: 2)
    guard dh > 0 else { return .failure(.unrecognised) }
    let colon = s.peek
    // ':' or 'h' / 'H' (French 14h05).
    guard colon == 0x3A || colon == 0x68 || colon == 0x48 else { return .failure(.unrecognised) }
    s.i += 1
    var (m, dm) = s.digits(max: 2)
    if dm == 0 && colon != 0x3A {
      m = 0  // 14h
    } else if dm != 2 {
      return .failure(.unrecognised)
    }
    var sec = 0
    if s.peek == 0x3A {
      s.i += 1
      let (v, dv) = s.digits(max: 2)
      guard dv == 2 else { return .failure(.unrecognised) }
      sec = v
      if s.peek == 0x2E || s.peek == 0x2C {
        s.i += 1
        let df = s.skipDigits(max: 64)
        guard df > 0 else { return .failure(.unrecognised) }
        r.flags |= RawDateTime.fractionFlag
      }
    }
    s.skipSpaces()
    var hour = h
    // AM / PM, a.m. / p.m.
    let c = s.peek | 0x20
    if c == 0x61 || c == 0x70 {
      let pm = c == 0x70
      s.i += 1
      if s.peek == 0x2E { s.i += 1 }
      guard s.peek | 0x20 == 0x6D else { return .failure(.unrecognised) }
      s.i += 1
      if s.peek == 0x2E { s.i += 1 }
      guard (1...12).contains(hour) else { return .failure(.badTime) }
      hour = hour % 12 + (pm ? 12 : 0)
      s.skipSpaces()
    }
    guard hour <= 23, m <= 59, sec <= 59 else { return .failure(.badTime) }
    r.hour = UInt8(hour)
    r.minute = UInt8(m)
    r.second = UInt8(sec)
    if s.atEnd { return .value(r) }
    // Offset: Z, UTC, GMT, +02:00, +0200, +02, -05:00.
    let o = s.peek
    if o == 0x5A || o == 0x7A {
      s.i += 1
      r.flags |= RawDateTime.offsetFlag
    } else if o == 0x55 || o == 0x47 {
      // UTC / GMT
      guard s.end - s.i >= 3 else { return .failure(.unrecognised) }
      let w = (Int(s.p[s.i]) << 16) | (Int(s.p[s.i + 1]) << 8) | Int(s.p[s.i + 2])
      guard w == 0x55_54_43 || w == 0x47_4D_54 else { return .failure(.unrecognised) }
      s.i += 3
      r.flags |= RawDateTime.offsetFlag
    } else if o == 0x2B || o == 0x2D {
      s.i += 1
      let (oh, doh) = s.digits(max: 2)
      guard doh == 2 else { return .failure(.unrecognised) }
      var om = 0
      if s.peek == 0x3A { s.i += 1 }
      if !s.atEnd {
        let (v, dv) = s.digits(max: 2)
        guard dv == 2 else { return .failure(.unrecognised) }
        om = v
      }
      guard oh <= 23, om <= 59 else { return .failure(.badOffset) }
      let total = oh * 60 + om
      r.offsetMinutes = Int16(o == 0x2D ? -total : total)
      r.flags |= RawDateTime.offsetFlag
    } else {
      return .failure(.unrecognised)
    }
    s.skipSpaces()
    return s.atEnd ? .value(r) : .failure(.unrecognised)
  }

  /// Excel serial day numbers (days since 1899-12-30, fraction = time of day, rounded to the
  /// second) and compact ISO dates `YYYYMMDD`.
  static func serialOrCompact(_ s: inout Scanner, start: Int, integer: Int, digits: Int)
    -> DateParseResult
  {
    var r = RawDateTime(
      year: 0, fieldA: 0, fieldB: 0, hour: 0, minute: 0, second: 0, flags: 0, offsetMinutes: 0)
    if s.atEnd && digits == 8 {
      let y = integer / 10_000
      let m = integer / 100 % 100
      let d = integer % 100
      guard y >= 1, (1...12).contains(m), d >= 1, d <= CivilDate.daysInMonth(year: y, month: m)
      else {
        return .failure(.notADate)
      }
      r.year = Int16(y)
      r.fieldA = UInt8(m)
      r.fieldB = UInt8(d)
      return .value(r)
    }
    guard digits <= 7 else { return .failure(.serialOutOfRange) }
    var fracSeconds = 0
    if !s.atEnd {
      // A '.', then the fraction of a day.
      s.i += 1
      var num = 0
      var den = 1
      var n = 0
      while !s.atEnd && isDigit(s.peek) {
        if n < 12 {
          num = num * 10 + Int(s.peek &- 0x30)
          den *= 10
        }
        n += 1
        s.i += 1
      }
      guard n > 0, s.atEnd else { return .failure(.unrecognised) }
      fracSeconds = (num * 86_400 * 2 + den) / (den * 2)  // rounded to the nearest second
    }
    guard integer >= 1, integer <= 2_958_465 else { return .failure(.serialOutOfRange) }
    guard integer != 60 else { return .failure(.excelLeapBug) }
    var days = Int64(integer) + CivilDate.days(year: 1899, month: 12, day: 30)
    if fracSeconds >= 86_400 {
      days += 1
      fracSeconds -= 86_400
    }
    let (y, m, d) = CivilDate.civil(days: days)
    guard y <= 9999 else { return .failure(.serialOutOfRange) }
    r.year = Int16(y)
    r.fieldA = UInt8(m)
    r.fieldB = UInt8(d)
    r.hour = UInt8(fracSeconds / 3600)
    r.minute = UInt8(fracSeconds / 60 % 60)
    r.second = UInt8(fracSeconds % 60)
    r.flags |= RawDateTime.serialFlag
    return .value(r)
  }
}

/// What the dates of a file say about day-first vs month-first, collected while reading.
public struct DateOrderEvidence: Sendable, Equatable {
  /// First line with a date valid only day-first (a first field above 12), and its text.
  public var dayFirst: (line: Int, text: String)?
  /// First line with a date valid only month-first.
  public var monthFirst: (line: Int, text: String)?
  /// First line with a date valid both ways.
  public var ambiguous: (line: Int, text: String)?
  /// Number of slashed dates seen.
  public var slashedCount = 0

  public init() {}

  public static func == (a: DateOrderEvidence, b: DateOrderEvidence) -> Bool {
    a.dayFirst?.line == b.dayFirst?.line && a.monthFirst?.line == b.monthFirst?.line
      && a.ambiguous?.line == b.ambiguous?.line && a.slashedCount == b.slashedCount
  }

  /// Records a parsed value; `text` is only built when it is the first of its kind.
  public mutating func add(_ r: RawDateTime, line: Int, text: @autoclosure () -> String) {
    guard r.isSlashed else { return }
    slashedCount += 1
    switch (r.validDayFirst, r.validMonthFirst) {
    case (true, false): if dayFirst == nil { dayFirst = (line, text()) }
    case (false, true): if monthFirst == nil { monthFirst = (line, text()) }
    default: if ambiguous == nil { ambiguous = (line, text()) }
    }
  }

  /// The decision.
  public enum Decision: Equatable, Sendable {
    /// No slashed date at all: the order does not matter.
    case notNeeded
    /// The order to use, and whether it was proved by the values (vs forced or not needed).
    case order(DateOrder, proved: Bool)
    /// Every slashed date is ambiguous and no order was given.
    case ambiguous
    /// Values prove both orders and no order was given.
    case conflicting
  }

  /// Decides with `forced` (`--date-order`) taking precedence.
  public func decide(forced: DateOrder?) -> Decision {
    if let forced { return .order(forced, proved: false) }
    guard slashedCount > 0 else { return .notNeeded }
    switch (dayFirst != nil, monthFirst != nil) {
    case (true, true): return .conflicting
    case (true, false): return .order(.dmy, proved: true)
    case (false, true): return .order(.mdy, proved: true)
    case (false, false): return .ambiguous
    }
  }
}

/// Turns wall-clock readings into instants with a zone's rules, cached by local quarter hour.
public struct UTCConverter {
  public let zone: ZoneRules
  private var cache: [Int64: (delta: Int64, resolution: ZoneRules.Resolution)] = [:]
  private var lastBucket: Int64 = .min
  private var lastDelta: Int64 = 0
  private var lastResolution: ZoneRules.Resolution = .exact

  public init(zone: ZoneRules) { self.zone = zone }

  /// The instant of `localSeconds` (seconds-as-if-UTC) and how it was resolved.
  public mutating func utc(localSeconds l: Int64) -> (Int64, ZoneRules.Resolution) {
    if zone.isUTC { return (l, .exact) }
    // Transitions fall on quarter hours of local time: one rule per bucket.
    let bucket = l >= 0 ? l / 900 : (l - 899) / 900
    if bucket == lastBucket { return (l - lastDelta, lastResolution) }
    let entry: (delta: Int64, resolution: ZoneRules.Resolution)
    if let e = cache[bucket] {
      entry = e
    } else {
      let start = bucket * 900
      let (t, res) = zone.utc(localSeconds: start)
      entry = (start - t, res)
      cache[bucket] = entry
    }
    lastBucket = bucket
    lastDelta = entry.delta
    lastResolution = entry.resolution
    return (l - entry.delta, entry.resolution)
  }

  /// The instant of a parsed value in `order`; `nil` when it is no date in that order.
  public mutating func utc(_ r: RawDateTime, order: DateOrder?) -> (Int64, ZoneRules.Resolution)? {
    guard let l = r.localSeconds(order: order) else { return nil }
    if r.hasOffset { return (l - Int64(r.offsetMinutes) * 60, .exact) }
    return utc(localSeconds: l)
  }
}

extension CivilDate {
  /// Writes `YYYY-MM-DDTHH:MM:SSZ` (20 bytes) for `t` into `out`, without a `String`.
  public static func appendISO8601UTC(_ t: Int64, to out: inout [UInt8]) {
    let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
    let rem = Int(t - days * 86_400)
    let (y, m, d) = civil(days: days)
    @inline(__always) func two(_ v: Int) {
      out.append(UInt8(0x30 + v / 10))
      out.append(UInt8(0x30 + v % 10))
    }
    if y >= 0 && y <= 9999 {
      two(y / 100)
      two(y % 100)
    } else {
      out.append(contentsOf: Array(String(y).utf8))
    }
    out.append(0x2D)
    two(m)
    out.append(0x2D)
    two(d)
    out.append(0x54)
    two(rem / 3600)
    out.append(0x3A)
    two(rem / 60 % 60)
    out.append(0x3A)
    two(rem % 60)
    out.append(0x5A)
  }
}
