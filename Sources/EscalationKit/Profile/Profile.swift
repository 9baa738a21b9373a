import Diagnostics

/// A profile: what a person answers once about their tracker's export (its columns, the
/// meaning of its values, and the options they would otherwise repeat), read from a TOML file
/// by the `ProfileTOML` target. Flags override it; it overrides the built-in defaults.

/// A profile as read, with every setting typed and the line each key was written on.
public struct Profile: Sendable {
  /// The file it was read from, as given.
  public var path: String
  /// FNV-1a 64 of the file's bytes, 16 hex digits: identifies the profile used in JSON output.
  public var hash: String
  /// Cell values that mean blank.
  public var nulls: [String] = []
  public var zone: ZoneRules?
  public var dateOrder: DateOrder?
  public var language: Language?
  /// The matrix file, relative to the current directory (a relative path in the profile is
  /// relative to the profile's own directory).
  public var matrix: String?
  public var sla: SLATargets?
  /// `[calendar]` (docs/calendar.md); `--calendar FILE` wins over it.
  public var calendar: BusinessCalendar?
  /// Whether `[calendar]` has its own `tz`; without one the report's zone (`--tz`) is used.
  public var calendarHasZone = false
  public var layout: LogLayout?
  public var delimiter: UInt8?
  /// `[columns]`: field → header; an empty header says the file has no such column.
  public var columns: [(field: LogField, header: String)] = []
  /// `[levels]`: value as written → level.
  public var levels: [(value: String, level: Level)] = []
  /// `[categories]`: value as written → category key or label (resolved against the matrix in
  /// use by ``ValueMap/init(profile:categoryLabels:)``); `*` is the catch-all.
  public var categories: [(value: String, target: String)] = []
  /// `[events]`: word → event kind.
  public var events: [(value: String, kind: EventKind)] = []
  /// The line of each key: `tz`, `columns.ticket`, `levels.1 - Critical`, …
  public var lines: [String: Int] = [:]

  public init(path: String, hash: String) {
    self.path = path
    self.hash = hash
  }

  /// The line of `key` (a dotted path as in ``lines``), when known.
  public func line(_ key: String) -> Int? { lines[key] }

  /// FNV-1a 64 of `bytes` as 16 lower-case hex digits. Not a cryptographic hash: it tells which
  /// profile was used, it does not protect it.
  public static func fnv1a64(_ bytes: [UInt8]) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01B3
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// Stable codes of profile errors.
public enum ProfileCode {
  public static let syntax = "PRF001"
  public static let unknownKey = "PRF002"
  public static let wrongType = "PRF003"
  public static let unknownField = "PRF004"
  public static let badLevel = "PRF005"
  public static let unknownEventKind = "PRF006"
  public static let unknownCategory = "PRF007"
  public static let badOption = "PRF008"
  public static let headerNotFound = "PRF009"
  public static let cannotRead = "PRF010"

  /// Code → summary (SARIF rules), from the registry (``DiagnosticCode``).
  public static var descriptions: [String: String] { DiagnosticCode.summaries(prefix: ["PRF"]) }
}

/// A mistake in a profile: the file, the line of the key, and what to write instead. A profile
/// is part of the command line, so every profile error is a usage error (exit 2).
public struct ProfileError: Error, Equatable, Sendable, CustomStringConvertible {
  public var code: String
  public var path: String
  public var line: Int?
  public var column: Int?
  public var message: String

  public init(code: String, path: String, line: Int?, column: Int? = nil, message: String) {
    self.code = code
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  /// The error as a finding.
  public var finding: Finding {
    Finding(code: code, severity: .error, file: path, line: line, column: column, message: message)
  }

  public var description: String { finding.description }

  /// The closest of `known` to `text`, as `; did you mean "x"?`, or an empty string.
  static func suggestion(_ text: String, in known: [String]) -> String {
    var d = LabelDictionary<Int>()
    for k in known { d.add(k, 0) }
    return d.suggestion(for: text).map { "; did you mean \"\($0)\"?" } ?? ""
  }
}

extension ProfileError: EscalationError {
  /// A profile is part of the command line: its mistakes are usage errors.
  public var exitStatus: Int32 { 2 }
  public var diagnostic: DiagnosticCode? { DiagnosticCode.known(code) }
  public var position: DiagnosticPosition? {
    DiagnosticPosition(file: path, line: line, column: column)
  }
}

/// The profile used, as JSON output records it: `{"path": …, "hash": "fnv1a64:…"}`, or null.
public enum ProfileJSON {
  public static func value(_ profile: Profile?) -> JSON {
    guard let profile else { return .null }
    return .object([("path", .string(profile.path)), ("hash", .string("fnv1a64:" + profile.hash))])
  }
}
