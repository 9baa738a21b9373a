import Foundation

@testable import EscalationKit

/// Helpers for the log import tests.
enum LogTest {
  /// Writes `text` to a temporary file, imports it, removes the file.
  static func load(_ text: String, _ options: LogImportOptions = LogImportOptions()) throws
    -> EventLog
  {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "log-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try LogImporter.load(path: url.path, options: options)
  }

  /// A fixture of Fixtures/logs.
  static func fixture(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures/logs/\(name)").path
  }

  /// Events as `ticket time event level category line`, `-` for blanks.
  static func rows(_ log: EventLog) -> [String] {
    log.events.map { e in
      [
        log.ticketIDs[Int(e.ticket)], CivilDate.iso8601UTC(e.time), e.kind.word,
        e.level.map { "\($0.rawValue)" } ?? "-", e.category?.rawValue ?? "-", "\(e.line)",
      ].joined(separator: " ")
    }
  }

  /// `line:CODE` of each finding of `severity` (all when nil).
  static func codes(_ log: EventLog, _ severity: Severity? = nil) -> [String] {
    log.findings.filter { severity == nil || $0.severity == severity }.map {
      "\($0.line ?? 0):\($0.code)"
    }
  }
}
