// Excel serial day numbers and compact ISO dates (`YYYYMMDD`) in a date cell: the
// all-digit forms of ``DateParser``.

extension DateParser {
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
