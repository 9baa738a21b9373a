import EscalationKit
import Foundation
import Testing

/// The bundled French sample, recomputed by a deliberately simple and separate replay: its
/// own CSV split, its own Paris offsets (EU rule: summer time from 29 March 01:00Z to
/// 25 October 01:00Z in 2026), its own per-ticket walk over time-sorted events, compared with
/// the engine's figures for every month of 2026.
@Suite struct MetricsSampleCrossCheckTests {
  static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Samples/escalations-2026-fr.csv").path

  struct Row {
    var ticket: String
    var time: Int64
    var word: String
    var level: Int
    var category: Int
    var index: Int
  }

  /// Days since 1970-01-01 of a civil date (proleptic Gregorian).
  static func days(_ y: Int, _ m: Int, _ d: Int) -> Int64 {
    let yy = m <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int64(era * 146_097 + doe - 719_468)
  }

  /// Paris local wall time (seconds as if UTC) → UTC, 2026 rules; the first occurrence of an
  /// ambiguous time.
  static func parisToUTC(_ local: Int64) -> Int64 {
    let summerFrom = days(2026, 3, 29) * 86_400 + 3600
    let summerTo = days(2026, 10, 25) * 86_400 + 3600
    let asSummer = local - 7200
    if asSummer >= summerFrom && asSummer < summerTo { return asSummer }
    return local - 3600
  }

  static func readSample() throws -> [Row] {
    var text = try String(contentsOfFile: sample, encoding: .utf8)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let labels = CategoryKey.allCases.map { $0.label(.fr) }
    var rows: [Row] = []
    for (i, line) in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated()
    where i > 0 {
      let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
      // dd/MM/yyyy HH:mm
      let d = f[1].split(whereSeparator: { $0 == "/" || $0 == " " || $0 == ":" }).map { Int($0)! }
      let local = days(d[2], d[1], d[0]) * 86_400 + Int64(d[3] * 3600 + d[4] * 60)
      let cat = try #require(labels.firstIndex(of: f[4]), "category \(f[4])")
      rows.append(
        Row(
          ticket: f[0], time: parisToUTC(local), word: f[2], level: Int(f[3])!, category: cat,
          index: i))
    }
    return rows
  }

  struct Figures: Equatable {
    var intake = [Int](repeating: 0, count: 8)
    var reached = [[Int]](repeating: [0, 0, 0], count: 8)  // ≥ 2, ≥ 3, = 4
    var moves = [[Int]](repeating: [0, 0, 0], count: 8)  // target 2, 3, 4
    var resolved = 0
    var medianTTR: Double?
    var backlog = 0
  }

  /// The figures of P = [start, end) with as-of = end, by a plain replay of each ticket.
  static func replay(_ rows: [Row], start: Int64, end: Int64) -> Figures {
    var f = Figures()
    var byTicket: [String: [Row]] = [:]
    for r in rows where r.time < end { byTicket[r.ticket, default: []].append(r) }
    var ttrs: [Int64] = []
    for (_, evs) in byTicket {
      let sorted = evs.sorted { ($0.time, $0.index) < ($1.time, $1.index) }
      var level = 0
      var highest = 0
      var resolved = false
      var resolvedAt: Int64 = 0
      var category = 0
      var moves: [(Int64, Int)] = []
      for e in sorted {
        category = e.category
        if level == 0 {  // the first event starts the ticket
          level = e.level
          highest = level
          if e.word == "résolu" {
            resolved = true
            resolvedAt = e.time
          }
          continue
        }
        switch e.word {
        case "résolu":
          if !resolved {
            resolved = true
            resolvedAt = e.time
          }
        case "ouvert", "rouvert":
          if resolved {
            resolved = false  // explicit reopen: no move
          } else if e.level > level {
            moves.append((e.time, e.level))
          }
          level = e.level
        case "remonté", "rétrogradé":  // a move by the levels, an implicit reopen if resolved
          resolved = false
          if e.level > level { moves.append((e.time, e.level)) }
          level = e.level
        default:
          Issue.record("unexpected word \(e.word)")
        }
        highest = max(highest, level)
      }
      let first = sorted[0].time
      if first >= start && first < end {
        f.intake[category] += 1
        if highest >= 2 { f.reached[category][0] += 1 }
        if highest >= 3 { f.reached[category][1] += 1 }
        if highest >= 4 { f.reached[category][2] += 1 }
      }
      for (t, target) in moves where t >= start && t < end { f.moves[category][target - 2] += 1 }
      if resolved && resolvedAt >= start && resolvedAt < end {
        f.resolved += 1
        ttrs.append(resolvedAt - first)
      }
      if !resolved { f.backlog += 1 }
    }
    ttrs.sort()
    if !ttrs.isEmpty {
      let n = ttrs.count
      f.medianTTR =
        n % 2 == 1 ? Double(ttrs[n / 2]) : (Double(ttrs[n / 2 - 1]) + Double(ttrs[n / 2])) / 2
    }
    return f
  }

  static func engineFigures(_ c: ReportContent) -> Figures {
    var f = Figures()
    for r in c.rates {
      guard case .category(let k) = r.group else { continue }
      f.intake[k.index] = r.opened
      f.reached[k.index] = [r.reached2, r.reached3, r.reached4]
    }
    for m in c.escalations {
      guard case .category(let k) = m.group else { continue }
      f.moves[k.index] = m.toLevel
    }
    f.resolved = c.headline.resolved
    f.medianTTR = c.headline.medianTimeToResolution
    f.backlog = c.headline.backlog
    return f
  }

  @Test func october2026AndEveryOtherMonthAgreeWithASimpleReplay() throws {
    let rows = try Self.readSample()
    let zone = try #require(ZoneRules(identifier: "Europe/Paris"))
    let log = try LogImporter.load(path: Self.sample, options: LogImportOptions(zone: zone))
    // Every record used, and the same instants as the separate reading.
    #expect(log.events.count == rows.count && rows.count == 591)
    #expect(log.events.map(\.time) == rows.map(\.time))
    let order = TicketOrder(log)
    for month in 1...12 {
      let start = Self.parisToUTC(Self.days(2026, month, 1) * 86_400)
      let end = Self.parisToUTC(
        month == 12 ? Self.days(2027, 1, 1) * 86_400 : Self.days(2026, month + 1, 1) * 86_400)
      let content = MetricsEngine.compute(
        log, order: order,
        options: MetricsOptions(period: .month(year: 2026, month: month), zone: zone))
      #expect(content.period.start == start && content.period.end == end, "month \(month)")
      let expected = Self.replay(rows, start: start, end: end)
      #expect(Self.engineFigures(content) == expected, "month \(month)")
      if month == 10 {
        // October is not empty: the comparison means something.
        #expect(expected.intake.reduce(0, +) > 0 && expected.resolved > 0)
        #expect(expected.moves.joined().reduce(0, +) > 0)
      }
    }
  }
}
