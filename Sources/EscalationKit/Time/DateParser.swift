// The byte-level parser of date cells (ISO 8601, slashed, dotted and textual forms, times,
// offsets); see DateParsing.swift for the values it returns.

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
    return parseOffset(&s, into: r)
  }

  /// The offset after a time: Z, UTC, GMT, +02:00, +0200, +02, -05:00 (then only spaces).
  static func parseOffset(_ s: inout Scanner, into r0: RawDateTime) -> DateParseResult {
    var r = r0
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
}
