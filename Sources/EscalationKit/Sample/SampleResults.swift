// What `escalation sample` produces besides the file: the events it means, their statistics,
// the mess it put in, and the report of a run.

/// One event the sample means to write: the ground truth a round trip through `import` must
/// give back.
public struct SampleEvent: Sendable, Equatable, Hashable {
  /// Ticket identifier as written (`ESC-0042`).
  public var ticket: String
  /// Seconds since 1970-01-01T00:00:00Z.
  public var time: Int64
  public var kind: EventKind
  /// The level written on the row; nil only for a tickets-layout resolution.
  public var level: Level?
  public var category: CategoryKey?
  public var owner: String
  public var note: String

  public init(
    ticket: String, time: Int64, kind: EventKind, level: Level?, category: CategoryKey?,
    owner: String = "",
    note: String = ""
  ) {
    self.ticket = ticket
    self.time = time
    self.kind = kind
    self.level = level
    self.category = category
    self.owner = owner
    self.note = note
  }
}

/// Facts about the simulated process (the full process, whatever the layout shows of it).
public struct SampleStatistics: Sendable, Equatable {
  public var tickets = 0
  /// Events of the process (the events layout writes exactly these).
  public var events = 0
  /// Tickets whose last event is a resolution.
  public var resolved = 0
  /// Resolved tickets by the level they were resolved at (index 0 = level 1).
  public var resolvedAtLevel = [0, 0, 0, 0]
  /// Tickets whose highest level is ≥ k (index 0 = level 1, so it equals `tickets`).
  public var reachedLevel = [0, 0, 0, 0]
  /// Tickets never resolved, or reopened and not resolved again, at the end of the period.
  public var stillOpen: Int { tickets - resolved }
  public var reopened = 0
  /// Tickets with an escalation that skips a level (1 → 3).
  public var skippedLevel = 0
  public var deescalated = 0
  /// Tickets per category, canonical order.
  public var perCategory = [Int](repeating: 0, count: 8)
  /// Tickets that reached level 2, per category.
  public var escalatedPerCategory = [Int](repeating: 0, count: 8)

  public init() {}

  /// Share of resolved tickets resolved at level 1.
  public var resolvedAtLevel1Share: Double {
    resolved == 0 ? 0 : Double(resolvedAtLevel[0]) / Double(resolved)
  }

  mutating func add(_ t: SampleProcess.Ticket) {
    tickets += 1
    events += t.steps.count
    perCategory[t.category] += 1
    var highest = 1
    var previous = 1
    var skipped = false
    for s in t.steps {
      let l = Int(s.level)
      highest = max(highest, l)
      if s.kind == .escalate && l > previous + 1 { skipped = true }
      if s.kind == .deescalate { deescalated += 1 }
      if s.kind == .reopen { reopened += 1 }
      previous = l
    }
    if skipped { skippedLevel += 1 }
    for k in 0..<highest { reachedLevel[k] += 1 }
    if highest >= 2 { escalatedPerCategory[t.category] += 1 }
    if let last = t.steps.last, last.kind == .resolve {
      resolved += 1
      resolvedAtLevel[Int(last.level) - 1] += 1
    }
  }
}

/// What `--messy` injected, so that the importer's accounting can be predicted.
public struct SampleMess: Sendable, Equatable {
  /// Exact copies of event rows (the importer counts them as duplicates).
  public var duplicates = 0
  /// Extra copies of rows whose date reads `#VALUE!`, `TBD`, … (rejected).
  public var unreadableDates = 0
  /// Extra copies of rows with a misspelt category such as `Perfomance issues` (rejected).
  public var misspelledCategories = 0
  /// Category labels matching only loosely or in the other language (accepted).
  public var looseCategoryLabels = 0
  /// Event words written as a synonym (`Closed`, `Escaladé`, …).
  public var eventSynonyms = 0
  /// Levels written as the role that owns them (`Project manager`).
  public var levelsAsRoles = 0
  /// Levels written as `L2`, `Niveau 2`, …
  public var levelVariants = 0
  /// Rows moved before rows written earlier.
  public var outOfOrder = 0
  /// Blank lines (not records).
  public var blankLines = 0
  /// Rows ending with an empty field, as Excel pads them.
  public var trailingEmptyFields = 0
  /// Notes holding a line break.
  public var multilineNotes = 0

  public init() {}

  /// Records the importer must reject.
  public var rejected: Int { unreadableDates + misspelledCategories }
}

/// What one run wrote.
public struct SampleReport: Sendable, Equatable {
  public var statistics = SampleStatistics()
  public var mess = SampleMess()
  /// Records written, header and blank lines excluded.
  public var records = 0
  /// Events meant (the ground truth: one per event row, or the events of the ticket rows).
  public var events = 0
  /// What the importer should print: read = used + rejected + duplicates.
  public var expectedAccounting: RecordAccounting {
    RecordAccounting(
      read: records, used: records - mess.rejected - mess.duplicates, rejected: mess.rejected,
      duplicates: mess.duplicates)
  }
  public init() {}
}
