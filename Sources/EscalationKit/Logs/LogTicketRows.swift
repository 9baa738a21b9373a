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
      let filled = !field(record, c).isEmpty
      guard filled else { continue }
      if let r = date(record, c, what: "level \(i + 2) date") {
        steps.append((UInt8(i + 2), r))
      } else {
        readable = false
      }
    }
    var resolved: RawDateTime?
    let resolvedFilled = !field(record, col.resolved).isEmpty
    if resolvedFilled {
      resolved = date(record, col.resolved, what: "resolution date")
      if resolved == nil { readable = false }
    }
    let cat = col.category >= 0 ? category(record) : 0
    guard problems.isEmpty, readable, let opened, let cat else {
      rejectRecord(line: record.line)
      return
    }
    // Cross-checks that do not reject: current level and status. A current level below the
    // highest date filled is a de-escalation (this layout has no date for it): no warning.
    if col.level >= 0 {
      let current = level(record, col.level, reject: false)
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
    }
    if col.status >= 0 && resolved == nil {
      let sb = field(record, col.status)
      if !sb.isEmpty && EventWords.kind(LogImportState.text(sb)) == .resolve {
        findings.append(
          Finding(
            code: LogCode.statusWithoutDate, severity: .warning, file: file, line: record.line,
            column: col.status + 1,
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
}
