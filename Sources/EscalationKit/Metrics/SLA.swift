/// Service-level targets per level: a stay breaches when its duration is strictly greater
/// than the target of its level (docs/metrics.md#sla).
public struct SLATargets: Sendable, Equatable {
  /// Target in seconds per level (index 0 = level 1); `nil` when the level has no target.
  public var seconds: [Int64?]
  /// The clock each level's target is measured in (index 0 = level 1).
  public var clocks: [SLAClock]
  /// Targets per category (`[sla.CATEGORY]` in a profile): for each category (canonical
  /// index 0…7) and level, a target that replaces the level's own, `nil` where the category
  /// keeps it. Empty when no category has its own target.
  public internal(set) var categorySeconds: [[Int64?]] = []
  /// The clocks of ``categorySeconds``.
  public internal(set) var categoryClocks: [[SLAClock]] = []

  public init(seconds: [Int64?], clocks: [SLAClock] = Array(repeating: .calendar, count: 4)) {
    precondition(seconds.count == 4 && clocks.count == 4)
    self.seconds = seconds
    self.clocks = clocks
  }

  /// The target of `level`, in seconds.
  public func target(_ level: Level) -> Int64? { seconds[level.index] }

  /// The clock of `level`'s target.
  public func clock(_ level: Level) -> SLAClock { clocks[level.index] }

  /// Whether some level's target is in business time (which needs a calendar).
  public var hasBusinessTarget: Bool {
    zip(seconds, clocks).contains { $0.0 != nil && $0.1 == .business }
      || zip(categorySeconds, categoryClocks).contains { s, c in
        zip(s, c).contains { $0.0 != nil && $0.1 == .business }
      }
  }

  /// Whether a stay of `duration` seconds at `level` breaches its target (the level's own,
  /// whatever the category).
  @inlinable public func breaches(level: Int, duration: Int64) -> Bool {
    guard (1...4).contains(level), let t = seconds[level - 1] else { return false }
    return duration > t
  }

  /// The targets written back as `1=24h,2=90m`, then each category's own as
  /// `; guidance-acquisition: 1=4bh`: hours when whole, else minutes or seconds.
  public var description: String {
    var text = Self.items(seconds, clocks)
    for (c, s) in categorySeconds.enumerated() where s.contains(where: { $0 != nil }) {
      let key = CategoryKey(index: c)?.rawValue ?? String(c)
      text += (text.isEmpty ? "" : "; ") + key + ": " + Self.items(s, categoryClocks[c])
    }
    return text
  }

  static func items(_ seconds: [Int64?], _ clocks: [SLAClock]) -> String {
    var parts: [String] = []
    for (i, s) in seconds.enumerated() {
      guard let s else { continue }
      let b = clocks[i] == .business ? "b" : ""
      let v: String
      if s % 3600 == 0 {
        v = "\(s / 3600)\(b)h"
      } else if s % 60 == 0 {
        v = "\(s / 60)\(b)m"
      } else {
        v = "\(s)\(b)s"
      }
      parts.append("\(i + 1)=\(v)")
    }
    return parts.joined(separator: ",")
  }

  /// Parses `1=24h,2=48h,3=72h,4=120h`: level `=` a positive number (decimals allowed) with a
  /// unit `m` (minutes), `h` (hours) or `d` (days) of calendar time, or `bm` (business
  /// minutes), `bh` (business hours) of a business calendar's working time. Levels may be
  /// omitted, not repeated; clocks may be mixed.
  public static func parse(_ text: String) throws(SLAError) -> SLATargets {
    var result: [Int64?] = [nil, nil, nil, nil]
    var clocks = [SLAClock](repeating: .calendar, count: 4)
    let items = text.split(separator: ",", omittingEmptySubsequences: false)
    for raw in items {
      let item = raw.slaTrimmed
      guard !item.isEmpty else { throw .malformed(item: item, text: text) }
      let parts = item.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2 else { throw .malformed(item: item, text: text) }
      let levelText = parts[0].slaTrimmed
      guard let n = Int(levelText), let level = Level(rawValue: n) else {
        throw .unknownLevel(item: item)
      }
      guard result[level.index] == nil else { throw .repeatedLevel(level: n) }
      var value = parts[1].slaTrimmed
      let lower = value.lowercased()
      if lower.hasSuffix("bd") { throw .businessDays(item: item) }
      if lower.hasSuffix("bh") || lower.hasSuffix("bm") {
        clocks[level.index] = .business
        value.remove(at: value.index(value.endIndex, offsetBy: -2))
      }
      result[level.index] = try duration(value, item: item)
    }
    return SLATargets(seconds: result, clocks: clocks)
  }

  /// The `--at-risk` window: a positive duration `90m`, `2h`, `1d` (`bm`, `bh` read the same:
  /// the window is taken in each target's own clock).
  public static func parseWindow(_ text: String) throws(SLAError) -> Int64 {
    var value = text.slaTrimmed
    let lower = value.lowercased()
    if lower.hasSuffix("bh") || lower.hasSuffix("bm") {
      value.remove(at: value.index(value.endIndex, offsetBy: -2))
    }
    do {
      return try duration(value, item: text)
    } catch {
      throw .badWindow(text: text)
    }
  }

  /// Seconds of `90m`, `24h`, `1.5h`, `5d`.
  static func duration(_ s: String, item: String) throws(SLAError) -> Int64 {
    guard let unit = s.last, "mhd".contains(unit.lowercased()) else {
      throw .badDuration(item: item)
    }
    let number = String(s.dropLast()).slaTrimmed
    guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let v = Double(number), v.isFinite
    else { throw .badDuration(item: item) }
    let scale: Double
    switch unit.lowercased() {
    case "m": scale = 60
    case "h": scale = 3600
    default: scale = 86_400
    }
    let seconds = (v * scale).rounded()
    guard seconds > 0 else { throw .notPositive(item: item) }
    guard seconds < 1e15 else { throw .badDuration(item: item) }
    return Int64(seconds)
  }
}

/// The clock a target is measured in: wall-clock (calendar) time, or the working time of a
/// business calendar (docs/calendar.md#business-time).
public enum SLAClock: String, Sendable, Equatable {
  case calendar
  case business
}

/// A malformed `--sla` value.
public enum SLAError: Error, Equatable, Sendable, CustomStringConvertible {
  case malformed(item: String, text: String)
  case unknownLevel(item: String)
  case repeatedLevel(level: Int)
  case badDuration(item: String)
  case notPositive(item: String)
  case businessDays(item: String)
  case badWindow(text: String)

  public var description: String {
    let example =
      "write targets as LEVEL=DURATION separated by commas, e.g. --sla 1=24h,2=48h,3=72h,4=120h"
    switch self {
    case .malformed(let item, let text):
      return "--sla '\(text)': '\(item)' is not LEVEL=DURATION; \(example)"
    case .unknownLevel(let item):
      return "--sla: '\(item)' names no level 1 to 4; \(example)"
    case .repeatedLevel(let level):
      return "--sla: level \(level) is given twice; give each level once"
    case .badDuration(let item):
      return "--sla: '\(item)' has no readable duration; "
        + "use a number with m (minutes), h (hours) or d (days), e.g. 90m, 24h, 5d, "
        + "or bm, bh for business minutes or hours of --calendar, e.g. 8bh"
    case .notPositive(let item):
      return "--sla: '\(item)' is not a positive duration; targets must be longer than zero"
    case .badWindow(let text):
      return "--at-risk '\(text)' is not a positive duration; "
        + "use a number with m (minutes), h (hours) or d (days), e.g. --at-risk 2h"
    case .businessDays(let item):
      return "--sla: '\(item)': a business day has no fixed length (it is the calendar's "
        + "working hours); write the target in business hours, e.g. 16bh"
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  var slaTrimmed: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
