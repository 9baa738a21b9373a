import EscalationKit
import Testing

/// SLA targets per category (docs/metrics.md#sla): a category's own target replaces its
/// level's for the tickets of that category; hand-worked logs, each expected value derived in
/// the comment beside it. Hour 0 of the builder is Thursday 1 October 2026 00:00 UTC; the
/// calendar is BusinessSLATests's (UTC, Monday to Friday 09:00-18:00), so Fri 2 October
/// 16:00 is hour 40 and Mon 5 October 09:00 hour 105.
@Suite struct CategorySLATests: MetricsFixtures {
  /// Levels 1=24h, 2=48h; guidance acquisition 1=4h (calendar) or 1=8bh (business).
  func targets(business: Bool = false) throws -> SLATargets {
    var t = try SLATargets.parse("1=24h,2=48h")
    t.set(try SLATargets.parse(business ? "1=8bh" : "1=4h"), for: .guidanceAcquisition)
    return t
  }

  func compute(_ b: LogBuilder, _ t: SLATargets, asOf: Int64? = nil, calendar: Bool = false)
    -> ReportContent
  {
    var o = MetricsOptions(period: october, asOf: asOf, sla: t, includeTickets: true)
    if calendar { o.calendar = BusinessSLATests.office }
    return MetricsEngine.compute(b.log, options: o)
  }

  func sla(_ r: ReportContent, _ g: RowGroup, _ level: Int) -> SLARow? {
    r.sla?.rows.first { $0.group == g && $0.level.rawValue == level }
  }

  @Test func aCategoryTargetReplacesItsLevelsOnlyForThatCategory() throws {
    // A (guidance acquisition): L1 [h 0, h 5) = 5 h > 4 h: breach; L2 [h 5, h 6) 1 h ≤ 48 h.
    // B (operational challenges): L1 [h 0, h 5) = 5 h ≤ 24 h, resolved at h 5.
    // C (no category): L1 [h 0, h 30) = 30 h > 24 h: breach; then L2 until h 31.
    var b = LogBuilder()
    b.add("A", 0, .open, 1, .guidanceAcquisition)
    b.add("A", 5, .escalate, 2, nil)
    b.add("A", 6, .resolve, nil, nil)
    b.add("B", 0, .open, 1)
    b.add("B", 5, .resolve, nil, nil)
    b.add("C", 0, .open, 1, nil)
    b.add("C", 30, .escalate, 2, nil)
    b.add("C", 31, .resolve, nil, nil)
    let r = compute(b, try targets())
    let g = try #require(sla(r, .category(.guidanceAcquisition), 1))
    #expect(g.target == 14_400 && g.stays == 1 && g.breaches == 1 && g.ticketsBreached == 1)
    let o = try #require(sla(r, .category(.operationalChallenges), 1))
    #expect(o.target == 86_400 && o.stays == 1 && o.breaches == 0)
    let u = try #require(sla(r, .uncategorized, 1))
    #expect(u.target == 86_400 && u.stays == 1 && u.breaches == 1)
    // The total at L1 mixes 4 h and 24 h: no single target; 3 stays, 2 breached.
    let t1 = try #require(sla(r, .total, 1))
    #expect(t1.target == nil && t1.stays == 3 && t1.breaches == 2)
    // L2 has no category target: the total keeps 48 h; A's 1 h and C's 1 h are within it.
    let t2 = try #require(sla(r, .total, 2))
    #expect(t2.target == 172_800 && t2.stays == 2 && t2.breaches == 0)
    #expect(row(r, "A")?.slaBreaches == 1 && row(r, "B")?.slaBreaches == 0)
    #expect(row(r, "C")?.slaBreaches == 1)
    // Without the category target, A's 5 h is within 24 h: one breach at L1 (C's).
    let plain = compute(b, try SLATargets.parse("1=24h,2=48h"))
    #expect(sla(plain, .total, 1)?.breaches == 1 && sla(plain, .total, 1)?.target == 86_400)
    #expect(row(plain, "A")?.slaBreaches == 0)
    // The monthly trend counts the same stays (5) and breaches (2) for October.
    let oct = try #require(r.trend.first { $0.month.month == 10 })
    #expect(oct.slaStays == 5 && oct.slaBreaches == 2)
  }

  @Test func aBusinessCategoryTargetAndTheDashboardOverTarget() throws {
    // As-of Mon 5 Oct 16:00 (h 112). Guidance acquisition 1=8bh, others 1=24h calendar.
    // D (guidance): L1 from Fri 16:00 (h 40): business Fri 16-18 (2 h) + Mon 9-16 (7 h) =
    //   9 h > 8 bh: breached, 1 business hour over (3 600 s); 72 h calendar at level.
    // E (guidance): L1 from h 40, paused Fri 17:00 (h 41), resumed by an update Mon 10:00
    //   (h 106): 9 business hours less Fri 17-18 and Mon 9-10 paused (2 h) = 7 h ≤ 8 bh.
    // F (operational): L1 from h 40: 72 h > 24 h calendar: 48 h over (172 800 s).
    var b = LogBuilder()
    b.add("D", 40, .open, 1, .guidanceAcquisition)
    b.add("E", 40, .open, 1, .guidanceAcquisition)
    b.add("E", 41, .pause, nil, nil)
    b.add("E", 106, .update, nil, nil)
    b.add("F", 40, .open, 1)
    let r = compute(b, try targets(business: true), asOf: b.base + h(112), calendar: true)
    let g = try #require(sla(r, .category(.guidanceAcquisition), 1))
    #expect(g.clock == .business && g.target == 28_800 && g.stays == 2 && g.breaches == 1)
    #expect(sla(r, .category(.operationalChallenges), 1)?.clock == .calendar)
    let backlog = Dictionary(uniqueKeysWithValues: r.backlog.map { ($0.ticket, $0) })
    #expect(backlog["D"]?.slaBreach == true && backlog["E"]?.slaBreach == false)
    #expect(backlog["D"]?.sla == BacklogSLA(elapsed: 32_400, target: 28_800, clock: .business))
    #expect(backlog["E"]?.sla == BacklogSLA(elapsed: 25_200, target: 28_800, clock: .business))
    #expect(backlog["F"]?.sla == BacklogSLA(elapsed: 259_200, target: 86_400, clock: .calendar))
    // Over target in each target's own clock, pauses left out: F 48 h, then D 1 business h
    // (not 72 h − 8 h of calendar time).
    let worst = r.dashboard.worstBreaching
    #expect(worst.map(\.ticket.ticket) == ["F", "D"])
    #expect(worst.map(\.over) == [172_800, 3_600])
    #expect(worst.map(\.clock) == [.calendar, .business])
    // At risk (window a quarter of the target, 2 bh): E has 1 business hour left, breaching
    // Mon 17:00 (h 113) if it is not paused again.
    let risk = try #require(r.sla?.atRisk)
    #expect(risk.map(\.ticket) == ["E"])
    #expect(risk.first?.breachAt == b.base + h(113) && risk.first?.target == 28_800)
  }

  @Test func targetsWrittenBackNameTheCategory() throws {
    let t = try targets(business: true)
    #expect(t.description == "1=24h,2=48h; guidance-acquisition: 1=8bh")
    #expect(t.hasBusinessTarget && t.hasCategoryTargets)
    #expect(t.seconds(level: 1, category: CategoryKey.guidanceAcquisition.index) == 28_800)
    #expect(t.seconds(level: 1, category: 8) == 86_400)
    #expect(
      t.uniformTarget(Level.all[1])?.seconds == 172_800 && t.uniformTarget(Level.all[0]) == nil)
  }
}
