import Testing

@testable import EscalationKit

/// The local reading of a cell in `order`, as `YYYY-MM-DDTHH:MM:SS`, or the problem.
private func local(_ text: String, _ order: DateOrder? = nil) -> String {
  switch DateParser.parse(text) {
  case .value(let r): return r.local(order: order).map { "\($0)" } ?? "invalid in order"
  case .failure(let p): return "\(p)"
  }
}

private func raw(_ text: String) -> RawDateTime? {
  if case .value(let r) = DateParser.parse(text) { return r }
  return nil
}

@Suite struct DateParsingTests {
  @Test func isoForms() {
    #expect(local("2026-10-03") == "2026-10-03T00:00:00")  // a date alone is midnight
    #expect(local("2026-10-03T14:05") == "2026-10-03T14:05:00")
    #expect(local("2026-10-03 14:05:09") == "2026-10-03T14:05:09")
    #expect(local("  2026/10/03 14:05  ") == "2026-10-03T14:05:00")
    #expect(local("20261003") == "2026-10-03T00:00:00")
    #expect(raw("2026-10-03 14:05")?.hasOffset == false)
  }

  @Test func isoOffsetsGiveUTC() {
    var c = UTCConverter(zone: ZoneRules(identifier: "Europe/Paris")!)
    func utc(_ s: String) -> String {
      guard let r = raw(s), let (t, _) = c.utc(r, order: nil) else { return "nil" }
      return CivilDate.iso8601UTC(t)
    }
    // An offset in the value wins over --tz.
    #expect(utc("2026-10-03T14:05:09Z") == "2026-10-03T14:05:09Z")
    #expect(utc("2026-10-03T14:05:09+02:00") == "2026-10-03T12:05:09Z")
    #expect(utc("2026-10-03T14:05:09+0530") == "2026-10-03T08:35:09Z")
    #expect(utc("2026-10-03T14:05-05") == "2026-10-03T19:05:00Z")
    #expect(utc("2026-10-03 14:05 UTC") == "2026-10-03T14:05:00Z")
    // Without one, local to Paris (CEST, +2 in October).
    #expect(utc("2026-10-03 14:05") == "2026-10-03T12:05:00Z")
  }

  @Test func fractionalSecondsAreTruncated() {
    let r = raw("2026-10-03T14:05:09.987Z")
    #expect(r?.second == 9)
    #expect(r?.hadFraction == true)
    #expect(raw("2026-10-03T14:05:09,5")?.second == 9)
  }

  @Test func slashedFormsKeepBothFields() {
    // 03/10/2026 is 3 October day-first and March 10 month-first.
    #expect(local("03/10/2026 14:05", .dmy) == "2026-10-03T14:05:00")
    #expect(local("03/10/2026 14:05", .mdy) == "2026-03-10T14:05:00")
    #expect(local("03.10.2026", .dmy) == "2026-10-03T00:00:00")
    #expect(local("03/10/2026") == "invalid in order")  // no order: undecided
    let r = raw("03/10/2026")
    #expect(r?.isSlashed == true && r?.validDayFirst == true && r?.validMonthFirst == true)
    // 13/10 is only valid day-first; 10/13 only month-first.
    #expect(raw("13/10/2026")?.validMonthFirst == false)
    #expect(raw("10/13/2026")?.validDayFirst == false)
    #expect(local("14h05", .dmy) == "unrecognised")
    #expect(local("03/10/2026 14h05", .dmy) == "2026-10-03T14:05:00")
  }

  @Test func usTwelveHourClock() {
    // US Smartsheet: 10/03/26 2:05 PM is 3 October 2026 at 14:05.
    #expect(local("10/03/26 2:05 PM", .mdy) == "2026-10-03T14:05:00")
    #expect(local("10/03/26 12:00 AM", .mdy) == "2026-10-03T00:00:00")
    #expect(local("10/03/26 12:30 pm", .mdy) == "2026-10-03T12:30:00")
    #expect(local("10/03/26 11:59:59 p.m.", .mdy) == "2026-10-03T23:59:59")
    #expect(local("10/03/26 13:00 PM", .mdy) == "badTime")
    #expect(local("10/03/26 0:30 AM", .mdy) == "badTime")
  }

  @Test func twoDigitYears() {
    // 00–69 → 2000–2069, 70–99 → 1970–1999.
    #expect(raw("01/02/00")?.year == 2000)
    #expect(raw("01/02/69")?.year == 2069)
    #expect(raw("01/02/70")?.year == 1970)
    #expect(raw("01/02/99")?.year == 1999)
  }

  @Test func excelSerials() {
    // 46298 days after 1899-12-30 is 2026-10-03; .58 of a day is 50112 s = 13:55:12.
    #expect(local("46298.58") == "2026-10-03T13:55:12")
    #expect(local("46298") == "2026-10-03T00:00:00")
    // 61 is 1900-03-01 (Excel agrees from there on); 60 is Excel's 1900-02-29.
    #expect(local("61") == "1900-03-01T00:00:00")
    #expect(local("60") == "excelLeapBug")
    #expect(local("0") == "serialOutOfRange")
    #expect(local("2958466") == "serialOutOfRange")
    // .99999999 of a day rounds to 86400 s: the next midnight.
    #expect(local("46298.99999999") == "2026-10-04T00:00:00")
    #expect(raw("46298.5")?.isSerial == true)
  }

  @Test func invalidValues() {
    #expect(local("2026-02-30") == "notADate")
    #expect(local("2026-13-01") == "notADate")
    #expect(local("31/02/2026") == "notADate")  // neither 31 Feb nor month 31
    #expect(local("13/13/2026") == "notADate")
    #expect(local("2026-10-03 25:00") == "badTime")
    #expect(local("2026-10-03 14:60") == "badTime")
    #expect(local("2026-10-03T14:05+25:00") == "badOffset")
    #expect(local("yesterday") == "unrecognised")
    #expect(local("") == "unrecognised")
    #expect(local("2026-10-03 14:05 tomorrow") == "unrecognised")
    #expect(local("03/10/126") == "unrecognised")
    #expect(local("99999999999999999999") == "unrecognised")  // too long for any form
  }

  @Test func packedRoundTrip() {
    for s in [
      "2026-10-03T14:05:09-09:30", "31/12/1999 23:59:59", "46298.58", "2026-10-03T14:05:09.1+14:00",
    ] {
      let r = raw(s)!
      #expect(RawDateTime(packed: r.packed) == r)
      #expect(r.packed >= 0)
    }
  }

  @Test func orderEvidence() {
    var e = DateOrderEvidence()
    #expect(e.decide(forced: nil) == .notNeeded)
    e.add(raw("03/10/2026")!, line: 2, text: "03/10/2026")
    #expect(e.decide(forced: nil) == .ambiguous)
    #expect(e.decide(forced: .mdy) == .order(.mdy, proved: false))
    e.add(raw("13/10/2026")!, line: 3, text: "13/10/2026")
    #expect(e.decide(forced: nil) == .order(.dmy, proved: true))
    e.add(raw("10/14/2026")!, line: 4, text: "10/14/2026")
    #expect(e.decide(forced: nil) == .conflicting)
    #expect(e.dayFirst?.line == 3 && e.monthFirst?.line == 4 && e.ambiguous?.line == 2)
  }

  @Test func converterMatchesZoneRulesAcrossAYear() {
    // The quarter-hour cache must give what ZoneRules gives, gap and fall-back included.
    for name in ["Europe/Paris", "America/New_York", "Australia/Lord_Howe"] {
      let z = ZoneRules(identifier: name)!
      var c = UTCConverter(zone: z)
      let start = LocalDateTime(year: 2026, month: 1, day: 1).secondsAsIfUTC
      var l = start
      while l < start + 366 * 86_400 {
        let (a, ra) = c.utc(localSeconds: l)
        let (b, rb) = z.utc(localSeconds: l)
        #expect(a == b && ra == rb, "\(name) \(LocalDateTime(secondsAsIfUTC: l))")
        if a != b { break }
        l += 7 * 60 + 13
      }
    }
  }

  @Test func springForwardAndFallBackInParis() {
    var c = UTCConverter(zone: ZoneRules(identifier: "Europe/Paris")!)
    // 2026-03-29 02:30 does not exist: moved forward by the hour gap, 03:30 CEST = 01:30Z.
    let (t1, r1) = c.utc(raw("2026-03-29 02:30")!, order: nil)!
    #expect(CivilDate.iso8601UTC(t1) == "2026-03-29T01:30:00Z")
    #expect(r1 == .gap(seconds: 3600))
    // 2026-10-25 02:30 occurs twice: the first (CEST, +2) is 00:30Z.
    let (t2, r2) = c.utc(raw("25/10/2026 02:30")!, order: .dmy)!
    #expect(CivilDate.iso8601UTC(t2) == "2026-10-25T00:30:00Z")
    #expect(r2 == .ambiguous)
  }

  @Test func isoWriterMatchesCivilDate() {
    for t in stride(from: Int64(-2_208_988_800), to: 4_102_444_800, by: 86_400 * 37 + 3_601) {
      var b: [UInt8] = []
      CivilDate.appendISO8601UTC(t, to: &b)
      #expect(String(decoding: b, as: UTF8.self) == CivilDate.iso8601UTC(t))
    }
  }
}
