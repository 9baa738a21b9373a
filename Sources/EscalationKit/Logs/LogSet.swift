/// Several logs read as one (monthly exports: `import jan.csv feb.csv`): each file is imported
/// on its own, then the events are joined, tickets matched by their id across files, and an
/// event found in two files (overlapping exports) is counted as a duplicate once.
///
/// While joined, the line of each event is offset by the lines of the files before it, so that
/// a finding about an event (a ticket warning) can be traced back to its file and line.
public struct LogSet: Sendable {
  /// The display names of the files, in order.
  public var files: [String]
  /// The joined log, lines offset (see above); a single log as imported.
  public var log: EventLog
  /// Every import finding of every file, then the duplicates across files.
  public var findings: [Finding]
  /// Where the lines of each file start in the joined numbering (0 for the first).
  var offsets: [Int]
  /// The worksheet read in each file (`nil` for a CSV file), in order.
  public var sheets: [String?] = []

  /// Imports every path (`-` is standard input) with the same options.
  public static func load(_ paths: [String], options: LogImportOptions) throws -> LogSet {
    let logs = try paths.map { try loadOne($0, options: options) }
    if logs.count == 1 {
      return LogSet(
        files: [logs[0].source], log: logs[0], findings: logs[0].findings, offsets: [0],
        sheets: [logs[0].sheet])
    }
    return join(logs)
  }

  /// One log; a file with no log header that reads as a matrix (a level header or a row label
  /// of the model recognised) says so (LOG006).
  static func loadOne(_ path: String, options: LogImportOptions) throws -> EventLog {
    do {
      return try EventCache.load(path: path, options: options)
    } catch let e as LogImportFailure {
      // In a workbook's sheet (a sheet that reads as a matrix is not told apart here).
      throw ImportStop(finding: e.finding, exitStatus: e.exitStatus)
    } catch let e as LogImportError {
      if case .missingField(let file, _, _, _) = e, path != "-",
        let loaded = try? MatrixLoader.load(path: path), let document = loaded.document,
        !document.levelHeaders.isEmpty || !document.rowLabels.isEmpty
      {
        // A matrix only when a level header or a row label of the model was recognised: a log
        // whose headers are merely unknown gets LOG001 with its suggestions, not LOG006.
        throw ImportStop(
          finding: Finding(
            code: LogCode.matrixGivenAsLog, severity: .error, file: file, line: 1,
            message:
              "this is an escalation matrix, not a log; pass it with "
              + "--matrix \(path), or check it with `escalation validate \(path)`"),
          exitStatus: 1)
      }
      if case .mappedHeaderNotFound(_, let field, let header, let headers) = e,
        let p = options.profile,
        p.columns.contains(where: { $0.field == field && $0.header == header })
      {
        // The header came from the profile's [columns]: point at its line there.
        throw ProfileError(
          code: ProfileCode.headerNotFound, path: p.path, line: p.line("columns.\(field.rawValue)"),
          message:
            "[columns] \(field.rawValue) = \"\(header)\": \(path) has no column \"\(header)\"; "
            + "headers found: " + LogImportError.headerList(headers)
            + "; correct the header, or write \(field.rawValue) = \"\" if the file has no such column"
        )
      }
      throw ImportStop(finding: e.finding, exitStatus: e.isUsageError ? 2 : 1)
    }
  }

  struct EventKey: Hashable {
    var ticket: UInt32
    var time: Int64
    var kind: UInt8
    var level: UInt8
    var category: UInt8
  }

  static func join(_ logs: [EventLog]) -> LogSet {
    var ids: [String] = []
    var idIndex: [String: UInt32] = [:]
    var owners: [String] = []
    var notes: StringTable = []
    var events: [Event] = []
    events.reserveCapacity(logs.reduce(0) { $0 + $1.events.count })
    var accounting = RecordAccounting()
    var findings: [Finding] = []
    var duplicates: [Finding] = []
    var offsets: [Int] = []
    var offset = 0
    var seen: [EventKey: (file: Int, line: UInt32)] = [:]
    for (k, log) in logs.enumerated() {
      offsets.append(offset)
      let tickets = log.ticketIDs.map { id -> UInt32 in
        if let i = idIndex[id] { return i }
        let i = UInt32(ids.count)
        ids.append(id)
        idIndex[id] = i
        return i
      }
      let ownerBase = UInt32(owners.count)
      let noteBase = UInt32(notes.count)
      owners += log.owners
      notes += log.notes
      var maxLine = 0
      for var ev in log.events {
        maxLine = max(maxLine, Int(ev.line))
        ev.ticket = tickets[Int(ev.ticket)]
        let key = EventKey(
          ticket: ev.ticket, time: ev.time, kind: ev.kind.rawValue, level: ev.levelRaw,
          category: ev.categoryRaw)
        if let first = seen[key] {
          duplicates.append(
            Finding(
              code: LogCode.duplicate, severity: .warning, file: log.source, line: Int(ev.line),
              message:
                "exact duplicate of \(logs[first.file].source):\(first.line) (same ticket, time, "
                + "event, level and category, in an earlier file); not used"))
          accounting.duplicates += 1
          accounting.used -= 1
          continue
        }
        seen[key] = (k, ev.line)
        if ev.owner != 0 { ev.owner += ownerBase }
        if ev.note != 0 { ev.note += noteBase }
        ev.line = UInt32(truncatingIfNeeded: Int(ev.line) + offset)
        events.append(ev)
      }
      for f in log.findings { maxLine = max(maxLine, f.line ?? 0) }
      offset += maxLine
      accounting.read += log.accounting.read
      accounting.used += log.accounting.used
      accounting.rejected += log.accounting.rejected
      accounting.duplicates += log.accounting.duplicates
      findings += log.findings
    }
    let files = logs.map(\.source)
    let log = EventLog(
      source: files.joined(separator: ", "), events: events, ticketIDs: ids, owners: owners,
      notes: notes, accounting: accounting, findings: findings + duplicates)
    return LogSet(
      files: files, log: log, findings: findings + duplicates, offsets: offsets,
      sheets: logs.map(\.sheet))
  }

  /// The file and line (in that file) of a joined line.
  public func place(ofLine line: Int) -> (file: String, line: Int) {
    guard files.count > 1 else { return (files[0], line) }
    let k = (offsets.lastIndex { $0 < line }) ?? 0
    return (files[k], line - offsets[k])
  }

  /// Findings about the joined log (named by ``EventLog/source``) traced back to their file.
  /// A finding about a workbook is placed in the sheet read.
  public func fileFindings(_ findings: [Finding]) -> [Finding] {
    guard files.count > 1 else {
      return findings.placed(inSheet: sheets.first ?? nil, of: files[0])
    }
    return findings.map { f in
      guard f.file == log.source, let l = f.line else { return f }
      var g = f
      (g.file, g.line) = place(ofLine: l)
      g.sheet = sheet(of: g.file)
      return g
    }
  }

  /// The worksheet read in `file` (`nil` for a CSV file).
  public func sheet(of file: String) -> String? {
    guard let k = files.firstIndex(of: file), k < sheets.count else { return nil }
    return sheets[k]
  }

  /// The joined log with each event's line in its own file (for the normalised output).
  public var strippedLog: EventLog {
    guard files.count > 1 else { return log }
    var l = log
    for i in l.events.indices {
      l.events[i].line = UInt32(place(ofLine: Int(l.events[i].line)).line)
    }
    return l
  }
}

/// Text cells that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `=cmd|x`, `@SUM`,
/// `+`, `-`, tab, CR), reported once per column (ticket, owner, note) with the first line where
/// one occurs: CSV outputs write them with a leading `'` (OWASP) unless `--raw-csv`.
enum FormulaCells {
  static func findings(_ set: LogSet) -> [Finding] {
    let log = set.log
    // Each column: its name, whether each of its strings looks like a formula, string i, and
    // the string of an event (-1: none). The notes are tested on their bytes.
    let notes = log.notes
    let tables: [(String, [Bool], (Int) -> String, (Event) -> Int)] = [
      (
        "ticket", log.ticketIDs.map(CSVField.looksLikeFormula), { log.ticketIDs[$0] },
        { Int($0.ticket) }
      ),
      (
        "owner", log.owners.map(CSVField.looksLikeFormula), { log.owners[$0] },
        { Int($0.owner) - 1 }
      ),
      (
        "note", notes.indices.map { notes.withBytes($0, CSVField.looksLikeFormula) }, { notes[$0] },
        { Int($0.note) - 1 }
      ),
    ]
    var out: [Finding] = []
    for (name, flagged, string, index) in tables {
      let count = flagged.lazy.filter { $0 }.count
      guard count > 0,
        let ev = log.events.first(where: { index($0) >= 0 && flagged[index($0)] })
      else { continue }
      let (file, line) = set.place(ofLine: Int(ev.line))
      let text = Finding.excerpt(string(index(ev)))
      out.append(
        Finding(
          code: LogCode.formulaCell, severity: .warning, file: file, line: line,
          message:
            "the \(name) \"\(text)\" starts with \"\(text.prefix(1))\", so a spreadsheet would run "
            + "it as a formula (\(count) such \(name) value\(count == 1 ? "" : "s")); CSV outputs "
            + "write them with a leading ' (--raw-csv keeps them as read); said once per column",
          sheet: set.sheet(of: file)))
    }
    return out
  }
}
