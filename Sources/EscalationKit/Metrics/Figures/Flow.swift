// Escalation flow: docs/metrics.md#escalation-flow
//
// Over the tickets opened in P: how many reached level 1 (all), ≥ 2, ≥ 3 and 4 by the as-of
// (the rates' total row), and how many were reopened after a resolution; the upward moves in P
// by target level (the escalations' total row); of the tickets resolved in P, those resolved
// at level 1; and for a month period, per category, the change from the previous month in
// tickets opened and in escalation rate (percentage points), from that month's trend row.

/// One category's change from the previous month.
public struct FlowChange: Sendable, Equatable {
  public var group: RowGroup
  public var opened: Int
  /// `nil` when the previous month is not in the log (or P is not a month).
  public var previousOpened: Int?
  /// Share reaching ≥ 2, this month and the previous.
  public var rate: Double?
  public var previousRate: Double?

  public init(
    group: RowGroup, opened: Int, previousOpened: Int?, rate: Double?, previousRate: Double?
  ) {
    self.group = group
    self.opened = opened
    self.previousOpened = previousOpened
    self.rate = rate
    self.previousRate = previousRate
  }

  public var openedChange: Int? { previousOpened.map { opened - $0 } }
  /// The change in escalation rate, in percentage points.
  public var rateChangePoints: Double? {
    guard let rate, let previousRate else { return nil }
    return (rate - previousRate) * 100
  }
}

/// The escalation flow of the period.
public struct FlowSection: Sendable, Equatable {
  /// Tickets opened in P reaching level 1, ≥ 2, ≥ 3, 4 (index 0 = level 1).
  public var funnel: [Int]
  /// Upward moves in P to level 2, 3, 4.
  public var escalationsToLevel: [Int]
  /// Tickets resolved in P, and of them those resolved at level 1.
  public var resolved: Int
  public var resolvedAtLevel1: Int
  /// Tickets opened in P reopened after a resolution by the as-of.
  public var reopened: Int
  public var previousMonth: MonthKey?
  public var changes: [FlowChange]

  public init(
    funnel: [Int] = [0, 0, 0, 0], escalationsToLevel: [Int] = [0, 0, 0], resolved: Int = 0,
    resolvedAtLevel1: Int = 0, reopened: Int = 0, previousMonth: MonthKey? = nil,
    changes: [FlowChange] = []
  ) {
    self.funnel = funnel
    self.escalationsToLevel = escalationsToLevel
    self.resolved = resolved
    self.resolvedAtLevel1 = resolvedAtLevel1
    self.reopened = reopened
    self.previousMonth = previousMonth
    self.changes = changes
  }

  public var opened: Int { funnel[0] }
  /// Share of the tickets opened in P reaching level `level` (≥ for 2 and 3).
  public func funnelShare(_ level: Int) -> Double? { RateRow.ratio(funnel[level - 1], opened) }
  /// Share of the tickets resolved in P resolved at level 1.
  public var shareResolvedAtLevel1: Double? { RateRow.ratio(resolvedAtLevel1, resolved) }
  /// Share of the tickets opened in P reopened.
  public var reopenRate: Double? { RateRow.ratio(reopened, opened) }

  /// The flow of `c` (its rates, escalations, level at resolution and trend); `reopened`:
  /// the tickets opened in P that were reopened.
  static func of(_ c: ReportContent, reopened: Int) -> FlowSection {
    let rates = c.rates.last
    let funnel = rates.map { [$0.opened, $0.reached2, $0.reached3, $0.reached4] } ?? [0, 0, 0, 0]
    let moves = c.escalations.last?.toLevel ?? [0, 0, 0]
    let atRes = c.levelAtResolution.last?.counts ?? [0, 0, 0, 0]
    var prevKey: MonthKey?
    var prev: TrendRow?
    if case .month(let y, let m) = c.period.spec {
      prevKey = m == 1 ? MonthKey(year: y - 1, month: 12) : MonthKey(year: y, month: m - 1)
      prev = c.trend.first { $0.month == prevKey }
    }
    let changes = c.rates.map { r in
      let slot = r.group == .total ? 9 : GroupSlotIndex.of(r.group)
      let po = prev.map { $0.categoryOpened.isEmpty ? 0 : $0.categoryOpened[slot] }
      let pe = prev.map { $0.categoryEscalated.isEmpty ? 0 : $0.categoryEscalated[slot] }
      return FlowChange(
        group: r.group, opened: r.opened, previousOpened: po, rate: r.rate2,
        previousRate: po.flatMap { o in pe.flatMap { RateRow.ratio($0, o) } })
    }
    return FlowSection(
      funnel: funnel, escalationsToLevel: moves, resolved: atRes.reduce(0, +),
      resolvedAtLevel1: atRes[0], reopened: reopened, previousMonth: prevKey, changes: changes)
  }
}

/// The slot index (0…7 categories, 8 uncategorized, 9 total) of a row group.
enum GroupSlotIndex {
  static func of(_ g: RowGroup) -> Int {
    switch g {
    case .category(let c): return c.index
    case .uncategorized: return 8
    case .total: return 9
    }
  }
}
