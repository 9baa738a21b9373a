/// Targets per category (docs/metrics.md#sla): a category may replace the target of some
/// levels (`[sla.guidance-acquisition] 1 = "4bh"`); the other levels, the other categories
/// and the tickets without a category keep the level's own target.
extension SLATargets {
  /// Gives `category` its own targets: each level `own` sets replaces the level's target
  /// (and clock) for the tickets of that category.
  public mutating func set(_ own: SLATargets, for category: CategoryKey) {
    if categorySeconds.isEmpty {
      categorySeconds = Array(repeating: [nil, nil, nil, nil], count: CategoryKey.allCases.count)
      categoryClocks = Array(
        repeating: Array(repeating: .calendar, count: 4), count: CategoryKey.allCases.count)
    }
    for l in 0..<4 where own.seconds[l] != nil {
      categorySeconds[category.index][l] = own.seconds[l]
      categoryClocks[category.index][l] = own.clocks[l]
    }
  }

  /// Whether some category has a target of its own.
  public var hasCategoryTargets: Bool {
    categorySeconds.contains { $0.contains { $0 != nil } }
  }

  /// The target, seconds, of a stay at level `l` (1…4) of a ticket in category `c` (0…7, or
  /// 8 and above for no category): the category's own when it has one, else the level's.
  @inline(__always) public func seconds(level l: Int, category c: Int) -> Int64? {
    if c < categorySeconds.count, let s = categorySeconds[c][l - 1] { return s }
    return seconds[l - 1]
  }

  /// The clock of ``seconds(level:category:)``.
  @inline(__always) public func clock(level l: Int, category c: Int) -> SLAClock {
    if c < categorySeconds.count, categorySeconds[c][l - 1] != nil {
      return categoryClocks[c][l - 1]
    }
    return clocks[l - 1]
  }

  /// Whether some ticket, whatever its category, has a target at `level`.
  public func hasTarget(_ level: Level) -> Bool {
    seconds[level.index] != nil || categorySeconds.contains { $0[level.index] != nil }
  }

  /// The target and clock of `level` when every ticket has the same, whatever its category;
  /// `nil` when there is none, or when they differ from one category to another.
  public func uniformTarget(_ level: Level) -> (seconds: Int64, clock: SLAClock)? {
    let l = level.rawValue
    guard let first = seconds(level: l, category: 0) else { return nil }
    let clock = clock(level: l, category: 0)
    for c in 1...CategoryKey.allCases.count {
      guard seconds(level: l, category: c) == first, self.clock(level: l, category: c) == clock
      else { return nil }
    }
    return (first, clock)
  }

  /// The target and clock of `level` for the tickets of row group `group`: the category's
  /// (or the level's, for tickets without a category); for the total, the uniform target.
  public func target(_ level: Level, for group: RowGroup) -> (seconds: Int64, clock: SLAClock)? {
    let c: Int
    switch group {
    case .category(let key): c = key.index
    case .uncategorized: c = CategoryKey.allCases.count
    case .total: return uniformTarget(level)
    }
    return seconds(level: level.rawValue, category: c).map {
      ($0, clock(level: level.rawValue, category: c))
    }
  }
}
