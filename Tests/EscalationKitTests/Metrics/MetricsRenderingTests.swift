import EscalationKit
import Testing

/// Text, JSON and CSV render the same content; parsing of the options.
@Suite struct MetricsRenderingTests {
  func sample() -> ReportContent {
    // A: open 0 h, → 2 at 1.5 h, resolved 4 h (TTR 4 h). B: open 2 h, still open.
    var b = LogBuilder()
    b.add("A", 0, .open, 1)
    b.add("A", 1.5, .escalate, 2)
    b.add("A", 4, .resolve)
    b.add("B", 2, .open, 1, .customerDataIssues)
    return MetricsEngine.compute(
      b.log,
      options: MetricsOptions(
        period: .month(year: 2026, month: 10), sla: try? SLATargets.parse("1=1h"),
        includeTickets: true))
  }

  @Test func textShowsHeadlineHoursAndPercentages() {
    let text = MetricsRenderer(content: sample(), language: .en, zone: .utc).text(
      table: nil, color: false)
    #expect(
      text.hasPrefix(
        "Escalation metrics — log.csv\nPeriod: 2026-10 (2026-10-01 00:00 → 2026-11-01 00:00, UTC); as of 2026-11-01 00:00\n"
      ))
    // Headline: 2 opened, 1 of 2 escalated = 50.0%, median TTR 4.0 h.
    #expect(text.contains("  Tickets opened                    2\n"))
    #expect(text.contains("  Escalated (level ≥ 2)             50.0%\n"))
    #expect(text.contains("  Median time to resolution (h)     4.0\n"))
    // The total rates row: 2 opened, 1 reached 2: rates 50 %, 0 %, 0 %; steps 1→2 50 %,
    // 2→3 0/1 = 0 %, 3→4 empty (no ticket at 3).
    #expect(
      text.contains(
        "\nTotal                            2   1   0   0    50.0%     0.0%    0.0%   50.0%  0.0%\n"
      ))
    // A category without tickets has empty rates.
    #expect(text.contains("\nSchedule adjustments             0   0   0   0\n"))
    #expect(!text.contains("\u{1B}["))
    // French: decimal comma and a space before %.
    let fr = MetricsRenderer(content: sample(), language: .fr, zone: .utc).text(
      table: nil, color: false)
    #expect(fr.contains("50,0 %"))
    #expect(fr.contains("Défis opérationnels"))
    let colored = MetricsRenderer(content: sample(), language: .en, zone: .utc).text(
      table: nil, color: true)
    #expect(colored.contains("\u{1B}[1m"))
  }

  @Test func jsonHasStableKeys() {
    let json = MetricsRenderer(content: sample(), language: .en, zone: .utc).json().serialized(
      pretty: false)
    #expect(json.hasPrefix(#"{"tool":"escalation","version":"#))
    #expect(
      json.contains(
        #""period":{"kind":"month","label":"2026-10","start":"2026-10-01T00:00:00Z","end":"2026-11-01T00:00:00Z","asOf":"2026-11-01T00:00:00Z""#
      ))
    #expect(
      json.contains(
        #""headline":{"opened":2,"shareEscalated":0.5,"escalationMoves":1,"resolved":1,"medianTimeToResolutionSeconds":14400,"backlog":1,"slaBreaches":2,"slaStays":2}"#
      ))
    // A's L1 stay (1.5 h) and B's open L1 stay (742 h) breach 1 h.
    #expect(
      json.contains(
        #""levels":{"1":{"tickets":1,"meanSeconds":5400,"medianSeconds":5400,"p90Seconds":5400,"maxSeconds":5400}"#
      ))
    #expect(
      json.contains(
        #""tickets":[{"ticket":"A","category":"operational-challenges","opened":"2026-10-01T00:00:00Z","resolved":"2026-10-01T04:00:00Z","highestLevel":2,"levelAtResolution":2,"secondsAtLevel":{"1":5400,"2":9000,"3":null,"4":null},"timeToResolutionSeconds":14400,"slaBreaches":1,"owner":"","slaLastStayBreached":null}"#
      ))
    let one = MetricsRenderer(content: sample(), language: .en, zone: .utc).json(table: .trend)
      .serialized(pretty: false)
    #expect(one.contains(#""trend":[{"month":"2026-10","#))
    #expect(!one.contains(#""rates""#))
  }

  @Test func csvIsOneTable() {
    let r = MetricsRenderer(content: sample(), language: .en, zone: .utc)
    let rates = r.csv(table: .rates)
    #expect(
      rates.hasPrefix(
        "category,label,opened,reached_2,reached_3,reached_4,rate_2,rate_3,rate_4,step_1_2,step_2_3,step_3_4\r\n"
      ))
    #expect(rates.hasSuffix("total,Total,2,1,0,0,0.5,0,0,0.5,0,\r\n"))
    let backlog = r.csv(table: .backlog)
    // B: opened 2 h, as-of 2026-11-01: 742 h at level 1.
    #expect(
      backlog
        == "ticket,category,label,level,role,opened,hours_at_level,age_hours,sla_breach,owner\r\nB,customer-data-issues,Customer data issues,1,Project team contact,2026-10-01 02:00:00,742,742,true,\r\n"
    )
    let tal = r.csv(table: .timeAtLevel)
    #expect(tal.contains("total,Total,2,1,2.5,2.5,2.5,2.5\r\n"))
    #expect(tal.contains("total,Total,3,0,,,,\r\n"))
    // With targets, the last column: A's last stay (L2) has no target (empty); B's open L1
    // stay, 742 h against 1 h, is over it.
    #expect(
      r.csv(table: .tickets).contains(
        "A,operational-challenges,Operational challenges,2026-10-01 00:00:00,2026-10-01 04:00:00,2,2,1.5,2.5,,,4,1,,\r\n"
      ))
    #expect(r.csv(table: .tickets).hasSuffix(",742,,,,,1,,true\r\n"))
    #expect(
      r.csv(table: .trend)
        == "month,opened,escalated,share_escalated,escalation_moves,resolved,median_ttr_hours,backlog,sla_stays,sla_breaches,sla_compliance\r\n2026-10,2,1,0.5,1,1,4,1,2,2,0\r\n"
    )
  }

  @Test func findingsAreSummarisedPerCodeWithAHint() {
    // Two import findings of one code, and one reconstruction warning (F starts with a
    // resolve: MET004).
    var b = LogBuilder()
    b.add("F", 1, .resolve)
    var log = b.log
    log.findings = [
      Finding(
        code: "LOG020", severity: .error, file: "log.csv", line: 7,
        message: "unknown category 'Foo'"),
      Finding(
        code: "LOG020", severity: .error, file: "log.csv", line: 9,
        message: "unknown category 'Bar'"),
    ]
    let content = MetricsEngine.compute(log, options: MetricsOptions())
    #expect(content.findingCounts.map(\.code) == ["LOG020", "MET004"])
    #expect(content.findingCounts.map(\.count) == [2, 1])
    #expect(
      content.findings.map(\.description) == [
        "log.csv:2: warning[MET004]: ticket F: first event is 'resolve', not an open, and gives no level; "
          + "the ticket starts here at level 1"
      ])
    let text = MetricsRenderer(content: content, language: .en, zone: .utc).text(
      table: nil, color: false)
    #expect(text.contains("  error[LOG020] ×2: first at line 7: unknown category 'Foo'\n"))
    #expect(
      text.contains(
        "  warning[MET004] ×1: ticket whose first event is not an open; it starts at that event\n"))
    #expect(
      text.hasSuffix("Run `escalation import log.csv` for the details (file, line, message).\n"))
  }

  @Test func slaTargetsParse() throws {
    let t = try SLATargets.parse("1=24h, 2=90m,3=1.5d ,4=120h")
    #expect(t.seconds == [86_400, 5400, 129_600, 432_000])
    #expect(try SLATargets.parse("2=48h").seconds == [nil, 172_800, nil, nil])
    #expect(throws: SLAError.repeatedLevel(level: 1)) { try SLATargets.parse("1=1h,1=2h") }
    #expect(throws: SLAError.unknownLevel(item: "5=1h")) { try SLATargets.parse("5=1h") }
    #expect(throws: SLAError.badDuration(item: "1=24")) { try SLATargets.parse("1=24") }
    #expect(throws: SLAError.notPositive(item: "1=0h")) { try SLATargets.parse("1=0h") }
    #expect(throws: SLAError.malformed(item: "", text: "1=1h,")) { try SLATargets.parse("1=1h,") }
    #expect(t.description == "1=24h,2=90m,3=36h,4=120h")
  }

  @Test func periodsParseAndResolve() throws {
    let paris = try #require(ZoneRules(identifier: "Europe/Paris"))
    #expect(try PeriodSpec.parseMonth("2026-10") == .month(year: 2026, month: 10))
    #expect(throws: PeriodError.badMonth("2026-13")) { try PeriodSpec.parseMonth("2026-13") }
    // --from 2026-10-01 --to 2026-10-31 in Paris: both days included, ends at 1 Nov 00:00 CET.
    let days = try PeriodSpec.parseDays(from: "2026-10-01", to: "2026-10-31")
    let p = ResolvedPeriod.resolve(days, zone: paris, eventTimes: nil)
    #expect(p.start == LocalDateTime(year: 2026, month: 9, day: 30, hour: 22).secondsAsIfUTC)
    #expect(p.end == LocalDateTime(year: 2026, month: 10, day: 31, hour: 23).secondsAsIfUTC)
    #expect(p.asOf == p.end && p.cutoff == p.end)
    #expect(throws: PeriodError.reversed(from: "2026-10-31", to: "2026-10-01")) {
      try PeriodSpec.parseDays(from: "2026-10-31", to: "2026-10-01")
    }
    // As-of: local to the zone unless it carries an offset.
    #expect(
      try PeriodSpec.parseInstant("2026-10-15T12:00", zone: paris)
        == LocalDateTime(year: 2026, month: 10, day: 15, hour: 10).secondsAsIfUTC)
    #expect(
      try PeriodSpec.parseInstant("2026-10-15 12:00:30Z", zone: paris)
        == LocalDateTime(year: 2026, month: 10, day: 15, hour: 12, second: 30).secondsAsIfUTC)
    #expect(
      try PeriodSpec.parseInstant("2026-10-15T12:00+05:30", zone: paris)
        == LocalDateTime(year: 2026, month: 10, day: 15, hour: 6, minute: 30).secondsAsIfUTC)
    #expect(
      try PeriodSpec.parseInstant("2026-11-01", zone: paris)
        == LocalDateTime(year: 2026, month: 10, day: 31, hour: 23).secondsAsIfUTC)
    #expect(throws: PeriodError.badInstant("2026-10-15T25:00")) {
      try PeriodSpec.parseInstant("2026-10-15T25:00", zone: paris)
    }
    // Previous periods.
    #expect(PeriodSpec.month(year: 2026, month: 1).previous == .month(year: 2025, month: 12))
    #expect(
      days.previous
        == .days(
          from: LocalDateTime(year: 2026, month: 8, day: 31),
          to: LocalDateTime(year: 2026, month: 9, day: 30)))
  }
}
