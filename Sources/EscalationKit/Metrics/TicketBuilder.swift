/// The per-ticket state machine of docs/metrics.md#reconstruction (how a ticket's events
/// become stays, moves and resolutions): reads one ticket's events in time order, skipping
/// exact duplicates, and appends what it finds to a ``Reconstruction``.
struct TicketBuilder {
  let collect: Bool
  let recordStays: Bool
  /// `false`: only the warnings are wanted (import's check); no column is written.
  var recordFacts = true

  func run(
    ticket t: Int, events ev: UnsafeBufferPointer<Event>, range: Range<Int>,
    into r: inout ReconstructionBuild
  ) {
    var ticket = TicketRun(
      ticket: t, collect: collect, recordStays: recordStays, recordFacts: recordFacts)
    var runStart = range.lowerBound  // first event of the current same-time run
    var k = range.lowerBound
    while k < range.upperBound {
      let e = ev[k]
      if e.time >= r.cutoff { break }
      // Exact duplicates: compare with the earlier events of the same time.
      if k > range.lowerBound && ev[k - 1].time == e.time {
        if TicketBuilder.repeats(e, ev, runStart..<k) {
          ticket.warn(.duplicateEvent, e, &r)
          k += 1
          continue
        }
      } else {
        runStart = k
      }
      k += 1
      ticket.apply(e, &r)
    }
    ticket.finish(&r)
  }

  /// Whether `e` repeats one of `ev[run]` (same word, level and category).
  @inline(__always) static func repeats(
    _ e: Event, _ ev: UnsafeBufferPointer<Event>, _ run: Range<Int>
  ) -> Bool {
    for j in run {
      let p = ev[j]
      if p.kind == e.kind && p.levelRaw == e.levelRaw && p.categoryRaw == e.categoryRaw {
        return true
      }
    }
    return false
  }
}

/// One ticket's state while its events are read.
struct TicketRun {
  enum State { case notStarted, open, resolved }

  let t: Int
  let collect: Bool
  let recordStays: Bool
  let recordFacts: Bool
  var state = State.notStarted
  /// Current level, and the start of the current stay.
  var cur: UInt8 = 0
  var stayFrom: Int64 = 0
  var cat = Reconstruction.noCategory
  var highest: UInt8 = 0
  var reached2 = Reconstruction.never
  /// Index of the resolution episode in force.
  var episode = -1
  var firstLine: UInt32 = 0
  /// Latest non-blank owner of the events applied.
  var owner: UInt32 = 0
  var reopened = false
  /// Start of the pause running in the current stay; ``Reconstruction/never`` when none.
  var pausedFrom = Reconstruction.never

  init(ticket t: Int, collect: Bool, recordStays: Bool, recordFacts: Bool = true) {
    self.t = t
    self.collect = collect
    self.recordStays = recordStays && recordFacts
    self.recordFacts = recordFacts
  }

  func warn(
    _ code: MetricsFindingCode, _ e: Event, a: UInt8 = 0, b: UInt8 = 0,
    _ r: inout ReconstructionBuild
  ) {
    guard collect else { return }
    r.warnings.append(
      MetricsWarning(code: code, kind: e.kind, a: a, b: b, ticket: UInt32(t), line: e.line))
  }

  mutating func beginStay(_ l: UInt8, _ time: Int64) {
    cur = l
    stayFrom = time
    if l > highest { highest = l }
    if l >= 2 && reached2 == Reconstruction.never { reached2 = time }
  }

  mutating func endStay(_ time: Int64, _ r: inout ReconstructionBuild) {
    endPause(time, &r)
    guard recordStays else { return }
    r.stayLevel.append(cur)
    r.stayStart.append(stayFrom)
    r.stayEnd.append(time)
  }

  /// Ends the running pause, if any, at `time`: a pause of the current stay, which is the
  /// next stay to be recorded (docs/metrics.md#pauses).
  mutating func endPause(_ time: Int64, _ r: inout ReconstructionBuild) {
    guard pausedFrom != Reconstruction.never else { return }
    if recordStays { r.appendPause(from: pausedFrom, to: time) }
    pausedFrom = Reconstruction.never
  }

  /// Ends the current stay and begins one at `to`, an upward move when it is above.
  mutating func move(to: UInt8, _ time: Int64, _ r: inout ReconstructionBuild) {
    endStay(time, &r)
    let from = cur
    beginStay(to, time)
    recordMove(to, from: from, time, &r)
  }

  func recordMove(_ target: UInt8, from: UInt8, _ time: Int64, _ r: inout ReconstructionBuild) {
    guard recordFacts && target > from else { return }
    r.moveTicket.append(UInt32(t))
    r.moveTime.append(time)
    r.moveTarget.append(target)
  }

  mutating func resolve(_ time: Int64, _ r: inout ReconstructionBuild) {
    endStay(time, &r)
    state = .resolved
    guard recordFacts else { return }
    r.resolutionTicket.append(UInt32(t))
    r.resolutionTime.append(time)
    r.reopenTime.append(Reconstruction.never)
    episode = r.resolutionTime.count - 1
  }

  /// Where a move of `e` (escalate / de-escalate / update) would go from level `from`
  /// (`given`: the event's level, 0 when not given); `nil` out of levels 1–4.
  @inline(__always) static func target(_ e: Event, given: UInt8, from: UInt8) -> UInt8? {
    switch e.kind {
    case .escalate: return given != 0 ? given : (from < 4 ? from + 1 : nil)
    case .deescalate: return given != 0 ? given : (from > 1 ? from - 1 : nil)
    default: return given != 0 ? given : from
    }
  }

  /// Warnings about the direction of a move of `e` from `from` to `to`.
  func checkMove(_ e: Event, from: UInt8, to: UInt8, _ r: inout ReconstructionBuild) {
    if (e.kind == .escalate && to < from) || (e.kind == .deescalate && to > from) {
      warn(.moveAgainstWord, e, a: from, b: to, &r)
    }
    if to > from + 1 { warn(.skippedLevel, e, a: from, b: to, &r) }
  }

  /// Applies one event. A rejected or ignored event changes nothing, its category included.
  mutating func apply(_ e: Event, _ r: inout ReconstructionBuild) {
    let given = e.levelRaw <= 4 ? e.levelRaw : 0  // 0 = not given
    let applied: Bool
    switch state {
    case .notStarted:
      begin(e, given: given, &r)
      applied = true
    case .open: applied = applyOpen(e, given: given, &r)
    case .resolved: applied = applyResolved(e, given: given, &r)
    }
    guard applied else { return }
    if e.kind != .pause {
      endPause(e.time, &r)
    } else if state == .open && pausedFrom == Reconstruction.never {
      // A pause during a pause changes nothing.
      pausedFrom = e.time
    }
    if e.owner != 0 { owner = e.owner }
    let c = e.categoryRaw
    if c != 0 && c <= 8 && c - 1 != cat {
      if cat != Reconstruction.noCategory { warn(.categoryChange, e, a: cat, b: c - 1, &r) }
      cat = c - 1
    }
  }

  /// The ticket's first event.
  mutating func begin(_ e: Event, given: UInt8, _ r: inout ReconstructionBuild) {
    let startLevel = given == 0 ? 1 : given
    if e.kind != .open { warn(.missingOpen, e, a: given == 0 ? 1 : 0, b: startLevel, &r) }
    if recordFacts { r.start[t] = e.time }
    firstLine = e.line
    state = .open
    beginStay(startLevel, e.time)
    if e.kind == .resolve { resolve(e.time, &r) }
  }

  /// An event on an open ticket; `false` when it is rejected.
  mutating func applyOpen(_ e: Event, given: UInt8, _ r: inout ReconstructionBuild) -> Bool {
    switch e.kind {
    case .open, .reopen:
      if given != 0 && given != cur {
        warn(.duplicateOpen, e, a: cur, b: given, &r)
        if given > cur + 1 { warn(.skippedLevel, e, a: cur, b: given, &r) }
        move(to: given, e.time, &r)
      } else if !e.repeatsState {
        warn(.duplicateOpen, e, a: cur, &r)
      }
    case .resolve:
      resolve(e.time, &r)
    case .escalate, .deescalate, .update, .pause:
      // Snapshot logs repeat the current state on every update: a row the importer marked as
      // repeating the previous one with no level changes nothing and says nothing.
      if given == 0 && e.repeatsState { return true }
      guard let to = TicketRun.target(e, given: given, from: cur) else {
        warn(.outOfRange, e, a: cur, &r)
        return false
      }
      if to == cur {
        if !e.kind.isStatusOnly && !e.repeatsState { warn(.sameLevel, e, b: to, &r) }
      } else {
        checkMove(e, from: cur, to: to, &r)
        move(to: to, e.time, &r)
      }
    }
    return true
  }

  /// An event on a resolved ticket; `false` when it is rejected or ignored.
  mutating func applyResolved(_ e: Event, given: UInt8, _ r: inout ReconstructionBuild) -> Bool {
    let at = cur
    switch e.kind {
    case .resolve:
      // A resolve repeating the previous row (resolve then close) is one resolution: silent.
      if !e.repeatsState { warn(.duplicateResolve, e, &r) }
      return false
    case .open, .reopen:
      if e.kind == .open { warn(.openOnResolved, e, &r) }
      if recordFacts { r.reopenTime[episode] = e.time }
      reopened = true
      state = .open
      beginStay(given == 0 ? at : given, e.time)
    case .escalate, .deescalate, .update, .pause:
      guard let to = TicketRun.target(e, given: given, from: at) else {
        warn(.outOfRange, e, a: at, &r)
        return false
      }
      // A status word on a resolved ticket: no move; a pause there has nothing to pause.
      if e.kind.isStatusOnly && to == at {
        if e.kind == .pause { warn(.pauseOnResolved, e, a: at, &r) }
        return true
      }
      warn(.implicitReopen, e, b: to, &r)
      checkMove(e, from: at, to: to, &r)
      if recordFacts { r.reopenTime[episode] = e.time }
      reopened = true
      state = .open
      beginStay(to, e.time)
      recordMove(to, from: at, e.time, &r)
    }
    return true
  }

  /// After the last event: the running stay, the resolution in force and the ticket's facts.
  func finish(_ r: inout ReconstructionBuild) {
    guard state != .notStarted else { return }
    if state == .open {
      if recordStays {
        // A pause still running at the cut-off lasts until the as-of.
        if pausedFrom != Reconstruction.never {
          r.appendPause(from: pausedFrom, to: Reconstruction.never)
        }
        r.stayLevel.append(cur)
        r.stayStart.append(stayFrom)
        r.stayEnd.append(Reconstruction.never)
      }
    } else if recordFacts {
      r.resolvedAt[t] = r.resolutionTime[episode]
    }
    if recordFacts {
      r.category[t] = cat
      r.highest[t] = highest
      r.level[t] = cur
      r.reached2At[t] = reached2
      r.owner[t] = owner
      r.reopened[t] = reopened
    }
    if cat == Reconstruction.noCategory && collect {
      r.warnings.append(
        MetricsWarning(code: .noCategory, kind: .open, ticket: UInt32(t), line: firstLine))
    }
  }
}
