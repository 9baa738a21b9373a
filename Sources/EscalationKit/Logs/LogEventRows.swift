import CSVImport

/// The event-row reader: one record of the events layout becomes one event or a rejection.
extension LogImportState {
  mutating func addEventRow(_ record: borrowing CSVRecord) {
    let tb = field(record, col.ticket)
    if tb.isEmpty {
      problem(LogCode.missingTicket, col.ticket, "no ticket id; the record is not used")
    }
    let raw = date(record, col.time, what: "date")
    let kind = eventKind(record)
    let lv = col.level >= 0 ? level(record, col.level) : 0
    let cat = col.category >= 0 ? category(record) : 0
    if lv == 0 && (kind == .escalate || kind == .deescalate) {
      problem(
        LogCode.levelRequired, col.level >= 0 ? col.level : col.event,
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
}
