/// The figures of one period from one reconstruction (docs/metrics.md): one pass over the
/// upward moves and one over the tickets (with their stays), each figure family collecting
/// its own counts (one file per family beside this one), then the tables.
struct PeriodFigures {
  let rec: Reconstruction
  let period: ResolvedPeriod
  let sla: SLATargets?
  /// With a calendar: its index over first event…as-of, built once.
  let index: BusinessTimeIndex?
  let atRiskWindow: Int64?
  /// `--exclude-paused`: the time at level without paused time.
  var excludePaused = false
  /// Whether the SLA lists every stay it checks (`--table stays`).
  var includeStays = false
  let ids: [String]
  let matrix: Matrix
  let ownerNames: [String]

  var headline = Headline(
    opened: 0, shareEscalated: nil, escalationMoves: 0, resolved: 0, medianTimeToResolution: nil,
    backlog: 0, slaBreaches: nil, slaStays: nil)
  var rates: [RateRow] = []
  var escalations: [EscalationMovesRow] = []
  var timeAtLevel: [TimeAtLevelRow] = []
  var timeToResolution: [ResolutionRow] = []
  var highestLevel: [LevelDistributionRow] = []
  var levelAtResolution: [LevelDistributionRow] = []
  var backlog: [BacklogRow] = []
  var slaSection: SLASection?
  var tickets: [MetricsTicketRow] = []
  var businessTimeAtLevel: [TimeAtLevelRow]?
  var owners = OwnersSection()
  var aging = AgingSection()
  /// Tickets opened in P reopened by the as-of (docs/metrics.md#escalation-flow).
  var reopened = 0

  init(
    rec: Reconstruction, period: ResolvedPeriod, sla: SLATargets?, ids: [String], matrix: Matrix,
    index: BusinessTimeIndex? = nil, atRiskWindow: Int64? = nil, ownerNames: [String] = []
  ) {
    self.ownerNames = ownerNames
    self.rec = rec
    self.period = period
    self.sla = sla
    self.index = index
    self.atRiskWindow = atRiskWindow
    self.ids = ids
    self.matrix = matrix
  }

  /// What the single pass collects: every family's counts.
  struct Counts {
    var rates = RateFigures()
    var moves = EscalationMoveFigures()
    var timeAtLevel: TimeAtLevelFigures
    var resolution = ResolutionFigures()
    var backlog = BacklogFigures()
    var sla: SLAFigures?
    var owners: OwnerFigures
    var anyUncategorized = false
    var reopened = 0
    /// Per ticket, whether it had an upward move in P (only for the ticket table).
    var movedInP: [Bool]
  }

  mutating func compute(includeTickets: Bool) {
    let judge = sla.map { SLAJudge(targets: $0, index: index) }
    var timeAtLevel = TimeAtLevelFigures(index: index, excludePaused: excludePaused)
    timeAtLevel.hasPauses = rec.hasPauses
    var counts = Counts(
      timeAtLevel: timeAtLevel,
      sla: judge.map {
        var f = SLAFigures(judge: $0, atRiskWindow: atRiskWindow)
        f.collectStays = includeStays
        return f
      },
      owners: OwnerFigures(ownerCount: ownerNames.count),
      movedInP: includeTickets ? [Bool](repeating: false, count: rec.ticketCount) : [])
    countMoves(&counts, includeTickets: includeTickets)
    countTickets(&counts)
    tables(&counts)
    if includeTickets {
      let ids = self.ids
      tickets = TicketTable(
        rec: rec, period: period, sla: judge, owners: ownerNames, excludePaused: excludePaused
      ).rows(
        movedInP: counts.movedInP, id: { PeriodFigures.id($0, ids) })
    }
  }

  /// The upward moves in P.
  func countMoves(_ counts: inout Counts, includeTickets: Bool) {
    let ps = period.start
    let pe = period.end
    for k in 0..<rec.moveTime.count {
      let time = rec.moveTime[k]
      guard time >= ps && time < pe else { continue }
      let t = Int(rec.moveTicket[k])
      counts.moves.count(moveIn: GroupSlot(category: rec.category[t]), to: Int(rec.moveTarget[k]))
      counts.owners.moved(t, rec)
      if includeTickets { counts.movedInP[t] = true }
    }
  }

  /// Every ticket: opened in P (rates), resolved in P (time at level, resolution), open at
  /// the as-of (backlog), and its stays (SLA).
  func countTickets(_ counts: inout Counts) {
    let ps = period.start
    let pe = period.end
    // The tickets resolved in P per group, first: the durations' arrays are made to size.
    var resolved = [Int](repeating: 0, count: GroupSlot.count)
    for t in 0..<rec.ticketCount {
      let r = rec.resolvedAt[t]
      if r != Reconstruction.never && r >= ps && r < pe && rec.start[t] != Reconstruction.never {
        resolved[Int(rec.category[t])] += 1
      }
    }
    counts.resolution.reserve(resolved: resolved)
    counts.timeAtLevel.reserve(resolved: resolved)
    for t in 0..<rec.ticketCount {
      let start = rec.start[t]
      guard start != Reconstruction.never else { continue }
      let g = GroupSlot(category: rec.category[t])
      if g == .uncategorized { counts.anyUncategorized = true }
      let h = Int(rec.highest[t])
      let openedInP = start >= ps && start < pe
      if openedInP {
        counts.rates.count(openedIn: g, highest: h)
        if rec.reopened[t] { counts.reopened += 1 }
      }
      let r = rec.resolvedAt[t]
      let resolvedInP = r != Reconstruction.never && r >= ps && r < pe
      if resolvedInP {
        counts.resolution.count(
          resolvedIn: g, duration: r - start, highest: h, level: Int(rec.level[t]))
        counts.timeAtLevel.count(resolved: t, in: g, rec)
      }
      if r == Reconstruction.never { counts.backlog.count(open: t) }
      // The owners' "breached" is the SLA figures' own judgement of the same stays.
      let breached = counts.sla?.count(ticket: t, in: g, rec, period: period) ?? false
      counts.owners.count(
        ticket: t, rec, period: period, breached: breached, opened: openedInP,
        resolved: resolvedInP, open: r == Reconstruction.never)
    }
  }

  /// The tables and the headline from the counts.
  mutating func tables(_ counts: inout Counts) {
    let slots = GroupSlot.rows(withUncategorized: counts.anyUncategorized)
    rates = counts.rates.rows(slots)
    escalations = counts.moves.rows(slots)
    timeAtLevel = counts.timeAtLevel.rows(slots)
    businessTimeAtLevel = counts.timeAtLevel.businessRows(slots)
    timeToResolution = counts.resolution.rows(slots)
    highestLevel = counts.resolution.highestLevelRows(slots)
    levelAtResolution = counts.resolution.levelAtResolutionRows(slots)
    let ids = self.ids
    backlog = counts.backlog.rows(
      rec, asOf: period.asOf, sla: counts.sla?.judge, matrix: matrix, owners: ownerNames,
      id: { PeriodFigures.id($0, ids) })
    slaSection = counts.sla?.section(
      slots, rec, asOf: period.asOf, id: { PeriodFigures.id($0, ids) })
    owners = counts.owners.section(
      names: ownerNames, matrix: matrix, sla: sla != nil, rec: rec, period: period)
    aging = AgingSection.of(backlog, slots: slots)
    reopened = counts.reopened
    headline = Headline(
      opened: counts.rates.opened[.total], shareEscalated: rates[rates.count - 1].rate2,
      escalationMoves: counts.moves.total, resolved: counts.resolution.resolved[.total],
      medianTimeToResolution: timeToResolution[timeToResolution.count - 1].stats.median,
      backlog: backlog.count, slaBreaches: counts.sla?.totalBreaches,
      slaStays: counts.sla?.totalStays)
  }

  /// The identifier of ticket `t` (`#t` for one without).
  static func id(_ t: Int, _ ids: [String]) -> String { t < ids.count ? ids[t] : "#\(t)" }
}
