/// The codes of the warnings found while reconstructing tickets (docs/metrics.md#decided-edge-cases).
public enum MetricsFindingCode: String, CaseIterable, Sendable, Equatable {
  /// An escalation that does not go up, or a de-escalation that does not go down.
  case moveAgainstWord = "MET001"
  /// An upward move that skips a level (1 → 3).
  case skippedLevel = "MET002"
  /// A move on a resolved ticket: an implicit reopen.
  case implicitReopen = "MET003"
  /// A ticket whose first event is not an open.
  case missingOpen = "MET004"
  /// A ticket whose category changes.
  case categoryChange = "MET005"
  /// An exact duplicate event (same ticket, time, kind, level, category): counted once.
  case duplicateEvent = "MET006"
  /// An open or reopen on a ticket that is already open.
  case duplicateOpen = "MET007"
  /// A resolve on a resolved ticket: ignored, the first resolution stands.
  case duplicateResolve = "MET008"
  /// A move to the level the ticket is already at.
  case sameLevel = "MET009"
  /// An escalate or de-escalate without a level that would leave levels 1–4: rejected.
  case outOfRange = "MET010"
  /// A ticket that was never given a category.
  case noCategory = "MET011"
  /// An open on a resolved ticket: read as a reopen.
  case openOnResolved = "MET012"
  /// A pause on a resolved ticket: nothing is open, so nothing is paused (ignored).
  case pauseOnResolved = "MET013"

  /// A short description, for summaries and SARIF rules (from the registry, docs/codes.md).
  public var summary: String { DiagnosticCode.known(rawValue).summary }
}

/// One reconstruction warning, kept compact (16 bytes) and turned into a ``Finding`` with its
/// message only when asked.
public struct MetricsWarning: Sendable, Equatable {
  public var code: MetricsFindingCode
  /// The word of the event concerned.
  public var kind: EventKind
  /// Code-specific small values (levels, category indices).
  public var a: UInt8
  public var b: UInt8
  public var ticket: UInt32
  /// Line of the record (0 when unknown).
  public var line: UInt32

  public init(
    code: MetricsFindingCode, kind: EventKind, a: UInt8 = 0, b: UInt8 = 0, ticket: UInt32,
    line: UInt32
  ) {
    self.code = code
    self.kind = kind
    self.a = a
    self.b = b
    self.ticket = ticket
    self.line = line
  }

  /// The finding, with a message naming the ticket, in file `source`.
  public func finding(source: String, ids: [String]) -> Finding {
    let id = Int(ticket) < ids.count ? Finding.excerpt(ids[Int(ticket)]) : "#\(ticket)"
    let w = "'\(kind.word)'"
    let m: String
    switch code {
    case .moveAgainstWord:
      m =
        kind == .deescalate
        ? "de-escalation from level \(a) to \(b) goes up; applied as written"
        : "escalation from level \(a) to \(b) does not go up; applied as written"
    case .skippedLevel: m = "move from level \(a) to \(b) skips a level; applied as written"
    case .implicitReopen: m = "\(w) on a resolved ticket; read as a reopen at level \(b)"
    case .missingOpen:
      m =
        a == 1
        ? "first event is \(w), not an open, and gives no level; the ticket starts here at level \(b)"
        : "first event is \(w), not an open; the ticket starts here at level \(b)"
    case .categoryChange:
      let old = CategoryKey(index: Int(a))?.rawValue ?? "?"
      let new = CategoryKey(index: Int(b))?.rawValue ?? "?"
      m = "category changes from \(old) to \(new); the latest one is used"
    case .duplicateEvent:
      m = "exact duplicate of an earlier \(w) event at the same time; counted once"
    case .duplicateOpen:
      m =
        b == 0
        ? "\(w) on a ticket already open at level \(a); changes nothing"
        : "\(w) on a ticket open at level \(a) names level \(b); read as a move"
    case .duplicateResolve:
      m = "resolve on a ticket already resolved; ignored, the first resolution stands"
    case .sameLevel: m = "\(w) to level \(b), where the ticket already is; changes nothing"
    case .outOfRange: m = "\(w) without a level at level \(a) would leave levels 1-4; ignored"
    case .noCategory: m = "no category given; counted as uncategorized"
    case .openOnResolved: m = "open on a resolved ticket; read as a reopen"
    case .pauseOnResolved:
      m = "\(w) on a ticket resolved at level \(a); nothing is open to pause, ignored"
    }
    return Finding(
      code: code.rawValue, severity: .warning, file: source, line: line == 0 ? nil : Int(line),
      message: "ticket \(id): \(m)")
  }
}
