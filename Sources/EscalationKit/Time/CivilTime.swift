import Foundation

/// A wall-clock date and time with no zone, to the second.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Int

  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// The same wall-clock reading interpreted in UTC, as seconds since 1970.
  public var secondsAsIfUTC: Int64 {
    CivilDate.days(year: year, month: month, day: day) * 86_400
      + Int64(hour * 3600 + minute * 60 + second)
  }

  /// The wall-clock reading of `secondsAsIfUTC`.
  public init(secondsAsIfUTC s: Int64) {
    let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
    let rem = Int(s - days * 86_400)
    let (y, m, d) = CivilDate.civil(days: days)
    self.init(year: y, month: m, day: d, hour: rem / 3600, minute: rem / 60 % 60, second: rem % 60)
  }

  /// Whether the fields make a real calendar date and time.
  public var isValid: Bool {
    (1...12).contains(month) && day >= 1 && day <= CivilDate.daysInMonth(year: year, month: month)
      && (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
  }

  public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
    a.secondsAsIfUTC < b.secondsAsIfUTC
  }

  /// `YYYY-MM-DDTHH:MM:SS`.
  public var description: String { formatted(suffix: nil) }

  /// `YYYY-MM-DDTHH:MM:SS` then `suffix`: written byte by byte for the usual ranges (year
  /// 0…9999, other fields 0…99), else with the general formatting below.
  func formatted(suffix: UInt8?) -> String {
    guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day),
      (0...99).contains(hour), (0...99).contains(minute), (0...99).contains(second)
    else { return slowDescription + (suffix.map { String(UnicodeScalar($0)) } ?? "") }
    return String(unsafeUninitializedCapacity: 20) { b in
      @inline(__always) func put2(_ v: Int, _ at: Int) {
        b[at] = UInt8(truncatingIfNeeded: v / 10) &+ 0x30
        b[at + 1] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
      }
      put2(year / 100, 0)
      put2(year % 100, 2)
      b[4] = UInt8(ascii: "-")
      put2(month, 5)
      b[7] = UInt8(ascii: "-")
      put2(day, 8)
      b[10] = UInt8(ascii: "T")
      put2(hour, 11)
      b[13] = UInt8(ascii: ":")
      put2(minute, 14)
      b[16] = UInt8(ascii: ":")
      put2(second, 17)
      guard let suffix else { return 19 }
      b[19] = suffix
      return 20
    }
  }

  /// The general form: each field zero-padded to its width, as `String(v)` writes it.
  private var slowDescription: String {
    func p(_ v: Int, _ w: Int) -> String {
      let s = String(v)
      return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }
    return "\(p(year, 4))-\(p(month, 2))-\(p(day, 2))T\(p(hour, 2)):\(p(minute, 2)):\(p(second, 2))"
  }
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms), no Foundation.
public enum CivilDate {
  /// Days since 1970-01-01 of a civil date.
  public static func days(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int64(month)
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The civil date of a day number since 1970-01-01.
  public static func civil(days z0: Int64) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
  }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `YYYY-MM-DDTHH:MM:SSZ` for seconds since 1970 (UTC), without a formatter.
  public static func iso8601UTC(_ t: Int64) -> String {
    LocalDateTime(secondsAsIfUTC: t).formatted(suffix: UInt8(ascii: "Z"))
  }
}

/// An IANA time zone with fast, cached offset look-ups and the local-to-UTC rules of docs/logs.md#time-zones:
/// a local time in the spring-forward gap moves forward by the gap; one that occurs twice is the
/// first occurrence.
public final class ZoneRules: @unchecked Sendable {
  public let identifier: String
  private let zone: TimeZone?
  private var cache: [Int64: Int32] = [:]
  private let lock = NSLock()

  /// UTC.
  public static let utc = ZoneRules(utcIdentifier: "UTC")

  private init(utcIdentifier: String) {
    identifier = utcIdentifier
    zone = nil
  }

  /// `nil` when `identifier` is not a known IANA zone name.
  public init?(identifier: String) {
    if identifier == "UTC" || identifier == "Etc/UTC" || identifier == "Z" {
      self.identifier = "UTC"
      zone = nil
      return
    }
    guard let z = TimeZone(identifier: identifier) else { return nil }
    self.identifier = identifier
    zone = z
  }

  public var isUTC: Bool { zone == nil }

  /// Offset from UTC in seconds at the instant `t` (seconds since 1970).
  public func offset(atUTC t: Int64) -> Int {
    guard let zone else { return 0 }
    let bucket = t >= 0 ? t / 900 : (t - 899) / 900
    lock.lock()
    defer { lock.unlock() }
    if let o = cache[bucket] { return Int(o) }
    // Transitions fall on quarter hours: the whole bucket has one offset.
    let o = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(bucket * 900)))
    cache[bucket] = Int32(o)
    return o
  }

  /// The wall-clock reading at instant `t`.
  public func local(_ t: Int64) -> LocalDateTime {
    LocalDateTime(secondsAsIfUTC: t + Int64(offset(atUTC: t)))
  }

  /// How a local time was turned into an instant.
  public enum Resolution: Equatable, Sendable {
    case exact
    /// The local time does not exist (spring-forward gap); moved forward by `seconds`.
    case gap(seconds: Int)
    /// The local time occurs twice (fall-back); the first occurrence was used.
    case ambiguous
  }

  /// The instant of a wall-clock reading in this zone.
  public func utc(_ local: LocalDateTime) -> (Int64, Resolution) {
    utc(localSeconds: local.secondsAsIfUTC)
  }

  /// The instant of a wall-clock reading given as seconds-as-if-UTC.
  public func utc(localSeconds l: Int64) -> (Int64, Resolution) {
    guard zone != nil else { return (l, .exact) }
    let before = offset(atUTC: l - 86_400)
    let after = offset(atUTC: l + 86_400)
    if before == after {
      let o = offset(atUTC: l - Int64(before))
      if o == before { return (l - Int64(before), .exact) }
      // A transition within a day of a rare double change; fall back to the offset found.
      return (l - Int64(o), offset(atUTC: l - Int64(o)) == o ? .exact : .gap(seconds: 0))
    }
    let hi = max(before, after)
    let lo = min(before, after)
    let validHi = offset(atUTC: l - Int64(hi)) == hi
    let validLo = offset(atUTC: l - Int64(lo)) == lo
    switch (validHi, validLo) {
    case (true, true): return (l - Int64(hi), .ambiguous)  // earlier instant first
    case (true, false): return (l - Int64(hi), .exact)
    case (false, true): return (l - Int64(lo), .exact)
    case (false, false):
      // In the gap: use the offset before the transition, which lands after it.
      return (l - Int64(before), .gap(seconds: abs(after - before)))
    }
  }

  /// Start of the calendar month `year-month` in this zone, as an instant.
  public func startOfMonth(year: Int, month: Int) -> Int64 {
    utc(LocalDateTime(year: year, month: month, day: 1)).0
  }

  /// Start of the local day `year-month-day` in this zone.
  public func startOfDay(year: Int, month: Int, day: Int) -> Int64 {
    utc(LocalDateTime(year: year, month: month, day: day)).0
  }
}
