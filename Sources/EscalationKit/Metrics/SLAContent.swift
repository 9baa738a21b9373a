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
  /// Every stay checked, by start (with `MetricsOptions.includeStays`; `nil` otherwise).
  public var stays: [SLAStayRow]?
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

/// One stay checked against its SLA target (`metrics --table stays`, docs/metrics.md#sla):
/// the stays ended in the period or open at the as-of, at a level with a target.
public struct SLAStayRow: Sendable, Equatable {
  public var ticket: String
  public var group: RowGroup
  public var level: Level
  public var start: Int64
  /// The end of the stay; `nil` while open at the as-of.
  public var end: Int64?
  /// Elapsed up to the end (an open stay's up to the as-of): calendar seconds, and business
  /// seconds with a calendar (`nil` without one).
  public var calendarSeconds: Int64
  public var businessSeconds: Int64?
  /// Paused over the same span: calendar, and business with a calendar.
  public var pausedSeconds: Int64
  public var pausedBusinessSeconds: Int64?
  /// The stay's target (its category's own, else its level's) and its clock.
  public var target: Int64
  public var clock: SLAClock
  /// The SLA clock: elapsed in the target's clock, paused time left out.
  public var slaSeconds: Int64
  /// Whether `slaSeconds` is strictly greater than `target`.
  public var breached: Bool
  /// The instant the stay breached (a breached stay), or will breach if it is not paused
  /// again (an open stay within target); `nil` for a stay that ended within its target, or
  /// that is paused at the as-of.
  public var breachAt: Int64?
  /// For an open stay, `target − slaSeconds` at the as-of (negative: over the target by
  /// that much); `nil` for an ended stay.
  public var remaining: Int64?
}
