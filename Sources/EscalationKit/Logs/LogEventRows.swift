import CSVImport

/// The event-row reader: one record of the events layout becomes one event or a rejection.
extension LogImportState {
  mutating func addEventRow(_ record: borrowing CSVRecord) {
    // Notes are many and mostly distinct: their table slot is loaded now, so that the cache
    // miss overlaps with reading the other cells instead of stalling the look-up at the end.
    let noteBytes = field(record, noteColumn)
    let noteHash = noteBytes.isEmpty ? 0 : notes.prefetch(noteBytes)
    let tb = field(record, col.ticket)
    if tb.isEmpty {
      problem(LogCode.missingTicket, col.ticket, "no ticket id; the record is not used")
    }
    let raw = date(record, col.time, what: "date")
    let kind = eventKind(record)
    let lv = col.level >= 0 ? level(record, col.level) : 0
    let cat = col.category >= 0 ? category(record) : 0
    // A blank level on an escalate or de-escalate moves one level (docs/metrics.md, decided edge
    // cases): the reconstruction applies it, after duplicates are removed.
    guard problems.isEmpty, let raw, let lv, let cat else {
      rejectRecord(line: record.line)
      return
    }
    let (t, o, n) = ids(record, ticket: tb, noteHash: noteHash)
    var e = Event(
      ticket: t, time: raw.packed, kind: kind, level: nil, category: nil, owner: o, note: n)
    e.levelRaw = lv
    e.categoryRaw = cat
    e.line = UInt32(truncatingIfNeeded: record.line)
    e.repeatsState = repeatsState(ticket: t, kind: kind, level: lv, category: cat)
    events.append(e)
  }

  /// Whether this row repeats the ticket's previous row (event kind, level and category): one
  /// array look-up per row.
  @inline(__always)
  private mutating func repeatsState(
    ticket t: UInt32, kind: EventKind, level: UInt8, category: UInt8
  )
    -> Bool
  {
    let state = UInt32(kind.rawValue + 1) | UInt32(level) << 8 | UInt32(category) << 16
    let i = Int(t)
    if i == lastState.count {
      lastState.append(state)
      return false
    }
    if i > lastState.count {
      lastState.append(contentsOf: repeatElement(0, count: i - lastState.count))
      lastState.append(state)
      return false
    }
    let same = lastState[i] == state
    lastState[i] = state
    return same
  }
}
