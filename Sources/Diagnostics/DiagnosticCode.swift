/// How serious a finding is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
  case error
  case warning
  case note

  private var rank: Int {
    switch self {
    case .error: return 0
    case .warning: return 1
    case .note: return 2
    }
  }
  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One documented diagnostic code: what it means and how to fix it.
///
/// Every code the tool prints (`IO…`, `XLS…`, `CSV…`, `MTX…`, `LOG…`, `MET…`, `CAL…`) has exactly one
/// entry in ``DiagnosticCode/all``; the README's code table, `docs/codes.md` and
/// `escalation explain CODE` are generated from these entries. A code never changes meaning once
/// released; a new finding gets a new code.
public struct DiagnosticCode: Sendable, Hashable, Identifiable {
  /// What a finding with this code does to the run, beyond its severity.
  public enum Effect: String, Sendable, Hashable {
    /// Reported; the input is judged by its severity (`--strict` fails on warnings).
    case reported
    /// The record is not used (it counts as rejected in the accounting line).
    case recordRejected
    /// The import stops: the file cannot be read as a log (exit status 1).
    case stops
    /// The command cannot run at all: usage or I/O (exit status 2).
    case exit2
  }

  /// The stable code, e.g. `MTX010`.
  public let code: String
  public let severity: Severity
  public let effect: Effect
  /// One line, as in the README table, SARIF rules and the metrics' data-quality summary.
  public let summary: String
  /// What the finding means and when it is reported.
  public let explanation: String
  /// What to do about it.
  public let fix: String

  public var id: String { code }

  public init(
    _ code: String, _ severity: Severity, _ effect: Effect = .reported, summary: String,
    explanation: String, fix: String
  ) {
    self.code = code
    self.severity = severity
    self.effect = effect
    self.summary = summary
    self.explanation = explanation
    self.fix = fix
  }

  /// The severity column of the code table: `error`, `warning`, `note`, `error, record rejected`,
  /// `error, stops` or `exit 2`.
  public var severityText: String {
    switch effect {
    case .reported: return severity.rawValue
    case .recordRejected: return "\(severity.rawValue), record rejected"
    case .stops: return "\(severity.rawValue), stops"
    case .exit2: return "exit 2"
    }
  }

  /// The family prefix (`IO`, `XLS`, `CSV`, `XLSX`, `MTX`, `LOG`, `MET`, `CAL`, `PRF`).
  public var family: String { String(code.prefix { $0.isLetter }) }
}

extension DiagnosticCode {
  /// Every code, in the order of the documentation: I/O, XLSX writer, CSV, XLSX reader, matrix,
  /// log, metrics, calendar.
  public static let all: [DiagnosticCode] =
    ioCodes + xlsxCodes + csvCodes + workbookInputCodes + matrixCodes + logCodes + metricsCodes
    + calendarCodes + profileCodes

  private static let index: [String: DiagnosticCode] = {
    var d: [String: DiagnosticCode] = [:]
    for c in all { d[c.code] = c }
    return d
  }()

  /// The entry for `code` (case-insensitive: `mtx010` finds `MTX010`), or `nil`.
  public static func lookup(_ code: String) -> DiagnosticCode? {
    index[code.uppercased()]
  }

  /// The entry for a code the tool itself emits; a missing entry is a programming error that
  /// `DiagnosticCodeTests` catches, so this falls back to an entry that names the code.
  public static func known(_ code: String) -> DiagnosticCode {
    lookup(code)
      ?? DiagnosticCode(
        code, .error, summary: code, explanation: "undocumented code", fix: "report this as a bug")
  }

  /// Code → summary, for the SARIF rules of a renderer.
  public static func summaries(prefix: [String]) -> [String: String] {
    var d: [String: String] = [:]
    for c in all where prefix.contains(c.family) { d[c.code] = c.summary }
    return d
  }

  /// Up to `limit` codes closest to `text`, for `escalation explain` with an unknown code: the
  /// family first (the same letters, then the same letters in another order, then the fewest
  /// edits), then the nearest number, then the code's order.
  public static func closest(to text: String, limit: Int = 3) -> [DiagnosticCode] {
    let query = text.uppercased()
    let letters = String(query.prefix { $0.isLetter })
    let number = Int(query.drop { $0.isLetter }) ?? 0
    func score(_ c: DiagnosticCode) -> (Int, Int, String) {
      let family =
        c.family == letters
        ? 0
        : c.family.sorted() == letters.sorted()
          ? 1 : 1 + editDistance(Array(letters), Array(c.family))
      let own = Int(c.code.dropFirst(c.family.count)) ?? 0
      return (family, abs(own - number), c.code)
    }
    return all.map { (score($0), $0) }.sorted { $0.0 < $1.0 }.prefix(limit).map(\.1)
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, y) in b.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
