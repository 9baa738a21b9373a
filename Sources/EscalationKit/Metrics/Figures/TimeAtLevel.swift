// Time at level: docs/metrics.md#time-at-level
//
// Over the tickets resolved in P (resolution in force at the as-of falls in P), per category
// and level: each ticket's total time at the level (its stays there summed, a re-entered
// level counting every stay, a zero-length stay counting as a stay), and of those totals the
// count, mean, median, 90th percentile and maximum. A ticket that never stayed at a level is
// not in that level's figures. With a calendar, the same in business seconds (each stay's
// business seconds summed), beside. When the log has pauses (docs/metrics.md#pauses): the
// paused seconds of those stays summed per category and level, in both clocks; with
// `--exclude-paused`, each stay counts without its paused time.

/// The durations of the time at level, collected ticket by ticket.
struct TimeAtLevelFigures {
  /// Each resolved ticket's total seconds at the level, per group and level.
  private(set) var totals = PerGroupLevel([Int64]())
  /// With a calendar: the same totals in business seconds.
  private(set) var businessTotals = PerGroupLevel([Int64]())
  /// With pauses: the paused seconds of the stays counted, per group and level, in calendar
  /// and (with a calendar) business seconds.
  private(set) var paused = PerGroupLevel(0)
  private(set) var businessPaused = PerGroupLevel(0)
  let index: BusinessTimeIndex?
  /// Whether each stay counts without its paused time (`--exclude-paused`).
  let excludePaused: Bool

  init(index: BusinessTimeIndex? = nil, excludePaused: Bool = false) {
    self.index = index
    self.excludePaused = excludePaused
  }

  /// Room for `resolved[g]` totals at each level of each group `g`, in each clock used (no
  /// growing copy during the pass; memory not written is not used).
  mutating func reserve(resolved: [Int]) {
    for g in GroupSlot.summed {
      for l in 1...4 {
        totals[g, level: l].reserveCapacity(resolved[g.index])
        if index != nil { businessTotals[g, level: l].reserveCapacity(resolved[g.index]) }
      }
    }
  }

  /// A ticket `t` of group `g` resolved in P: its stays' durations summed by level.
  @inline(__always) mutating func count(resolved t: Int, in g: GroupSlot, _ rec: Reconstruction) {
    TimeAtLevelFigures.sum(
      t, in: g, rec, excludePaused: excludePaused, into: &totals, paused: &paused,
      length: { rec.stayEnd[$0] - rec.stayStart[$0] },
      pausedPart: { rec.pausedSeconds(ofStay: $0, to: rec.stayEnd[$0]) })
    if let index {
      TimeAtLevelFigures.sum(
        t, in: g, rec, excludePaused: excludePaused, into: &businessTotals,
        paused: &businessPaused,
        length: { index.businessSeconds(from: rec.stayStart[$0], to: rec.stayEnd[$0]) },
        pausedPart: { rec.pausedSeconds(ofStay: $0, to: rec.stayEnd[$0], index: index) })
    }
  }

  /// Ticket `t`'s stays, each measured by `length` (less its `pausedPart` with
  /// `excludePaused`), summed by level into `totals`; with pauses, the paused parts into
  /// `paused`. One clock at a time: calendar seconds, or business seconds of the calendar.
  @inline(__always) private static func sum(
    _ t: Int, in g: GroupSlot, _ rec: Reconstruction, excludePaused: Bool,
    into totals: inout PerGroupLevel<[Int64]>, paused: inout PerGroupLevel<Int>,
    length: (Int) -> Int64, pausedPart: (Int) -> Int64
  ) {
    // -1: no stay at the level. Level by level, without an array per resolved ticket.
    var sums: (Int64, Int64, Int64, Int64) = (-1, -1, -1, -1)
    let pauses = rec.hasPauses
    for s in rec.stays(of: t) {
      var d = length(s)
      if pauses {
        let p = pausedPart(s)
        paused.add(Int(p), to: g, level: Int(rec.stayLevel[s]))
        if excludePaused { d -= p }
      }
      switch rec.stayLevel[s] {
      case 1: sums.0 = max(sums.0, 0) + d
      case 2: sums.1 = max(sums.1, 0) + d
      case 3: sums.2 = max(sums.2, 0) + d
      default: sums.3 = max(sums.3, 0) + d
      }
    }
    if sums.0 >= 0 { totals[g, level: 1].append(sums.0) }
    if sums.1 >= 0 { totals[g, level: 2].append(sums.1) }
    if sums.2 >= 0 { totals[g, level: 3].append(sums.2) }
    if sums.3 >= 0 { totals[g, level: 4].append(sums.3) }
  }

  /// With a calendar, the rows in business seconds; `nil` without one.
  mutating func businessRows(_ slots: [GroupSlot]) -> [TimeAtLevelRow]? {
    guard index != nil else { return nil }
    return Self.rows(
      businessTotals.statsWithTotals(), slots, paused: hasPauses ? businessPaused : nil)
  }

  /// The rows, group by group and level by level (the durations are reordered).
  mutating func rows(_ slots: [GroupSlot]) -> [TimeAtLevelRow] {
    Self.rows(totals.statsWithTotals(), slots, paused: hasPauses ? paused : nil)
  }

  /// Whether the log has pauses: the rows then carry the paused seconds.
  var hasPauses = false

  static func rows(
    _ stats: PerGroupLevel<DurationStats>, _ slots: [GroupSlot], paused: PerGroupLevel<Int>?
  ) -> [TimeAtLevelRow] {
    var rows: [TimeAtLevelRow] = []
    for g in slots {
      for level in Level.all {
        var row = TimeAtLevelRow(
          group: g.rowGroup, level: level,
          stats: stats[g, level: level.rawValue])
        row.pausedSeconds = paused.map { Int64($0[g, level: level.rawValue]) }
        rows.append(row)
      }
    }
    return rows
  }
}
