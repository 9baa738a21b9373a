import CSVImport

/// The per-column cache of a value column: cell bytes → resolved code.
struct ValueCache {
  var interner = ByteInterner()
  var values: [UInt8] = []
}

/// The state of one import, kept in a local variable while the file streams.
///
/// Its parts live in one file each: the column map (``LogColumns``), the cell readers
/// (`LogCellReaders.swift`), the event-row and ticket-row readers (`LogEventRows.swift`,
/// `LogTicketRows.swift`) and the date resolution that finishes the import
/// (`LogDateResolution.swift`).
struct LogImportState {
  let file: String
  let header: LogHeader
  let options: LogImportOptions
  let layout: LogLayout
  let col: LogColumns
  /// The note column, or -1 when it is absent or not read (``LogImportOptions/readsNotes``).
  let noteColumn: Int

  var tickets = ByteInterner(capacity: 1 << 12, numbered: true)
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
  var closedNoted = false
  var repeatedHeaders = 0
  /// The header's fields as bytes, to recognise a repeated header line.
  var headerFields: [[UInt8]] = []
  /// Per ticket id, its previous row's state (event kind + 1, level, category; 0 = none).
  var lastState: [UInt32] = []
  /// The problems of the record being read; any of them rejects it.
  var problems: [(code: String, column: Int, message: String)] = []

  /// Event cache code of an update.
  static let updateCode: UInt8 = EventKind.update.rawValue

  init(file: String, header: LogHeader, headerLine: Int, options: LogImportOptions) {
    self.file = file
    self.header = header
    self.options = options
    layout = header.layout
    col = LogColumns(header: header)
    noteColumn = options.readsNotes ? col.note : -1
    headerFields = header.headers.map { Array($0.utf8) }
    levelResolver = LevelResolver(matrix: options.matrix)
    categoryResolver = CategoryResolver(labels: options.categoryLabels)
    events.reserveCapacity(1 << 12)
    findings += col.headerFindings(
      header: header, file: file, line: headerLine,
      layoutSource: options.layout == nil
        ? "detected from the header"
        : (options.profile?.layout == options.layout ? "the profile" : "--layout"))
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
    if wanted > events.capacity { HugePages.reserve(&events, capacity: wanted) }
  }

  mutating func note(_ code: String, line: Int?, column: Int?, _ message: String) {
    findings.append(
      Finding(code: code, severity: .note, file: file, line: line, column: column, message: message)
    )
  }

  mutating func problem(_ code: String, _ column: Int, _ message: String) {
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
    let quotes = record.looseQuoteField | record.unclosedQuoteField
    if _slowPath(quotes != 0), quoteIssue(record) { return }
    if layout == .events {
      addEventRow(record)
    } else {
      addTicketRow(record)
    }
  }

  /// A record read with lenient quotes (``CSVReadOptions/lenientQuotes``): a quote never
  /// closed rejects it (CSV009); a quote read as written is a warning on it (CSV008). Returns
  /// whether the record is rejected.
  private mutating func quoteIssue(_ record: borrowing CSVRecord) -> Bool {
    if record.unclosedQuoteField > 0 {
      problem(
        LogCode.unclosedQuote, record.unclosedQuoteField - 1,
        "a quoted field starts here and is never closed; this line is not used and the lines "
          + "after it are read as records; close the quote or remove it")
      rejectRecord(line: record.line)
      return true
    }
    let k = record.looseQuoteField
    findings.append(
      Finding(
        code: LogCode.looseQuote, severity: .warning, file: file, line: record.line, column: k,
        message:
          "a double quote is read as written: "
          + LogImportState.shown(LogImportState.text(record.bytes(k - 1)))
          + "; if that is not the field, quote the whole field and double the inner quote"))
    return false
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

  /// The trimmed bytes of a cell; empty for an absent column (-1).
  @inline(__always)
  func field(_ record: borrowing CSVRecord, _ column: Int) -> UnsafeBufferPointer<UInt8> {
    column < 0 ? UnsafeBufferPointer(start: nil, count: 0) : trimmedField(record.bytes(column))
  }

  static func text(_ b: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: b, as: UTF8.self)
  }

  /// A cell's text as quoted in a message (``Finding/excerpt(_:)``).
  static func shown(_ text: String) -> String { Finding.excerpt(text) }

  /// Counts the record as rejected and turns its problems into error findings.
  mutating func rejectRecord(line: Int) {
    rejected += 1
    for p in problems {
      findings.append(
        Finding(
          code: p.code, severity: .error, file: file, line: line, column: p.column + 1,
          message: p.message))
    }
  }

  /// The ticket, owner and note ids of a record (owner and note 1-based, 0 when blank).
  /// `noteHash`: from ``ByteInterner/prefetch(_:)`` on the note, earlier in the record (`nil`:
  /// computed here).
  mutating func ids(
    _ record: borrowing CSVRecord, ticket: UnsafeBufferPointer<UInt8>, noteHash: UInt64? = nil
  ) -> (UInt32, UInt32, UInt32) {
    let t = UInt32(tickets.intern(ticket).id)
    var o: UInt32 = 0
    var n: UInt32 = 0
    let ob = field(record, col.owner)
    if !ob.isEmpty { o = UInt32(owners.intern(ob).id + 1) }
    let nb = field(record, noteColumn)
    if !nb.isEmpty { n = UInt32(notes.intern(nb, hash: noteHash ?? ByteInterner.hash(nb)).id + 1) }
    return (t, o, n)
  }
}
