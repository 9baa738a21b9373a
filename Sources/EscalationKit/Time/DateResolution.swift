// From parsed dates to instants: the day/month order decided over a file's dates, the
// wall-clock to UTC conversion, and the ISO 8601 output of instants.

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
