import CSVImport

/// Events of an ``EventLog`` grouped by ticket, each group sorted by time with input order
/// breaking ties. Computed once and shared by every reconstruction of the same log. A log
/// already in ticket order (a cache hit) is used as it is; otherwise the order is an index of
/// 4 bytes per event into the log's events (not a copy of them), which reconstructions follow.
public struct TicketOrder: Sendable {
  /// The log's events: in ticket order when ``index`` is `nil`, else in input order.
  let storage: [Event]
  /// Positions in ``storage`` in ticket order; `nil` when ``storage`` is in ticket order.
  let index: [UInt32]?
  /// `ticketCount + 1` offsets into the ticket order: ticket t's events are positions
  /// `offsets[t]..<offsets[t+1]` of ``events``.
  public let offsets: [Int]
  /// (first, last) event time, `nil` for an empty log.
  public let timeRange: (first: Int64, last: Int64)?

  public init(_ log: EventLog) {
    storage = log.events
    var lo = Int64.max
    var hi = Int64.min
    for e in log.events {
      lo = min(lo, e.time)
      hi = max(hi, e.time)
    }
    timeRange = log.events.isEmpty ? nil : (lo, hi)
    if let offsets = log.ticketOffsets, offsets.last == log.events.count {
      // Already in ticket order (a cache hit for the figures): nothing to sort.
      index = nil
      self.offsets = offsets
    } else {
      // The import's order when it made one (the duplicates' search), else sorted here.
      index = EventCacheCodec.ticketPermutation(log)
      offsets = EventRecords.offsets(log.events, tickets: log.ticketCount)
    }
  }

  public var ticketCount: Int { offsets.count - 1 }

  /// The events in ticket order (a copy when the log was not in ticket order: for tests).
  public var events: [Event] { index.map { $0.map { storage[Int($0)] } } ?? storage }

  /// The number of events.
  public var count: Int { storage.count }

  /// Whether some event satisfies `test` (in no particular order).
  func contains(where test: (Event) -> Bool) -> Bool { storage.contains(where: test) }

  /// Calls `body` with each ticket and its events in time order (a buffer valid during the
  /// call only), tickets in order.
  ///
  /// `releasing` (events stored in ticket order only): the memory of the events passed is
  /// given back to the system as the walk goes (``HugePages/release(_:bytes:)``), 4 MiB at a
  /// time, so that the reconstruction's columns grow while the events shrink. The events
  /// then read as zeros: only for a caller that reads them no more, through this order or any
  /// copy of the log (``MetricsEngine/compute(releasing:options:check:)``).
  @inline(__always)
  func forEachTicket(releasing: Bool = false, _ body: (Int, UnsafeBufferPointer<Event>) -> Void) {
    let n = ticketCount
    storage.withUnsafeBufferPointer { ev in
      offsets.withUnsafeBufferPointer { off in
        guard let index else {
          let stride = MemoryLayout<Event>.stride
          var passed = 0  // events whose memory was given back (up to a 2 MiB page's start)
          for t in 0..<n {
            body(t, UnsafeBufferPointer(rebasing: ev[off[t]..<off[t + 1]]))
            let end = off[t + 1]
            if releasing, let base = ev.baseAddress, (end - passed) * stride >= 4 << 20 {
              let from = UnsafeRawPointer(base + passed)
              HugePages.release(from, bytes: (end - passed) * stride)
              // From the start of the 2 MiB page holding `end` on: given back next time.
              let cut = (Int(bitPattern: UnsafeRawPointer(base + end))) & ~(HugePages.size - 1)
              passed = max(passed, (cut - Int(bitPattern: UnsafeRawPointer(base))) / stride)
            }
          }
          return
        }
        // Each ticket's events gathered into a small buffer, reused.
        var longest = 0
        for t in 0..<n { longest = max(longest, off[t + 1] - off[t]) }
        let run = UnsafeMutablePointer<Event>.allocate(capacity: max(longest, 1))
        defer { run.deallocate() }
        index.withUnsafeBufferPointer { ix in
          let ahead = 16  // events fetched ahead: the gather is one cache miss per event
          let count = ix.count
          for t in 0..<n {
            let a = off[t]
            let m = off[t + 1] - a
            for j in 0..<m {
              if a + j + ahead < count {
                prefetchForRead(UnsafeRawPointer(ev.baseAddress! + Int(ix[a + j + ahead])))
              }
              (run + j).initialize(to: ev[Int(ix[a + j])])
            }
            body(t, UnsafeBufferPointer(start: run, count: m))
          }
        }
      }
    }
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
  package internal(set) var start: FactColumn<Int64>
  /// Latest category (0…7) given up to the cut-off, or ``noCategory``.
  package internal(set) var category: FactColumn<UInt8>
  /// Largest level reached (1…4); 0 for a ticket not started.
  package internal(set) var highest: FactColumn<UInt8>
  /// Current level, or the level it was resolved at.
  package internal(set) var level: FactColumn<UInt8>
  /// Time of the resolution in force at the cut-off; ``never`` while open.
  package internal(set) var resolvedAt: FactColumn<Int64>
  /// First time the ticket was at level 2 or above; ``never`` if not.
  package internal(set) var reached2At: FactColumn<Int64>
  /// Latest non-blank owner (``Event/owner``) of the events used; 0 when none.
  package internal(set) var owner: FactColumn<UInt32>
  /// Whether the ticket was reopened (explicitly or by a move) after a resolution.
  package internal(set) var reopened: FactColumn<Bool>

  /// `ticketCount + 1` offsets into the stay arrays (all zero when stays were not recorded).
  package internal(set) var stayOffsets: FactColumn<Int>
  package internal(set) var stayLevel: FactColumn<UInt8>
  package internal(set) var stayStart: FactColumn<Int64>
  /// ``never`` for the stay still running at the cut-off.
  package internal(set) var stayEnd: FactColumn<Int64>

  /// Pauses (docs/metrics.md#pauses), in stay order: the stay paused and the paused span;
  /// ``never`` as end for a pause still running at the cut-off (it lasts until the as-of).
  /// Empty when the log has no pause, or stays were not recorded.
  package internal(set) var pauseStay: [UInt32] = []
  package internal(set) var pauseStart: [Int64] = []
  package internal(set) var pauseEnd: [Int64] = []

  /// Upward moves (decided by the levels), in ticket then time order.
  package internal(set) var moveTicket: FactColumn<UInt32>
  package internal(set) var moveTime: FactColumn<Int64>
  package internal(set) var moveTarget: FactColumn<UInt8>

  /// Resolution episodes: a resolution and the reopen that ended it (``never`` if none).
  package internal(set) var resolutionTicket: FactColumn<UInt32>
  package internal(set) var resolutionTime: FactColumn<Int64>
  package internal(set) var reopenTime: FactColumn<Int64>

  /// Warnings (`MET001`…) about the events used, in ticket then time order.
  package internal(set) var warnings: [MetricsWarning]

  package var ticketCount: Int { start.count }

  /// Reconstructs every ticket of `log` from its events strictly before `cutoff`.
  /// - Parameters:
  ///   - collectWarnings: `false` skips the warnings (for a second pass).
  ///   - recordStays: `false` skips the stays (the trend needs none).
  ///   - releasingEvents: the events' memory is given back as they are passed
  ///     (``TicketOrder/forEachTicket(releasing:_:)``): only when nothing reads them after.
  public init(
    order: TicketOrder, cutoff: Int64, collectWarnings: Bool = true, recordStays: Bool = true,
    releasingEvents: Bool = false
  ) {
    self.cutoff = cutoff
    let n = order.ticketCount
    var build = ReconstructionBuild(
      cutoff: cutoff, tickets: n, events: order.count, recordStays: recordStays)
    let builder = TicketBuilder(collect: collectWarnings, recordStays: recordStays)
    order.forEachTicket(releasing: releasingEvents) { t, ev in
      builder.run(ticket: t, events: ev, range: 0..<ev.count, into: &build)
      if recordStays { build.stayOffsets[t + 1] = build.stayLevel.count }
    }
    start = build.start.column
    category = build.category.column
    highest = build.highest.column
    level = build.level.column
    resolvedAt = build.resolvedAt.column
    reached2At = build.reached2At.column
    owner = build.owner.column
    reopened = build.reopened.column
    stayOffsets = build.stayOffsets.column
    stayLevel = build.stayLevel.column
    stayStart = build.stayStart.column
    stayEnd = build.stayEnd.column
    moveTicket = build.moveTicket.column
    moveTime = build.moveTime.column
    moveTarget = build.moveTarget.column
    resolutionTicket = build.resolutionTicket.column
    resolutionTime = build.resolutionTime.column
    reopenTime = build.reopenTime.column
    pauseStay = build.pauseStay
    pauseStart = build.pauseStart
    pauseEnd = build.pauseEnd
    warnings = build.warnings
  }

  /// The warnings of every ticket of `order`, all events used, without the facts (no column
  /// is kept: import's check of the tickets).
  static func warnings(_ order: TicketOrder) -> [MetricsWarning] {
    var build = ReconstructionBuild(cutoff: never, tickets: 0, events: 0, recordStays: false)
    var builder = TicketBuilder(collect: true, recordStays: false)
    builder.recordFacts = false
    order.forEachTicket { t, ev in
      builder.run(ticket: t, events: ev, range: 0..<ev.count, into: &build)
    }
    return build.warnings
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
  package func stays(of t: Int) -> Range<Int> { stayOffsets[t]..<stayOffsets[t + 1] }

  /// Seconds spent at each level (index 0 = level 1) by ticket `t`, open stays counted up to
  /// `asOf`; `nil` for a level the ticket never had a stay at (zero-length stays count).
  /// `excludePaused`: each stay without its paused time (docs/metrics.md#pauses).
  package func secondsAtLevel(of t: Int, asOf: Int64, excludePaused: Bool = false) -> [Int64?] {
    var out: [Int64?] = [nil, nil, nil, nil]
    for s in stays(of: t) {
      let l = Int(stayLevel[s]) - 1
      let end = stayEnd[s] == Reconstruction.never ? max(asOf, stayStart[s]) : stayEnd[s]
      var d = end - stayStart[s]
      if excludePaused && hasPauses { d -= pausedSeconds(ofStay: s, to: end) }
      out[l] = (out[l] ?? 0) + d
    }
    return out
  }
}
