/// The typed content of a metrics report: every figure of docs/metrics.md for one period, as
/// plain tables. The terminal, JSON and CSV renderers and the XLSX report all render from
/// this, so their numbers cannot drift apart.
///
/// Durations are seconds (`Int64`, or `Double` for means and percentiles); rates are fractions
/// in [0, 1], `nil` when their denominator is 0 (shown empty, never as 0 % or NaN). Times are
/// seconds since 1970 (UTC).
public struct ReportContent: Sendable {
  /// The log's display name.
  public var source: String
  /// The command that lists the findings in detail, as it runs (the options given included);
  /// `nil`: `escalation import SOURCE`.
  public var importCommand: String?
  /// IANA name of the zone of month and day boundaries.
  public var zone: String
  public var period: ResolvedPeriod
  public var accounting: RecordAccounting
  /// The role owning each level in the matrix in use (index 0 = level 1).
  public var roles: [String]
  public var headline: Headline
  /// Per category (the 8 in canonical order, then `uncategorized` when some ticket has no
  /// category), then the total.
  public var rates: [RateRow]
  /// Upward moves in P, per category then total.
  public var escalations: [EscalationMovesRow]
  /// Tickets resolved in P: per category (and total) × level.
  public var timeAtLevel: [TimeAtLevelRow]
  /// Tickets resolved in P: time-to-resolution per category then total.
  public var timeToResolution: [ResolutionRow]
  /// Tickets resolved in P: highest level reached, per category then total.
  public var highestLevel: [LevelDistributionRow]
  /// Tickets resolved in P: level at resolution, per category then total.
  public var levelAtResolution: [LevelDistributionRow]
  /// Tickets open at as-of, oldest first.
  public var backlog: [BacklogRow]
  /// SLA figures, when targets were given.
  public var sla: SLASection?
  /// One row per calendar month from the log's first month up to P's month.
  public var trend: [TrendRow]
  /// Tickets in scope (opened, escalated or resolved in P, or open at as-of), when asked for.
  public var tickets: [MetricsTicketRow]?
  /// Warnings from reconstructing the tickets (`MET…`), compact; see ``findings``.
  public var warnings: [MetricsWarning]
  /// The log's ticket identifiers (shared with the log, not copied), for messages.
  public var ticketIDs: [String]
  /// Counts per code of the import's findings and of `findings`, in code order.
  public var findingCounts: [FindingCount]
  /// With a calendar (`--calendar`): its zone, and the time at level in business seconds,
  /// row for row beside ``timeAtLevel``; `nil` without one.
  public var calendarZone: String? = nil
  public var businessTimeAtLevel: [TimeAtLevelRow]? = nil
  /// Per owner and per role (docs/metrics.md#owners).
  public var owners: OwnersSection
  /// The backlog by age (docs/metrics.md#backlog-aging).
  public var aging: AgingSection
  /// Key figures against targets, oldest and worst-breaching tickets (docs/metrics.md#dashboard).
  public var dashboard = Dashboard()
  /// The escalation flow (docs/metrics.md#escalation-flow).
  public var flow = FlowSection()

  public init(
    source: String, zone: String, period: ResolvedPeriod, accounting: RecordAccounting,
    roles: [String],
    headline: Headline, rates: [RateRow], escalations: [EscalationMovesRow],
    timeAtLevel: [TimeAtLevelRow],
    timeToResolution: [ResolutionRow], highestLevel: [LevelDistributionRow],
    levelAtResolution: [LevelDistributionRow],
    backlog: [BacklogRow], sla: SLASection?, trend: [TrendRow], tickets: [MetricsTicketRow]?,
    warnings: [MetricsWarning], owners: OwnersSection = OwnersSection(),
    aging: AgingSection = AgingSection(),
    ticketIDs: [String], findingCounts: [FindingCount]
  ) {
    self.owners = owners
    self.aging = aging
    self.source = source
    self.zone = zone
    self.period = period
    self.accounting = accounting
    self.roles = roles
    self.headline = headline
    self.rates = rates
    self.escalations = escalations
    self.timeAtLevel = timeAtLevel
    self.timeToResolution = timeToResolution
    self.highestLevel = highestLevel
    self.levelAtResolution = levelAtResolution
    self.backlog = backlog
    self.sla = sla
    self.trend = trend
    self.tickets = tickets
    self.warnings = warnings
    self.ticketIDs = ticketIDs
    self.findingCounts = findingCounts
  }

  /// The reconstruction warnings as findings (file, record line, message), for the data
  /// quality sheet and `escalation import`.
  public var findings: [Finding] { warnings.map { $0.finding(source: source, ids: ticketIDs) } }
}

/// Which rows a table row is about: one category, tickets without one, or all.
public enum RowGroup: Sendable, Hashable {
  case category(CategoryKey)
  case uncategorized
  case total

  /// The stable key: a category key, `uncategorized` or `total`.
  public var key: String {
    switch self {
    case .category(let c): return c.rawValue
    case .uncategorized: return "uncategorized"
    case .total: return "total"
    }
  }

  /// The label in `language`.
  public func label(_ language: Language) -> String {
    switch self {
    case .category(let c): return c.label(language)
    case .uncategorized: return language == .en ? "Uncategorized" : "Sans catégorie"
    case .total: return "Total"
    }
  }

  /// The group of a reconstruction category index (0…7, or 8 = none).
  public init(index: Int) {
    if let c = CategoryKey(index: index) { self = .category(c) } else { self = .uncategorized }
  }
}

/// The headline figures of the period, in the order they are shown.
public struct Headline: Sendable, Equatable {
  /// Tickets opened in P.
  public var opened: Int
  /// Share of them that reached level ≥ 2 by as-of.
  public var shareEscalated: Double?
  /// Upward moves in P.
  public var escalationMoves: Int
  /// Tickets resolved in P.
  public var resolved: Int
  /// Median time-to-resolution of the tickets resolved in P, seconds.
  public var medianTimeToResolution: Double?
  /// Tickets open at as-of.
  public var backlog: Int
  /// Breaching stays (among those ended in P or open at as-of), when SLA targets were given.
  public var slaBreaches: Int?
  /// Stays checked against SLA targets.
  public var slaStays: Int?

  public init(
    opened: Int, shareEscalated: Double?, escalationMoves: Int, resolved: Int,
    medianTimeToResolution: Double?,
    backlog: Int, slaBreaches: Int?, slaStays: Int?
  ) {
    self.opened = opened
    self.shareEscalated = shareEscalated
    self.escalationMoves = escalationMoves
    self.resolved = resolved
    self.medianTimeToResolution = medianTimeToResolution
    self.backlog = backlog
    self.slaBreaches = slaBreaches
    self.slaStays = slaStays
  }
}

/// Escalation rates over the tickets opened in P, for one category or the total.
public struct RateRow: Sendable, Equatable {
  public var group: RowGroup
  /// Tickets opened in P.
  public var opened: Int
  /// Of them, those whose highest level by as-of is ≥ 2, ≥ 3, = 4.
  public var reached2: Int
  public var reached3: Int
  public var reached4: Int

  public init(group: RowGroup, opened: Int, reached2: Int, reached3: Int, reached4: Int) {
    self.group = group
    self.opened = opened
    self.reached2 = reached2
    self.reached3 = reached3
    self.reached4 = reached4
  }

  static func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
  /// Share reaching ≥ 2.
  public var rate2: Double? { RateRow.ratio(reached2, opened) }
  /// Share reaching ≥ 3.
  public var rate3: Double? { RateRow.ratio(reached3, opened) }
  /// Share reaching 4.
  public var rate4: Double? { RateRow.ratio(reached4, opened) }
  /// Of those that reached 1 (all opened), the share reaching 2.
  public var step12: Double? { RateRow.ratio(reached2, opened) }
  /// Of those that reached 2, the share reaching 3.
  public var step23: Double? { RateRow.ratio(reached3, reached2) }
  /// Of those that reached 3, the share reaching 4.
  public var step34: Double? { RateRow.ratio(reached4, reached3) }
}

/// Upward moves whose time is in P, by target level, for one category or the total.
public struct EscalationMovesRow: Sendable, Equatable {
  public var group: RowGroup
  /// Moves to level 2, 3, 4 (index 0 = level 2).
  public var toLevel: [Int]
  public init(group: RowGroup, toLevel: [Int]) {
    self.group = group
    self.toLevel = toLevel
  }
  public var total: Int { toLevel.reduce(0, +) }
}

/// Time at one level of the tickets resolved in P that had a stay there.
public struct TimeAtLevelRow: Sendable, Equatable {
  public var group: RowGroup
  public var level: Level
  /// `stats.count` is the number of tickets with a stay at the level (zero-length included);
  /// the other figures are over each ticket's total time at the level, in seconds.
  public var stats: DurationStats
  /// When the log has pauses: the paused seconds of these stays summed (in the rows' clock:
  /// business seconds in ``ReportContent/businessTimeAtLevel``); `nil` without pauses.
  public var pausedSeconds: Int64? = nil
  public init(group: RowGroup, level: Level, stats: DurationStats) {
    self.group = group
    self.level = level
    self.stats = stats
  }
}

/// Time-to-resolution (last resolution − first open) of the tickets resolved in P.
public struct ResolutionRow: Sendable, Equatable {
  public var group: RowGroup
  public var stats: DurationStats
  public init(group: RowGroup, stats: DurationStats) {
    self.group = group
    self.stats = stats
  }
}

/// A count of tickets per level (index 0 = level 1).
public struct LevelDistributionRow: Sendable, Equatable {
  public var group: RowGroup
  public var counts: [Int]
  public init(group: RowGroup, counts: [Int]) {
    self.group = group
    self.counts = counts
  }
  public var total: Int { counts.reduce(0, +) }
}

/// A ticket open at as-of.
public struct BacklogRow: Sendable, Equatable {
  public var ticket: String
  public var group: RowGroup
  public var level: Level
  /// The role owning `level` in the matrix in use.
  public var role: String
  /// The ticket's owner at as-of ("" when none): docs/metrics.md#owners.
  public var owner: String
  /// Opened (first event) time.
  public var opened: Int64
  /// Age of the current stay at as-of, seconds.
  public var timeAtLevel: Int64
  /// as-of − opened, seconds.
  public var age: Int64
  /// Whether the current stay exceeds its level's SLA target (`nil` without targets or
  /// without a target for this level).
  public var slaBreach: Bool?
  /// With a target for the current stay: the stay's SLA clock at as-of (in the target's clock,
  /// paused time left out), the target and its clock (docs/metrics.md#sla).
  public var sla: BacklogSLA? = nil

  public init(
    ticket: String, group: RowGroup, level: Level, role: String, opened: Int64, timeAtLevel: Int64,
    age: Int64,
    slaBreach: Bool?, owner: String = ""
  ) {
    self.owner = owner
    self.ticket = ticket
    self.group = group
    self.level = level
    self.role = role
    self.opened = opened
    self.timeAtLevel = timeAtLevel
    self.age = age
    self.slaBreach = slaBreach
  }
}

/// An open ticket's current stay against its SLA target.
public struct BacklogSLA: Sendable, Equatable {
  /// The stay's SLA clock at as-of, seconds in `clock`: its time at level, or its business
  /// time, less its paused time.
  public var elapsed: Int64
  /// The target of the ticket's level (its category's own when it has one), seconds.
  public var target: Int64
  public var clock: SLAClock
  public init(elapsed: Int64, target: Int64, clock: SLAClock) {
    self.elapsed = elapsed
    self.target = target
    self.clock = clock
  }
}

/// One calendar month of the trend, with the month's own end as its as-of: each column
/// equals what the report for that month says.
public struct TrendRow: Sendable, Equatable {
  public var month: MonthKey
  /// Start and end (excluded) of the month in the report's zone.
  public var start: Int64
  public var end: Int64
  public var opened: Int
  /// Of them, those at level ≥ 2 by the month's end.
  public var escalated: Int
  /// Upward moves in the month.
  public var escalationMoves: Int
  public var resolved: Int
  /// Median time-to-resolution of the tickets resolved in the month, seconds.
  public var medianTimeToResolution: Double?
  /// Tickets open at the month's as-of.
  public var backlog: Int
  /// With SLA targets: the stays the month's report checks, and those that breach.
  public var slaStays: Int?
  public var slaBreaches: Int?
  /// Per category slot (0…7, 8 uncategorized, 9 total): opened and escalated, for the flow's
  /// month-over-month change (not rendered: the flow shows it).
  package var categoryOpened: [Int] = []
  package var categoryEscalated: [Int] = []

  public init(
    month: MonthKey, start: Int64, end: Int64, opened: Int, escalated: Int, escalationMoves: Int,
    resolved: Int,
    medianTimeToResolution: Double?, backlog: Int = 0, slaStays: Int? = nil,
    slaBreaches: Int? = nil
  ) {
    self.backlog = backlog
    self.slaStays = slaStays
    self.slaBreaches = slaBreaches
    self.month = month
    self.start = start
    self.end = end
    self.opened = opened
    self.escalated = escalated
    self.escalationMoves = escalationMoves
    self.resolved = resolved
    self.medianTimeToResolution = medianTimeToResolution
  }
  /// Share of the month's tickets escalated (≥ 2); `nil` when none was opened.
  public var shareEscalated: Double? { RateRow.ratio(escalated, opened) }
  /// Equal figures; the per-category counts (by each ticket's category at the report's
  /// as-of, which a later report may see changed) are not compared.
  public static func == (a: TrendRow, b: TrendRow) -> Bool {
    a.month == b.month && a.start == b.start && a.end == b.end && a.opened == b.opened
      && a.escalated == b.escalated && a.escalationMoves == b.escalationMoves
      && a.resolved == b.resolved && a.medianTimeToResolution == b.medianTimeToResolution
      && a.backlog == b.backlog && a.slaStays == b.slaStays && a.slaBreaches == b.slaBreaches
  }

  /// SLA compliance: 1 − breaches / stays; `nil` without targets or without stays.
  public var slaCompliance: Double? {
    guard let s = slaStays, let b = slaBreaches, s > 0 else { return nil }
    return 1 - Double(b) / Double(s)
  }
}

/// One ticket in scope.
public struct MetricsTicketRow: Sendable, Equatable {
  public var ticket: String
  public var group: RowGroup
  public var opened: Int64
  /// Time of the resolution in force at as-of; `nil` while open.
  public var resolved: Int64?
  public var highestLevel: Level
  /// `nil` while open.
  public var levelAtResolution: Level?
  /// Seconds at each level (index 0 = level 1), open stays up to as-of; `nil` for a level
  /// the ticket never had a stay at.
  public var secondsAtLevel: [Int64?]
  /// Last resolution − first open; `nil` while open.
  public var timeToResolution: Int64?
  /// Stays of this ticket that exceed their level's target (`0` without targets).
  public var slaBreaches: Int
  /// Whether the ticket's last stay (its open stay, or the stay it was resolved at) breaches
  /// its target; `nil` without targets or when that stay's level has none.
  public var slaLastStayBreached: Bool? = nil
  /// The ticket's owner at as-of ("" when none).
  public var owner: String

  public init(
    ticket: String, group: RowGroup, opened: Int64, resolved: Int64?, highestLevel: Level,
    levelAtResolution: Level?,
    secondsAtLevel: [Int64?], timeToResolution: Int64?, slaBreaches: Int, owner: String = ""
  ) {
    self.owner = owner
    self.ticket = ticket
    self.group = group
    self.opened = opened
    self.resolved = resolved
    self.highestLevel = highestLevel
    self.levelAtResolution = levelAtResolution
    self.secondsAtLevel = secondsAtLevel
    self.timeToResolution = timeToResolution
    self.slaBreaches = slaBreaches
  }
}

/// How many findings one code produced.
public struct FindingCount: Sendable, Equatable {
  public var code: String
  public var severity: Severity
  public var count: Int
  /// What the code means (for `MET…` codes), or the first message (for import codes).
  public var summary: String
  public init(code: String, severity: Severity, count: Int, summary: String) {
    self.code = code
    self.severity = severity
    self.count = count
    self.summary = summary
  }
}
