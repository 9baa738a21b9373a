import Foundation

/// A calendar that cannot be read: where (file, line, column when known) and what to write.
public struct CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong; the raw value is the documented code (docs/codes.md).
  public enum Kind: String, Sendable, CaseIterable {
    /// The file could not be read (exit status 2): the shared I/O code.
    case unreadable = "IO001"
    /// Not valid TOML (or not UTF-8 text).
    case syntax = "CAL001"
    /// No `[calendar]` table and no calendar key.
    case noCalendar = "CAL002"
    /// A key that a calendar does not have (a misspelt weekday, …).
    case unknownKey = "CAL003"
    /// A value of the wrong TOML type (a string where a list is expected, …).
    case wrongType = "CAL004"
    /// `tz` missing, or not an IANA zone name.
    case badZone = "CAL005"
    /// A working interval that is not `HH:MM-HH:MM`, or ends before it starts.
    case badInterval = "CAL006"
    /// Two intervals of a day overlap.
    case overlappingIntervals = "CAL007"
    /// A `holidays` entry that is neither a built-in set nor a date.
    case unknownHolidaySet = "CAL008"
    /// A date that is not a real `YYYY-MM-DD` date.
    case badDate = "CAL009"
  }

  public var kind: Kind
  /// The file as given (`--calendar FILE`, or the profile).
  public var file: String
  /// 1-based line and column of the offending key or value, when found.
  public var line: Int?
  public var column: Int?
  /// What is wrong and what to write instead.
  public var message: String

  public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.kind = kind
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// Exit status: 2 when the file could not be read, 1 when its content is wrong.
  public var exitCode: Int32 { kind == .unreadable ? 2 : 1 }

  /// The error as an error finding.
  public var finding: Finding {
    Finding(
      code: kind.rawValue, severity: .error, file: file, line: line, column: column,
      message: message)
  }

  /// `file:line:column: error[CALnnn]: message`.
  public var description: String { finding.description }
}

extension CalendarError: EscalationError {
  /// 2 when the file could not be read, 1 when its content is wrong.
  public var exitStatus: Int32 { exitCode }
  public var diagnostic: DiagnosticCode? { DiagnosticCode.known(kind.rawValue) }
  public var position: DiagnosticPosition? {
    DiagnosticPosition(file: file, line: line, column: column)
  }
}

/// Finds the line of a key or value in TOML text, for messages (TOMLKit keeps no positions).
/// It reads table headers and `key =` lines; a key it cannot find falls back to its table.
struct TOMLLocator {
  private let lines: [Substring]

  init(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// Line and column (1-based) of `key` in the table at `path` (`[]` = top level).
  func position(ofKey key: String, in path: [String]) -> (line: Int, column: Int)? {
    var current: [String] = []
    for (n, raw) in lines.enumerated() {
      let line = raw.drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("[") {
        current = TOMLLocator.headerPath(line)
        continue
      }
      guard current == path else { continue }
      for form in [key, "\"\(key)\"", "'\(key)'"] where line.hasPrefix(form) {
        let rest = line.dropFirst(form.count).drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("=") { return (n + 1, raw.count - line.count + 1) }
      }
    }
    if path.isEmpty { return nil }
    return position(ofTable: path) ?? position(ofKey: path.last!, in: Array(path.dropLast()))
  }

  /// Line and column of the header `[path]`.
  func position(ofTable path: [String]) -> (line: Int, column: Int)? {
    for (n, raw) in lines.enumerated() {
      let line = raw.drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("["), TOMLLocator.headerPath(line) == path {
        return (n + 1, raw.count - line.count + 1)
      }
    }
    return nil
  }

  /// The first occurrence of `text` on or after `line` (a value of a multi-line list).
  func position(of text: String, from line: Int) -> (line: Int, column: Int)? {
    guard line >= 1 else { return nil }
    for n in (line - 1)..<lines.count {
      if let r = lines[n].range(of: text) {
        return (n + 1, lines[n].distance(from: lines[n].startIndex, to: r.lowerBound) + 1)
      }
      // Stop at the next key or table.
      if n > line - 1, lines[n].contains("=") || lines[n].hasPrefix("[") { break }
    }
    return nil
  }

  /// `[a.b]`, `[ "a" . b ]`, `[[a]]` → ["a", "b"].
  static func headerPath(_ line: Substring) -> [String] {
    var s = line.drop { $0 == "[" }
    if let close = s.firstIndex(of: "]") { s = s[..<close] }
    var parts: [String] = []
    var part = ""
    var quote: Character? = nil
    for c in s {
      if let q = quote {
        if c == q { quote = nil } else { part.append(c) }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "." {
        parts.append(part)
        part = ""
      } else if c != " " && c != "\t" {
        part.append(c)
      }
    }
    parts.append(part)
    return parts
  }
}
