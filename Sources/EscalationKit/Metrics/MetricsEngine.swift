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
  /// Whether to list every stay the SLA checks (`--table stays`; large for big logs).
  public var includeStays = false
  /// A business calendar (`--calendar`): business time beside calendar time, and the SLA
  /// targets in business time judged in it (docs/calendar.md).
  public var calendar: BusinessCalendar? = nil
  /// The `--at-risk` window, seconds in each target's clock; `nil`: a quarter of the target.
  public var atRiskWindow: Int64? = nil
  /// `--exclude-paused`: time at level without the paused time (docs/metrics.md#pauses).
  public var excludePaused = false
  /// The dashboard's targets (docs/metrics.md#dashboard).
  public var targets: MetricsTargets

  public init(
    period: PeriodSpec = .all, asOf: Int64? = nil, zone: ZoneRules = .utc, sla: SLATargets? = nil,
    matrix: Matrix = .canonical(.en), includeTickets: Bool = false, includeTrend: Bool = true,
    targets: MetricsTargets = .defaults
  ) {
    self.targets = targets
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
    let period = ResolvedPeriod.resolve(
      options.period, zone: options.zone, eventTimes: order.timeRange, asOf: options.asOf)
    let made = reconstruct(order, period: period, options: options)
    return content(log, made, period: period, options: options)
  }

  /// The same for a log the caller gives up (`metrics`): `check` sees the log and the period
  /// first (it may throw: nothing is computed then); the events are released once the
  /// reconstructions are made, before the figures, which read only the reconstruction (less
  /// memory at the peak). `log.events` is empty after.
  public static func compute(
    releasing log: inout EventLog, options: MetricsOptions,
    check: (EventLog, ResolvedPeriod) throws -> Void
  ) throws -> ReportContent {
    // The log is the caller's to give up: its events are put in ticket order where they are
    // (as a cache miss for the figures does), so that reconstructions read them in order.
    if log.ticketOffsets == nil {
      let order = EventCacheCodec.ticketPermutation(log)
      log.ticketIndex = nil  // `order` may be it: released, so that the sort uses it in place
      EventCacheCodec.sortForFigures(&log, order: order)
    }
    // The events' memory may be given back below: it must be this log's alone, or a copy the
    // caller kept (sharing it) would read zeros. A mutable access makes it so: nothing to do
    // when it is already (the `metrics` command's case), a copy when the caller kept one.
    log.events.withUnsafeMutableBufferPointer { _ in }
    var order: TicketOrder? = TicketOrder(log)
    let period = ResolvedPeriod.resolve(
      options.period, zone: options.zone, eventTimes: order!.timeRange, asOf: options.asOf)
    try check(log, period)
    // The events are read for the last time by this reconstruction unless the trend needs
    // one of its own: their memory is then given back as it passes them (a lower peak).
    let trendReads =
      options.includeTrend
      && order!.timeRange.map {
        TrendFigures.readsEvents(
          order: order!, period: period, zone: options.zone, firstTime: $0.first,
          cutoff: period.cutoff)
      } ?? false
    let made = reconstruct(
      order!, period: period, options: options, releasingEvents: !trendReads)
    order = nil
    log.events = []
    log.ticketOffsets = nil
    return content(log, made, period: period, options: options)
  }

  /// What the figures are made from: the reconstruction up to the period's cut-off, the
  /// business-time index, the trend's reconstruction (``TrendFigures``; usually the same) and
  /// the first event's time: no event is read after this.
  struct Reconstructed {
    var rec: Reconstruction
    var index: BusinessTimeIndex?
    var trend: Reconstruction?
    var firstTime: Int64?
  }

  /// `releasingEvents`: see ``Reconstruction/init(order:cutoff:collectWarnings:recordStays:releasingEvents:)``
  /// (the caller has made sure that the trend reads no event).
  static func reconstruct(
    _ order: TicketOrder, period: ResolvedPeriod, options: MetricsOptions,
    releasingEvents: Bool = false
  ) -> Reconstructed {
    let rec = Reconstruction(
      order: order, cutoff: period.cutoff, releasingEvents: releasingEvents)
    // One index over every instant the figures read: first event (or period start) … as-of.
    let index = options.calendar.map { calendar in
      let first = min(order.timeRange?.first ?? period.start, period.start)
      return BusinessTimeIndex(calendar: calendar, covering: first...max(first, period.asOf))
    }
    let first = order.timeRange?.first
    // Events given back: the caller found that the trend's reconstruction is this one (its
    // check would read them).
    let trend = first.flatMap { first -> Reconstruction? in
      guard options.includeTrend else { return nil }
      if releasingEvents { return rec }
      return TrendFigures.reconstruction(
        order: order, rec: rec, period: period, zone: options.zone, firstTime: first,
        stays: options.sla != nil)
    }
    return Reconstructed(rec: rec, index: index, trend: trend, firstTime: first)
  }

  /// The report content from the reconstruction (the log's events are not read).
  static func content(
    _ log: EventLog, _ made: Reconstructed, period: ResolvedPeriod, options: MetricsOptions
  ) -> ReportContent {
    let rec = made.rec
    let index = made.index
    var trend: [TrendRow] = []
    if let r = made.trend, let first = made.firstTime {
      trend = TrendFigures.rows(
        r, period: period, zone: options.zone, firstTime: first,
        sla: options.sla.map { SLAJudge(targets: $0, index: index) })
    }
    var figures = PeriodFigures(
      rec: rec, period: period, sla: options.sla, ids: log.ticketIDs, matrix: options.matrix,
      index: index, atRiskWindow: options.atRiskWindow, ownerNames: log.owners)
    figures.excludePaused = options.excludePaused
    figures.includeStays = options.includeStays
    figures.compute(includeTickets: options.includeTickets)

    var content = ReportContent(
      source: log.source, zone: options.zone.identifier, period: period,
      accounting: log.accounting,
      roles: options.matrix.roles, headline: figures.headline, rates: figures.rates,
      escalations: figures.escalations,
      timeAtLevel: figures.timeAtLevel, timeToResolution: figures.timeToResolution,
      highestLevel: figures.highestLevel,
      levelAtResolution: figures.levelAtResolution, backlog: figures.backlog,
      sla: figures.slaSection, trend: trend,
      tickets: options.includeTickets ? figures.tickets : nil, warnings: rec.warnings,
      owners: figures.owners, aging: figures.aging,
      ticketIDs: log.ticketIDs,
      findingCounts: findingCounts(log.findings, rec.warnings))
    content.calendarZone = options.calendar?.zone.identifier
    content.businessTimeAtLevel = figures.businessTimeAtLevel
    content.dashboard = Dashboard.of(content, targets: options.targets)
    content.flow = FlowSection.of(content, reopened: figures.reopened)
    return content
  }

  /// Counts per code of the import's `findings` and the reconstruction's `warnings`, in code
  /// order; an import code is summarised by its first occurrence, a `MET…` code by its summary.
  static func findingCounts(_ findings: [Finding], _ warnings: [MetricsWarning]) -> [FindingCount] {
    var counts: [String: (Severity, Int, String)] = [:]
    for f in findings {
      if let c = counts[f.code] {
        counts[f.code] = (c.0, c.1 + 1, c.2)
      } else {
        // An import code is summarised by its first occurrence.
        let first = f.line.map { "first at line \($0): " } ?? ""
        counts[f.code] = (f.severity, 1, first + f.message)
      }
    }
    var perCode = [Int](repeating: 0, count: MetricsFindingCode.allCases.count)
    for w in warnings { perCode[MetricsFindingCode.allCases.firstIndex(of: w.code)!] += 1 }
    for (i, code) in MetricsFindingCode.allCases.enumerated() where perCode[i] > 0 {
      let c = counts[code.rawValue]
      counts[code.rawValue] = (.warning, (c?.1 ?? 0) + perCode[i], c?.2 ?? code.summary)
    }
    return counts.keys.sorted().map { k in
      FindingCount(code: k, severity: counts[k]!.0, count: counts[k]!.1, summary: counts[k]!.2)
    }

  }
}
