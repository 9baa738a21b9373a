/// What a metrics report is asked to cover.
public struct MetricsOptions: Sendable {
  public var period: PeriodSpec
  /// An `--as-of` instant overriding the end of the period.
  public var asOf: Int64?
  /// Zone of month and day boundaries.
  public var zone: ZoneRules
  public var sla: SLATargets?
  /// The matrix in use (owning roles of the backlog).
  public var matrix: Matrix
  /// Whether to build the per-ticket table (large for big logs).
  public var includeTickets: Bool
  /// Whether to build the monthly trend.
  public var includeTrend: Bool

  public init(
    period: PeriodSpec = .all, asOf: Int64? = nil, zone: ZoneRules = .utc, sla: SLATargets? = nil,
    matrix: Matrix = .canonical(.en), includeTickets: Bool = false, includeTrend: Bool = true
  ) {
    self.period = period
    self.asOf = asOf
    self.zone = zone
    self.sla = sla
    self.matrix = matrix
    self.includeTickets = includeTickets
    self.includeTrend = includeTrend
  }
}

/// Computes the figures of docs/metrics.md for a period of an ``EventLog``.
public enum MetricsEngine {
  /// The report content of `log` for `options`.
  public static func compute(_ log: EventLog, options: MetricsOptions) -> ReportContent {
    compute(log, order: TicketOrder(log), options: options)
  }

  /// The same, with the log's ``TicketOrder`` already computed (to report several periods of
  /// one log, e.g. the previous period of the XLSX summary).
  public static func compute(_ log: EventLog, order: TicketOrder, options: MetricsOptions)
    -> ReportContent
  {
    let zone = options.zone
    let period = ResolvedPeriod.resolve(
      options.period, zone: zone, eventTimes: order.timeRange, asOf: options.asOf)
    let rec = Reconstruction(order: order, cutoff: period.cutoff)
    var figures = PeriodFigures(
      rec: rec, period: period, sla: options.sla, ids: log.ticketIDs, matrix: options.matrix)
    figures.compute(includeTickets: options.includeTickets)

    var trend: [TrendRow] = []
    if options.includeTrend, let range = order.timeRange {
      trend = trendRows(order: order, rec: rec, period: period, zone: zone, firstTime: range.first)
    }

    var counts: [String: (Severity, Int, String)] = [:]
    for f in log.findings {
      if let c = counts[f.code] {
        counts[f.code] = (c.0, c.1 + 1, c.2)
      } else {
        // An import code is summarised by its first occurrence.
        let first = f.line.map { "first at line \($0): " } ?? ""
        counts[f.code] = (f.severity, 1, first + f.message)
      }
    }
    var perCode = [Int](repeating: 0, count: MetricsFindingCode.allCases.count)
    for w in rec.warnings { perCode[MetricsFindingCode.allCases.firstIndex(of: w.code)!] += 1 }
    for (i, code) in MetricsFindingCode.allCases.enumerated() where perCode[i] > 0 {
      let c = counts[code.rawValue]
      counts[code.rawValue] = (.warning, (c?.1 ?? 0) + perCode[i], c?.2 ?? code.summary)
    }
    let findingCounts = counts.keys.sorted().map { k in
      FindingCount(code: k, severity: counts[k]!.0, count: counts[k]!.1, summary: counts[k]!.2)
    }

    return ReportContent(
      source: log.source, zone: zone.identifier, period: period, accounting: log.accounting,
      roles: options.matrix.roles, headline: figures.headline, rates: figures.rates,
      escalations: figures.escalations,
      timeAtLevel: figures.timeAtLevel, timeToResolution: figures.timeToResolution,
      highestLevel: figures.highestLevel,
      levelAtResolution: figures.levelAtResolution, backlog: figures.backlog,
      sla: figures.slaSection, trend: trend,
      tickets: options.includeTickets ? figures.tickets : nil, warnings: rec.warnings,
      ticketIDs: log.ticketIDs,
      findingCounts: findingCounts)
  }

  /// The trend from the month of `firstTime` up to P's month, each month with its own end as
  /// its as-of, or the report's as-of when that is earlier. Facts carry their times, so one
  /// reconstruction up to the last month's end answers every month.
  static func trendRows(
    order: TicketOrder, rec: Reconstruction, period: ResolvedPeriod, zone: ZoneRules,
    firstTime: Int64
  ) -> [TrendRow] {
    let first = MonthKey(firstTime, zone: zone)
    let last = MonthKey(period.end > period.start ? period.end - 1 : period.start, zone: zone)
    guard first <= last else { return [] }
    var months: [MonthKey] = []
    var bounds: [Int64] = []
    var m = first
    while m <= last {
      months.append(m)
      bounds.append(m.start(in: zone))
      m = m.next
    }
    bounds.append(m.start(in: zone))
    // No row uses an event at or after the report's own cut-off: with an `--as-of` inside
    // the last month, that month's row is what the report itself says.
    let trendCutoff = min(bounds[bounds.count - 1], rec.cutoff)
    // Reuse the period's reconstruction when no event lies between the two cut-offs.
    let lo = min(trendCutoff, rec.cutoff)
    let hi = max(trendCutoff, rec.cutoff)
    var differs = false
    if lo != hi {
      for e in order.events where e.time >= lo && e.time < hi {
        differs = true
        break
      }
    }
    let r =
      differs
      ? Reconstruction(
        order: order, cutoff: trendCutoff, collectWarnings: false, recordStays: false) : rec
    let n = months.count
    func index(_ t: Int64) -> Int? {
      guard t >= bounds[0] && t < bounds[n] else { return nil }
      var a = 0
      var b = n  // bounds[a] <= t < bounds[b]
      while b - a > 1 {
        let mid = (a + b) / 2
        if bounds[mid] <= t { a = mid } else { b = mid }
      }
      return a
    }
    var opened = [Int](repeating: 0, count: n)
    var escalated = [Int](repeating: 0, count: n)
    var moves = [Int](repeating: 0, count: n)
    var ttr = [[Int64]](repeating: [], count: n)
    for t in 0..<r.ticketCount {
      let s = r.start[t]
      guard s != Reconstruction.never, let i = index(s) else { continue }
      opened[i] += 1
      if r.reached2At[t] < bounds[i + 1] { escalated[i] += 1 }
    }
    for k in 0..<r.moveTime.count {
      if let i = index(r.moveTime[k]) { moves[i] += 1 }
    }
    for k in 0..<r.resolutionTime.count {
      let rt = r.resolutionTime[k]
      guard let i = index(rt), r.reopenTime[k] >= bounds[i + 1] else { continue }
      ttr[i].append(rt - r.start[Int(r.resolutionTicket[k])])
    }
    return (0..<n).map { i in
      var v = ttr[i]
      Statistics.sortDurations(&v)
      return TrendRow(
        month: months[i], start: bounds[i], end: bounds[i + 1], opened: opened[i],
        escalated: escalated[i],
        escalationMoves: moves[i], resolved: v.count,
        medianTimeToResolution: Statistics.percentile(0.5, sorted: v))
    }
  }
}

/// The figures of one period from one reconstruction.
struct PeriodFigures {
  let rec: Reconstruction
  let period: ResolvedPeriod
  let sla: SLATargets?
  let ids: [String]
  let matrix: Matrix

  var headline = Headline(
    opened: 0, shareEscalated: nil, escalationMoves: 0, resolved: 0, medianTimeToResolution: nil,
    backlog: 0,
    slaBreaches: nil, slaStays: nil)
  var rates: [RateRow] = []
  var escalations: [EscalationMovesRow] = []
  var timeAtLevel: [TimeAtLevelRow] = []
  var timeToResolution: [ResolutionRow] = []
  var highestLevel: [LevelDistributionRow] = []
  var levelAtResolution: [LevelDistributionRow] = []
  var backlog: [BacklogRow] = []
  var slaSection: SLASection?
  var tickets: [MetricsTicketRow] = []

  init(rec: Reconstruction, period: ResolvedPeriod, sla: SLATargets?, ids: [String], matrix: Matrix)
  {
    self.rec = rec
    self.period = period
    self.sla = sla
    self.ids = ids
    self.matrix = matrix
  }

  /// Groups 0…7 are the categories, 8 uncategorized, 9 the total.
  static let groups = 10
  static let total = 9

  mutating func compute(includeTickets: Bool) {
    let g = PeriodFigures.groups
    let total = PeriodFigures.total
    let ps = period.start
    let pe = period.end
    let asOf = period.asOf
    var opened = [Int](repeating: 0, count: g)
    var reached = [[Int]](repeating: [0, 0, 0, 0, 0], count: g)  // index k = reached ≥ k
    var resolved = [Int](repeating: 0, count: g)
    var tal = [[Int64]](repeating: [], count: g * 4)
    var ttr = [[Int64]](repeating: [], count: g)
    var highestDist = [[Int]](repeating: [0, 0, 0, 0], count: g)
    var atResolution = [[Int]](repeating: [0, 0, 0, 0], count: g)
    var moves = [[Int]](repeating: [0, 0, 0], count: g)
    var slaStays = [Int](repeating: 0, count: g * 4)
    var slaBreaches = [Int](repeating: 0, count: g * 4)
    var anyUncategorized = false
    var backlogTickets: [Int] = []
    var movedInP = includeTickets ? [Bool](repeating: false, count: rec.ticketCount) : []

    for k in 0..<rec.moveTime.count {
      let time = rec.moveTime[k]
      guard time >= ps && time < pe else { continue }
      let t = Int(rec.moveTicket[k])
      let c = Int(rec.category[t])
      let l = Int(rec.moveTarget[k]) - 2
      moves[c][l] += 1
      moves[total][l] += 1
      if includeTickets { movedInP[t] = true }
    }

    for t in 0..<rec.ticketCount {
      let start = rec.start[t]
      guard start != Reconstruction.never else { continue }
      let c = Int(rec.category[t])
      if c == Int(Reconstruction.noCategory) { anyUncategorized = true }
      let h = Int(rec.highest[t])
      if start >= ps && start < pe {
        opened[c] += 1
        opened[total] += 1
        for k in 1...h {
          reached[c][k] += 1
          reached[total][k] += 1
        }
      }
      let r = rec.resolvedAt[t]
      if r != Reconstruction.never && r >= ps && r < pe {
        resolved[c] += 1
        resolved[total] += 1
        ttr[c].append(r - start)
        highestDist[c][h - 1] += 1
        highestDist[total][h - 1] += 1
        let lr = Int(rec.level[t]) - 1
        atResolution[c][lr] += 1
        atResolution[total][lr] += 1
        var sums: (Int64, Int64, Int64, Int64) = (-1, -1, -1, -1)
        for s in rec.stays(of: t) {
          let d = rec.stayEnd[s] - rec.stayStart[s]
          switch rec.stayLevel[s] {
          case 1: sums.0 = max(sums.0, 0) + d
          case 2: sums.1 = max(sums.1, 0) + d
          case 3: sums.2 = max(sums.2, 0) + d
          default: sums.3 = max(sums.3, 0) + d
          }
        }
        // Level by level without building an array per resolved ticket.
        if sums.0 >= 0 { tal[c * 4].append(sums.0) }
        if sums.1 >= 0 { tal[c * 4 + 1].append(sums.1) }
        if sums.2 >= 0 { tal[c * 4 + 2].append(sums.2) }
        if sums.3 >= 0 { tal[c * 4 + 3].append(sums.3) }
      }
      if r == Reconstruction.never { backlogTickets.append(t) }
      if let sla {
        for s in rec.stays(of: t) {
          let end = rec.stayEnd[s]
          let l = Int(rec.stayLevel[s])
          guard sla.seconds[l - 1] != nil else { continue }
          let d: Int64
          if end == Reconstruction.never {
            d = max(asOf - rec.stayStart[s], 0)
          } else if end >= ps && end < pe {
            d = end - rec.stayStart[s]
          } else {
            continue
          }
          slaStays[c * 4 + l - 1] += 1
          slaStays[total * 4 + l - 1] += 1
          if sla.breaches(level: l, duration: d) {
            slaBreaches[c * 4 + l - 1] += 1
            slaBreaches[total * 4 + l - 1] += 1
          }
        }
      }
    }

    // Rows: the 8 categories, uncategorized when present, total.
    let order = Array(0..<8) + (anyUncategorized ? [8] : []) + [total]
    func group(_ c: Int) -> RowGroup { c == total ? .total : RowGroup(index: c) }
    rates = order.map { c in
      RateRow(
        group: group(c), opened: opened[c], reached2: reached[c][2], reached3: reached[c][3],
        reached4: reached[c][4])
    }
    escalations = order.map { EscalationMovesRow(group: group($0), toLevel: moves[$0]) }
    // Statistics: each group's values sorted once (radix sort), the total's from all of them.
    for c in 0..<total {
      for l in 0..<4 { Statistics.sortDurations(&tal[c * 4 + l]) }
      Statistics.sortDurations(&ttr[c])
    }
    for l in 0..<4 {
      tal[total * 4 + l] = (0..<total).flatMap { tal[$0 * 4 + l] }
      Statistics.sortDurations(&tal[total * 4 + l])
    }
    ttr[total] = (0..<total).flatMap { ttr[$0] }
    Statistics.sortDurations(&ttr[total])
    timeAtLevel = []
    for c in order {
      for l in 0..<4 {
        timeAtLevel.append(
          TimeAtLevelRow(
            group: group(c), level: Level.all[l], stats: DurationStats(sorted: tal[c * 4 + l])))
      }
    }
    timeToResolution = order.map {
      ResolutionRow(group: group($0), stats: DurationStats(sorted: ttr[$0]))
    }
    highestLevel = order.map { LevelDistributionRow(group: group($0), counts: highestDist[$0]) }
    levelAtResolution = order.map {
      LevelDistributionRow(group: group($0), counts: atResolution[$0])
    }

    // Backlog, oldest first (ties: input order of tickets).
    backlogTickets.sort { a, b in
      rec.start[a] != rec.start[b] ? rec.start[a] < rec.start[b] : a < b
    }
    backlog = backlogTickets.map { t in
      let last = rec.stays(of: t).upperBound - 1
      let level = Level(rawValue: Int(rec.level[t])) ?? Level.all[0]
      let atLevel = max(asOf - rec.stayStart[last], 0)
      var breach: Bool? = nil
      if let sla, sla.target(level) != nil {
        breach = sla.breaches(level: level.rawValue, duration: atLevel)
      }
      return BacklogRow(
        ticket: id(t), group: RowGroup(index: Int(rec.category[t])), level: level,
        role: matrix.role(of: level),
        opened: rec.start[t], timeAtLevel: atLevel, age: max(asOf - rec.start[t], 0),
        slaBreach: breach)
    }

    if let sla {
      var rows: [SLARow] = []
      for c in order {
        for l in Level.all {
          guard let target = sla.target(l) else { continue }
          rows.append(
            SLARow(
              group: group(c), level: l, target: target, stays: slaStays[c * 4 + l.index],
              breaches: slaBreaches[c * 4 + l.index]))
        }
      }
      slaSection = SLASection(targets: sla, rows: rows)
    }

    let totalTTR = timeToResolution[timeToResolution.count - 1].stats
    headline = Headline(
      opened: opened[total], shareEscalated: rates[rates.count - 1].rate2,
      escalationMoves: moves[total].reduce(0, +), resolved: resolved[total],
      medianTimeToResolution: totalTTR.median, backlog: backlog.count,
      slaBreaches: sla == nil ? nil : slaBreaches[(total * 4)..<(total * 4 + 4)].reduce(0, +),
      slaStays: sla == nil ? nil : slaStays[(total * 4)..<(total * 4 + 4)].reduce(0, +))

    if includeTickets {
      tickets = ticketRows(movedInP: movedInP)
    }
  }

  func id(_ t: Int) -> String { t < ids.count ? ids[t] : "#\(t)" }

  /// Tickets opened, escalated or resolved in P, or open at as-of, by opened time.
  func ticketRows(movedInP: [Bool]) -> [MetricsTicketRow] {
    let ps = period.start
    let pe = period.end
    var scope: [Int] = []
    for t in 0..<rec.ticketCount {
      let s = rec.start[t]
      guard s != Reconstruction.never else { continue }
      let r = rec.resolvedAt[t]
      if (s >= ps && s < pe) || movedInP[t] || r == Reconstruction.never || (r >= ps && r < pe) {
        scope.append(t)
      }
    }
    scope.sort { a, b in rec.start[a] != rec.start[b] ? rec.start[a] < rec.start[b] : a < b }
    return scope.map { t in
      let r = rec.resolvedAt[t]
      let resolved = r == Reconstruction.never ? nil : r
      var breaches = 0
      if let sla {
        for s in rec.stays(of: t) {
          let end =
            rec.stayEnd[s] == Reconstruction.never
            ? max(period.asOf, rec.stayStart[s]) : rec.stayEnd[s]
          if sla.breaches(level: Int(rec.stayLevel[s]), duration: end - rec.stayStart[s]) {
            breaches += 1
          }
        }
      }
      return MetricsTicketRow(
        ticket: id(t), group: RowGroup(index: Int(rec.category[t])), opened: rec.start[t],
        resolved: resolved,
        highestLevel: Level(rawValue: Int(rec.highest[t])) ?? Level.all[0],
        levelAtResolution: resolved == nil ? nil : Level(rawValue: Int(rec.level[t])),
        secondsAtLevel: rec.secondsAtLevel(of: t, asOf: period.asOf),
        timeToResolution: resolved.map { $0 - rec.start[t] },
        slaBreaches: breaches)
    }
  }
}
