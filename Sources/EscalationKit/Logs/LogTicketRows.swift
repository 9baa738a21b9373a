import CSVImport

/// The ticket-row reader: one record of the tickets layout becomes an opening, its escalations
/// and its resolution, or a rejection.
extension LogImportState {
  mutating func addTicketRow(_ record: borrowing CSVRecord) {
    let tb = field(record, col.ticket)
    if tb.isEmpty {
      problem(LogCode.missingTicket, col.ticket, "no ticket id; the record is not used")
    }
    let opened = date(record, col.opened, what: "opening date")
    var steps: [(UInt8, RawDateTime)] = []
    var readable = true
    for (i, c) in col.escalated.enumerated() where c >= 0 {
      switch dateCell(record, c, what: "level \(i + 2) date") {
      case .value(let r): steps.append((UInt8(i + 2), r))
      case .bad: readable = false
      case .blank: break
      }
    }
    let (resolved, resolutionReadable) = resolution(record)
    if !resolutionReadable { readable = false }
    let cat = col.category >= 0 ? category(record) : 0
    // Without escalation date columns the current level is the level the ticket opens at:
    // an unknown one rejects the record.
    if col.level >= 0 && !col.hasEscalationDates { _ = level(record, col.level) }
    guard problems.isEmpty, readable, let opened, let cat else {
      rejectRecord(line: record.line)
      return
    }
    let startLevel = checkCurrentLevel(record, steps: steps)
    checkStatus(record, resolved: resolved != nil)
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
    push(.open, startLevel, opened)
    for (lv, r) in steps { push(.escalate, lv, r) }
    if let resolved { push(.resolve, 0, resolved) }
  }

  /// The resolution date of a row: the resolved column, else the closed column (noted once);
  /// `false` when a date written there cannot be read.
  private mutating func resolution(_ record: borrowing CSVRecord) -> (RawDateTime?, Bool) {
    switch dateCell(record, col.resolved, what: "resolution date") {
    case .value(let r): return (r, true)
    case .bad: return (nil, false)
    case .blank: break
    }
    switch dateCell(record, col.closed, what: "close date") {
    case .value(let r):
      if col.resolved >= 0 && !closedNoted {
        closedNoted = true
        note(
          LogCode.closeAsResolution, line: record.line, column: col.closed + 1,
          "the resolution date is blank and the close date is filled: the close date is the "
            + "resolution (said once)")
      }
      return (r, true)
    case .bad: return (nil, false)
    case .blank: return (nil, true)
    }
  }

  /// Checks the current level against the escalation dates (a warning, never a rejection) and
  /// returns the level the ticket opens at: 1, or the current level when the file has no
  /// escalation date column at all (a one-row-per-ticket tracker export).
  private mutating func checkCurrentLevel(
    _ record: borrowing CSVRecord, steps: [(UInt8, RawDateTime)]
  ) -> UInt8 {
    guard col.level >= 0 else { return 1 }
    let current = level(record, col.level, reject: false)
    if !col.hasEscalationDates, let current, current != 0 { return current }
    // A current level below the highest date filled is a de-escalation (this layout has no
    // date for it): no warning.
    let highest = steps.last?.0 ?? 1
    if current == nil || (current ?? 0) > highest {
      let text = LogImportState.text(field(record, col.level))
      findings.append(
        Finding(
          code: LogCode.currentLevelMismatch, severity: .warning, file: file, line: record.line,
          column: col.level + 1,
          message: current == nil
            ? "current level \"\(LogImportState.shown(text))\" is not a level; ignored (the events come from the date columns)"
            : "current level \(text) is above the last escalation date filled (level \(highest)); the date columns are used"
        ))
    }
    return 1
  }

  /// Warns when the status says resolved and no resolution date is filled.
  private mutating func checkStatus(_ record: borrowing CSVRecord, resolved: Bool) {
    guard col.status >= 0 && !resolved else { return }
    let sb = field(record, col.status)
    guard !sb.isEmpty else { return }
    let text = LogImportState.text(sb)
    let kind = options.values.event(text) ?? EventWords.kind(text)
    if kind == .resolve {
      findings.append(
        Finding(
          code: LogCode.statusWithoutDate, severity: .warning, file: file, line: record.line,
          column: col.status + 1,
          message:
            "status \"\(LogImportState.shown(text))\" says resolved but the resolution date is blank; the ticket stays open"
        ))
    }
  }
}
