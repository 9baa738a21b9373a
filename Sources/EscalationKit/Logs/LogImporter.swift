import CSVImport
import Foundation
import XLSXImport

/// What `LogImporter` needs to know besides the file.
public struct LogImportOptions: Sendable {
  /// The matrix in use: its roles resolve as levels (with the roles of both canonical matrices).
  public var matrix: Matrix
  /// Category labels as written in the matrix file in use, tried before the canonical ones.
  public var categoryLabels: [CategoryKey: String]
  /// `--sheet NAME|N`: the worksheet of a workbook; `nil` reads the first visible one.
  public var sheet: String?
  /// Forces a layout; `nil` detects it from the header.
  public var layout: LogLayout?
  /// `--map field=Header`: field name → header text.
  public var headerMap: [String: String]
  /// `--date-order`: forces day-first or month-first for slashed dates.
  public var dateOrder: DateOrder?
  /// `--tz`: the zone of times written without an offset.
  public var zone: ZoneRules
  /// `--delimiter`; `nil` detects it.
  public var delimiter: UInt8?

  public init(
    matrix: Matrix = .canonical(.en), layout: LogLayout? = nil, headerMap: [String: String] = [:],
    dateOrder: DateOrder? = nil, zone: ZoneRules = .utc, delimiter: UInt8? = nil,
    categoryLabels: [CategoryKey: String] = [:]
  ) {
    self.matrix = matrix
    self.layout = layout
    self.headerMap = headerMap
    self.dateOrder = dateOrder
    self.zone = zone
    self.delimiter = delimiter
    self.categoryLabels = categoryLabels
  }
}

/// Imports an escalation log (docs/logs.md) into an ``EventLog``.
///
/// The file is streamed once. Each record is checked whole: a record is used or rejected with
/// a finding for each problem. Dates wait in a packed form until the day/month order of the
/// whole file is known, then become UTC instants. Exact duplicates are removed and counted.
/// Events stay in input order; ticket-level anomalies are the metrics engine's.
public enum LogImporter {
  /// Reads `path` (`-` for standard input).
  ///
  /// Throws ``CSVError`` when the file cannot be read or is malformed, and ``LogImportError``
  /// when the header lacks a required field or the dates cannot be ordered.
  public static func load(path: String, options: LogImportOptions) throws -> EventLog {
    let reader = try RecordInput.open(
      path: path, options: CSVReadOptions(delimiter: options.delimiter),
      sheet: options.sheet.map(SheetChoice.init))
    let fileSize =
      path == "-" || reader.sheetName != nil
      ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    return try WorkbookInput.placed(reader) {
      try load(reader: reader, fileSize: fileSize, options: options)
    }
  }

  /// Reads a log held in memory (`bytes`, shown as `name` in findings), as ``load(path:options:)``
  /// does a file. For tests and the fuzzing harness.
  public static func load(bytes: [UInt8], name: String, options: LogImportOptions) throws
    -> EventLog
  {
    let reader = try RecordInput.open(
      bytes: bytes, name: name, options: CSVReadOptions(delimiter: options.delimiter),
      sheet: options.sheet.map(SheetChoice.init))
    return try WorkbookInput.placed(reader) {
      try load(reader: reader, fileSize: bytes.count, options: options)
    }
  }

  static func load(reader: any RecordReader, fileSize: Int?, options: LogImportOptions) throws
    -> EventLog
  {
    let file = reader.displayName
    // The state lives behind a pointer that the per-record closure captures by value: no boxed
    // capture, no optional unwrap and no exclusivity check per record.
    let state = UnsafeMutablePointer<LogImportState>.allocate(capacity: 1)
    var started = false
    defer {
      if started { state.deinitialize(count: 1) }
      state.deallocate()
    }
    try reader.forEachRecord { [state] record in
      if _fastPath(started) {
        state.pointee.add(record)
        if state.pointee.read == 256, let size = fileSize {
          state.pointee.reserve(fileBytes: size)
        }
      } else {
        let headers = (0..<record.count).map { record.string($0) }
        let header = try LogHeader.detect(
          headers: headers, file: file, map: options.headerMap, forced: options.layout)
        state.initialize(
          to: LogImportState(file: file, header: header, headerLine: record.line, options: options))
        started = true
      }
    }
    guard started else { throw CSVError.empty(path: file) }
    return try state.pointee.finish()
  }
}

/// The per-column cache of a value column: cell bytes → resolved code.
struct ValueCache {
  var interner = ByteInterner()
  var values: [UInt8] = []
}

/// The state of one import, kept in a local variable while the file streams.
struct LogImportState {
  let file: String
  let header: LogHeader
  let options: LogImportOptions
  let layout: LogLayout
  // 0-based columns, -1 when absent.
  let cTicket: Int
  let cTime: Int
  let cEvent: Int
  let cLevel: Int
  let cCategory: Int
  let cOwner: Int
  let cNote: Int
  let cStatus: Int
  let cOpened: Int
  let cEscalated: [Int]
  let cResolved: Int

  var tickets = ByteInterner(capacity: 1 << 12)
  var owners = ByteInterner()
  var notes = ByteInterner()
  var eventCache = ValueCache()
  var levelCache = ValueCache()
  var categoryCache = ValueCache()
  let levelResolver: LevelResolver
  let categoryResolver: CategoryResolver

  /// Used events; `time` holds ``RawDateTime/packed`` until ``finish()``.
  var events: [Event] = []
  var findings: [Finding] = []
  var read = 0
  var rejected = 0
  var evidence = DateOrderEvidence()
  var fractionNoted = false
  var blankEventNoted = false
  var repeatedHeaders = 0
  /// The header's fields as bytes, to recognise a repeated header line.
  var headerFields: [[UInt8]] = []
  private var problems: [(code: String, column: Int, message: String)] = []

  /// Event cache codes.
  static let updateCode: UInt8 = EventKind.update.rawValue

  init(file: String, header: LogHeader, headerLine: Int, options: LogImportOptions) {
    self.file = file
    self.header = header
    self.options = options
    layout = header.layout
    func col(_ f: LogField) -> Int { header[f] ?? -1 }
    cTicket = col(.ticket)
    cTime = col(.time)
    var unused = header.unused
    if header.layout == .events, let e = header[.event] {
      cEvent = e
      if let s = header[.status] {
        unused.append((s, header.headers[s], "the event column is used"))
      }
      cStatus = -1
    } else if header.layout == .events {
      cEvent = col(.status)
      cStatus = -1
    } else {
      cEvent = -1
      cStatus = col(.status)
    }
    cLevel = col(.level)
    cCategory = col(.category)
    cOwner = col(.owner)
    cNote = col(.note)
    cOpened = col(.opened)
    cEscalated = [col(.escalated2), col(.escalated3), col(.escalated4)]
    cResolved = col(.resolved)
    headerFields = header.headers.map { Array($0.utf8) }
    levelResolver = LevelResolver(matrix: options.matrix)
    categoryResolver = CategoryResolver(labels: options.categoryLabels)
    events.reserveCapacity(1 << 12)

    // Say what was read.
    let listed = LogField.fields(of: layout).compactMap { f -> String? in
      guard let c = header[f] else { return nil }
      if f == .status && layout == .events && header[.event] != nil { return nil }
      return "\(f.rawValue) = \(Finding.columnLetter(c + 1)) \"\(header.headers[c])\""
    }
    note(
      LogCode.layoutRead, line: headerLine, column: nil,
      "read as the \(layout.rawValue) layout (\(options.layout == nil ? "detected from the header" : "--layout")): "
        + listed.joined(separator: ", "))
    for u in unused.sorted(by: { $0.0 < $1.0 }) {
      findings.append(
        Finding(
          code: LogCode.unusedColumn, severity: .note, file: file, line: headerLine,
          column: u.0 + 1,
          message:
            "column \"\(u.1)\" is not used (\(u.2)); name it with --map FIELD=\"\(u.1)\" if it holds a field"
        ))
    }
    if layout == .events && cEvent < 0 {
      findings.append(
        Finding(
          code: LogCode.noEventColumn, severity: .warning, file: file, line: headerLine,
          message:
            "no event or status column: each ticket's first row opens it and a row whose level "
            + "differs moves it; no ticket is ever resolved"
        ))
    }
    if cCategory < 0 {
      findings.append(
        Finding(
          code: LogCode.noCategoryColumn, severity: .warning, file: file, line: headerLine,
          message:
            "no category column: tickets have no category, so per-category figures will be empty"))
    }
  }

  /// Bytes of the first records, to size the event array once from the file size.
  var sampledBytes = 0

  /// Reserves room for the events of a file of `fileBytes` bytes, from the first records.
  /// Reserved but untouched memory costs no resident memory, so the estimate errs high.
  mutating func reserve(fileBytes: Int) {
    guard read > 0, sampledBytes > 0 else { return }
    let perRecord = Double(events.count) / Double(read)
    let records = Double(fileBytes) / (Double(sampledBytes) / Double(read))
    let wanted = Int(min(records * max(perRecord, 1) * 1.1, Double(min(fileBytes / 4, 1 << 28))))
    if wanted > events.capacity { events.reserveCapacity(wanted) }
  }

  private mutating func note(_ code: String, line: Int?, column: Int?, _ message: String) {
    findings.append(
      Finding(code: code, severity: .note, file: file, line: line, column: column, message: message)
    )
  }

  private mutating func problem(_ code: String, _ column: Int, _ message: String) {
    problems.append((code, column, message))
  }

  // MARK: Reading records

  /// Checks one record and keeps its events, or reports why it is rejected.
  mutating func add(_ record: borrowing CSVRecord) {
    if _slowPath(isRepeatedHeader(record)) { return }
    read += 1
    if read <= 256 {
      sampledBytes += record.rawCount
      for i in 0..<record.rawCount { sampledBytes += record.bytes(i).count }
    }
    if !problems.isEmpty { problems.removeAll(keepingCapacity: true) }
    if layout == .events {
      addEventRow(record)
    } else {
      addTicketRow(record)
    }
  }

  /// A record identical to the header line (logs joined with `cat jan.csv feb.csv`) is not a
  /// record: skipped, not counted, said once (LOG038) with the first line where it occurs.
  /// Checked on every record, so the first field is compared before the others.
  private mutating func isRepeatedHeader(_ record: borrowing CSVRecord) -> Bool {
    guard record.count == headerFields.count, record.count > 1 else { return false }
    // A file joined after the first keeps its byte order mark at the start of its header.
    var first = record.bytes(0)
    if first.starts(with: [0xEF, 0xBB, 0xBF]) {
      first = UnsafeBufferPointer(rebasing: first[3...])
    }
    guard first.elementsEqual(headerFields[0]) else { return false }
    for i in 1..<headerFields.count where !record.bytes(i).elementsEqual(headerFields[i]) {
      return false
    }
    repeatedHeaders += 1
    if repeatedHeaders == 1 {
      note(
        LogCode.repeatedHeader, line: record.line, column: nil,
        "the header line is repeated here (logs joined into one stream); skipped, not counted "
          + "as a record")
    }
    return true
  }

  @inline(__always)
  private func field(_ record: borrowing CSVRecord, _ column: Int) -> UnsafeBufferPointer<UInt8> {
    column < 0 ? UnsafeBufferPointer(start: nil, count: 0) : trimmedField(record.bytes(column))
  }

  private static func text(_ b: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: b, as: UTF8.self)
  }

  /// A cell's text as quoted in a message (``Finding/excerpt(_:)``).
  static func shown(_ text: String) -> String { Finding.excerpt(text) }

  /// Parses a date cell; records a problem (rejection) and returns `nil` when it is unusable.
  private mutating func date(_ record: borrowing CSVRecord, _ column: Int, what: String)
    -> RawDateTime?
  {
    let b = field(record, column)
    if b.isEmpty {
      problem(LogCode.missingDate, column, "no \(what); the record is not used")
      return nil
    }
    switch DateParser.parse(b) {
    case .value(let r):
      evidence.add(r, line: record.line, text: LogImportState.text(b))
      if r.hadFraction && !fractionNoted {
        fractionNoted = true
        note(
          LogCode.fractionTruncated, line: record.line, column: column + 1,
          "\"\(LogImportState.shown(LogImportState.text(b)))\": fractional seconds are truncated to the second (said once)"
        )
      }
      return r
    case .failure(let p):
      let code =
        p == .excelLeapBug || p == .serialOutOfRange ? LogCode.excelSerial : LogCode.unreadableDate
      problem(
        code, column,
        "\(what) \"\(LogImportState.shown(LogImportState.text(b)))\" \(p.reason); the record is not used"
      )
      return nil
    }
  }

  /// The level of a cell: 1…4, 0 when blank; records a problem and returns `nil` when unknown.
  private mutating func level(_ record: borrowing CSVRecord, _ column: Int, reject: Bool = true)
    -> UInt8?
  {
    let b = field(record, column)
    if b.isEmpty { return 0 }
    let (id, isNew) = levelCache.interner.intern(b)
    if isNew {
      let text = LogImportState.text(b)
      switch levelResolver.resolve(text) {
      case .level(let l): levelCache.values.append(UInt8(l.rawValue))
      case .role(let l, let label):
        levelCache.values.append(UInt8(l.rawValue))
        note(
          LogCode.roleAsLevel, line: record.line, column: column + 1,
          "\"\(LogImportState.shown(text))\" read as level \(l.rawValue) (the role or alias \"\(label)\"); said once per value"
        )
      case .unknown: levelCache.values.append(0)
      }
    }
    let v = levelCache.values[id]
    if v == 0 {
      if reject {
        let text = LogImportState.text(b)
        var m =
          "unknown level \"\(LogImportState.shown(text))\": write 1 to 4, L2, Level 2, Niveau 2, or the role of a level"
        if case .unknown(let s?) = levelResolver.resolve(text) { m += "; did you mean \"\(s)\"?" }
        problem(LogCode.unknownLevel, column, m + "; the record is not used")
      }
      return nil
    }
    return v
  }

  /// The category of a cell: index + 1, 0 when blank; `nil` (with a problem) when unknown.
  private mutating func category(_ record: borrowing CSVRecord) -> UInt8? {
    let b = field(record, cCategory)
    if b.isEmpty { return 0 }
    let (id, isNew) = categoryCache.interner.intern(b)
    if isNew {
      switch categoryResolver.resolve(LogImportState.text(b)) {
      case .success(let c): categoryCache.values.append(UInt8(c.index + 1))
      case .failure: categoryCache.values.append(0)
      }
    }
    let v = categoryCache.values[id]
    if v == 0 {
      let text = LogImportState.text(b)
      var m = "unknown category \"\(LogImportState.shown(text))\""
      if case .failure(let miss) = categoryResolver.resolve(text), let s = miss.suggestion {
        m += "; did you mean \"\(s)\"?"
      } else {
        m += "; write a category key (e.g. performance-issues) or its English or French label."
      }
      problem(LogCode.unknownCategory, cCategory, m + " The record is not used.")
      return nil
    }
    return v
  }

  /// The event kind of the event/status cell (raw value of ``EventKind``).
  private mutating func eventKind(_ record: borrowing CSVRecord) -> EventKind {
    guard cEvent >= 0 else { return .update }
    let b = field(record, cEvent)
    if b.isEmpty {
      if !blankEventNoted {
        blankEventNoted = true
        note(
          LogCode.blankEvent, line: record.line, column: cEvent + 1,
          "blank event cells are read as updates (the ticket moves when the level differs); said once"
        )
      }
      return .update
    }
    let (id, isNew) = eventCache.interner.intern(b)
    if isNew {
      let text = LogImportState.text(b)
      if let k = EventWords.kind(text) {
        eventCache.values.append(k.rawValue)
      } else {
        eventCache.values.append(LogImportState.updateCode)
        note(
          LogCode.updateWord, line: record.line, column: cEvent + 1,
          "\"\(LogImportState.shown(text))\" is not an event word; read as an update (the ticket moves when the level differs); said once per word"
        )
      }
    }
    return EventKind(rawValue: eventCache.values[id]) ?? .update
  }

  private mutating func rejectRecord(line: Int) {
    rejected += 1
    for p in problems {
      findings.append(
        Finding(
          code: p.code, severity: .error, file: file, line: line, column: p.column + 1,
          message: p.message))
    }
  }

  private mutating func ids(_ record: borrowing CSVRecord, ticket: UnsafeBufferPointer<UInt8>) -> (
    UInt32, UInt32, UInt32
  ) {
    let t = UInt32(tickets.intern(ticket).id)
    var o: UInt32 = 0
    var n: UInt32 = 0
    let ob = field(record, cOwner)
    if !ob.isEmpty { o = UInt32(owners.intern(ob).id + 1) }
    let nb = field(record, cNote)
    if !nb.isEmpty { n = UInt32(notes.intern(nb).id + 1) }
    return (t, o, n)
  }

  private mutating func addEventRow(_ record: borrowing CSVRecord) {
    let tb = field(record, cTicket)
    if tb.isEmpty {
      problem(LogCode.missingTicket, cTicket, "no ticket id; the record is not used")
    }
    let raw = date(record, cTime, what: "date")
    let kind = eventKind(record)
    let lv = cLevel >= 0 ? level(record, cLevel) : 0
    let cat = cCategory >= 0 ? category(record) : 0
    if lv == 0 && (kind == .escalate || kind == .deescalate) {
      problem(
        LogCode.levelRequired, cLevel >= 0 ? cLevel : cEvent,
        "\"\(kind.word)\" needs the level it goes to, and the level is blank; the record is not used"
      )
    }
    guard problems.isEmpty, let raw, let lv, let cat else {
      rejectRecord(line: record.line)
      return
    }
    let (t, o, n) = ids(record, ticket: tb)
    var e = Event(
      ticket: t, time: raw.packed, kind: kind, level: nil, category: nil, owner: o, note: n)
    e.levelRaw = lv
    e.categoryRaw = cat
    e.line = UInt32(truncatingIfNeeded: record.line)
    events.append(e)
  }

  private mutating func addTicketRow(_ record: borrowing CSVRecord) {
    let tb = field(record, cTicket)
    if tb.isEmpty {
      problem(LogCode.missingTicket, cTicket, "no ticket id; the record is not used")
    }
    let opened = date(record, cOpened, what: "opening date")
    var steps: [(UInt8, RawDateTime)] = []
    var readable = true
    for (i, c) in cEscalated.enumerated() where c >= 0 {
      let filled = !field(record, c).isEmpty
      guard filled else { continue }
      if let r = date(record, c, what: "level \(i + 2) date") {
        steps.append((UInt8(i + 2), r))
      } else {
        readable = false
      }
    }
    var resolved: RawDateTime?
    let resolvedFilled = !field(record, cResolved).isEmpty
    if resolvedFilled {
      resolved = date(record, cResolved, what: "resolution date")
      if resolved == nil { readable = false }
    }
    let cat = cCategory >= 0 ? category(record) : 0
    guard problems.isEmpty, readable, let opened, let cat else {
      rejectRecord(line: record.line)
      return
    }
    // Cross-checks that do not reject: current level and status. A current level below the
    // highest date filled is a de-escalation (this layout has no date for it): no warning.
    if cLevel >= 0 {
      let current = level(record, cLevel, reject: false)
      let highest = steps.last?.0 ?? 1
      if current == nil || (current ?? 0) > highest {
        let text = LogImportState.text(field(record, cLevel))
        findings.append(
          Finding(
            code: LogCode.currentLevelMismatch, severity: .warning, file: file, line: record.line,
            column: cLevel + 1,
            message: current == nil
              ? "current level \"\(LogImportState.shown(text))\" is not a level; ignored (the events come from the date columns)"
              : "current level \(text) is above the last escalation date filled (level \(highest)); the date columns are used"
          ))
      }
    }
    if cStatus >= 0 && resolved == nil {
      let sb = field(record, cStatus)
      if !sb.isEmpty && EventWords.kind(LogImportState.text(sb)) == .resolve {
        findings.append(
          Finding(
            code: LogCode.statusWithoutDate, severity: .warning, file: file, line: record.line,
            column: cStatus + 1,
            message:
              "status \"\(LogImportState.shown(LogImportState.text(sb)))\" says resolved but the resolution date is blank; the ticket stays open"
          ))
      }
    }
    let (t, o, n) = ids(record, ticket: tb)
    let line = UInt32(truncatingIfNeeded: record.line)
    func push(_ kind: EventKind, _ lv: UInt8, _ r: RawDateTime) {
      var e = Event(
        ticket: t, time: r.packed, kind: kind, level: nil, category: nil, owner: o, note: n)
      e.levelRaw = lv
      e.categoryRaw = cat
      e.line = line
      events.append(e)
    }
    push(.open, 1, opened)
    for (lv, r) in steps { push(.escalate, lv, r) }
    if let resolved { push(.resolve, 0, resolved) }
  }

  // MARK: Finishing

  /// The 0-based column an event's date came from.
  private func dateColumn(of e: Event) -> Int {
    guard layout == .tickets else { return cTime }
    switch e.kind {
    case .open: return cOpened
    case .resolve: return cResolved
    default: return cEscalated[max(0, min(2, Int(e.levelRaw) - 2))]
    }
  }

  /// Decides the date order, converts times, removes duplicates, and builds the log.
  mutating func finish() throws(LogImportError) -> EventLog {
    let order: DateOrder?
    switch evidence.decide(forced: options.dateOrder) {
    case .notNeeded: order = nil
    case .ambiguous:
      let a = evidence.ambiguous
      throw .ambiguousDateOrder(
        file: file, line: a?.line ?? 0, text: a?.text ?? "", count: evidence.slashedCount)
    case .conflicting:
      let d = evidence.dayFirst
      let m = evidence.monthFirst
      throw .conflictingDateOrder(
        file: file, dayFirstLine: d?.line ?? 0, dayFirst: d?.text ?? "",
        monthFirstLine: m?.line ?? 0,
        monthFirst: m?.text ?? "")
    case .order(let o, let proved):
      order = o
      if proved {
        let (l, t) = (o == .dmy ? evidence.dayFirst : evidence.monthFirst) ?? (0, "")
        note(
          LogCode.dateOrderDecided, line: l, column: nil,
          "dates such as 03/10/2026 are read \(o.phrase): \"\(t)\" on this line is only valid that way, and no date contradicts it"
        )
      } else if evidence.slashedCount > 0 {
        note(
          LogCode.dateOrderDecided, line: nil, column: nil,
          "dates such as 03/10/2026 are read \(o.phrase) (--date-order \(o.rawValue))")
      }
    }

    var converter = UTCConverter(zone: options.zone)
    var dedupe = DuplicateTable(expected: events.count)
    var used = 0
    var duplicates = 0
    var write = 0
    var i = 0
    let n = events.count
    var lateRejections = false
    while i < n {
      // One record: the events of one line (several in the tickets layout).
      let line = events[i].line
      var j = i + 1
      while j < n && events[j].line == line { j += 1 }
      var ok = true
      for k in i..<j {
        let raw = RawDateTime(packed: events[k].time)
        guard let (t, res) = converter.utc(raw, order: order) else {
          ok = false
          let o = order ?? .dmy
          findings.append(
            Finding(
              code: LogCode.dateWrongOrder, severity: .error, file: file, line: Int(line),
              column: dateColumn(of: events[k]) + 1,
              message:
                "\"\(raw.writtenDate)\" is not a real date when read \(o.phrase) (the order of "
                + "this file); correct it; the record is not used"
            ))
          continue
        }
        events[k].time = t
        switch res {
        case .exact: break
        case .gap(let s):
          let local = raw.local(order: order).map { "\($0)" } ?? ""
          findings.append(
            Finding(
              code: LogCode.springForwardGap, severity: .warning, file: file, line: Int(line),
              column: dateColumn(of: events[k]) + 1,
              message:
                "\(local) does not exist in \(options.zone.identifier) (clocks go forward); "
                + "read \(s / 60) minutes later, as \(CivilDate.iso8601UTC(t))"
            ))
        case .ambiguous:
          let local = raw.local(order: order).map { "\($0)" } ?? ""
          note(
            LogCode.fallBackFirst, line: Int(line), column: dateColumn(of: events[k]) + 1,
            "\(local) occurs twice in \(options.zone.identifier) (clocks go back); "
              + "the first occurrence is used, \(CivilDate.iso8601UTC(t))"
          )
        }
      }
      if !ok {
        rejected += 1
        lateRejections = true
        i = j
        continue
      }
      // Exact duplicates of earlier events are dropped.
      var kept = 0
      var firstDuplicateOf: UInt32 = 0
      events.withUnsafeMutableBufferPointer { ev in
        for k in i..<j {
          let e = ev[k]
          if let earlier = dedupe.lineOfEarlier(e, in: ev, index: write) {
            if firstDuplicateOf == 0 { firstDuplicateOf = earlier }
            continue
          }
          ev[write] = e
          write += 1
          kept += 1
        }
      }
      let total = j - i
      if kept == 0 {
        duplicates += 1
        findings.append(
          Finding(
            code: LogCode.duplicate, severity: .warning, file: file, line: Int(line),
            message:
              "exact duplicate of line \(firstDuplicateOf) (same ticket, time, event, level and category); not used"
          ))
      } else {
        used += 1
        if kept < total {
          findings.append(
            Finding(
              code: LogCode.duplicate, severity: .warning, file: file, line: Int(line),
              message:
                "\(total - kept) of the \(total) events of this row duplicate those of line "
                + "\(firstDuplicateOf); the others are used"
            ))
        }
      }
      i = j
    }
    events.removeLast(n - write)

    var ticketIDs = tickets.strings
    if lateRejections { compactTickets(&ticketIDs) }
    firstEventChecks(ticketCount: ticketIDs.count, ticketIDs: ticketIDs)

    // File-level findings first, then by line; the order of findings on a line is kept.
    let sorted = findings.enumerated().sorted { a, b in
      let la = a.element.line ?? 0
      let lb = b.element.line ?? 0
      return la != lb ? la < lb : a.offset < b.offset
    }.map(\.element)
    return EventLog(
      source: file, events: events, ticketIDs: ticketIDs, owners: owners.strings,
      notes: notes.strings,
      accounting: RecordAccounting(
        read: read, used: used, rejected: rejected, duplicates: duplicates),
      findings: sorted)
  }

  /// Drops ticket ids left without events by late rejections and renumbers the events.
  private mutating func compactTickets(_ ids: inout [String]) {
    var map = [Int32](repeating: -1, count: ids.count)
    var kept: [String] = []
    for k in events.indices {
      let t = Int(events[k].ticket)
      if map[t] < 0 {
        map[t] = Int32(kept.count)
        kept.append(ids[t])
      }
      events[k].ticket = UInt32(map[t])
    }
    ids = kept
  }

  /// Marks each ticket's first event (by time, ties in input order) as its opening when the log
  /// has no event column, and warns when that first event has no category.
  private mutating func firstEventChecks(ticketCount: Int, ticketIDs: [String]) {
    var first = [Int32](repeating: -1, count: ticketCount)
    for k in events.indices {
      let t = Int(events[k].ticket)
      let f = first[t]
      if f < 0 || events[k].time < events[Int(f)].time { first[t] = Int32(k) }
    }
    let opensFirst = layout == .events && cEvent < 0
    for t in 0..<ticketCount {
      let f = Int(first[t])
      guard f >= 0 else { continue }
      if opensFirst { events[f].kind = .open }
      if cCategory >= 0 && events[f].categoryRaw == 0 {
        findings.append(
          Finding(
            code: LogCode.noCategoryOnFirstEvent, severity: .warning, file: file,
            line: Int(events[f].line),
            column: cCategory + 1,
            message: "ticket \(ticketIDs[t])'s first event has no category; give the category on it"
          ))
      }
    }
  }
}

/// An open-addressing set of used events keyed by (ticket, time, kind, level, category).
///
/// A slot holds `index + 1` in its low 32 bits and 32 bits of the hash in the high ones, so a
/// probe compares the stored event only when the fingerprints agree (one cache miss a look-up).
struct DuplicateTable {
  private var slots: [UInt64]
  private var mask: Int

  /// Sized for `expected` insertions at a load of at most one half; it never grows.
  init(expected: Int) {
    var n = 64
    while n < expected * 2 { n <<= 1 }
    slots = [UInt64](repeating: 0, count: n)
    mask = n - 1
  }

  @inline(__always)
  private static func hash(_ e: Event) -> UInt64 {
    var h = UInt64(bitPattern: e.time) &* 0x9E37_79B9_7F4A_7C15
    h ^= UInt64(e.ticket) &* 0xC2B2_AE3D_27D4_EB4F
    h ^= UInt64(e.kind.rawValue) << 8 | UInt64(e.levelRaw) << 16 | UInt64(e.categoryRaw) << 24
    h ^= h >> 31
    h = h &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 29
    return h
  }

  @inline(__always)
  private static func same(_ a: Event, _ b: Event) -> Bool {
    a.time == b.time && a.ticket == b.ticket && a.kind == b.kind && a.levelRaw == b.levelRaw
      && a.categoryRaw == b.categoryRaw
  }

  /// The line of an earlier used event equal to `e`, if any; otherwise records `e` as
  /// `events[index]` (the caller stores it there).
  @inline(__always)
  mutating func lineOfEarlier(_ e: Event, in events: UnsafeMutableBufferPointer<Event>, index: Int)
    -> UInt32?
  {
    let h = DuplicateTable.hash(e)
    let fp = h & 0xFFFF_FFFF_0000_0000
    var slot = Int(truncatingIfNeeded: h) & mask
    return slots.withUnsafeMutableBufferPointer { s in
      while true {
        let v = s[slot]
        if v == 0 {
          s[slot] = fp | UInt64(index + 1)
          return nil
        }
        if v & 0xFFFF_FFFF_0000_0000 == fp {
          let idx = Int(v & 0xFFFF_FFFF) - 1
          if DuplicateTable.same(events[idx], e) { return events[idx].line }
        }
        slot = (slot + 1) & mask
      }
    }
  }
}
