// The SLA part of the report content: docs/metrics.md#sla.

/// SLA targets and breaches among the stays that ended in P or are open at as-of.
public struct SLASection: Sendable, Equatable {
  public var targets: SLATargets
  /// Per category (and total) × level with a target.
  public var rows: [SLARow]
  /// With a calendar: per category (and total), the tickets with a stay checked, those ever
  /// breached and those breached on their last stay; `nil` without one.
  public var tickets: [SLATicketRow]?
  /// With a calendar: the open stays that breach within the at-risk window, soonest first.
  public var atRisk: [SLAAtRiskRow]?
  /// The `--at-risk` window in each target's clock; `nil`: a quarter of each target.
  public var atRiskWindow: Int64?
  /// Whether the log has pauses: the rows then carry their paused seconds.
  public var hasPauses = false
  public init(targets: SLATargets, rows: [SLARow]) {
    self.targets = targets
    self.rows = rows
  }
}

/// Stays at one level checked against the level's target, and those that breach it.
public struct SLARow: Sendable, Equatable {
  public var group: RowGroup
  public var level: Level
  /// Target, seconds (in `clock`); `nil` on the total row when the categories have targets
  /// of their own that differ (docs/metrics.md#sla).
  public var target: Int64?
  public var stays: Int
  public var breaches: Int
  /// The clock the target is measured in.
  public var clock: SLAClock
  /// Tickets with at least one breached stay at the level.
  public var ticketsBreached: Int
  /// When the log has pauses: the paused seconds of the stays checked, summed, in calendar
  /// time, and (with a calendar) in business time; `nil` without pauses.
  public var pausedSeconds: Int64? = nil
  public var pausedBusinessSeconds: Int64? = nil
  public init(
    group: RowGroup, level: Level, target: Int64?, stays: Int, breaches: Int,
    clock: SLAClock = .calendar, ticketsBreached: Int = 0
  ) {
    self.group = group
    self.level = level
    self.target = target
    self.stays = stays
    self.breaches = breaches
    self.clock = clock
    self.ticketsBreached = ticketsBreached
  }
  /// Share of stays that breach; `nil` without stays.
  public var share: Double? { RateRow.ratio(breaches, stays) }
  /// Share of stays within their target (compliance); `nil` without stays.
  public var compliance: Double? { RateRow.ratio(stays - breaches, stays) }
}

/// Per category (or total), the tickets with a stay checked against the SLA.
public struct SLATicketRow: Sendable, Equatable {
  public var group: RowGroup
  public var tickets: Int
  /// Of them, those with at least one breached stay.
  public var everBreached: Int
  /// Of them, those whose last stay (the open one, or the one at resolution) breached.
  public var breachedOnLastStay: Int
}

/// An open stay that will breach soon after the as-of.
public struct SLAAtRiskRow: Sendable, Equatable {
  public var ticket: String
  public var group: RowGroup
  public var level: Level
  public var stayStart: Int64
  /// Elapsed up to the as-of, in calendar and in business seconds.
  public var calendarSeconds: Int64
  public var businessSeconds: Int64
  public var target: Int64
  public var clock: SLAClock
  /// Target left at the as-of, in the target's clock.
  public var remaining: Int64
  /// The instant the stay breaches (past it, it is over its target), if it is not paused.
  public var breachAt: Int64
  /// Paused up to the as-of, in calendar and in business seconds (docs/metrics.md#pauses).
  public var pausedSeconds: Int64 = 0
  public var pausedBusinessSeconds: Int64 = 0
}
