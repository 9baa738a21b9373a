/// The codes of the warnings found while reconstructing tickets (`metrics.md`).
public enum MetricsFindingCode: String, CaseIterable, Sendable {
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

  /// A short description, for summaries and SARIF rules.
  public var summary: String {
    switch self {
    case .moveAgainstWord: return "escalation that does not go up (or de-escalation that does not go down), applied as written"
    case .skippedLevel: return "escalation that skips a level, applied as written"
    case .implicitReopen: return "move on a resolved ticket, read as a reopen"
    case .missingOpen: return "ticket whose first event is not an open; it starts at that event"
    case .categoryChange: return "ticket whose category changes; its latest category is used"
    case .duplicateEvent: return "exact duplicate event, counted once"
    case .duplicateOpen: return "open or reopen on a ticket that is already open"
    case .duplicateResolve: return "resolve on a resolved ticket, ignored (the first resolution stands)"
    case .sameLevel: return "move to the level the ticket is already at, changes nothing"
    case .outOfRange: return "escalate/de-escalate without a level that would leave levels 1-4, ignored"
    case .noCategory: return "ticket without a category, counted as uncategorized"
    case .openOnResolved: return "open on a resolved ticket, read as a reopen"
    }
  }
}

/// Events of an ``EventLog`` grouped by ticket, each group sorted by time with input order
/// breaking ties. Computed once and shared by every reconstruction of the same log.
public struct TicketOrder: Sendable {
  /// Event indices, grouped by ticket.
  public let order: [UInt32]
  /// `ticketCount + 1` offsets into `order`: ticket t's events are `order[offsets[t]..<offsets[t+1]]`.
  public let offsets: [Int]
  /// (first, last) event time, `nil` for an empty log.
  public let timeRange: (first: Int64, last: Int64)?

  public init(_ log: EventLog) {
    let events = log.events
    var ticketCount = log.ticketIDs.count
    for e in events where Int(e.ticket) >= ticketCount { ticketCount = Int(e.ticket) + 1 }
    // Counting sort by ticket keeps input order within a ticket.
    var offsets = [Int](repeating: 0, count: ticketCount + 1)
    var lo = Int64.max
    var hi = Int64.min
    for e in events {
      offsets[Int(e.ticket) + 1] += 1
      if e.time < lo { lo = e.time }
      if e.time > hi { hi = e.time }
    }
    for t in 0..<ticketCount { offsets[t + 1] += offsets[t] }
    var next = offsets
    var order = [UInt32](repeating: 0, count: events.count)
    events.withUnsafeBufferPointer { ev in
      for i in 0..<ev.count {
        let t = Int(ev[i].ticket)
        order[next[t]] = UInt32(i)
        next[t] += 1
      }
      // Within a ticket, order by time; indices are ascending, so input order breaks ties.
      order.withUnsafeMutableBufferPointer { o in
        for t in 0..<ticketCount {
          let a = offsets[t]
          let b = offsets[t + 1]
          guard b - a > 1 else { continue }
          var sorted = true
          for k in (a + 1)..<b where ev[Int(o[k - 1])].time > ev[Int(o[k])].time {
            sorted = false
            break
          }
          if sorted { continue }
          // Insertion sort: groups are small and nearly sorted; it is stable.
          for k in (a + 1)..<b {
            let v = o[k]
            let tv = ev[Int(v)].time
            var j = k - 1
            while j >= a && ev[Int(o[j])].time > tv {
              o[j + 1] = o[j]
              j -= 1
            }
            o[j + 1] = v
          }
        }
      }
    }
    self.order = order
    self.offsets = offsets
    self.timeRange = events.isEmpty ? nil : (lo, hi)
  }

  public var ticketCount: Int { offsets.count - 1 }
}

/// Every ticket of a log reconstructed from its events strictly before a cut-off time:
/// stays, upward moves, resolutions, and the facts the figures need (`metrics.md`).
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
  /// Line of the ticket's first used event.
  public internal(set) var firstLine: [UInt32]

  /// `ticketCount + 1` offsets into the stay arrays.
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

  /// Warnings (`MET001`…) about the events used, with the record line.
  public internal(set) var findings: [Finding]

  public var ticketCount: Int { start.count }

  /// Reconstructs every ticket of `log` from its events strictly before `cutoff`.
  /// - Parameter collectFindings: `false` skips building warnings (for a second pass).
  public init(log: EventLog, order: TicketOrder, cutoff: Int64, collectFindings: Bool = true) {
    self.cutoff = cutoff
    let n = order.ticketCount
    start = [Int64](repeating: Reconstruction.never, count: n)
    category = [UInt8](repeating: Reconstruction.noCategory, count: n)
    highest = [UInt8](repeating: 0, count: n)
    level = [UInt8](repeating: 0, count: n)
    resolvedAt = [Int64](repeating: Reconstruction.never, count: n)
    reached2At = [Int64](repeating: Reconstruction.never, count: n)
    firstLine = [UInt32](repeating: 0, count: n)
    stayOffsets = [Int](repeating: 0, count: n + 1)
    let expected = log.events.count
    stayLevel = []
    stayStart = []
    stayEnd = []
    stayLevel.reserveCapacity(expected)
    stayStart.reserveCapacity(expected)
    stayEnd.reserveCapacity(expected)
    moveTicket = []
    moveTime = []
    moveTarget = []
    resolutionTicket = []
    resolutionTime = []
    reopenTime = []
    findings = []
    var builder = TicketBuilder(source: log.source, ids: log.ticketIDs, collect: collectFindings)
    log.events.withUnsafeBufferPointer { ev in
      order.order.withUnsafeBufferPointer { ord in
        for t in 0..<n {
          builder.run(ticket: t, events: ev, order: ord, range: order.offsets[t]..<order.offsets[t + 1], into: &self)
          stayOffsets[t + 1] = stayLevel.count
        }
      }
    }
    findings = builder.findings
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

/// The per-ticket state machine of `metrics.md`.
struct TicketBuilder {
  let source: String
  let ids: [String]
  let collect: Bool
  var findings: [Finding] = []

  init(source: String, ids: [String], collect: Bool) {
    self.source = source
    self.ids = ids
    self.collect = collect
  }

  enum State { case notStarted, open, resolved }

  mutating func warn(_ code: MetricsFindingCode, _ ticket: Int, _ e: Event, _ message: String) {
    guard collect else { return }
    let id = ticket < ids.count ? ids[ticket] : "#\(ticket)"
    findings.append(
      Finding(
        code: code.rawValue, severity: .warning, file: source, line: e.line == 0 ? nil : Int(e.line),
        message: "ticket \(id): \(message)"))
  }

  mutating func run(
    ticket t: Int, events ev: UnsafeBufferPointer<Event>, order ord: UnsafeBufferPointer<UInt32>, range: Range<Int>,
    into r: inout Reconstruction
  ) {
    var state = State.notStarted
    var cur: UInt8 = 0
    var stayFrom: Int64 = 0
    var cat = Reconstruction.noCategory
    var highest: UInt8 = 0
    var reached2 = Reconstruction.never
    var episode = -1  // index of the resolution episode in force
    var runStart = range.lowerBound  // first event of the current same-time run
    var lastEvent: Event? = nil

    func beginStay(_ l: UInt8, _ time: Int64) {
      cur = l
      stayFrom = time
      if l > highest { highest = l }
      if l >= 2 && reached2 == Reconstruction.never { reached2 = time }
    }
    func endStay(_ time: Int64) {
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

    var k = range.lowerBound
    while k < range.upperBound {
      let e = ev[Int(ord[k])]
      if e.time >= r.cutoff { break }
      // Exact duplicates: compare with the earlier events of the same time.
      if let last = lastEvent, last.time == e.time {
        var dup = false
        var j = runStart
        while j < k {
          let p = ev[Int(ord[j])]
          if p.kind == e.kind && p.levelRaw == e.levelRaw && p.categoryRaw == e.categoryRaw {
            dup = true
            break
          }
          j += 1
        }
        if dup {
          warn(.duplicateEvent, t, e, "exact duplicate of an earlier event (\(e.kind.word)), counted once")
          k += 1
          continue
        }
      } else {
        runStart = k
      }
      lastEvent = e
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
        if e.kind == .escalate && to < from {
          warn(.moveAgainstWord, t, e, "escalation from level \(from) to \(to) does not go up; applied as written")
        } else if e.kind == .deescalate && to > from {
          warn(.moveAgainstWord, t, e, "de-escalation from level \(from) to \(to) goes up; applied as written")
        }
        if to > from + 1 {
          warn(.skippedLevel, t, e, "escalation from level \(from) to \(to) skips a level; applied as written")
        }
      }

      // A rejected event changes nothing, its category included.
      switch state {
      case .notStarted:
        if e.kind != .open {
          if given == 0 && (e.kind == .escalate || e.kind == .deescalate) {
            warn(.missingOpen, t, e, "first event is '\(e.kind.word)', not an open, and gives no level; the ticket starts here at level 1")
          } else {
            warn(.missingOpen, t, e, "first event is '\(e.kind.word)', not an open; the ticket starts here at level \(given == 0 ? 1 : given)")
          }
        }
        r.start[t] = time
        r.firstLine[t] = e.line
        state = .open
        beginStay(given == 0 ? 1 : given, time)
        if e.kind == .resolve {
          endStay(time)
          state = .resolved
          r.resolutionTicket.append(UInt32(t))
          r.resolutionTime.append(time)
          r.reopenTime.append(Reconstruction.never)
          episode = r.resolutionTime.count - 1
        }
      case .open:
        switch e.kind {
        case .open, .reopen:
          if given != 0 && given != cur {
            warn(.duplicateOpen, t, e, "'\(e.kind.word)' on an open ticket names level \(given); read as a move from level \(cur)")
            if given > cur + 1 {
              warn(.skippedLevel, t, e, "move from level \(cur) to \(given) skips a level; applied as written")
            }
            endStay(time)
            let from = cur
            beginStay(given, time)
            recordMove(given, from: from, time)
          } else {
            warn(.duplicateOpen, t, e, "'\(e.kind.word)' on a ticket that is already open at level \(cur); changes nothing")
          }
        case .resolve:
          endStay(time)
          state = .resolved
          r.resolutionTicket.append(UInt32(t))
          r.resolutionTime.append(time)
          r.reopenTime.append(Reconstruction.never)
          episode = r.resolutionTime.count - 1
        case .escalate, .deescalate, .update:
          guard let to = target(from: cur) else {
            warn(.outOfRange, t, e, "'\(e.kind.word)' without a level at level \(cur) would leave levels 1-4; ignored")
            continue
          }
          if to == cur {
            if e.kind != .update {
              warn(.sameLevel, t, e, "'\(e.kind.word)' to level \(to), where the ticket already is; changes nothing")
            }
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
          warn(.duplicateResolve, t, e, "resolve on a ticket already resolved; ignored, the first resolution stands")
          continue
        case .open, .reopen:
          if e.kind == .open {
            warn(.openOnResolved, t, e, "open on a resolved ticket; read as a reopen")
          }
          r.reopenTime[episode] = time
          state = .open
          beginStay(given == 0 ? at : given, time)
        case .escalate, .deescalate, .update:
          guard let to = target(from: at) else {
            warn(.outOfRange, t, e, "'\(e.kind.word)' without a level at level \(at) would leave levels 1-4; ignored")
            continue
          }
          if e.kind == .update && to == at { break }  // a status word on a resolved ticket: no move
          warn(.implicitReopen, t, e, "'\(e.kind.word)' on a resolved ticket; read as a reopen at level \(to)")
          checkMove(from: at, to: to)
          r.reopenTime[episode] = time
          state = .open
          beginStay(to, time)
          recordMove(to, from: at, time)
        }
      }
      if let c = e.category, UInt8(c.index) != cat {
        if cat != Reconstruction.noCategory {
          let old = CategoryKey(index: Int(cat))?.rawValue ?? "?"
          warn(.categoryChange, t, e, "category changes from \(old) to \(c.rawValue); the latest one is used")
        }
        cat = UInt8(c.index)
      }
    }
    guard state != .notStarted else { return }
    if state == .open {
      r.stayLevel.append(cur)
      r.stayStart.append(stayFrom)
      r.stayEnd.append(Reconstruction.never)
    } else {
      r.resolvedAt[t] = r.resolutionTime[episode]
    }
    r.category[t] = cat
    r.highest[t] = highest
    r.level[t] = cur
    r.reached2At[t] = reached2
    if cat == Reconstruction.noCategory && collect {
      let id = t < ids.count ? ids[t] : "#\(t)"
      findings.append(
        Finding(
          code: MetricsFindingCode.noCategory.rawValue, severity: .warning, file: source,
          line: r.firstLine[t] == 0 ? nil : Int(r.firstLine[t]),
          message: "ticket \(id): no category given; counted as uncategorized"))
    }
  }
}
