// Dashboard: docs/metrics.md#dashboard
//
// The period's key figures beside the previous month and the same month a year earlier (for a
// month period, read from the trend rows of those months, which equal those months' own
// reports; `nil` where the log has no such month or the period is not a month), each
// against its target; the 10 oldest open tickets and the 10 open tickets furthest over their
// level's SLA target.

/// One key figure of the dashboard.
public struct DashboardFigure: Sendable, Equatable {
  public enum Key: String, Sendable, CaseIterable {
    case opened, shareEscalated, resolved, medianTimeToResolution, backlog, slaCompliance
  }
  /// Whether the value meets its target.
  public enum Status: String, Sendable { case met, missed }

  public var key: Key
  /// Counts as such, shares as fractions, durations in seconds.
  public var value: Double?
  public var previous: Double?
  public var lastYear: Double?
  /// The target (a maximum, or for SLA compliance a minimum); `nil` when none.
  public var target: Double?

  public init(key: Key, value: Double?, previous: Double?, lastYear: Double?, target: Double?) {
    self.key = key
    self.value = value
    self.previous = previous
    self.lastYear = lastYear
    self.target = target
  }

  /// Whether a higher value is better (only SLA compliance).
  public var higherIsBetter: Bool { key == .slaCompliance }

  /// `met` or `missed` against the target; `nil` without a target or a value.
  public var status: Status? {
    guard let value, let target else { return nil }
    return (higherIsBetter ? value >= target : value <= target) ? .met : .missed
  }
}

/// An open ticket over its level's SLA target.
public struct DashboardBreach: Sendable, Equatable {
  public var ticket: BacklogRow
  /// The stay's target (its category's own, else its level's), seconds in `clock`.
  public var target: Int64
  /// The stay's SLA clock beyond the target, seconds in `clock`: business time with a
  /// business target, paused time left out (docs/metrics.md#dashboard).
  public var over: Int64
  public var clock: SLAClock
}

/// The dashboard's content.
public struct Dashboard: Sendable, Equatable {
  public var targets: MetricsTargets
  /// The previous month and the same month a year earlier (`nil` when not a month period).
  public var previousMonth: MonthKey?
  public var lastYearMonth: MonthKey?
  public var figures: [DashboardFigure]
  /// The 10 oldest open tickets (the backlog's first 10).
  public var oldest: [BacklogRow]
  /// The 10 open tickets furthest over their target (largest excess first, ties oldest first).
  public var worstBreaching: [DashboardBreach]

  public init(
    targets: MetricsTargets = .defaults, previousMonth: MonthKey? = nil,
    lastYearMonth: MonthKey? = nil, figures: [DashboardFigure] = [], oldest: [BacklogRow] = [],
    worstBreaching: [DashboardBreach] = []
  ) {
    self.targets = targets
    self.previousMonth = previousMonth
    self.lastYearMonth = lastYearMonth
    self.figures = figures
    self.oldest = oldest
    self.worstBreaching = worstBreaching
  }

  /// How many tickets each list shows.
  public static let listLength = 10

  /// The dashboard of `content` (its headline, trend, backlog and SLA) against `targets`.
  static func of(_ c: ReportContent, targets: MetricsTargets) -> Dashboard {
    var previous: TrendRow?
    var lastYear: TrendRow?
    var prevKey: MonthKey?
    var yearKey: MonthKey?
    if case .month(let y, let m) = c.period.spec {
      prevKey = m == 1 ? MonthKey(year: y - 1, month: 12) : MonthKey(year: y, month: m - 1)
      yearKey = MonthKey(year: y - 1, month: m)
      previous = c.trend.first { $0.month == prevKey }
      lastYear = c.trend.first { $0.month == yearKey }
    }
    let h = c.headline
    let hasSLA = c.sla != nil
    var compliance: Double?
    if let s = h.slaStays, let b = h.slaBreaches, s > 0 { compliance = 1 - Double(b) / Double(s) }
    func fig(_ k: DashboardFigure.Key, _ v: Double?, _ f: (TrendRow) -> Double?, _ t: Double?)
      -> DashboardFigure
    {
      DashboardFigure(
        key: k, value: v, previous: previous.flatMap(f), lastYear: lastYear.flatMap(f), target: t)
    }
    var figures = [
      fig(.opened, Double(h.opened), { Double($0.opened) }, nil),
      fig(.shareEscalated, h.shareEscalated, { $0.shareEscalated }, targets.escalationShareMax),
      fig(.resolved, Double(h.resolved), { Double($0.resolved) }, nil),
      fig(
        .medianTimeToResolution, h.medianTimeToResolution, { $0.medianTimeToResolution },
        targets.medianResolutionMax),
      fig(.backlog, Double(h.backlog), { Double($0.backlog) }, targets.backlogMax.map(Double.init)),
    ]
    if hasSLA {
      figures.append(
        fig(.slaCompliance, compliance, { $0.slaCompliance }, targets.slaComplianceMin))
    }
    return Dashboard(
      targets: targets, previousMonth: prevKey, lastYearMonth: yearKey, figures: figures,
      oldest: Array(c.backlog.prefix(listLength)), worstBreaching: worst(c))
  }

  static func worst(_ c: ReportContent) -> [DashboardBreach] {
    guard c.sla != nil else { return [] }
    var out: [(Int, DashboardBreach)] = []
    for (i, b) in c.backlog.enumerated() where b.slaBreach == true {
      guard let sla = b.sla else { continue }
      out.append(
        (
          i,
          DashboardBreach(
            ticket: b, target: sla.target, over: sla.elapsed - sla.target, clock: sla.clock)
        ))
    }
    out.sort { a, b in a.1.over != b.1.over ? a.1.over > b.1.over : a.0 < b.0 }
    return out.prefix(listLength).map(\.1)
  }
}
