/// Where the sample's bytes go: an ``OutputWriter`` or an in-memory array.
protocol SampleSink {
  associatedtype Failure: Error
  mutating func put(_ bytes: [UInt8]) throws(Failure)
}

struct OutputWriterSink: SampleSink {
  let writer: OutputWriter
  func put(_ bytes: [UInt8]) throws(OutputError) {
    try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(OutputError) in
      try writer.write(bytes: p)
    }
  }
}

struct ByteArraySink: SampleSink {
  var bytes: [UInt8] = []
  mutating func put(_ b: [UInt8]) { bytes.append(contentsOf: b) }
}

/// Writes sample rows into a reusable byte buffer: vocabulary pre-encoded for the delimiter,
/// dates formatted by hand, and in messy mode the mess (see ``SampleMess``) drawn from its own
/// random stream and rows shuffled within a small window.
struct SampleCSVWriter<S: SampleSink> {
  var sink: S
  let messy: Bool
  let layout: SampleOptions.Layout
  let d: UInt8
  let lineEnd: [UInt8]
  let style: SampleOptions.DateStyle
  let bom: Bool
  let header: [String]
  let ids: TicketIDFormat
  var rng: SampleRandom

  var row: [UInt8] = []
  var window: [[UInt8]] = []
  var mess = SampleMess()
  var records = 0
  var meant = 0

  let words: [[UInt8]]
  let synonyms: [[[UInt8]]]
  let digits: [[UInt8]]
  let levelVariants: [[[UInt8]]]
  let roles: [[UInt8]]
  let categories: [[UInt8]]
  let looseCategories: [[[UInt8]]]
  let misspelt: [[UInt8]]
  let owners: [[[UInt8]]]
  let notes: [[UInt8]]
  let multiline: [Bool]
  let junkDates: [[UInt8]]
  let statuses: [[UInt8]]
  /// `--shape export`: notes from ``SampleExportNotes`` instead of the process's.
  let exportNotes: Bool

  private var cachedDay: Int64 = .min
  private var cachedDate: [UInt8] = []

  /// Rows waiting in the shuffle window (messy mode).
  static var windowSize: Int { 12 }

  init(options: SampleOptions, sink: S) {
    self.sink = sink
    messy = options.messy
    layout = options.layout
    let d = options.delimiter
    self.d = d
    lineEnd = options.excelStyle ? [0x0D, 0x0A] : [0x0A]
    style = options.dateStyle
    bom = options.excelStyle
    let lang = options.language
    header =
      options.layout == .events
      ? SampleVocabulary.eventsHeader(lang, messy: options.messy)
      : SampleVocabulary.ticketsHeader(lang)
    ids = TicketIDFormat(tickets: options.tickets)
    rng = SampleRandom(seed: options.seed, stream: 3)
    func e(_ s: String) -> [UInt8] { CSVField.encode(s, delimiter: d) }
    words = SampleVocabulary.eventWord(lang).map(e)
    synonyms = SampleVocabulary.eventSynonyms(lang).map { $0.map(e) }
    digits = (1...4).map { e(String($0)) }
    levelVariants = (1...4).map { SampleVocabulary.levelVariants($0, lang).map(e) }
    roles = (1...4).map { e(SampleVocabulary.role($0, lang)) }
    categories = CategoryKey.allCases.map { e($0.label(lang)) }
    looseCategories = CategoryKey.allCases.map {
      SampleVocabulary.looseCategoryLabels($0, lang).map(e)
    }
    misspelt = SampleVocabulary.misspelledCategories(lang).map(e)
    owners = SampleVocabulary.owners(lang).map { $0.map(e) }
    let noteTexts = SampleVocabulary.notes(lang, messy: options.messy)
    notes = noteTexts.map { CSVField.encode($0, delimiter: d, forceQuote: options.messy) }
    multiline = noteTexts.map { $0.contains("\n") }
    junkDates = SampleVocabulary.unreadableDates(lang).map(e)
    statuses = SampleVocabulary.ticketStatus(lang).map(e)
    exportNotes = options.shape == .export
    row.reserveCapacity(256)
  }

  mutating func writeHeader() throws(S.Failure) {
    row.removeAll(keepingCapacity: true)
    if bom { row.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    for (i, h) in header.enumerated() {
      if i > 0 { row.append(d) }
      row.append(contentsOf: CSVField.encode(h, delimiter: d))
    }
    row.append(contentsOf: lineEnd)
    try sink.put(row)
  }

  /// One events-layout row (plus, in messy mode, its duplicate or junk copies).
  mutating func writeEvent(_ it: SampleItem) throws(S.Failure) {
    meant += 1
    let s = it.step
    let l = Int(s.level)
    row.removeAll(keepingCapacity: true)
    ids.append(it.ticket, to: &row)
    row.append(d)
    let dateStart = row.count
    appendDate(s.minute)
    let dateEnd = row.count
    row.append(d)
    let k = Int(s.kind.rawValue)
    if messy && rng.chance(0.35) {
      row.append(contentsOf: synonyms[k][rng.below(synonyms[k].count)])
      mess.eventSynonyms += 1
    } else {
      row.append(contentsOf: words[k])
    }
    row.append(d)
    appendLevel(l)
    row.append(d)
    let catStart = row.count
    appendCategory(it.category)
    let catEnd = row.count
    row.append(d)
    row.append(contentsOf: owners[l - 1][Int(s.owner)])
    row.append(d)
    if exportNotes {
      let text = SampleExportNotes.note(ticket: it.ticket, sequence: it.sequence)
      if !text.isEmpty { row.append(contentsOf: CSVField.encode(text, delimiter: d)) }
    } else if s.note != 0 {
      row.append(contentsOf: notes[Int(s.note) - 1])
      if multiline[Int(s.note) - 1] { mess.multilineNotes += messy ? 1 : 0 }
    }
    try endRecord(
      dateRange: dateStart..<dateEnd, categoryRange: catStart..<catEnd, category: it.category,
      duplicates: true)
  }

  /// One tickets-layout row (plus, in messy mode, junk copies).
  mutating func writeTicket(_ t: SampleProcess.Ticket) throws(S.Failure) {
    let r = TicketRow(t)
    meant += 1 + r.escalations.count + (r.resolved == nil ? 0 : 1)
    row.removeAll(keepingCapacity: true)
    ids.append(t.number, to: &row)
    row.append(d)
    let catStart = row.count
    appendCategory(t.category)
    let catEnd = row.count
    row.append(d)
    let dateStart = row.count
    appendDate(r.opened)
    let dateEnd = row.count
    for level in 2...4 {
      row.append(d)
      if let e = r.escalations.first(where: { $0.0 == level }) { appendDate(e.1) }
    }
    row.append(d)
    if let res = r.resolved { appendDate(res) }
    row.append(d)
    appendLevel(r.currentLevel)
    row.append(d)
    row.append(contentsOf: statuses[r.status])
    row.append(d)
    row.append(contentsOf: owners[r.currentLevel - 1][r.owner])
    row.append(d)
    if r.note != 0 {
      row.append(contentsOf: notes[r.note - 1])
      if multiline[r.note - 1] { mess.multilineNotes += messy ? 1 : 0 }
    }
    try endRecord(
      dateRange: dateStart..<dateEnd, categoryRange: catStart..<catEnd, category: t.category,
      duplicates: false)
  }

  /// Ends the row in `row`, emits it, and in messy mode adds its copies and blank lines.
  private mutating func endRecord(
    dateRange: Range<Int>, categoryRange: Range<Int>, category: Int, duplicates: Bool
  ) throws(S.Failure) {
    if messy && rng.chance(0.02) {
      row.append(d)
      mess.trailingEmptyFields += 1
    }
    row.append(contentsOf: lineEnd)
    try emit(row)
    guard messy else { return }
    if duplicates && rng.chance(0.006) {
      mess.duplicates += 1
      try emit(row)
    }
    if rng.chance(0.005) {
      mess.unreadableDates += 1
      try emit(replacing(dateRange, with: junkDates[rng.below(junkDates.count)]))
    }
    if rng.chance(0.005) {
      mess.misspelledCategories += 1
      try emit(replacing(categoryRange, with: misspelt[category]))
    }
    if rng.chance(0.001) {
      mess.blankLines += 1
      window.append(lineEnd)
    }
  }

  private func replacing(_ range: Range<Int>, with bytes: [UInt8]) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(row.count + bytes.count)
    out.append(contentsOf: row[..<range.lowerBound])
    out.append(contentsOf: bytes)
    out.append(contentsOf: row[range.upperBound...])
    return out
  }

  /// Writes a record, or in messy mode passes it through the shuffle window (2 % of rows are
  /// put before rows already waiting).
  private mutating func emit(_ bytes: [UInt8]) throws(S.Failure) {
    records += 1
    guard messy else {
      try sink.put(bytes)
      return
    }
    if !window.isEmpty && rng.chance(0.02) {
      window.insert(bytes, at: rng.below(window.count))
      mess.outOfOrder += 1
    } else {
      window.append(bytes)
    }
    if window.count > Self.windowSize { try sink.put(window.removeFirst()) }
  }

  mutating func finish() throws(S.Failure) {
    for w in window { try sink.put(w) }
    window.removeAll()
  }

  private mutating func appendLevel(_ l: Int) {
    guard messy else {
      row.append(contentsOf: digits[l - 1])
      return
    }
    let r = rng.unit()
    if r < 0.08 {
      row.append(contentsOf: roles[l - 1])
      mess.levelsAsRoles += 1
    } else if r < 0.16 {
      let v = levelVariants[l - 1]
      row.append(contentsOf: v[rng.below(v.count)])
      mess.levelVariants += 1
    } else {
      row.append(contentsOf: digits[l - 1])
    }
  }

  private mutating func appendCategory(_ c: Int) {
    if messy && rng.chance(0.05) {
      let v = looseCategories[c]
      row.append(contentsOf: v[rng.below(v.count)])
      mess.looseCategoryLabels += 1
    } else {
      row.append(contentsOf: categories[c])
    }
  }

  @inline(__always)
  private mutating func two(_ v: Int) {
    row.append(UInt8(0x30 + v / 10))
    row.append(UInt8(0x30 + v % 10))
  }

  /// Appends local minute `minute` in the output's date style.
  mutating func appendDate(_ minute: Int64) {
    let day = minute >= 0 ? minute / 1440 : (minute - 1439) / 1440
    if day != cachedDay {
      cachedDay = day
      let (y, m, dd) = CivilDate.civil(days: day)
      cachedDate = SampleCSVWriter.formatDay(y, m, dd, style)
    }
    row.append(contentsOf: cachedDate)
    let mod = Int(minute - day * 1440)
    let h = mod / 60
    let mi = mod % 60
    row.append(style == .isoUTC ? 0x54 : 0x20)
    switch style {
    case .iso, .isoUTC:
      two(h)
      row.append(0x3A)
      two(mi)
      row.append(contentsOf: [0x3A, 0x30, 0x30])
      if style == .isoUTC { row.append(0x5A) }
    case .dayFirst:
      two(h)
      row.append(0x3A)
      two(mi)
    case .monthFirst:
      let h12 = h % 12 == 0 ? 12 : h % 12
      if h12 >= 10 { row.append(0x31) }
      row.append(UInt8(0x30 + h12 % 10))
      row.append(0x3A)
      two(mi)
      row.append(contentsOf: h < 12 ? [0x20, 0x41, 0x4D] : [0x20, 0x50, 0x4D])
    }
  }

  /// The date part: `2026-10-03`, `03/10/2026` or `10/03/26`.
  static func formatDay(_ y: Int, _ m: Int, _ d: Int, _ style: SampleOptions.DateStyle) -> [UInt8] {
    func p(_ v: Int, _ w: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, w - s.count)) + s
    }
    switch style {
    case .iso, .isoUTC: return Array("\(p(y, 4))-\(p(m, 2))-\(p(d, 2))".utf8)
    case .dayFirst: return Array("\(p(d, 2))/\(p(m, 2))/\(p(y, 4))".utf8)
    case .monthFirst: return Array("\(p(m, 2))/\(p(d, 2))/\(p(y % 100, 2))".utf8)
    }
  }
}
