import CSVImport

/// The cell readers of a log import: dates, levels, categories and event words. A value cell is
/// resolved once per distinct value (``ValueCache``); later cells cost one interner look-up.
extension LogImportState {
  /// Parses a date cell; records a problem (rejection) and returns `nil` when it is unusable.
  mutating func date(_ record: borrowing CSVRecord, _ column: Int, what: String)
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
  mutating func level(_ record: borrowing CSVRecord, _ column: Int, reject: Bool = true)
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
  mutating func category(_ record: borrowing CSVRecord) -> UInt8? {
    let b = field(record, col.category)
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
      problem(LogCode.unknownCategory, col.category, m + " The record is not used.")
      return nil
    }
    return v
  }

  /// The event kind of the event/status cell (raw value of ``EventKind``).
  mutating func eventKind(_ record: borrowing CSVRecord) -> EventKind {
    guard col.event >= 0 else { return .update }
    let b = field(record, col.event)
    if b.isEmpty {
      if !blankEventNoted {
        blankEventNoted = true
        note(
          LogCode.blankEvent, line: record.line, column: col.event + 1,
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
          LogCode.updateWord, line: record.line, column: col.event + 1,
          "\"\(LogImportState.shown(text))\" is not an event word; read as an update (the ticket moves when the level differs); said once per word"
        )
      }
    }
    return EventKind(rawValue: eventCache.values[id]) ?? .update
  }
}
