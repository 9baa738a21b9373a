/// The codes of the warnings found while reconstructing tickets (docs/metrics.md#decided-edge-cases).
public enum MetricsFindingCode: String, CaseIterable, Sendable, Equatable {
  /// An escalation that does not go up, or a de-escalation that does not go down.
  case moveAgainstWord = "MET001"
  /// An upward move that skips a level (1 → 3).
  case skippedLevel = "MET002"
  /// A move on a resolved ticket: an implicit reopen.
  case implicitReopen = "MET003"
  /// A ticket whose first event is not an open.
  case missingOpen = "MET004"
  /// A ticket whose category changes.
  case categoryChange = "MET005"
  /// An exact duplicate event (same ticket, time, kind, level, category): counted once.
  case duplicateEvent = "MET006"
  /// An open or reopen on a ticket that is already open.
  case duplicateOpen = "MET007"
  /// A resolve on a resolved ticket: ignored, the first resolution stands.
  case duplicateResolve = "MET008"
  /// A move to the level the ticket is already at.
  case sameLevel = "MET009"
  /// An escalate or de-escalate without a level that would leave levels 1–4: rejected.
  case outOfRange = "MET010"
  /// A ticket that was never given a category.
  case noCategory = "MET011"
  /// An open on a resolved ticket: read as a reopen.
  case openOnResolved = "MET012"

  /// A short description, for summaries and SARIF rules (from the registry, docs/codes.md).
  public var summary: String { DiagnosticCode.known(rawValue).summary }
}

/// Events of an ``EventLog`` grouped by ticket, each group sorted by time with input order
/// breaking ties. Computed once and shared by every reconstruction of the same log; the
/// events are copied so that reconstructions read them in order.
public struct TicketOrder: Sendable {
  /// The events, grouped by ticket, in time order within a ticket.
  public let events: [Event]
  /// `ticketCount + 1` offsets into `events`: ticket t's are `events[offsets[t]..<offsets[t+1]]`.
  public let offsets: [Int]
  /// (first, last) event time, `nil` for an empty log.
  public let timeRange: (first: Int64, last: Int64)?

  public init(_ log: EventLog) {
    var ticketCount = log.ticketIDs.count
    for e in log.events where Int(e.ticket) >= ticketCount { ticketCount = Int(e.ticket) + 1 }
    // Counting sort by ticket (a scatter that keeps input order within a ticket).
    var offsets = [Int](repeating: 0, count: ticketCount + 1)
    var lo = Int64.max
    var hi = Int64.min
    for e in log.events {
      offsets[Int(e.ticket) + 1] += 1
      if e.time < lo { lo = e.time }
      if e.time > hi { hi = e.time }
    }
    for t in 0..<ticketCount { offsets[t + 1] += offsets[t] }
    let count = log.events.count
    let sorted = [Event](unsafeUninitializedCapacity: count) { out, initialized in
      var next = offsets
      for e in log.events {
        let t = Int(e.ticket)
        (out.baseAddress! + next[t]).initialize(to: e)
        next[t] += 1
      }
      // Within a ticket, order by time with a stable insertion sort (groups are small and
      // usually already in order): equal times keep input order.
      for t in 0..<ticketCount {
        let a = offsets[t]
        let b = offsets[t + 1]
        guard b - a > 1 else { continue }
        for k in (a + 1)..<b where out[k - 1].time > out[k].time {
          let v = out[k]
          var j = k - 1
          while j >= a && out[j].time > v.time {
            out[j + 1] = out[j]
            j -= 1
          }
          out[j + 1] = v
        }
      }
      initialized = count
    }
    self.events = sorted
    self.offsets = offsets
    self.timeRange = count == 0 ? nil : (lo, hi)
  }

  public var ticketCount: Int { offsets.count - 1 }
}

/// One reconstruction warning, kept compact (16 bytes) and turned into a ``Finding`` with its
/// message only when asked.
public struct MetricsWarning: Sendable, Equatable {
  public var code: MetricsFindingCode
  /// The word of the event concerned.
  public var kind: EventKind
  /// Code-specific small values (levels, category indices).
  public var a: UInt8
  public var b: UInt8
  public var ticket: UInt32
  /// Line of the record (0 when unknown).
  public var line: UInt32

  public init(
    code: MetricsFindingCode, kind: EventKind, a: UInt8 = 0, b: UInt8 = 0, ticket: UInt32,
    line: UInt32
  ) {
    self.code = code
    self.kind = kind
    self.a = a
    self.b = b
    self.ticket = ticket
    self.line = line
  }

  /// The finding, with a message naming the ticket, in file `source`.
  public func finding(source: String, ids: [String]) -> Finding {
    let id = Int(ticket) < ids.count ? Finding.excerpt(ids[Int(ticket)]) : "#\(ticket)"
    let w = "'\(kind.word)'"
    let m: String
    switch code {
    case .moveAgainstWord:
      m =
        kind == .deescalate
        ? "de-escalation from level \(a) to \(b) goes up; applied as written"
        : "escalation from level \(a) to \(b) does not go up; applied as written"
    case .skippedLevel: m = "move from level \(a) to \(b) skips a level; applied as written"
    case .implicitReopen: m = "\(w) on a resolved ticket; read as a reopen at level \(b)"
    case .missingOpen:
      m =
        a == 1
        ? "first event is \(w), not an open, and gives no level; the ticket starts here at level \(b)"
        : "first event is \(w), not an open; the ticket starts here at level \(b)"
    case .categoryChange:
      let old = CategoryKey(index: Int(a))?.rawValue ?? "?"
      let new = CategoryKey(index: Int(b))?.rawValue ?? "?"
      m = "category changes from \(old) to \(new); the latest one is used"
    case .duplicateEvent:
      m = "exact duplicate of an earlier \(w) event at the same time; counted once"
    case .duplicateOpen:
      m =
        b == 0
        ? "\(w) on a ticket already open at level \(a); changes nothing"
        : "\(w) on a ticket open at level \(a) names level \(b); read as a move"
    case .duplicateResolve:
      m = "resolve on a ticket already resolved; ignored, the first resolution stands"
    case .sameLevel: m = "\(w) to level \(b), where the ticket already is; changes nothing"
    case .outOfRange: m = "\(w) without a level at level \(a) would leave levels 1-4; ignored"
    case .noCategory: m = "no category given; counted as uncategorized"
    case .openOnResolved: m = "open on a resolved ticket; read as a reopen"
    }
    return Finding(
      code: code.rawValue, severity: .warning, file: source, line: line == 0 ? nil : Int(line),
      message: "ticket \(id): \(m)")
  }
}

/// Every ticket of a log reconstructed from its events strictly before a cut-off time:
/// stays, upward moves, resolutions, and the facts the figures need (docs/metrics.md#reconstruction).
///
/// Arrays are indexed by ticket (``EventLog/ticketIDs``); stays are grouped by ticket in time
/// order. Facts carry their times, so a reconstruction up to a later cut-off also answers
/// "by time T" questions for any earlier T (used by the trend).
public struct Reconstruction: Sendable {
  /// Category index meaning "no category given" (the 8 categories are 0…7).
  public static let noCategory: UInt8 = 8
  /// A time that never comes (open stays' end, unresolved tickets, never-reached levels).
  public static let never = Int64.max

  /// Only events strictly before this time were used.
  public let cutoff: Int64

  /// Time of each ticket's first used event; ``never`` when it has none before the cut-off.
  public internal(set) var start: [Int64]
  /// Latest category (0…7) given up to the cut-off, or ``noCategory``.
  public internal(set) var category: [UInt8]
  /// Largest level reached (1…4); 0 for a ticket not started.
  public internal(set) var highest: [UInt8]
  /// Current level, or the level it was resolved at.
  public internal(set) var level: [UInt8]
  /// Time of the resolution in force at the cut-off; ``never`` while open.
  public internal(set) var resolvedAt: [Int64]
  /// First time the ticket was at level 2 or above; ``never`` if not.
  public internal(set) var reached2At: [Int64]

  /// `ticketCount + 1` offsets into the stay arrays (all zero when stays were not recorded).
  public internal(set) var stayOffsets: [Int]
  public internal(set) var stayLevel: [UInt8]
  public internal(set) var stayStart: [Int64]
  /// ``never`` for the stay still running at the cut-off.
  public internal(set) var stayEnd: [Int64]

  /// Upward moves (decided by the levels), in ticket then time order.
  public internal(set) var moveTicket: [UInt32]
  public internal(set) var moveTime: [Int64]
  public internal(set) var moveTarget: [UInt8]

  /// Resolution episodes: a resolution and the reopen that ended it (``never`` if none).
  public internal(set) var resolutionTicket: [UInt32]
  public internal(set) var resolutionTime: [Int64]
  public internal(set) var reopenTime: [Int64]

  /// Warnings (`MET001`…) about the events used, in ticket then time order.
  public internal(set) var warnings: [MetricsWarning]

  public var ticketCount: Int { start.count }

  /// Reconstructs every ticket of `log` from its events strictly before `cutoff`.
  /// - Parameters:
  ///   - collectWarnings: `false` skips the warnings (for a second pass).
  ///   - recordStays: `false` skips the stays (the trend needs none).
  public init(
    order: TicketOrder, cutoff: Int64, collectWarnings: Bool = true, recordStays: Bool = true
  ) {
    self.cutoff = cutoff
    let n = order.ticketCount
    start = [Int64](repeating: Reconstruction.never, count: n)
    category = [UInt8](repeating: Reconstruction.noCategory, count: n)
    highest = [UInt8](repeating: 0, count: n)
    level = [UInt8](repeating: 0, count: n)
    resolvedAt = [Int64](repeating: Reconstruction.never, count: n)
    reached2At = [Int64](repeating: Reconstruction.never, count: n)
    stayOffsets = [Int](repeating: 0, count: n + 1)
    stayLevel = []
    stayStart = []
    stayEnd = []
    if recordStays {
      let expected = order.events.count
      stayLevel.reserveCapacity(expected)
      stayStart.reserveCapacity(expected)
      stayEnd.reserveCapacity(expected)
    }
    moveTicket = []
    moveTime = []
    moveTarget = []
    resolutionTicket = []
    resolutionTime = []
    reopenTime = []
    warnings = []
    let builder = TicketBuilder(collect: collectWarnings, recordStays: recordStays)
    order.events.withUnsafeBufferPointer { ev in
      for t in 0..<n {
        builder.run(
          ticket: t, events: ev, range: order.offsets[t]..<order.offsets[t + 1], into: &self)
        if recordStays { stayOffsets[t + 1] = stayLevel.count }
      }
    }
  }

  /// Reconstructs every ticket of `log` (sorting its events first).
  public init(log: EventLog, cutoff: Int64) {
    self.init(order: TicketOrder(log), cutoff: cutoff)
  }

  /// The warnings as findings in file `source`, naming tickets from `ids`.
  public func findings(source: String, ids: [String]) -> [Finding] {
    warnings.map { $0.finding(source: source, ids: ids) }
  }

  /// The stays of ticket `t`, as indices into the stay arrays.
  @inlinable public func stays(of t: Int) -> Range<Int> { stayOffsets[t]..<stayOffsets[t + 1] }

  /// Seconds spent at each level (index 0 = level 1) by ticket `t`, open stays counted up to
  /// `asOf`; `nil` for a level the ticket never had a stay at (zero-length stays count).
  public func secondsAtLevel(of t: Int, asOf: Int64) -> [Int64?] {
    var out: [Int64?] = [nil, nil, nil, nil]
    for s in stays(of: t) {
      let l = Int(stayLevel[s]) - 1
      let end = stayEnd[s] == Reconstruction.never ? max(asOf, stayStart[s]) : stayEnd[s]
      out[l] = (out[l] ?? 0) + (end - stayStart[s])
    }
    return out
  }
}

/// The per-ticket state machine of docs/metrics.md#reconstruction.
struct TicketBuilder {
  let collect: Bool
  let recordStays: Bool

  enum State { case notStarted, open, resolved }

  func run(
    ticket t: Int, events ev: UnsafeBufferPointer<Event>, range: Range<Int>,
    into r: inout Reconstruction
  ) {
    let collect = self.collect
    let recordStays = self.recordStays
    var state = State.notStarted
    var cur: UInt8 = 0
    var stayFrom: Int64 = 0
    var cat = Reconstruction.noCategory
    var highest: UInt8 = 0
    var reached2 = Reconstruction.never
    var episode = -1  // index of the resolution episode in force
    var runStart = range.lowerBound  // first event of the current same-time run
    var firstLine: UInt32 = 0

    func warn(_ code: MetricsFindingCode, _ e: Event, a: UInt8 = 0, b: UInt8 = 0) {
      guard collect else { return }
      r.warnings.append(
        MetricsWarning(code: code, kind: e.kind, a: a, b: b, ticket: UInt32(t), line: e.line))
    }
    func beginStay(_ l: UInt8, _ time: Int64) {
      cur = l
      stayFrom = time
      if l > highest { highest = l }
      if l >= 2 && reached2 == Reconstruction.never { reached2 = time }
    }
    func endStay(_ time: Int64) {
      guard recordStays else { return }
      r.stayLevel.append(cur)
      r.stayStart.append(stayFrom)
      r.stayEnd.append(time)
    }
    func recordMove(_ target: UInt8, from: UInt8, _ time: Int64) {
      guard target > from else { return }
      r.moveTicket.append(UInt32(t))
      r.moveTime.append(time)
      r.moveTarget.append(target)
    }
    func resolve(_ time: Int64) {
      endStay(time)
      state = .resolved
      r.resolutionTicket.append(UInt32(t))
      r.resolutionTime.append(time)
      r.reopenTime.append(Reconstruction.never)
      episode = r.resolutionTime.count - 1
    }

    var k = range.lowerBound
    while k < range.upperBound {
      let e = ev[k]
      if e.time >= r.cutoff { break }
      // Exact duplicates: compare with the earlier events of the same time.
      if k > range.lowerBound && ev[k - 1].time == e.time {
        var dup = false
        var j = runStart
        while j < k {
          let p = ev[j]
          if p.kind == e.kind && p.levelRaw == e.levelRaw && p.categoryRaw == e.categoryRaw {
            dup = true
            break
          }
          j += 1
        }
        if dup {
          warn(.duplicateEvent, e)
          k += 1
          continue
        }
      } else {
        runStart = k
      }
      k += 1
      let given = e.levelRaw <= 4 ? e.levelRaw : 0  // 0 = not given
      let time = e.time

      // Where a move would go, for escalate / de-escalate / update, from level `from`.
      func target(from: UInt8) -> UInt8? {
        switch e.kind {
        case .escalate: return given != 0 ? given : (from < 4 ? from + 1 : nil)
        case .deescalate: return given != 0 ? given : (from > 1 ? from - 1 : nil)
        default: return given != 0 ? given : from
        }
      }
      // Warnings about the direction of a move from `from` to `to`.
      func checkMove(from: UInt8, to: UInt8) {
        if (e.kind == .escalate && to < from) || (e.kind == .deescalate && to > from) {
          warn(.moveAgainstWord, e, a: from, b: to)
        }
        if to > from + 1 { warn(.skippedLevel, e, a: from, b: to) }
      }

      // A rejected or ignored event changes nothing, its category included.
      switch state {
      case .notStarted:
        let startLevel = given == 0 ? 1 : given
        if e.kind != .open { warn(.missingOpen, e, a: given == 0 ? 1 : 0, b: startLevel) }
        r.start[t] = time
        firstLine = e.line
        state = .open
        beginStay(startLevel, time)
        if e.kind == .resolve { resolve(time) }
      case .open:
        switch e.kind {
        case .open, .reopen:
          if given != 0 && given != cur {
            warn(.duplicateOpen, e, a: cur, b: given)
            if given > cur + 1 { warn(.skippedLevel, e, a: cur, b: given) }
            endStay(time)
            let from = cur
            beginStay(given, time)
            recordMove(given, from: from, time)
          } else {
            warn(.duplicateOpen, e, a: cur)
          }
        case .resolve:
          resolve(time)
        case .escalate, .deescalate, .update:
          guard let to = target(from: cur) else {
            warn(.outOfRange, e, a: cur)
            continue
          }
          if to == cur {
            if e.kind != .update { warn(.sameLevel, e, b: to) }
          } else {
            checkMove(from: cur, to: to)
            endStay(time)
            let from = cur
            beginStay(to, time)
            recordMove(to, from: from, time)
          }
        }
      case .resolved:
        let at = cur
        switch e.kind {
        case .resolve:
          warn(.duplicateResolve, e)
          continue
        case .open, .reopen:
          if e.kind == .open { warn(.openOnResolved, e) }
          r.reopenTime[episode] = time
          state = .open
          beginStay(given == 0 ? at : given, time)
        case .escalate, .deescalate, .update:
          guard let to = target(from: at) else {
            warn(.outOfRange, e, a: at)
            continue
          }
          if e.kind == .update && to == at { break }  // a status word on a resolved ticket: no move
          warn(.implicitReopen, e, b: to)
          checkMove(from: at, to: to)
          r.reopenTime[episode] = time
          state = .open
          beginStay(to, time)
          recordMove(to, from: at, time)
        }
      }
      let c = e.categoryRaw
      if c != 0 && c <= 8 && c - 1 != cat {
        if cat != Reconstruction.noCategory { warn(.categoryChange, e, a: cat, b: c - 1) }
        cat = c - 1
      }
    }
    guard state != .notStarted else { return }
    if state == .open {
      if recordStays {
        r.stayLevel.append(cur)
        r.stayStart.append(stayFrom)
        r.stayEnd.append(Reconstruction.never)
      }
    } else {
      r.resolvedAt[t] = r.resolutionTime[episode]
    }
    r.category[t] = cat
    r.highest[t] = highest
    r.level[t] = cur
    r.reached2At[t] = reached2
    if cat == Reconstruction.noCategory && collect {
      r.warnings.append(
        MetricsWarning(code: .noCategory, kind: .open, ticket: UInt32(t), line: firstLine))
    }
  }
}
