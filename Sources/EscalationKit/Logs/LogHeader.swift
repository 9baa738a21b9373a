/// Header detection for escalation logs: which column holds which field, and which layout the
/// file uses (docs/logs.md#two-layouts, docs/logs.md#header-names).

/// The two layouts of an escalation log.
public enum LogLayout: String, Sendable, CaseIterable {
  /// One row per event.
  case events
  /// One row per ticket with a date column per step (a Smartsheet tracking sheet).
  case tickets
}

/// A field of an escalation log.
public enum LogField: String, Sendable, CaseIterable, Hashable {
  case ticket
  case time
  case event
  case status
  /// The event's level (events layout) or the current level (tickets layout).
  case level
  case category
  case owner
  case note
  case opened
  case escalated2 = "escalated-2"
  case escalated3 = "escalated-3"
  case escalated4 = "escalated-4"
  case resolved
  /// The close date (tickets layout): the resolution when the resolution date is blank.
  case closed

  /// The fields a layout reads.
  public static func fields(of layout: LogLayout) -> [LogField] {
    switch layout {
    case .events: return [.ticket, .time, .event, .status, .level, .category, .owner, .note]
    case .tickets:
      return [
        .ticket, .category, .opened, .escalated2, .escalated3, .escalated4, .resolved, .closed,
        .level, .status, .owner, .note,
      ]
    }
  }

  /// The fields without which a layout cannot be read.
  public static func required(for layout: LogLayout) -> [LogField] {
    layout == .events ? [.ticket, .time] : [.ticket, .opened]
  }

  /// Fields only the tickets layout has: their presence decides the layout.
  static let ticketsOnly: Set<LogField> = [
    .opened, .escalated2, .escalated3, .escalated4, .resolved, .closed,
  ]

  /// The field named `name` in `--map` (`escalated-2`, `escalated2` and `l2` all work).
  public init?(mapName name: String) {
    let k = name.lowercased().replacingOccurrences(of: "_", with: "-")
    if let f = LogField(rawValue: k) {
      self = f
      return
    }
    switch k {
    case "escalated2", "l2", "level-2": self = .escalated2
    case "escalated3", "l3", "level-3": self = .escalated3
    case "escalated4", "l4", "level-4": self = .escalated4
    case "id": self = .ticket
    case "date", "timestamp": self = .time
    case "assignee": self = .owner
    case "comment": self = .note
    case "state": self = .status
    case "raised", "created": self = .opened
    default: return nil
    }
  }

  /// The header names accepted for the field, English then French.
  public var headerNames: [String] {
    switch self {
    case .ticket:
      return [
        "Ticket", "Ticket ID", "Ticket #", "Ticket number", "Issue", "Issue ID", "Issue #", "ID",
        "Case", "Case ID", "Number", "Issue key", "Incident", "Incident number", "Case number",
        "N° de ticket", "Numéro de ticket", "Numéro", "Identifiant", "Problème", "Ticket n°",
      ]
    case .time:
      return [
        "Timestamp", "Date", "Time", "Date/Time", "Date time", "Event time", "Event date", "When",
        "Updated", "Updated at", "Updated on", "sys_updated_at", "sys_updated_on", "Last updated",
        "Horodatage", "Date/heure", "Date et heure", "Date de l'événement", "Heure",
      ]
    case .event:
      return ["Event", "Action", "Type", "Event type", "Événement", "Type d'événement"]
    case .status:
      return ["Status", "State", "Statut", "État", "incident_state", "Incident state"]
    case .level:
      return [
        "Level", "Escalation level", "Current level", "Priority", "Niveau", "Niveau de remontée",
        "Niveau actuel",
        "Niveau d'escalade",
      ]
    case .category:
      return [
        "Category", "Issue type", "Issue category", "Escalation type", "Catégorie",
        "Type de problème",
        "Type de remontée",
      ]
    case .owner:
      return ["Owner", "Assignee", "Assigned to", "Responsable", "Assigné à", "Propriétaire"]
    case .note:
      return ["Note", "Notes", "Comment", "Comments", "Commentaire", "Commentaires", "Remarque"]
    case .opened:
      return [
        "Opened", "Date opened", "Opened on", "Open date", "Date raised", "Raised", "Raised on",
        "Created",
        "Date created", "Created on", "Created at", "opened_at", "Opened at", "sys_created_on",
        "Ouvert", "Ouvert le", "Date d'ouverture", "Date de création",
        "Créé le",
      ]
    case .escalated2: return LogField.escalationHeaders(2)
    case .escalated3: return LogField.escalationHeaders(3)
    case .escalated4: return LogField.escalationHeaders(4)
    case .resolved:
      return [
        "Resolved", "Date resolved", "Resolved on", "Resolution date", "Resolved at",
        "resolved_at", "Solved", "Solved at", "Résolu", "Résolu le", "Date de résolution",
      ]
    case .closed:
      return [
        "Closed", "Date closed", "Closed on", "Closed at", "closed_at", "Clos le", "Fermé le",
        "Date de clôture", "Date de fermeture",
      ]
    }
  }

  private static func escalationHeaders(_ n: Int) -> [String] {
    [
      "Escalated to L\(n)", "Escalated to level \(n)", "Escalated L\(n)",
      "Escalated to level \(n) on",
      "Level \(n) date", "L\(n) date", "Date L\(n)", "Date level \(n)", "Level \(n)", "L\(n)",
      "Level \(n) escalation", "Level \(n) escalation date", "Escalation level \(n)",
      "Escalation level \(n) date",
      "Remonté au niveau \(n)", "Remontée au niveau \(n)", "Remonté niveau \(n)",
      "Remontée niveau \(n)",
      "Remontée de niveau \(n)", "Date niveau \(n)", "Niveau \(n) date", "Niveau \(n)", "N\(n)",
      "Date N\(n)",
      "Remonté N\(n)", "Date de remontée au niveau \(n)", "Date de remontée niveau \(n)",
      "Escaladé au niveau \(n)", "Escaladé N\(n)",
    ]
  }

  /// The comparison key of a header: the label key with punctuation turned into spaces.
  static func headerKey(_ text: String) -> String {
    let k = LabelNormalizer.key(text)
    var out = ""
    var space = false
    for ch in k {
      if ch.isLetter || ch.isNumber {
        if space && !out.isEmpty { out.append(" ") }
        space = false
        out.append(ch)
      } else {
        space = true
      }
    }
    return out
  }

  /// Header key → field, for all fields.
  static let byHeaderKey: [String: LogField] = {
    var d: [String: LogField] = [:]
    for f in LogField.allCases {
      for h in f.headerNames {
        let k = headerKey(h)
        if d[k] == nil { d[k] = f }
      }
    }
    return d
  }()
}

/// The columns of a log: the layout and the 0-based column of each field found.
public struct LogHeader: Sendable, Equatable {
  public var layout: LogLayout
  /// 0-based column of each field present.
  public var columns: [LogField: Int]
  /// Columns recognised as nothing, or as a field of the other layout, or a second column for
  /// a field: (0-based column, header text, why).
  public var unused: [(column: Int, header: String, reason: String)]
  /// Header cells as read.
  public var headers: [String]

  public static func == (a: LogHeader, b: LogHeader) -> Bool {
    a.layout == b.layout && a.columns == b.columns && a.headers == b.headers
      && a.unused.map(\.column) == b.unused.map(\.column)
  }

  /// The 0-based column of `field`, if present.
  public subscript(_ field: LogField) -> Int? { columns[field] }

  /// Reads the header cells, applying `map` (field → header text) and `forced` layout.
  ///
  /// Throws ``LogImportError`` for an unknown field name or a header not found in `--map`,
  /// and for a required field without a column.
  public static func detect(
    headers: [String], file: String, map: [String: String], forced: LogLayout?,
    absent: Set<LogField> = []
  ) throws(LogImportError) -> LogHeader {
    var found: [LogField: Int] = [:]
    var unused: [(Int, String, String)] = []
    var taken = Set<Int>()
    let keys = headers.map(LogField.headerKey)
    // Explicit mappings first.
    for (name, header) in map.sorted(by: { $0.key < $1.key }) {
      guard let field = LogField(mapName: name) else {
        throw .unknownMapField(name: name)
      }
      let hk = LogField.headerKey(header)
      guard let col = keys.firstIndex(of: hk) ?? headers.firstIndex(of: header) else {
        throw .mappedHeaderNotFound(file: file, field: field, header: header, headers: headers)
      }
      found[field] = col
      taken.insert(col)
    }
    var auto: [LogField: Int] = [:]
    for (col, k) in keys.enumerated() where !taken.contains(col) {
      guard !k.isEmpty else { continue }
      if let field = LogField.byHeaderKey[k], absent.contains(field), found[field] == nil {
        unused.append(
          (col, headers[col], "the profile says the file has no \(field.rawValue) column"))
        continue
      }
      guard let field = LogField.byHeaderKey[k], found[field] == nil else {
        if let field = LogField.byHeaderKey[k], let first = found[field] {
          unused.append(
            (
              col, headers[col],
              "\(field.rawValue) is already column \(Finding.columnLetter(first + 1))"
            ))
        } else {
          unused.append((col, headers[col], "not a known header"))
        }
        continue
      }
      if let first = auto[field] {
        unused.append(
          (
            col, headers[col],
            "a second \(field.rawValue) column; column \(Finding.columnLetter(first + 1)) is used"
          ))
        continue
      }
      auto[field] = col
    }
    for (f, c) in auto { found[f] = c }
    let layout =
      forced
      ?? (found.keys.contains(where: { LogField.ticketsOnly.contains($0) }) ? .tickets : .events)
    let wanted = Set(LogField.fields(of: layout))
    for (f, c) in found where !wanted.contains(f) {
      found[f] = nil
      unused.append(
        (c, headers[c], "\(f.rawValue) is not a field of the \(layout.rawValue) layout"))
    }
    let missing = LogField.required(for: layout).filter { found[$0] == nil }
    if !missing.isEmpty {
      throw .missingField(file: file, fields: missing, layout: layout, headers: headers)
    }
    unused.sort { $0.0 < $1.0 }
    return LogHeader(
      layout: layout, columns: found,
      unused: unused.map { (column: $0.0, header: $0.1, reason: $0.2) },
      headers: headers)
  }
}
