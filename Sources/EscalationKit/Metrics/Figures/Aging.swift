// Backlog aging: docs/metrics.md#backlog-aging
//
// The tickets open at the as-of by age (as-of − first open), in five buckets of days:
// [0, 1), [1, 3), [3, 7), [7, 30), [30, ∞), per current level and per category. Read from
// the backlog rows, so the buckets always add up to the backlog.

/// The open tickets of one level, one category or all, per age bucket.
public struct AgingRow: Sendable, Equatable {
  /// The category (``RowGroup/total`` on the level rows and the total row).
  public var group: RowGroup
  /// The current level (`nil` on the category rows and the total row).
  public var level: Level?
  /// Tickets per bucket (index 0 = under 1 day).
  public var buckets: [Int]

  public init(group: RowGroup, level: Level?, buckets: [Int]) {
    self.group = group
    self.level = level
    self.buckets = buckets
  }
  public var total: Int { buckets.reduce(0, +) }
}

/// The backlog by age bucket.
public struct AgingSection: Sendable, Equatable {
  /// The bucket bounds in days: bucket i is [bounds[i-1], bounds[i]) with 0 before the first
  /// and no upper bound after the last.
  public static let boundsDays = [1, 3, 7, 30]
  /// Levels 1…4, then the total.
  public var byLevel: [AgingRow]
  /// The categories (the uncategorized when present), then the total.
  public var byCategory: [AgingRow]

  public init(byLevel: [AgingRow] = [], byCategory: [AgingRow] = []) {
    self.byLevel = byLevel
    self.byCategory = byCategory
  }

  /// The bucket of an age in seconds.
  public static func bucket(ageSeconds age: Int64) -> Int {
    var i = 0
    while i < boundsDays.count && age >= Int64(boundsDays[i]) * 86_400 { i += 1 }
    return i
  }

  /// The section of `backlog`, category rows for `slots`.
  static func of(_ backlog: [BacklogRow], slots: [GroupSlot]) -> AgingSection {
    let n = boundsDays.count + 1
    var perLevel = [[Int]](repeating: [Int](repeating: 0, count: n), count: 4)
    var perGroup: [RowGroup: [Int]] = [:]
    var total = [Int](repeating: 0, count: n)
    for b in backlog {
      let k = bucket(ageSeconds: b.age)
      perLevel[b.level.rawValue - 1][k] += 1
      perGroup[b.group, default: [Int](repeating: 0, count: n)][k] += 1
      total[k] += 1
    }
    let byLevel =
      Level.all.map { AgingRow(group: .total, level: $0, buckets: perLevel[$0.rawValue - 1]) }
      + [AgingRow(group: .total, level: nil, buckets: total)]
    let byCategory = slots.map { s in
      let g = s.rowGroup
      return AgingRow(
        group: g, level: nil,
        buckets: g == .total ? total : perGroup[g] ?? [Int](repeating: 0, count: n))
    }
    return AgingSection(byLevel: byLevel, byCategory: byCategory)
  }
}
