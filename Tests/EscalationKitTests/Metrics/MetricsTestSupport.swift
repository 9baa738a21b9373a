import EscalationKit

/// Builds small ``EventLog`` values by hand for the metrics tests.
struct LogBuilder {
  var ids: [String] = []
  var events: [Event] = []
  /// Owner names; an event's owner is its 1-based index here.
  var owners: [String] = []
  /// Instant of hour 0 (default 2026-10-01T00:00:00Z).
  var base: Int64 = LocalDateTime(year: 2026, month: 10, day: 1).secondsAsIfUTC

  init(base: Int64? = nil) {
    if let base { self.base = base }
  }

  mutating func ticket(_ id: String) -> UInt32 {
    if let i = ids.firstIndex(of: id) { return UInt32(i) }
    ids.append(id)
    return UInt32(ids.count - 1)
  }

  /// Adds an event at `hours` after `base` (line = position + 2, as if under a header).
  mutating func add(
    _ id: String, _ hours: Double, _ kind: EventKind, _ level: Int? = nil,
    _ category: CategoryKey? = .operationalChallenges, owner: String? = nil
  ) {
    at(id, base + Int64((hours * 3600).rounded()), kind, level, category, owner: owner)
  }

  /// Adds an event at instant `time`.
  mutating func at(
    _ id: String, _ time: Int64, _ kind: EventKind, _ level: Int? = nil,
    _ category: CategoryKey? = .operationalChallenges, owner: String? = nil
  ) {
    let t = ticket(id)
    var o: UInt32 = 0
    if let owner {
      if let i = owners.firstIndex(of: owner) {
        o = UInt32(i + 1)
      } else {
        owners.append(owner)
        o = UInt32(owners.count)
      }
    }
    events.append(
      Event(
        ticket: t, time: time, kind: kind, level: level.flatMap { Level(rawValue: $0) },
        category: category, owner: o,
        line: UInt32(events.count + 2)))
  }

  var log: EventLog {
    EventLog(source: "log.csv", events: events, ticketIDs: ids, owners: owners)
  }
}

/// Hours to seconds.
func h(_ hours: Double) -> Int64 { Int64((hours * 3600).rounded()) }

/// A random log: `tickets` tickets opened over `days` days from `start`, each with a random
/// life (escalations, de-escalations, status updates, resolutions, reopens), and some
/// anomalies (missing opens, duplicates, equal times, category changes, moves after
/// resolution). `shuffle` mixes the input order of events.
func generatedLog(
  seed: UInt64, tickets: Int,
  start: Int64 = LocalDateTime(year: 2026, month: 9, day: 1).secondsAsIfUTC, days: Int = 120,
  anomalies: Bool = true, shuffle: Bool = true, resolveAtEnd: Double = 0
) -> EventLog {
  var rng = SplitMix64(state: seed)
  var events: [Event] = []
  events.reserveCapacity(tickets * 5)
  var ids: [String] = []
  ids.reserveCapacity(tickets)
  let cats = CategoryKey.allCases
  for t in 0..<tickets {
    ids.append("T\(t)")
    var time = start + Int64.random(in: 0..<Int64(days) * 86_400, using: &rng)
    var cat: CategoryKey? = cats[Int.random(in: 0..<8, using: &rng)]
    var level = Int.random(in: 0..<10, using: &rng) == 0 ? 2 : 1
    var open = true
    func push(_ kind: EventKind, _ l: Int?, _ c: CategoryKey?) {
      events.append(
        Event(
          ticket: UInt32(t), time: time, kind: kind, level: l.flatMap { Level(rawValue: $0) },
          category: c,
          line: UInt32(events.count + 2)))
    }
    if anomalies && Int.random(in: 0..<40, using: &rng) == 0 {
      push(.escalate, 2, cat)  // first event not an open
      level = 2
    } else {
      push(.open, Int.random(in: 0..<3, using: &rng) == 0 ? nil : level, cat)
    }
    let steps = Int.random(in: 0...5, using: &rng)
    for _ in 0..<steps {
      // Gaps from 0 (equal times) to about 5 days.
      let gap =
        Int.random(in: 0..<8, using: &rng) == 0
        ? 0 : Int64.random(in: 60...(5 * 86_400), using: &rng)
      time += gap
      if anomalies && Int.random(in: 0..<30, using: &rng) == 0 {
        cat = cats[Int.random(in: 0..<8, using: &rng)]  // category change
      }
      let c: CategoryKey? = Int.random(in: 0..<2, using: &rng) == 0 ? cat : nil
      let r = Int.random(in: 0..<10, using: &rng)
      if !open {
        if r < 6 || !anomalies {
          push(.reopen, Int.random(in: 0..<2, using: &rng) == 0 ? nil : level, c)
        } else {
          let to = min(level + 1, 4)
          push(.escalate, to, c)  // implicit reopen
          level = to
        }
        open = true
        continue
      }
      switch r {
      case 0...3:
        if level < 4 {
          let to = min(4, level + (anomalies && Int.random(in: 0..<6, using: &rng) == 0 ? 2 : 1))
          push(.escalate, Int.random(in: 0..<4, using: &rng) == 0 && to == level + 1 ? nil : to, c)
          level = to
        } else {
          push(.update, nil, c)
        }
      case 4:
        if level > 1 {
          push(.deescalate, level - 1, c)
          level -= 1
        } else {
          push(.update, 1, c)
        }
      case 5:
        let to = Int.random(in: 1...4, using: &rng)
        push(.update, to, c)
        level = to
      default:
        push(.resolve, nil, c)
        open = false
      }
      if anomalies && Int.random(in: 0..<25, using: &rng) == 0 {
        events.append(events[events.count - 1])  // exact duplicate
      }
    }
    if open && Double.random(in: 0..<1, using: &rng) < resolveAtEnd {
      time += Int64.random(in: 60...(3 * 86_400), using: &rng)
      push(.resolve, nil, nil)
    }
  }
  if shuffle {
    // Mix the input order: swap random pairs (equal-time events keep their relative order
    // only if not swapped; the engine must sort by time then input order).
    for _ in 0..<(events.count / 3) {
      let a = Int.random(in: 0..<events.count, using: &rng)
      let b = Int.random(in: 0..<events.count, using: &rng)
      if events[a].time != events[b].time || events[a].ticket != events[b].ticket {
        events.swapAt(a, b)
      }
    }
  }
  return EventLog(source: "generated.csv", events: events, ticketIDs: ids)
}

/// What the figure-family suites share: a month, a zone with summer time, and short ways
/// to compute a report and read its rows.
///
/// Rules pinned by one suite and relied on by another (each expected value is worked out by
/// hand in the test's comments):
///
/// - equal times keep input order, input sorted per ticket: `equalTimesKeepInputOrder…`
/// - re-entered levels summed, time-to-resolution = last resolution − first open:
///   `reEnteredLevelsAreSummed`, `reopenAndResolvedThenReopenedBeforeAsOf`
/// - as-of cut at exactly 00:00 on November 1 (UTC): `eventsAtOrAfterAsOfAreIgnored`
/// - without a period every event is used, as-of = last event: `withoutPeriodEveryEventIsUsed`
/// - skipped level 1 → 3 is one move with target 3 and reaches 2; a ticket opened at 2 counts
///   as escalated; step rates: `stepRatesAndReachedLevels`
/// - explicit reopen is not a move; a status word naming a level moves:
///   `explicitReopenIsNoMoveAndUpdateWordMovesByLevel`
/// - zero-length stays count as "spent time at the level": `equalTimesKeepInputOrder…`
/// - latest category for intake and moves: `latestCategoryIsUsedForAllFigures`
/// - backlog time at current level = age of the current stay: `reopenAndResolved…` (1 h, not
///   the 5 h total at level 1)
/// - trend row M uses M's own end: `trendRowsUseEachMonthsOwnEnd` and the property
///   `trendRowForMonthEqualsTheMonthsReport`
/// - SLA strictly greater, stays ended in P or open at as-of: `slaBreachesAreStrictly…`
/// - PERCENTILE.INC (p90 of 1, 2, 3, 4 = 3.7), empty rate when no ticket:
///   `percentileInterpolatesOnFourValues`, `rateWithoutTicketsIsEmpty`
/// - 2026-10-31 23:30 Paris (22:30Z) is in October: `monthBoundaryInParisAcrossTheOctober…`
protocol MetricsFixtures {}

extension MetricsFixtures {
  var october: PeriodSpec { .month(year: 2026, month: 10) }
  static var paris: ZoneRules { ZoneRules(identifier: "Europe/Paris")! }

  /// The report of `b`'s log for `period`, with the per-ticket table.
  func report(
    _ b: LogBuilder, _ period: PeriodSpec = .all, asOf: Int64? = nil, zone: ZoneRules = .utc,
    sla: SLATargets? = nil, matrix: Matrix = .canonical(.en), tickets: Bool = true
  ) -> ReportContent {
    MetricsEngine.compute(
      b.log,
      options: MetricsOptions(
        period: period, asOf: asOf, zone: zone, sla: sla, matrix: matrix, includeTickets: tickets))
  }

  /// The per-ticket row of ticket `id`.
  func row(_ r: ReportContent, _ id: String) -> MetricsTicketRow? {
    r.tickets?.first { $0.ticket == id }
  }

  func ticket(_ r: ReportContent, _ id: String) -> MetricsTicketRow? { row(r, id) }

  /// The time-at-level statistics of group `g` at `level`.
  func tal(_ r: ReportContent, _ g: RowGroup, _ level: Int) -> DurationStats? {
    r.timeAtLevel.first { $0.group == g && $0.level.rawValue == level }?.stats
  }
}
