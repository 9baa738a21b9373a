// Resolution: docs/metrics.md#resolution
//
// Over the tickets resolved in P (the resolution in force at the as-of falls in P; a ticket
// reopened before the as-of is not resolved), per category and in total: how many, their
// time to resolution (last resolution − first event: count, mean, median, 90th percentile,
// maximum), the highest level each reached and the level each was resolved at.

/// The counts and durations of the resolution figures, collected ticket by ticket.
struct ResolutionFigures {
  /// Tickets resolved in P.
  private(set) var resolved = PerGroup(0)
  /// Their time to resolution, seconds.
  private(set) var durations = PerGroup([Int64]())
  /// Their highest level reached.
  private(set) var highest = PerGroupLevel(0)
  /// The level they were resolved at.
  private(set) var atResolution = PerGroupLevel(0)

  /// Room for `resolved[g]` durations in each group `g` (no growing copy during the pass).
  mutating func reserve(resolved: [Int]) {
    for g in GroupSlot.summed { durations[g].reserveCapacity(resolved[g.index]) }
  }

  /// A ticket of group `g` resolved in P after `duration` seconds, at `level`, having reached
  /// `highest`.
  @inline(__always) mutating func count(
    resolvedIn g: GroupSlot, duration: Int64, highest h: Int, level: Int
  ) {
    resolved.add(1, to: g)
    durations[g].append(duration)
    highest.add(1, to: g, level: h)
    atResolution.add(1, to: g, level: level)
  }

  /// Time-to-resolution rows (the durations are reordered).
  mutating func rows(_ slots: [GroupSlot]) -> [ResolutionRow] {
    let stats = durations.statsWithTotal()
    return slots.map { ResolutionRow(group: $0.rowGroup, stats: stats[$0]) }
  }

  func highestLevelRows(_ slots: [GroupSlot]) -> [LevelDistributionRow] {
    slots.map { LevelDistributionRow(group: $0.rowGroup, counts: highest.row($0)) }
  }

  func levelAtResolutionRows(_ slots: [GroupSlot]) -> [LevelDistributionRow] {
    slots.map { LevelDistributionRow(group: $0.rowGroup, counts: atResolution.row($0)) }
  }
}
