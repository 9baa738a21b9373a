import Testing

@testable import EscalationKit

/// The fixed-width fast path's answer for `text` (`nil`: left to the general scanner).
private func fixed(_ text: String) -> RawDateTime? {
  var t = text
  return t.withUTF8 { DateParser.parseFixed($0.baseAddress!, $0.count) }
}

/// The general scanner's answer for `text`, bypassing the fast path.
private func general(_ text: String) -> DateParseResult {
  var t = text
  return t.withUTF8 { b in
    var s = DateParser.Scanner(p: b.baseAddress!, i: 0, end: b.count)
    return DateParser.parseTrimmed(&s)
  }
}

/// Timestamps with `Z` or `±HH:MM` (how trackers export them) take the fast path and give the
/// general parser's value.
@Suite struct DateFastPathZoneTests {
  /// Seconds since the epoch, worked by hand: 2026-10-03 is day 20,729 since 1970-01-01
  /// (56 years = 20,454 days with 14 leap days 1972…2024; then Jan–Sep 2026 = 273 days; plus 2),
  /// so 2026-10-03T00:00:00Z = 20,729 × 86,400 = 1,790,985,600.
  @Test func zonedTimestampsGiveHandWorkedSeconds() {
    var c = UTCConverter(zone: ZoneRules(identifier: "America/New_York")!)
    func seconds(_ s: String) -> Int64? {
      guard let r = fixed(s) else { return nil }
      return c.utc(r, order: nil)?.0
    }
    let midnight: Int64 = 1_790_985_600
    // 14:05:09 = 50,709 s after midnight; the zone in the value wins over --tz.
    #expect(seconds("2026-10-03T14:05:09Z") == midnight + 50_709)
    #expect(seconds("2026-10-03T14:05Z") == midnight + 50_700)
    #expect(seconds("2026-10-03T14:05:09.987Z") == midnight + 50_709)  // fraction truncated
    #expect(seconds("2026-10-03T14:05:09,5z") == midnight + 50_709)
    // +02:00 is two hours ahead of UTC: 12:05:09Z.
    #expect(seconds("2026-10-03T14:05:09+02:00") == midnight + 50_709 - 7_200)
    #expect(seconds("2026-10-03 14:05+0200") == midnight + 50_700 - 7_200)
    // -05:30 is behind: 19:35:09Z.
    #expect(seconds("2026-10-03T14:05:09.5-05:30") == midnight + 50_709 + 19_800)
    // Crossing midnight backwards: 00:30+01:00 is 23:30Z the day before.
    #expect(seconds("2026-10-03T00:30:00+01:00") == midnight - 1_800)
    // Day-first with an offset: 03/10/2026 read day-first.
    let r = fixed("03/10/2026 14:05:09Z")
    #expect(r?.hasOffset == true && r?.isSlashed == true)
    #expect(r.flatMap { c.utc($0, order: .dmy)?.0 } == midnight + 50_709)
    // No zone: local New York time (EDT, UTC−4 in October): 18:05:09Z.
    #expect(seconds("2026-10-03T14:05:09") == midnight + 50_709 + 14_400)
  }

  /// Every suffix the fast path takes equals the general parser's value, and each common one is
  /// taken; a suffix it does not take gets the general parser's answer (value or problem).
  @Test func suffixesMatchTheGeneralParser() {
    let bodies = [
      "2026-10-03T14:05:09", "2026-10-03 14:05", "31/12/1999 23:59:59", "2024-02-30T10:00",
    ]
    let fractions = [
      "", ".1", ",987", ".", ".12x", "." + String(repeating: "9", count: 64),
      "." + String(repeating: "9", count: 65),
    ]
    let zones = [
      "", "Z", "z", "+02:00", "-05:30", "+0530", "+24:00", "+02:60", "+02", "+02:",
      "+2:00", " Z", "ZZ", "UTC", "+02:00 ", "+02:0a",
    ]
    var taken = 0
    for b in bodies {
      for f in fractions {
        for z in zones {
          let text = b + f + z
          let g = general(text)
          if let r = fixed(text) {
            taken += 1
            #expect(g == .value(r), "\(text)")
          } else if case .value = g, !b.hasPrefix("2024-02-30"), f.count <= 4, f != ".",
            f != ".12x", ["", "Z", "z", "+02:00", "-05:30", "+0530"].contains(z),
            f.isEmpty || b.count == 19
          {
            Issue.record("fast path missed \(text)")
          }
        }
      }
    }
    // Two valid 19-byte bodies × 4 fractions ("", .1, ,987, 64 nines) plus the valid 16-byte
    // body without one, each with the 6 well-formed zones ("", Z, z, +02:00, -05:30, +0530).
    #expect(taken == (2 * 4 + 1) * 6)
  }
}
