/// The column map of one import: which 0-based column holds each field the rows are read from
/// (-1 when absent), decided once from the detected ``LogHeader``.
struct LogColumns {
  let layout: LogLayout
  let ticket: Int
  let time: Int
  /// The event column (events layout): the event column, or the status column without one.
  let event: Int
  let level: Int
  let category: Int
  let owner: Int
  let note: Int
  /// The status column (tickets layout only).
  let status: Int
  let opened: Int
  /// Columns of the level 2, 3 and 4 dates (tickets layout).
  let escalated: [Int]
  let resolved: Int
  /// The close date column (tickets layout): the resolution when the resolution date is blank.
  let closed: Int
  /// Columns not read: (0-based column, header, why), in column order.
  let unused: [(Int, String, String)]

  init(header: LogHeader) {
    layout = header.layout
    func col(_ f: LogField) -> Int { header[f] ?? -1 }
    ticket = col(.ticket)
    time = col(.time)
    var unused = header.unused.map { ($0.column, $0.header, $0.reason) }
    if header.layout == .events, let e = header[.event] {
      event = e
      if let s = header[.status] {
        unused.append((s, header.headers[s], "the event column is used"))
      }
      status = -1
    } else if header.layout == .events {
      event = col(.status)
      status = -1
    } else {
      event = -1
      status = col(.status)
    }
    level = col(.level)
    category = col(.category)
    owner = col(.owner)
    note = col(.note)
    opened = col(.opened)
    escalated = [col(.escalated2), col(.escalated3), col(.escalated4)]
    resolved = col(.resolved)
    closed = col(.closed)
    self.unused = unused.sorted(by: { $0.0 < $1.0 })
  }

  /// The findings that say how the header was read: the layout and columns (note), the columns
  /// not used (notes), and a missing event or category column (warnings).
  func headerFindings(header: LogHeader, file: String, line: Int, layoutSource: String)
    -> [Finding]
  {
    var out: [Finding] = []
    let listed = LogField.fields(of: layout).compactMap { f -> String? in
      guard let c = header[f] else { return nil }
      if f == .status && layout == .events && header[.event] != nil { return nil }
      return "\(f.rawValue) = \(Finding.columnLetter(c + 1)) \"\(header.headers[c])\""
    }
    out.append(
      Finding(
        code: LogCode.layoutRead, severity: .note, file: file, line: line,
        message:
          "read as the \(layout.rawValue) layout (\(layoutSource)): "
          + listed.joined(separator: ", ")))
    for u in unused {
      out.append(
        Finding(
          code: LogCode.unusedColumn, severity: .note, file: file, line: line,
          column: u.0 + 1,
          message:
            "column \"\(u.1)\" is not used (\(u.2)); name it with --map FIELD=\"\(u.1)\" if it holds a field"
        ))
    }
    if layout == .tickets && !hasEscalationDates && level >= 0 {
      out.append(
        Finding(
          code: LogCode.layoutRead, severity: .note, file: file, line: line,
          message:
            "no escalation date column: each ticket opens at its current level (column "
            + "\(Finding.columnLetter(level + 1)) \"\(header.headers[level])\") and is resolved on its resolution date"
        ))
    }
    if layout == .events && event < 0 {
      out.append(
        Finding(
          code: LogCode.noEventColumn, severity: .warning, file: file, line: line,
          message:
            "no event or status column: each ticket's first row opens it and a row whose level "
            + "differs moves it; no ticket is ever resolved"
        ))
    }
    if category < 0 {
      out.append(
        Finding(
          code: LogCode.noCategoryColumn, severity: .warning, file: file, line: line,
          message:
            "no category column: tickets have no category, so per-category figures will be empty"))
    }
    return out
  }

  /// Whether the tickets layout has an escalation date column (without one, a ticket opens at
  /// its current level).
  var hasEscalationDates: Bool { escalated.contains { $0 >= 0 } }

  /// The 0-based column an event's date came from.
  func dateColumn(of e: Event) -> Int {
    guard layout == .tickets else { return time }
    switch e.kind {
    case .open: return opened
    case .resolve: return resolved >= 0 ? resolved : closed
    default: return escalated[max(0, min(2, Int(e.levelRaw) - 2))]
    }
  }
}
