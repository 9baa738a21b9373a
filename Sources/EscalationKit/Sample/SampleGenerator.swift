/// One event the sample means to write: the ground truth a round trip through `import` must
/// give back.
public struct SampleEvent: Sendable, Equatable, Hashable {
  /// Ticket identifier as written (`ESC-0042`).
  public var ticket: String
  /// Seconds since 1970-01-01T00:00:00Z.
  public var time: Int64
  public var kind: EventKind
  /// The level written on the row; nil only for a tickets-layout resolution.
  public var level: Level?
  public var category: CategoryKey?
  public var owner: String
  public var note: String

  public init(
    ticket: String, time: Int64, kind: EventKind, level: Level?, category: CategoryKey?,
    owner: String = "",
    note: String = ""
  ) {
    self.ticket = ticket
    self.time = time
    self.kind = kind
    self.level = level
    self.category = category
    self.owner = owner
    self.note = note
  }
}

/// Facts about the simulated process (the full process, whatever the layout shows of it).
public struct SampleStatistics: Sendable, Equatable {
  public var tickets = 0
  /// Events of the process (the events layout writes exactly these).
  public var events = 0
  /// Tickets whose last event is a resolution.
  public var resolved = 0
  /// Resolved tickets by the level they were resolved at (index 0 = level 1).
  public var resolvedAtLevel = [0, 0, 0, 0]
  /// Tickets whose highest level is ≥ k (index 0 = level 1, so it equals `tickets`).
  public var reachedLevel = [0, 0, 0, 0]
  /// Tickets never resolved, or reopened and not resolved again, at the end of the period.
  public var stillOpen: Int { tickets - resolved }
  public var reopened = 0
  /// Tickets with an escalation that skips a level (1 → 3).
  public var skippedLevel = 0
  public var deescalated = 0
  /// Tickets per category, canonical order.
  public var perCategory = [Int](repeating: 0, count: 8)
  /// Tickets that reached level 2, per category.
  public var escalatedPerCategory = [Int](repeating: 0, count: 8)

  public init() {}

  /// Share of resolved tickets resolved at level 1.
  public var resolvedAtLevel1Share: Double {
    resolved == 0 ? 0 : Double(resolvedAtLevel[0]) / Double(resolved)
  }

  mutating func add(_ t: SampleProcess.Ticket) {
    tickets += 1
    events += t.steps.count
    perCategory[t.category] += 1
    var highest = 1
    var previous = 1
    var skipped = false
    for s in t.steps {
      let l = Int(s.level)
      highest = max(highest, l)
      if s.kind == .escalate && l > previous + 1 { skipped = true }
      if s.kind == .deescalate { deescalated += 1 }
      if s.kind == .reopen { reopened += 1 }
      previous = l
    }
    if skipped { skippedLevel += 1 }
    for k in 0..<highest { reachedLevel[k] += 1 }
    if highest >= 2 { escalatedPerCategory[t.category] += 1 }
    if let last = t.steps.last, last.kind == .resolve {
      resolved += 1
      resolvedAtLevel[Int(last.level) - 1] += 1
    }
  }
}

/// What `--messy` injected, so that the importer's accounting can be predicted.
public struct SampleMess: Sendable, Equatable {
  /// Exact copies of event rows (the importer counts them as duplicates).
  public var duplicates = 0
  /// Extra copies of rows whose date reads `#VALUE!`, `TBD`, … (rejected).
  public var unreadableDates = 0
  /// Extra copies of rows with a misspelt category such as `Perfomance issues` (rejected).
  public var misspelledCategories = 0
  /// Category labels matching only loosely or in the other language (accepted).
  public var looseCategoryLabels = 0
  /// Event words written as a synonym (`Closed`, `Escaladé`, …).
  public var eventSynonyms = 0
  /// Levels written as the role that owns them (`Project manager`).
  public var levelsAsRoles = 0
  /// Levels written as `L2`, `Niveau 2`, …
  public var levelVariants = 0
  /// Rows moved before rows written earlier.
  public var outOfOrder = 0
  /// Blank lines (not records).
  public var blankLines = 0
  /// Rows ending with an empty field, as Excel pads them.
  public var trailingEmptyFields = 0
  /// Notes holding a line break.
  public var multilineNotes = 0

  public init() {}

  /// Records the importer must reject.
  public var rejected: Int { unreadableDates + misspelledCategories }
}

/// What one run wrote.
public struct SampleReport: Sendable, Equatable {
  public var statistics = SampleStatistics()
  public var mess = SampleMess()
  /// Records written, header and blank lines excluded.
  public var records = 0
  /// Events meant (the ground truth: one per event row, or the events of the ticket rows).
  public var events = 0
  /// What the importer should print: read = used + rejected + duplicates.
  public var expectedAccounting: RecordAccounting {
    RecordAccounting(
      read: records, used: records - mess.rejected - mess.duplicates, rejected: mess.rejected,
      duplicates: mess.duplicates)
  }
  public init() {}
}

/// Generates a deterministic, believable escalation log (see ``SampleProcess`` for the model).
///
/// ```swift
/// let g = try SampleGenerator(options: SampleOptions(tickets: 500, seed: 7))
/// let truth = g.events()                       // what the log means
/// let report = try g.write(to: OutputWriter(path: "log.csv"))  // streams the CSV
/// ```
public struct SampleGenerator: Sendable {
  public let options: SampleOptions
  let zone: ZoneRules

  /// Checks `options` (see ``SampleOptions/validate()``).
  public init(options: SampleOptions) throws(SampleError) {
    try options.validate()
    self.options = options
    zone = ZoneRules(identifier: options.timeZone) ?? .utc
  }

  /// The events the output means, in the order written (chronological for the events layout;
  /// ticket by ticket for the tickets layout), without the mess.
  ///
  /// In the tickets layout a row means: open at level 1 at the date raised, an escalation to
  /// each level with a date (first time at that level), and a resolution without a level at
  /// the date resolved; the row's category is on every event, its owner and note on the open.
  public func events() -> [SampleEvent] {
    let lang = options.language
    let owners = SampleVocabulary.owners(lang)
    let notes = SampleVocabulary.notes(lang, messy: options.messy)
    let ids = TicketIDFormat(tickets: options.tickets)
    var out: [SampleEvent] = []
    switch options.layout {
    case .events:
      forEachEvent { (item: SampleItem) throws(Never) in
        let s = item.step
        out.append(
          SampleEvent(
            ticket: ids.string(item.ticket), time: utc(s.minute), kind: s.kind,
            level: Level(rawValue: Int(s.level)),
            category: CategoryKey(index: item.category),
            owner: owners[Int(s.level) - 1][Int(s.owner)],
            note: options.shape == .export
              ? SampleExportNotes.note(ticket: item.ticket, sequence: item.sequence)
              : s.note == 0 ? "" : notes[Int(s.note) - 1]))
      }
    case .tickets:
      forEachTicket { (t: SampleProcess.Ticket) throws(Never) in
        let row = TicketRow(t)
        let id = ids.string(t.number)
        let cat = CategoryKey(index: t.category)
        out.append(
          SampleEvent(
            ticket: id, time: utc(row.opened), kind: .open, level: Level(rawValue: 1),
            category: cat,
            owner: owners[row.currentLevel - 1][row.owner],
            note: row.note == 0 ? "" : notes[row.note - 1]))
        for (level, minute) in row.escalations {
          out.append(
            SampleEvent(
              ticket: id, time: utc(minute), kind: .escalate, level: Level(rawValue: level),
              category: cat))
        }
        if let r = row.resolved {
          out.append(
            SampleEvent(ticket: id, time: utc(r), kind: .resolve, level: nil, category: cat))
        }
      }
    }
    return out
  }

  /// Statistics of the process without writing anything.
  public func statistics() -> SampleStatistics {
    var stats = SampleStatistics()
    forEachTicket { (t: SampleProcess.Ticket) throws(Never) in stats.add(t) }
    return stats
  }

  /// Streams the CSV to `writer` and commits it.
  public func write(to writer: OutputWriter) throws(OutputError) -> SampleReport {
    var sink = OutputWriterSink(writer: writer)
    let report = try write(into: &sink)
    try writer.commit()
    return report
  }

  /// The whole CSV in memory (for tests and small samples).
  public func csv() -> (bytes: [UInt8], report: SampleReport) {
    var sink = ByteArraySink()
    let report = write(into: &sink)
    return (sink.bytes, report)
  }

  func write<S: SampleSink>(into sink: inout S) throws(S.Failure) -> SampleReport {
    var w = SampleCSVWriter(options: options, sink: sink)
    var stats = SampleStatistics()
    try w.writeHeader()
    switch options.layout {
    case .events:
      try forEachEvent(stats: &stats) { (item: SampleItem) throws(S.Failure) in
        try w.writeEvent(item)
      }
    case .tickets:
      try forEachTicket { (t: SampleProcess.Ticket) throws(S.Failure) in
        stats.add(t)
        try w.writeTicket(t)
      }
    }
    try w.finish()
    sink = w.sink
    var report = SampleReport()
    report.statistics = stats
    report.mess = w.mess
    report.records = w.records
    report.events = w.meant
    return report
  }

  /// Seconds since 1970 (UTC) of a local minute.
  func utc(_ minute: Int64) -> Int64 {
    zone.isUTC ? minute * 60 : zone.utc(localSeconds: minute * 60).0
  }

  /// Calls `body` for each simulated ticket, in arrival order.
  func forEachTicket<E: Error>(_ body: (SampleProcess.Ticket) throws(E) -> Void) throws(E) {
    var process = SampleProcess(options: options)
    var t = SampleProcess.Ticket()
    while process.next(into: &t) { try body(t) }
  }

  func forEachEvent<E: Error>(_ body: (SampleItem) throws(E) -> Void) throws(E) {
    var stats = SampleStatistics()
    try forEachEvent(stats: &stats, body)
  }

  /// Calls `body` for each event in chronological order (ties: ticket, then sequence), keeping
  /// only the events of tickets still active in a heap.
  func forEachEvent<E: Error>(stats: inout SampleStatistics, _ body: (SampleItem) throws(E) -> Void)
    throws(E)
  {
    var heap = SampleHeap()
    var process = SampleProcess(options: options)
    var t = SampleProcess.Ticket()
    while process.next(into: &t) {
      stats.add(t)
      let arrival = t.steps[0].minute
      while let top = heap.first, top.step.minute <= arrival { try body(heap.popFirst()) }
      for (i, s) in t.steps.enumerated() {
        heap.push(SampleItem(ticket: t.number, sequence: i, category: t.category, step: s))
      }
    }
    while heap.first != nil { try body(heap.popFirst()) }
  }
}

/// One event of one ticket, as merged into the chronological stream.
struct SampleItem {
  var ticket: Int
  var sequence: Int
  var category: Int
  var step: SampleProcess.Step

  @inline(__always)
  static func before(_ a: SampleItem, _ b: SampleItem) -> Bool {
    if a.step.minute != b.step.minute { return a.step.minute < b.step.minute }
    if a.ticket != b.ticket { return a.ticket < b.ticket }
    return a.sequence < b.sequence
  }
}

/// A binary min-heap of ``SampleItem``s.
struct SampleHeap {
  private var items: [SampleItem] = []
  var first: SampleItem? { items.first }

  mutating func push(_ x: SampleItem) {
    items.append(x)
    var i = items.count - 1
    while i > 0 {
      let p = (i - 1) / 2
      guard SampleItem.before(items[i], items[p]) else { break }
      items.swapAt(i, p)
      i = p
    }
  }

  mutating func popFirst() -> SampleItem {
    let top = items[0]
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var i = 0
      let n = items.count
      while true {
        let l = 2 * i + 1
        guard l < n else { break }
        var c = l
        if l + 1 < n && SampleItem.before(items[l + 1], items[l]) { c = l + 1 }
        guard SampleItem.before(items[c], items[i]) else { break }
        items.swapAt(i, c)
        i = c
      }
    }
    return top
  }
}

/// A simulated ticket as one tickets-layout row.
struct TicketRow {
  var opened: Int64
  /// (level, first minute at that level) for levels 2–4 reached, in time order.
  var escalations: [(Int, Int64)] = []
  /// The last resolution, when the ticket ends resolved.
  var resolved: Int64?
  var currentLevel: Int
  /// 0 open, 1 resolved, 2 reopened and open.
  var status: Int
  var owner: Int
  /// 0 none, else note index + 1 (the first note of the ticket).
  var note: Int

  init(_ t: SampleProcess.Ticket) {
    opened = t.steps[0].minute
    var first: [Int64?] = [nil, nil, nil, nil]
    var note = 0
    var reopened = false
    for s in t.steps {
      let l = Int(s.level)
      if first[l - 1] == nil { first[l - 1] = s.minute }
      if note == 0 && s.note != 0 { note = Int(s.note) }
      if s.kind == .reopen { reopened = true }
    }
    for l in 2...4 { if let m = first[l - 1] { escalations.append((l, m)) } }
    escalations.sort { $0.1 < $1.1 }
    let last = t.steps[t.steps.count - 1]
    resolved = last.kind == .resolve ? last.minute : nil
    currentLevel = Int(last.level)
    status = resolved != nil ? 1 : (reopened ? 2 : 0)
    owner = Int(last.owner)
    self.note = note
  }
}

/// Ticket identifiers `ESC-0042`, zero-padded to the width of the largest number (at least 4).
struct TicketIDFormat {
  let width: Int
  init(tickets: Int) { width = max(4, String(tickets).count) }

  func string(_ n: Int) -> String {
    let d = String(n)
    return "ESC-" + String(repeating: "0", count: max(0, width - d.count)) + d
  }

  @inline(__always)
  func append(_ n: Int, to buf: inout [UInt8]) {
    buf.append(contentsOf: [0x45, 0x53, 0x43, 0x2D])  // ESC-
    var digits = 1
    var x = n
    while x >= 10 {
      x /= 10
      digits += 1
    }
    for _ in digits..<max(width, digits) { buf.append(0x30) }
    var div = 1
    for _ in 1..<digits { div *= 10 }
    x = n
    while div > 0 {
      buf.append(UInt8(0x30 + x / div))
      x %= div
      div /= 10
    }
  }
}
