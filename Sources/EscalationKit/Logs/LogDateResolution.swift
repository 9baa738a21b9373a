/// Date resolution and the end of an import: the day/month order of the file is decided, packed
/// dates become UTC instants, duplicates are dropped, and the log is built.
extension LogImportState {
  /// Decides the date order, converts times, removes duplicates, and builds the log.
  mutating func finish() throws(LogImportError) -> EventLog {
    let order = try decideDateOrder()
    var converter = UTCConverter(zone: options.zone)
    // Times first: a record with a date that is not real is rejected whole.
    var records = 0
    var write = 0
    var i = 0
    let n = events.count
    var lateRejections = false
    while i < n {
      // One record: the events of one line (several in the tickets layout).
      let line = events[i].line
      var j = i + 1
      while j < n && events[j].line == line { j += 1 }
      if convertTimes(i..<j, order: order, converter: &converter) {
        records += 1
        for k in i..<j {
          events[write] = events[k]
          write += 1
        }
      } else {
        rejected += 1
        lateRejections = true
      }
      i = j
    }
    events.removeLast(n - write)
    // The strings leave their interners, whose look-up tables go before the duplicates' keys
    // are made (a smaller peak); the notes' bytes are handed over as they are.
    let ticketCount = tickets.count
    var ticketIDs = tickets.strings
    tickets = ByteInterner()
    var ownerNames = owners.strings
    owners = ByteInterner()
    var noteTexts = notes.table
    notes = ByteInterner()
    // Then duplicates, found by sorting rather than hashing; records left without events go.
    let (earlier, found) = DuplicateFinder.earlierEqual(events, ticketCount: ticketCount)
    let duplicates = earlier.isEmpty ? 0 : dropDuplicates(earlier)
    let used = records - duplicates
    // The order found is handed on (``EventLog/ticketIndex``), without the events dropped.
    var ticketIndex = earlier.isEmpty ? found : DuplicateFinder.without(earlier, found)

    if lateRejections {
      compactTickets(&ticketIDs)
      ticketIndex = nil  // tickets renumbered in another order: TicketOrder sorts again
    }
    if options.values.hasNulls {
      dropNulls(&ownerNames, \.owner)
      var kept = Array(noteTexts)
      dropNulls(&kept, \.note)
      if kept.count < noteTexts.count { noteTexts = StringTable(kept) }
    }
    firstEventChecks(ticketCount: ticketIDs.count, ticketIDs: ticketIDs)

    // File-level findings first, then by line; the order of findings on a line is kept.
    let sorted = findings.enumerated().sorted { a, b in
      let la = a.element.line ?? 0
      let lb = b.element.line ?? 0
      return la != lb ? la < lb : a.offset < b.offset
    }.map(\.element)
    var log = EventLog(
      source: file, events: events, ticketIDs: ticketIDs, owners: ownerNames,
      notes: noteTexts,
      accounting: RecordAccounting(
        read: read, used: used, rejected: rejected, duplicates: duplicates),
      findings: sorted)
    log.ticketIndex = ticketIndex
    return log
  }

  /// The day/month order of the file's slashed dates (`nil` when none needs one), with a note
  /// saying how it was decided; throws when the dates cannot tell or contradict each other.
  mutating func decideDateOrder() throws(LogImportError) -> DateOrder? {
    switch evidence.decide(forced: options.dateOrder) {
    case .notNeeded: return nil
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
      return o
    }
  }

  /// Converts the packed times of one record's events to UTC; `false` (with an error finding
  /// per bad date) when a date is not real in the file's order, which rejects the record.
  @inline(__always)
  mutating func convertTimes(
    _ range: Range<Int>, order: DateOrder?, converter: inout UTCConverter
  ) -> Bool {
    var ok = true
    for k in range {
      let raw = RawDateTime(packed: events[k].time)
      let line = Int(events[k].line)
      guard let (t, res) = converter.utc(raw, order: order) else {
        ok = false
        let o = order ?? .dmy
        findings.append(
          Finding(
            code: LogCode.dateWrongOrder, severity: .error, file: file, line: line,
            column: col.dateColumn(of: events[k]) + 1,
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
            code: LogCode.springForwardGap, severity: .warning, file: file, line: line,
            column: col.dateColumn(of: events[k]) + 1,
            message:
              "\(local) does not exist in \(options.zone.identifier) (clocks go forward); "
              + "read \(s / 60) minutes later, as \(CivilDate.iso8601UTC(t))"
          ))
      case .ambiguous:
        let local = raw.local(order: order).map { "\($0)" } ?? ""
        note(
          LogCode.fallBackFirst, line: line, column: col.dateColumn(of: events[k]) + 1,
          "\(local) occurs twice in \(options.zone.identifier) (clocks go back); "
            + "the first occurrence is used, \(CivilDate.iso8601UTC(t))"
        )
      }
    }
    return ok
  }

  /// Drops the events that repeat an earlier one (`earlier`: index → line of the earlier
  /// event, in index order) with a warning per record, and the records left without events;
  /// returns the number of records dropped.
  mutating func dropDuplicates(_ earlier: [(index: Int, line: UInt32)]) -> Int {
    var dropped = 0
    var write = 0
    var i = 0
    var d = 0
    let n = events.count
    while i < n {
      let line = events[i].line
      var j = i + 1
      while j < n && events[j].line == line { j += 1 }
      var kept = 0
      var firstDuplicateOf: UInt32 = 0
      for k in i..<j {
        if d < earlier.count && earlier[d].index == k {
          if firstDuplicateOf == 0 { firstDuplicateOf = earlier[d].line }
          d += 1
          continue
        }
        events[write] = events[k]
        write += 1
        kept += 1
      }
      let total = j - i
      if kept < total {
        findings.append(
          Finding(
            code: LogCode.duplicate, severity: .warning, file: file, line: Int(line),
            message: kept == 0
              ? "exact duplicate of line \(firstDuplicateOf) (same ticket, time, event, level and category); not used"
              : "\(total - kept) of the \(total) events of this row duplicate those of line "
                + "\(firstDuplicateOf); the others are used"
          ))
        if kept == 0 { dropped += 1 }
      }
      i = j
    }
    events.removeLast(n - write)
    return dropped
  }

  /// Removes the values that mean blank (a profile's `null`) from a string table and clears
  /// the events' references to them (`path`: 1-based ids, 0 = none).
  private mutating func dropNulls(_ table: inout [String], _ path: WritableKeyPath<Event, UInt32>) {
    var map = [UInt32](repeating: 0, count: table.count + 1)
    var kept: [String] = []
    for (i, s) in table.enumerated() where !options.values.isNull(s) {
      kept.append(s)
      map[i + 1] = UInt32(kept.count)
    }
    guard kept.count < table.count else { return }
    for k in events.indices { events[k][keyPath: path] = map[Int(events[k][keyPath: path])] }
    table = kept
  }

  /// Drops ticket ids left without events by late rejections and renumbers the events.
  mutating func compactTickets(_ ids: inout [String]) {
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
  mutating func firstEventChecks(ticketCount: Int, ticketIDs: [String]) {
    var first = [Int32](repeating: -1, count: ticketCount)
    for k in events.indices {
      let t = Int(events[k].ticket)
      let f = first[t]
      if f < 0 || events[k].time < events[Int(f)].time { first[t] = Int32(k) }
    }
    let opensFirst = layout == .events && col.event < 0
    for t in 0..<ticketCount {
      let f = Int(first[t])
      guard f >= 0 else { continue }
      if opensFirst { events[f].kind = .open }
      if col.category >= 0 && events[f].categoryRaw == 0 {
        findings.append(
          Finding(
            code: LogCode.noCategoryOnFirstEvent, severity: .warning, file: file,
            line: Int(events[f].line),
            column: col.category + 1,
            message: "ticket \(ticketIDs[t])'s first event has no category; give the category on it"
          ))
      }
    }
  }
}
