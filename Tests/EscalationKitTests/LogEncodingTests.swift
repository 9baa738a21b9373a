import Foundation
import Testing

@testable import EscalationKit

/// The same small French log as the bytes of each encoding and dialect Excel and Smartsheet
/// write: every version imports as the same events.
@Suite struct LogEncodingTests {
  static let header = ["Ticket", "Date", "Event", "Level", "Category", "Owner", "Note"]
  /// Row 1's note spans two lines, so the records after it start one line further down.
  static let records: [[String]] = [
    [
      "T-1", "2026-03-02 09:15:00", "ouvert", "1", "Défis opérationnels", "Léa Moreau",
      "Client rappelé\nrelance vendredi",
    ],
    [
      "T-1", "2026-03-03 10:00:00", "remonté", "2", "Défis opérationnels", "Julie Fontaine",
      "Validation requise, budget > 5 k€",
    ],
    [
      "T-2", "2026-03-04 11:30:00", "ouvert", "1", "Problèmes de performances", "Hugo Petit",
      "L’équipe relance",
    ],
    [
      "T-3", "2026-03-05 08:00:00", "ouvert", "1", "Résiliation d’abonnements", "Chloé Lefèvre",
      "",
    ],
    ["T-2", "2026-03-06 16:45:00", "résolu", "", "Problèmes de performances", "Hugo Petit", ""],
  ]

  /// The events, worked out by hand: ISO times without offset are UTC; the lines are those of
  /// the UTF-8 file (header 1, the two-line note on 2–3).
  static let expectedRows = [
    "T-1 2026-03-02T09:15:00Z open 1 operational-challenges 2",
    "T-1 2026-03-03T10:00:00Z escalate 2 operational-challenges 4",
    "T-2 2026-03-04T11:30:00Z open 1 performance-issues 5",
    "T-3 2026-03-05T08:00:00Z open 1 subscription-cancellations 6",
    "T-2 2026-03-06T16:45:00Z resolve - performance-issues 7",
  ]
  static let expectedOwners = [
    "Léa Moreau", "Julie Fontaine", "Hugo Petit", "Chloé Lefèvre", "Hugo Petit",
  ]
  static let expectedNotes = [
    "Client rappelé\nrelance vendredi", "Validation requise, budget > 5 k€", "L’équipe relance",
    "", "",
  ]

  /// The log as text with `delimiter` and `lineEnd` (also inside the quoted note).
  static func text(
    header: [String] = header, delimiter: UInt8, lineEnd: String = "\n", sepLine: Bool = false
  ) -> String {
    var out = sepLine ? "sep=\(Character(UnicodeScalar(delimiter)))\n" : ""
    for r in [header] + records {
      out += r.map { String(decoding: CSVField.encode($0, delimiter: delimiter), as: UTF8.self) }
        .joined(separator: String(Character(UnicodeScalar(delimiter))))
      out += "\n"
    }
    return lineEnd == "\n" ? out : out.replacingOccurrences(of: "\n", with: lineEnd)
  }

  /// UTF-16 little endian with its BOM (Excel's "Unicode text").
  static func utf16LE(_ s: String) -> [UInt8] {
    [0xFF, 0xFE] + s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  /// Windows-1252, for the few non-ASCII characters of this log.
  static func windows1252(_ s: String) -> [UInt8] {
    let table: [Character: UInt8] = ["é": 0xE9, "è": 0xE8, "É": 0xC9, "’": 0x92, "€": 0x80]
    return s.unicodeScalars.map { u in
      u.isASCII ? UInt8(u.value) : table[Character(u)] ?? 0x3F
    }
  }

  static func load(_ bytes: [UInt8], _ options: LogImportOptions = LogImportOptions()) throws
    -> EventLog
  {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "enc-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try LogImporter.load(path: url.path, options: options)
  }

  /// Checks one version against the expected events, lines shifted by `shift`.
  static func check(_ log: EventLog, shift: Int = 0, _ comment: Comment) {
    let rows = expectedRows.map { r -> String in
      var parts = r.split(separator: " ").map(String.init)
      parts[parts.count - 1] = String(Int(parts[parts.count - 1])! + shift)
      return parts.joined(separator: " ")
    }
    #expect(LogTest.rows(log) == rows, comment)
    #expect(log.events.map { $0.owner > 0 ? log.owners[Int($0.owner) - 1] : "" } == expectedOwners)
    // The quoted note keeps the file's line break (CRLF, CR): compared as a line break.
    let notes = log.events.map {
      $0.note > 0
        ? log.notes[Int($0.note) - 1].replacingOccurrences(of: "\r\n", with: "\n")
          .replacingOccurrences(of: "\r", with: "\n") : ""
    }
    #expect(notes == expectedNotes, comment)
    #expect(log.accounting == RecordAccounting(read: 5, used: 5), comment)
    #expect(log.findings.allSatisfy { $0.severity == .note }, comment)
  }

  @Test func utf8CommaIsTheReference() throws {
    let log = try Self.load(Array(Self.text(delimiter: 0x2C).utf8))
    Self.check(log, "UTF-8")
    #expect(log.ticketIDs == ["T-1", "T-2", "T-3"])
  }

  @Test func utf16LittleEndianWithTabs() throws {
    let bytes = Self.utf16LE(Self.text(delimiter: 0x09, lineEnd: "\r\n"))
    #expect(bytes.prefix(4) == [0xFF, 0xFE, 0x54, 0x00])  // BOM, then "T" as UTF-16 LE
    Self.check(try Self.load(bytes), "UTF-16 LE, tabs")
  }

  @Test func windows1252WithSemicolons() throws {
    let bytes = Self.windows1252(Self.text(delimiter: 0x3B, lineEnd: "\r\n"))
    // The accented letters and the apostrophe are single bytes (not valid UTF-8).
    #expect(bytes.contains(0xE9) && bytes.contains(0x92) && bytes.contains(0x80))
    #expect(!bytes.contains(0x3F))
    Self.check(try Self.load(bytes), "Windows-1252")
  }

  @Test func sepLineShiftsEveryLineByOne() throws {
    let utf8 = try Self.load(Array(Self.text(delimiter: 0x3B, sepLine: true).utf8))
    Self.check(utf8, shift: 1, "sep=; UTF-8")
    // Excel's usual export: Windows-1252, sep=; and CRLF.
    let excel = try Self.load(
      Self.windows1252(Self.text(delimiter: 0x3B, lineEnd: "\r\n", sepLine: true)))
    Self.check(excel, shift: 1, "sep=; Windows-1252")
    // The header is line 2: the layout note says so.
    #expect(utf8.findings.first { $0.code == LogCode.layoutRead }?.line == 2)
  }

  @Test func carriageReturnOnlyLineEnds() throws {
    let bytes = Array(Self.text(delimiter: 0x2C, lineEnd: "\r").utf8)
    #expect(!bytes.contains(0x0A))
    Self.check(try Self.load(bytes), "CR only")
  }

  @Test func delimiterOverrideWhereDetectionGuessesWrong() throws {
    // The note header holds six commas and the line six semicolons: detection keeps the comma
    // (the first candidate on a tie) and finds no ticket column; --delimiter ";" reads it.
    let note = "Note (who, what, when, where, why, how, etc.)"
    let bytes = Array(
      Self.text(header: Array(Self.header.dropLast()) + [note], delimiter: 0x3B).utf8)
    do {
      _ = try Self.load(bytes)
      Issue.record("the comma guess should find no ticket column")
    } catch let e as LogImportError {
      guard case .missingField(_, let fields, _, _) = e else {
        Issue.record("unexpected \(e)")
        return
      }
      #expect(fields == [.ticket])
    }
    let log = try Self.load(
      bytes, LogImportOptions(headerMap: ["note": note], delimiter: 0x3B))
    Self.check(log, "--delimiter ;")
  }
}
