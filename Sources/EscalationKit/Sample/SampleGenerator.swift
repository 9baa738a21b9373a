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
