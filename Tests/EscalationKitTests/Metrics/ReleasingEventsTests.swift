import Testing

@testable import EscalationKit

/// `metrics` gives the events' memory back while the reconstruction passes them
/// (``TicketOrder/forEachTicket(releasing:_:)``), unless the trend needs a reconstruction of
/// its own: the figures must be those of the plain computation, and the memory must really go.
@Suite struct ReleasingEventsTests {
  static let paris = ZoneRules(identifier: "Europe/Paris")!

  /// About 180,000 events over a year (5.8 MB of events: the memory is given back 4 MiB at a
  /// time, in whole 2 MiB pages).
  static func log() -> EventLog {
    generatedLog(
      seed: 11, tickets: 45_000, start: LocalDateTime(year: 2026, month: 1, day: 1).secondsAsIfUTC,
      days: 365, resolveAtEnd: 0.9)
  }

  static func json(_ c: ReportContent) -> String {
    MetricsRenderer(content: c, language: .en, zone: paris).json().serialized()
  }

  @Test func theFiguresAreThoseOfThePlainComputation() throws {
    let log = Self.log()
    #expect(log.events.count * MemoryLayout<Event>.stride > 4 << 20)
    let midOctober = LocalDateTime(year: 2026, month: 10, day: 15).secondsAsIfUTC
    // Full history, a month (events after it: not given back past the cut-off, the walk
    // stops there per ticket), and an as-of inside the month (the trend's cut-off differs
    // from the report's: nothing is given back).
    for options in [
      MetricsOptions(zone: Self.paris, includeTickets: true),
      MetricsOptions(period: .month(year: 2026, month: 10), zone: Self.paris),
      MetricsOptions(period: .month(year: 2026, month: 10), asOf: midOctober, zone: Self.paris),
    ] {
      let plain = MetricsEngine.compute(log, options: options)
      var given = log
      let released = try MetricsEngine.compute(releasing: &given, options: options) { _, _ in }
      #expect(given.events.isEmpty)
      #expect(Self.json(released) == Self.json(plain))
    }
  }

  @Test func aCopyTheCallerKeptIsLeftWhole() throws {
    // A log already in ticket order (as the cache gives it) is not sorted again, so nothing
    // else would copy its events: the copy kept here must not read zeros after.
    var log = Self.log()
    EventCacheCodec.sortForFigures(&log, order: EventCacheCodec.ticketPermutation(log))
    let kept = log
    let before = kept.events.map(\.time)
    _ = try MetricsEngine.compute(releasing: &log, options: MetricsOptions(zone: Self.paris)) {
      _, _ in
    }
    #expect(log.events.isEmpty)
    // (Counted, not compared whole: a failure would print every time.)
    let changed = zip(kept.events, before).filter { $0.time != $1 }.count
    #expect(kept.events.count == before.count && changed == 0, "\(changed) events changed")
  }

  @Test func theEventsPassedAreGivenBack() {
    // In ticket order (as `metrics` reads them), reconstructed with the events given back:
    // the same reconstruction, and (on Linux) most of the events' memory then reads as zeros.
    var log = Self.log()
    EventCacheCodec.sortForFigures(&log, order: EventCacheCodec.ticketPermutation(log))
    let plain = Reconstruction(order: TicketOrder(log), cutoff: .max)
    let order = TicketOrder(log)
    let given = Reconstruction(order: order, cutoff: .max, releasingEvents: true)
    #expect(given.start == plain.start && given.resolvedAt == plain.resolvedAt)
    #expect(given.stayEnd == plain.stayEnd && given.moveTime == plain.moveTime)
    #expect(given.warnings.count == plain.warnings.count)
    #if os(Linux)
      let zeros = order.storage.filter { $0.time == 0 && $0.ticket == 0 && $0.line == 0 }.count
      // At least one whole 2 MiB page within the first 4 MiB: 65,536 slots of 32 bytes, less
      // the one an unaligned page boundary cuts.
      #expect(zeros >= 65_535, "\(zeros) of \(order.storage.count) events given back")
    #endif
  }
}
