extension DateParser {
  /// The fixed-width forms that make up nearly every log, without the general scanner:
  /// `YYYY-MM-DD HH:MM[:SS]` (space or `T`) and `DD/MM/YYYY HH:MM[:SS]` (`/`, `.` or `-`),
  /// each optionally followed (with seconds) by a fraction `.123` or `,123`, then by `Z` or an
  /// offset `±HH:MM` / `±HHMM` written right after the time.
  ///
  /// Returns only valid values, identical to what ``parseTrimmed(_:)`` gives for the same
  /// bytes; `nil` sends anything else (other widths, spaced or `UTC` offsets, AM/PM, invalid
  /// fields, so that the failure is the general parser's) to the general path.
  @inline(__always)
  static func parseFixed(_ p: UnsafePointer<UInt8>, _ n: Int) -> RawDateTime? {
    if n == 16 || n == 19 { return parseFixedBody(p, n) }
    guard n >= 17 else { return nil }
    return parseFixedWithSuffix(p, n)
  }

  /// A fixed form followed by a fraction and/or a zone (`Z`, `±HH:MM`, `±HHMM`).
  @inline(never)
  static func parseFixedWithSuffix(_ p: UnsafePointer<UInt8>, _ n: Int) -> RawDateTime? {
    @inline(__always) func d8(_ i: Int) -> UInt8 { p[i] &- 0x30 }
    let body = n >= 19 && p[16] == 0x3A ? 19 : 16
    var i = body
    var flags: UInt8 = 0
    if body == 19 && (p[i] == 0x2E || p[i] == 0x2C) {
      // A fraction (truncated); the general parser reads at most 64 digits of it.
      i += 1
      let first = i
      while i < n && d8(i) < 10 { i += 1 }
      guard i > first, i - first <= 64 else { return nil }
      flags = RawDateTime.fractionFlag
    }
    var offset = 0
    let rest = n - i
    if rest > 0 {
      let o = p[i]
      if o == 0x5A || o == 0x7A {
        guard rest == 1 else { return nil }
      } else if o == 0x2B || o == 0x2D {
        // ±HH:MM or ±HHMM
        let mm: Int
        if rest == 6 && p[i + 3] == 0x3A {
          mm = i + 4
        } else if rest == 5 {
          mm = i + 3
        } else {
          return nil
        }
        guard d8(i + 1) < 10, d8(i + 2) < 10, d8(mm) < 10, d8(mm + 1) < 10 else { return nil }
        let oh = Int(d8(i + 1)) * 10 + Int(d8(i + 2))
        let om = Int(d8(mm)) * 10 + Int(d8(mm + 1))
        guard oh <= 23, om <= 59 else { return nil }
        offset = o == 0x2D ? -(oh * 60 + om) : oh * 60 + om
      } else {
        return nil
      }
      flags |= RawDateTime.offsetFlag
    }
    guard var r = parseFixedBody(p, body) else { return nil }
    r.flags |= flags
    r.offsetMinutes = Int16(offset)
    return r
  }

  /// `YYYY-MM-DD HH:MM[:SS]` or `a/b/YYYY HH:MM[:SS]`, exactly `n` (16 or 19) bytes.
  @inline(__always)
  static func parseFixedBody(_ p: UnsafePointer<UInt8>, _ n: Int) -> RawDateTime? {
    // A digit's value; any other byte gives 10 or more.
    @inline(__always) func d8(_ i: Int) -> UInt8 { p[i] &- 0x30 }
    @inline(__always) func digit(_ i: Int) -> Int { Int(d8(i)) }
    @inline(__always) func two(_ i: Int) -> Int { digit(i) &* 10 &+ digit(i + 1) }
    @inline(__always) func isD(_ i: Int) -> Bool { d8(i) < 10 }
    // The positions that must be digits in both forms.
    guard isD(0), isD(1), isD(3), isD(8), isD(9), isD(11), isD(12), isD(14), isD(15) else {
      return nil
    }
    let t = p[10]
    guard p[13] == 0x3A, t == 0x20 || t == 0x54 || t == 0x74 else { return nil }
    var sec = 0
    if n == 19 {
      guard p[16] == 0x3A, isD(17), isD(18) else { return nil }
      sec = two(17)
    }
    let hour = two(11)
    let minute = two(14)
    guard hour <= 23, minute <= 59, sec <= 59 else { return nil }
    var r = RawDateTime(
      year: 0, fieldA: 0, fieldB: 0, hour: UInt8(hour), minute: UInt8(minute), second: UInt8(sec),
      flags: 0, offsetMinutes: 0)
    let sep = p[4]
    if sep == 0x2D && p[7] == 0x2D {
      // YYYY-MM-DD
      guard isD(2), isD(5), isD(6) else { return nil }
      let y = two(0) &* 100 &+ two(2)
      let m = two(5)
      let d = two(8)
      guard y >= 1, m >= 1, m <= 12, d >= 1, d <= CivilDate.daysInMonth(year: y, month: m) else {
        return nil
      }
      r.year = Int16(y)
      r.fieldA = UInt8(m)
      r.fieldB = UInt8(d)
      return r
    }
    let sep2 = p[2]
    guard sep2 == 0x2F || sep2 == 0x2E || sep2 == 0x2D, p[5] == sep2 else { return nil }
    // a/b/YYYY
    guard isD(4), isD(6), isD(7) else { return nil }
    let a = two(0)
    let b = two(3)
    let y = two(6) &* 100 &+ two(8)
    guard y >= 1 else { return nil }
    let dmy = b >= 1 && b <= 12 && a >= 1 && a <= CivilDate.daysInMonth(year: y, month: b)
    let mdy = a >= 1 && a <= 12 && b >= 1 && b <= CivilDate.daysInMonth(year: y, month: a)
    guard dmy || mdy else { return nil }
    r.year = Int16(y)
    r.fieldA = UInt8(a)
    r.fieldB = UInt8(b)
    r.flags = RawDateTime.slashedFlag
    if dmy { r.flags |= RawDateTime.dmyValidFlag }
    if mdy { r.flags |= RawDateTime.mdyValidFlag }
    if sep2 == 0x2E { r.flags |= RawDateTime.separatorDot }
    return r
  }
}
