/// What an event does to a ticket (docs/logs.md#events-one-row-per-event).
public enum EventKind: UInt8, Sendable, Codable, CaseIterable {
  case open
  case escalate
  case deescalate
  case resolve
  case reopen
  /// Any other status word: moves the ticket when its level differs.
  case update
  /// A pause of the ticket's clock (a profile's `[events]` word such as "Awaiting User Info").
  /// Kept distinct for the business-time clocks; the metrics treat it as an update.
  case pause

  /// The word written in normalised output.
  public var word: String {
    switch self {
    case .open: return "open"
    case .escalate: return "escalate"
    case .deescalate: return "de-escalate"
    case .resolve: return "resolve"
    case .reopen: return "reopen"
    case .update: return "update"
    case .pause: return "pause"
    }
  }

  /// An update or a pause: the row moves the ticket only when its level differs.
  public var isStatusOnly: Bool { self == .update || self == .pause }
}

/// One normalised event, 32 bytes. Strings live in the ``EventLog``'s tables.
public struct Event: Sendable, Equatable, Hashable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var time: Int64
  /// Index into ``EventLog/ticketIDs``.
  public var ticket: UInt32
  /// 1-based index into ``EventLog/owners``; 0 when none.
  public var owner: UInt32
  /// 1-based index into ``EventLog/notes``; 0 when none.
  public var note: UInt32
  /// Line of the source record (first line of the record).
  public var line: UInt32
  public var kind: EventKind
  /// 1...4, or 0 when the record gave no level.
  public var levelRaw: UInt8
  /// ``CategoryKey/index`` + 1, or 0 when the record gave no category.
  public var categoryRaw: UInt8
  /// Whether the row repeats its ticket's previous row (same event, level and category), as
  /// snapshot logs do on every update: the reconstruction then changes nothing and says
  /// nothing. Set by the importer; fits in the padding (the event stays 32 bytes).
  public var repeatsState: Bool = false

  public init(
    ticket: UInt32, time: Int64, kind: EventKind, level: Level?, category: CategoryKey?,
    owner: UInt32 = 0,
    note: UInt32 = 0, line: UInt32 = 0
  ) {
    self.time = time
    self.ticket = ticket
    self.owner = owner
    self.note = note
    self.line = line
    self.kind = kind
    self.levelRaw = UInt8(level?.rawValue ?? 0)
    self.categoryRaw = category.map { UInt8($0.index + 1) } ?? 0
  }

  public var level: Level? { Level(rawValue: Int(levelRaw)) }
  public var category: CategoryKey? {
    categoryRaw == 0 ? nil : CategoryKey(index: Int(categoryRaw) - 1)
  }
}

/// How the records of an input were accounted for: `read == used + rejected + duplicates`.
public struct RecordAccounting: Sendable, Equatable, Codable {
  public var read = 0
  public var used = 0
  public var rejected = 0
  public var duplicates = 0
  public init(read: Int = 0, used: Int = 0, rejected: Int = 0, duplicates: Int = 0) {
    self.read = read
    self.used = used
    self.rejected = rejected
    self.duplicates = duplicates
  }
  /// `records read: N = used U + rejected R + duplicates D`.
  public var line: String {
    "records read: \(read) = used \(used) + rejected \(rejected) + duplicates \(duplicates)"
  }
}

/// A normalised escalation log: compact events plus the string tables they point into.
public struct EventLog: Sendable {
  /// The input's display name.
  public var source: String
  /// Used events, in input order (in ticket order when ``ticketOffsets`` is set).
  public var events: [Event] {
    // An order found for the old events says nothing of the new ones.
    didSet { ticketIndex = nil }
  }
  /// Ticket identifiers as written; `Event.ticket` indexes this.
  public var ticketIDs: [String]
  /// Owner names; `Event.owner - 1` indexes this.
  public var owners: [String]
  /// Notes; `Event.note - 1` indexes this.
  public var notes: StringTable
  public var accounting: RecordAccounting
  /// Rejections and warnings found while importing.
  public var findings: [Finding]
  /// The worksheet read, when the input was a workbook.
  public var sheet: String?
  /// Set only when the log was read for its figures (``EventCache/figuresOnly``): ``events``
  /// are then grouped by ticket in time order, input order breaking ties, ticket t's at
  /// `events[ticketOffsets![t]..<ticketOffsets![t + 1]]` (the order of ``TicketOrder``, which
  /// then copies nothing); the input order and the notes are not kept.
  package var ticketOffsets: [Int]? = nil
  /// Set by the import when it found the order already (the duplicates' search): the
  /// positions of ``events`` in the order of ``TicketOrder``, which then sorts nothing. Whoever
  /// changes ``events`` other than their lines clears it.
  package var ticketIndex: [UInt32]? = nil

  /// One more than the largest ticket of the events: the number of ticket ids (or more, for
  /// events made without their ids).
  package var ticketCount: Int {
    var n = ticketIDs.count
    for e in events where Int(e.ticket) >= n { n = Int(e.ticket) + 1 }
    return n
  }

  public init(
    source: String, events: [Event] = [], ticketIDs: [String] = [], owners: [String] = [],
    notes: StringTable = [],
    accounting: RecordAccounting = RecordAccounting(), findings: [Finding] = []
  ) {
    self.source = source
    self.events = events
    self.ticketIDs = ticketIDs
    self.owners = owners
    self.notes = notes
    self.accounting = accounting
    self.findings = findings
  }
}
