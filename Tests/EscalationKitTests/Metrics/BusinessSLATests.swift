import EscalationKit
import Testing

/// SLA and time at level in business time with a calendar (docs/metrics.md#sla,
/// docs/calendar.md): hand-worked logs, each expected value derived in the comment beside it.
/// The calendar is UTC, Monday to Friday 09:00-18:00 (9 business hours a day). 1 October 2026
/// is a Thursday (273 days after Thursday 1 January 2026, a multiple of 7), so hour 40 of the
/// builder is Friday 2 October 16:00 and Monday 5 October starts at hour 96.
@Suite struct BusinessSLATests: MetricsFixtures {
  static let office = BusinessCalendar(
    zone: .utc,
    week: Array(repeating: [WorkingInterval(hours: 9, 0, to: 18, 0)!], count: 5) + [[], []])

  func report(
    _ b: LogBuilder, sla: String, asOf: Int64? = nil, atRisk: Int64? = nil,
    calendar: BusinessCalendar? = BusinessSLATests.office
  ) throws -> ReportContent {
    var o = MetricsOptions(
      period: october, asOf: asOf, sla: try SLATargets.parse(sla), includeTickets: true)
    o.calendar = calendar
    o.atRiskWindow = atRisk
    return MetricsEngine.compute(b.log, options: o)
  }

  func total(_ r: ReportContent, _ level: Int) -> SLARow? {
    r.sla?.rows.first { $0.group == .total && $0.level.rawValue == level }
  }

  @Test func aStayOverAWeekendIsJudgedInBusinessHours() throws {
    // W: L1 from Fri 2 Oct 16:00 (h 40) to Mon 5 Oct 14:00 (h 110): 70 h of calendar time,
    // business Fri 16-18 (2 h) + Mon 9-14 (5 h) = 7 h ≤ 8 bh: no breach. Resolved Mon 16:00
    // after 2 h at L2 (2 business hours). X: L1 from Fri 16:00 to Mon 15:00:01: 2 h + 6 h 0 m
    // 1 s = 8 h 0 m 1 s > 8 bh: breach. X stays open at L2 (no target).
    var b = LogBuilder()
    b.add("W", 40, .open, 1)
    b.add("W", 110, .escalate, 2)
    b.add("W", 112, .resolve)
    b.add("X", 40, .open, 1)
    b.add("X", 111 + 1.0 / 3600, .escalate, 2)
    let r = try report(b, sla: "1=8bh")
    let l1 = try #require(total(r, 1))
    #expect(l1.clock == .business && l1.target == 28_800)
    #expect(l1.stays == 2 && l1.breaches == 1 && l1.compliance == 0.5)
    #expect(l1.ticketsBreached == 1)
    // Ever breached: X (at L1); breached on the last stay: none (X's last stay, at L2, has
    // no target; W's last stay, at L2, neither).
    let tickets = try #require(r.sla?.tickets?.first { $0.group == .total })
    #expect(tickets.tickets == 2 && tickets.everBreached == 1 && tickets.breachedOnLastStay == 0)
    #expect(row(r, "X")?.slaBreaches == 1 && row(r, "W")?.slaBreaches == 0)
    // The same stays in calendar time (1=8h): both 70 h and 71 h breach.
    let cal = try report(b, sla: "1=8h")
    #expect(total(cal, 1)?.breaches == 2 && total(cal, 1)?.clock == .calendar)
    // Time at level of the resolved W: 70 h calendar, 7 h business at L1; 2 h and 2 h at L2.
    let bt = try #require(r.businessTimeAtLevel)
    #expect(bt.first { $0.group == .total && $0.level.rawValue == 1 }?.stats.max == 25_200)
    #expect(tal(r, .total, 1)?.max == 252_000)
    #expect(bt.first { $0.group == .total && $0.level.rawValue == 2 }?.stats.max == 7_200)
    #expect(r.calendarZone == "UTC")
  }

  @Test func breachInstantAndAtRisk() throws {
    // As-of Thu 8 Oct 17:00 (h 185), target 1=16bh (at-risk window by default 4 bh).
    // Y from Wed 7 Oct 11:00 (h 155): Wed 11-18 (7 h) + Thu 9-17 (8 h) = 15 h, 1 h left; the
    // 16th hour ends Thu 18:00, the next working second starts Fri 9 Oct 09:00: breach at
    // Fri 09:00:00 (a stay ending after it breaches). At risk.
    // Z from Wed 13:00 (h 157): 5 h + 8 h = 13 h, 3 h left (≤ 4 h): at risk; 14 h by Thu
    // 18:00, 2 h more on Friday: breach at Fri 11:00.
    // V from Thu 09:00 (h 177): 8 h, 8 h left: not at risk (at risk with a window of 8 h).
    // U from Mon 5 Oct 09:00 (h 105): 9 + 9 + 9 + 8 = 35 h > 16 h: breached, not at risk.
    var b = LogBuilder()
    b.add("Y", 155, .open, 1)
    b.add("Z", 157, .open, 1)
    b.add("V", 177, .open, 1)
    b.add("U", 105, .open, 1)
    let asOf = b.base + h(185)
    let r = try report(b, sla: "1=16bh", asOf: asOf)
    let risk = try #require(r.sla?.atRisk)
    #expect(risk.map(\.ticket) == ["Y", "Z"])
    #expect(risk[0].breachAt == b.base + h(8 * 24 + 9))  // Fri 9 Oct 09:00
    #expect(risk[0].remaining == 3_600 && risk[0].businessSeconds == 54_000)
    #expect(risk[0].calendarSeconds == h(30))  // Wed 11:00 → Thu 17:00
    #expect(risk[1].breachAt == b.base + h(8 * 24 + 11) && risk[1].remaining == 10_800)
    let l1 = try #require(total(r, 1))
    #expect(l1.stays == 4 && l1.breaches == 1 && l1.compliance == 0.75 && l1.ticketsBreached == 1)
    let tickets = try #require(r.sla?.tickets?.first { $0.group == .total })
    #expect(tickets.everBreached == 1 && tickets.breachedOnLastStay == 1)
    // The backlog flags U only, in business time (U's 84 calendar hours would all breach 16 h).
    #expect(r.backlog.filter { $0.slaBreach == true }.map(\.ticket) == ["U"])
    // A window of 8 h takes V too: 8 h left, Thu 17-18 gives 1 h, Fri 09-16 the other 7 h:
    // breach at Fri 9 Oct 16:00.
    let wide = try report(b, sla: "1=16bh", asOf: asOf, atRisk: h(8))
    #expect(wide.sla?.atRisk?.map(\.ticket) == ["Y", "Z", "V"])
    #expect(wide.sla?.atRisk?.last?.breachAt == b.base + h(8 * 24 + 16))
  }

  @Test func withoutACalendarNothingIsAdded() throws {
    var b = LogBuilder()
    b.add("A", 40, .open, 1)
    b.add("A", 110, .resolve)
    let r = try report(b, sla: "1=8h", calendar: nil)
    #expect(r.businessTimeAtLevel == nil && r.calendarZone == nil)
    #expect(r.sla?.tickets == nil && r.sla?.atRisk == nil)
    // Tickets with a breach per level are counted with or without a calendar (the SLA sheet
    // shows them): A's one stay at level 1, hours 40 to 110 (70 h > 8 h), is one ticket.
    #expect(total(r, 1)?.ticketsBreached == 1 && total(r, 1)?.breaches == 1)
  }

  @Test func slaTargetsReadTheirClock() throws {
    let t = try SLATargets.parse("1=8bh, 2=24h,3=90BM")
    #expect(t.seconds == [28_800, 86_400, 5_400, nil])
    #expect(t.clocks == [.business, .calendar, .business, .calendar])
    #expect(t.hasBusinessTarget && t.description == "1=8bh,2=24h,3=90bm")
    #expect(!(try SLATargets.parse("1=24h")).hasBusinessTarget)
    #expect(throws: SLAError.businessDays(item: "1=2bd")) { try SLATargets.parse("1=2bd") }
    #expect(throws: SLAError.badDuration(item: "1=8b")) { try SLATargets.parse("1=8b") }
    #expect(try SLATargets.parseWindow("2h") == 7_200)
    #expect(throws: SLAError.badWindow(text: "0h")) { try SLATargets.parseWindow("0h") }
  }

  /// Property (issue 11): with a 24×7 calendar, business figures equal calendar figures
  /// exactly: time at level row for row, and SLA counts with `bh` targets equal those with
  /// `h` targets, on random logs in UTC and in Paris (DST changes inside).
  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
  func twentyFourSevenBusinessEqualsCalendar(seed: UInt64) throws {
    let zone: ZoneRules = seed % 2 == 0 ? .utc : ZoneRules(identifier: "Europe/Paris")!
    let log = generatedLog(seed: seed, tickets: 400)
    var o = MetricsOptions(
      period: october, zone: zone, sla: try SLATargets.parse("1=8bh,2=16bh,3=30bh,4=2bh"))
    o.calendar = .twentyFourSeven(zone: zone)
    let business = MetricsEngine.compute(log, options: o)
    o.sla = try SLATargets.parse("1=8h,2=16h,3=30h,4=2h")
    let calendar = MetricsEngine.compute(log, options: o)
    #expect(business.businessTimeAtLevel == business.timeAtLevel)
    #expect(business.timeAtLevel.contains { $0.stats.count > 0 })
    let b = try #require(business.sla)
    let c = try #require(calendar.sla)
    #expect(b.rows.map(\.breaches) == c.rows.map(\.breaches))
    #expect(b.rows.map(\.stays) == c.rows.map(\.stays))
    #expect(b.rows.map(\.ticketsBreached) == c.rows.map(\.ticketsBreached))
    #expect(b.tickets == c.tickets)
    #expect(b.atRisk?.map(\.breachAt) == c.atRisk?.map(\.breachAt))
    #expect(b.rows.contains { $0.breaches > 0 })
  }
}
