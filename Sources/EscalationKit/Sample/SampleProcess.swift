import Foundation

/// The escalation process the sample simulates, ticket by ticket, in local minutes.
///
/// - Arrivals: an inhomogeneous Poisson process conditioned on the ticket count, over hour
///   buckets weighted by hour of day (business hours, peaks at 10:00 and 14:00), day of week
///   (weekends at 12 % and 5 %; 1 January, 1 May and 25 December like a Sunday), month (summer and December dips) and a 15 % growth over the
///   period. Sorted arrival times are drawn one by one from uniform order statistics, so nothing
///   is held in memory.
/// - Each ticket gets a category (a fixed mix) and starts at level 1. At each stay the next step
///   is drawn: escalate with probability `escalate[level] × propensity[category]` (1 in 20
///   escalations from level 1 skips to level 3), de-escalate (once per ticket) or resolve.
///   Dwell times are log-normal with medians of 4 h, 18 h, 2 days and 4 days at levels 1–4;
///   steps happen in business hours (Monday–Friday 08:00–18:30).
/// - 5 % of tickets are abandoned (never resolved), 4 % stall before resolving (dwell × ~8),
///   3 % of resolved tickets are reopened once at their level a few days later.
/// - Everything after the end of the period is cut: those tickets are still open.
/// - `--process service-desk` (``Parameters/serviceDesk``) changes the rates to those of a busy
///   service desk: see there.
struct SampleProcess {
  /// Share of tickets per category, canonical order.
  static let categoryWeights: [Double] = [0.20, 0.14, 0.15, 0.12, 0.13, 0.08, 0.10, 0.08]
  /// How much more (or less) than average a category escalates, canonical order.
  static let propensity: [Double] = [1.0, 0.8, 0.3, 0.9, 1.0, 0.9, 1.6, 1.8]
  /// Probability to escalate at the end of a stay at levels 1–4.
  static let escalate: [Double] = [0.32, 0.26, 0.22, 0]
  /// Probability that an escalation from level 1 goes straight to level 3.
  static let skip = 0.05
  /// Probability to de-escalate at the end of a stay at levels 1–4 (once per ticket).
  static let deescalate: [Double] = [0, 0.08, 0.10, 0.12]
  /// Median dwell per level, hours; and the log-normal shape.
  static let dwellMedianHours: [Double] = [4, 18, 48, 96]
  static let dwellSigma: [Double] = [1.0, 0.9, 0.8, 0.8]
  static let abandon = 0.05
  static let stall = 0.04
  static let reopen = 0.03
  /// Chance that an event carries a note (open events twice as often).
  static let note = 0.08
  /// Business hours for steps, minutes of the day.
  static let dayStart = 8 * 60
  static let dayEnd = 18 * 60 + 30

  /// The rates that differ between the classic sample and a service desk's year.
  struct Parameters: Sendable {
    /// Probability to escalate at the end of a stay at levels 1–4.
    var escalate: [Double]
    /// Median dwell per level, hours.
    var dwellMedianHours: [Double]
    var abandon: Double
    var stall: Double
    var reopen: Double
    /// Probability that a stay is paused once, waiting for the customer (0: no pause events,
    /// and no random draw, so the classic sample keeps its bytes).
    var pause: Double
    /// Whether abandoned tickets are closed at the backlog review of the last working day of
    /// June and of December (17:00), instead of staying open for good.
    var halfYearlyReview: Bool

    /// The tool's original sample: a small, slow-moving process (about 5 % never resolved).
    static let classic = Parameters(
      escalate: SampleProcess.escalate, dwellMedianHours: SampleProcess.dwellMedianHours,
      abandon: SampleProcess.abandon, stall: SampleProcess.stall, reopen: SampleProcess.reopen,
      pause: 0, halfYearlyReview: false)

    /// A service desk's year: about one ticket in five escalated (fewer at each higher
    /// level), most resolved within hours to a few days (medians 3 h, 10 h, 1 day, 2 days),
    /// 0.4 % abandoned (closed at the half-yearly backlog review), 3 % stalling, 2 % reopened, 8 % of stays paused once ("waiting for the
    /// customer", about 20 hours more).
    static let serviceDesk = Parameters(
      escalate: [0.2, 0.15, 0.1, 0], dwellMedianHours: [3, 10, 24, 48], abandon: 0.004,
      stall: 0.03, reopen: 0.02, pause: 0.08, halfYearlyReview: true)
  }

  /// One simulated event: time in local minutes since 1970, the level after it, the owner and
  /// note indexes into the vocabulary.
  struct Step {
    var minute: Int64
    var kind: EventKind
    var level: UInt8
    var owner: UInt8
    /// 0 none, else note index + 1.
    var note: UInt8
  }

  /// One simulated ticket.
  struct Ticket {
    var number = 0
    var category = 0
    var steps: [Step] = []
    var abandoned = false
    init() { steps.reserveCapacity(24) }
  }

  let startMinute: Int64
  let endMinute: Int64
  let tickets: Int
  let parameters: Parameters
  var rng: SampleRandom
  let cumulativeCategories: [Double]
  let ownerCounts: [Int]
  let noteCount: Int
  var arrivals: ArrivalStream
  private(set) var produced = 0

  init(options: SampleOptions) {
    let startDay = CivilDate.days(year: options.startYear, month: options.startMonth, day: 1)
    let endIndex = options.startYear * 12 + options.startMonth - 1 + options.months
    let endDay = CivilDate.days(year: endIndex / 12, month: endIndex % 12 + 1, day: 1)
    startMinute = startDay * 1440
    endMinute = endDay * 1440
    tickets = options.tickets
    parameters = options.process == .serviceDesk ? .serviceDesk : .classic
    rng = SampleRandom(seed: options.seed, stream: 1)
    var c: [Double] = []
    var sum = 0.0
    for w in SampleProcess.categoryWeights {
      sum += w
      c.append(sum)
    }
    cumulativeCategories = c
    ownerCounts = SampleVocabulary.owners(.en).map(\.count)
    noteCount = SampleVocabulary.notes(.en, messy: false).count
    arrivals = ArrivalStream(
      startDay: startDay, endDay: endDay, count: options.tickets, seed: options.seed)
  }

  /// Simulates the next ticket into `t`; false when all tickets were produced.
  mutating func next(into t: inout Ticket) -> Bool {
    guard produced < tickets, let arrival = arrivals.next() else { return false }
    produced += 1
    t.number = produced
    t.steps.removeAll(keepingCapacity: true)
    let cat = rng.pick(cumulative: cumulativeCategories)
    t.category = cat
    let f = SampleProcess.propensity[cat]
    let p = parameters
    t.abandoned = rng.chance(p.abandon)
    let stalls = rng.chance(p.stall)
    var owners: [UInt8] = [0, 0, 0, 0]
    for l in 0..<4 { owners[l] = UInt8(rng.below(ownerCounts[l])) }
    var level = 1
    var time = arrival
    var deescalated = false
    var reopened = false
    append(&t, time, .open, level, owners, noteChance: 2 * SampleProcess.note)
    while t.steps.count < 20 {
      let pUp =
        level < 4 ? min(0.85, p.escalate[level - 1] * f * (reopened ? 0.5 : 1)) : 0
      let pDown = deescalated ? 0 : SampleProcess.deescalate[level - 1]
      let r = rng.unit()
      let kind: EventKind
      var target = level
      if r < pUp {
        kind = .escalate
        target = level == 1 && rng.chance(SampleProcess.skip) ? 3 : level + 1
      } else if r < pUp + pDown {
        kind = .deescalate
        target = level - 1
        deescalated = true
      } else {
        kind = .resolve
        if t.abandoned {
          // Forgotten; with half-yearly reviews, closed at the next one (if in the period).
          guard p.halfYearlyReview, case let r = reviewMinute(after: time), r < endMinute
          else { return true }
          append(&t, r, .resolve, level, owners, noteChance: SampleProcess.note)
          return true
        }
      }
      var hours = rng.logNormal(
        median: p.dwellMedianHours[level - 1], sigma: SampleProcess.dwellSigma[level - 1])
      if kind == .escalate { hours *= 0.6 }
      if kind == .resolve && stalls && !reopened { hours *= rng.logNormal(median: 8, sigma: 0.5) }
      if p.pause > 0 && rng.chance(p.pause) {
        // Waiting for the customer halfway through the stay; the next step ends the pause.
        let paused = businessTime(after: time, adding: hours / 2)
        guard paused < endMinute else { return true }
        time = paused
        // Its note: "Waiting for the customer's reply" (note 2 of every vocabulary).
        t.steps.append(
          Step(minute: time, kind: .pause, level: UInt8(level), owner: owners[level - 1], note: 2))
        hours = hours / 2 + rng.logNormal(median: 20, sigma: 0.7)
      }
      let next = businessTime(after: time, adding: hours)
      guard next < endMinute else { return true }
      time = next
      level = target
      append(&t, time, kind, level, owners, noteChance: SampleProcess.note)
      if kind == .resolve {
        guard !reopened, rng.chance(p.reopen) else { return true }
        let again = businessTime(after: time, adding: rng.logNormal(median: 72, sigma: 0.8))
        guard again < endMinute else { return true }
        time = again
        reopened = true
        append(&t, time, .reopen, level, owners, noteChance: 2 * SampleProcess.note)
      }
    }
    return true
  }

  private mutating func append(
    _ t: inout Ticket, _ minute: Int64, _ kind: EventKind, _ level: Int, _ owners: [UInt8],
    noteChance: Double
  ) {
    let note: UInt8 = rng.chance(noteChance) ? UInt8(rng.below(noteCount) + 1) : 0
    t.steps.append(
      Step(minute: minute, kind: kind, level: UInt8(level), owner: owners[level - 1], note: note))
  }

  /// `from` plus `hours` (at least five minutes), moved into the next business hours.
  mutating func businessTime(after from: Int64, adding hours: Double) -> Int64 {
    let add = Int64(min(max(hours * 60, 5), 1e8).rounded())
    var t = from + add
    var day = t >= 0 ? t / 1440 : (t - 1439) / 1440
    var m = Int(t - day * 1440)
    var wd = SampleProcess.weekday(day)
    if wd < 5 && m >= SampleProcess.dayStart && m < SampleProcess.dayEnd { return t }
    if wd < 5 && m < SampleProcess.dayStart {
      // Early morning: later the same day.
    } else {
      day += 1
      wd = (wd + 1) % 7
    }
    while wd >= 5 {
      day += 1
      wd = (wd + 1) % 7
    }
    m = SampleProcess.dayStart + rng.below(150)
    t = day * 1440 + Int64(m)
    return t
  }

  /// 17:00 on the last working day of June or December, the first such review after `t`.
  func reviewMinute(after t: Int64) -> Int64 {
    let day = t >= 0 ? t / 1440 : (t - 1439) / 1440
    let (year, m, _) = CivilDate.civil(days: day)
    var y = year
    var month = m <= 6 ? 6 : 12
    while true {
      var last =
        CivilDate.days(year: month == 12 ? y + 1 : y, month: month == 12 ? 1 : 7, day: 1) - 1
      while SampleProcess.weekday(last) >= 5 { last -= 1 }
      let minute = last * 1440 + 17 * 60
      if minute > t { return minute }
      if month == 6 {
        month = 12
      } else {
        month = 6
        y += 1
      }
    }
  }

  /// 0 = Monday … 6 = Sunday for a day number since 1970-01-01 (a Thursday).
  static func weekday(_ day: Int64) -> Int {
    Int(((day + 3) % 7 + 7) % 7)
  }
}

/// Sorted arrival times (local minutes) of `count` tickets over `[startDay, endDay)`, one at a
/// time: uniform order statistics mapped through the cumulative intensity of hour buckets.
struct ArrivalStream {
  private var rng: SampleRandom
  private var remaining: Int
  private var u = 0.0
  private var bucket = 0
  private let startMinute: Int64
  /// Cumulative intensity at the start of each hour bucket; last = total.
  private let cumulative: [Double]

  /// Relative arrivals per hour of a weekday.
  static let hourProfile: [Double] = [
    0, 0, 0, 0, 0, 0, 0, 0.3, 0.8, 1.2, 1.3, 1.2, 0.7, 0.9, 1.2, 1.2, 1.0, 0.7, 0.35, 0.15, 0.05, 0,
    0, 0,
  ]
  /// Relative arrivals per day of week, Monday first.
  static let dayProfile: [Double] = [1.1, 1.05, 1.0, 1.0, 0.9, 0.12, 0.05]
  /// Relative arrivals per month, January first.
  static let monthProfile: [Double] = [
    1.05, 1.0, 1.05, 1.0, 0.95, 0.95, 0.8, 0.6, 1.1, 1.1, 1.05, 0.85,
  ]

  init(startDay: Int64, endDay: Int64, count: Int, seed: UInt64) {
    rng = SampleRandom(seed: seed, stream: 2)
    remaining = count
    startMinute = startDay * 1440
    let days = Int(endDay - startDay)
    var c = [Double]()
    c.reserveCapacity(days * 24 + 1)
    var sum = 0.0
    for d in 0..<days {
      let day = startDay + Int64(d)
      let (_, month, dom) = CivilDate.civil(days: day)
      // New Year's Day, May Day and Christmas are as quiet as a Sunday.
      let holiday =
        (month == 1 && dom == 1) || (month == 5 && dom == 1) || (month == 12 && dom == 25)
      let w =
        ArrivalStream.dayProfile[holiday ? 6 : SampleProcess.weekday(day)]
        * ArrivalStream.monthProfile[month - 1]
        * (1 + 0.15 * Double(d) / Double(max(days, 1)))
      for h in 0..<24 {
        c.append(sum)
        sum += w * ArrivalStream.hourProfile[h]
      }
    }
    c.append(sum)
    cumulative = c
  }

  /// The next arrival, in local minutes since 1970; nil after `count`.
  mutating func next() -> Int64? {
    guard remaining > 0 else { return nil }
    // The minimum of k uniforms on [u, 1) is u + (1 - u)(1 - V^(1/k)).
    let v = 1 - rng.unit()
    u += (1 - u) * -expm1(log(v) / Double(remaining))
    remaining -= 1
    let total = cumulative[cumulative.count - 1]
    let target = min(u, 1) * total
    let last = cumulative.count - 2
    while bucket < last && cumulative[bucket + 1] <= target { bucket += 1 }
    let width = cumulative[bucket + 1] - cumulative[bucket]
    let frac = width > 0 ? min(max((target - cumulative[bucket]) / width, 0), 0.999_999) : 0
    return startMinute + Int64(bucket) * 60 + Int64(frac * 60)
  }
}
