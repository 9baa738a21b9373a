import Foundation
import Testing

@testable import EscalationKit

@Suite struct LogWriterTests {
  /// Imports `text`, writes the events in `format` to a file, returns the file's text.
  private func written(_ text: String, _ format: NormalizedEventFormat) throws -> String {
    let log = try LogTest.load(text)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    let w = try OutputWriter(path: url.path)
    try EventLogWriter.write(log, format: format, to: w)
    try w.commit()
    return try String(contentsOf: url, encoding: .utf8)
  }

  private let log = #"""
    Ticket,Date,Event,Level,Category,Owner,Note
    "T,1",2026-10-03 14:05,open,1,Performance issues,Zoë,"said ""hi"""
    "T,1",2026-10-03T16:00:00+02:00,escalate,2,,,
    """#

  @Test func csv() throws {
    // Fields with a comma or quote are quoted; blanks stay empty; time in UTC.
    #expect(
      try written(log, .csv) == #"""
        ticket,time,event,level,category,owner,note,line
        "T,1",2026-10-03T14:05:00Z,open,1,performance-issues,Zoë,"said ""hi""",2
        "T,1",2026-10-03T14:00:00Z,escalate,2,,,,3

        """#)
  }

  @Test func jsonLines() throws {
    #expect(
      try written(log, .jsonl) == #"""
        {"ticket":"T,1","time":"2026-10-03T14:05:00Z","event":"open","level":1,"category":"performance-issues","owner":"Zoë","note":"said \"hi\"","line":2}
        {"ticket":"T,1","time":"2026-10-03T14:00:00Z","event":"escalate","level":2,"category":null,"owner":null,"note":null,"line":3}

        """#)
  }

  @Test func numbersAndTimes() {
    var b = [UInt8](repeating: 0, count: 32)
    let n = b.withUnsafeMutableBufferPointer {
      EventLogWriter.writeDecimal(1_234_567, to: $0.baseAddress!)
    }
    #expect(String(decoding: b[0..<n], as: UTF8.self) == "1234567")
    let m = b.withUnsafeMutableBufferPointer {
      EventLogWriter.writeISO8601UTC(-1, to: $0.baseAddress!)
    }
    #expect(String(decoding: b[0..<m], as: UTF8.self) == "1969-12-31T23:59:59Z")
  }
}

/// The events writer encodes its strings with ``CSVField/append(_:to:delimiter:quoteEdgeWhitespace:neutralize:)``
/// (no array per field); it must give the bytes of ``CSVField/encode(_:delimiter:quoteEdgeWhitespace:forceQuote:neutralize:)``.
@Suite struct CSVFieldAppendTests {
  private func appended(_ s: String, edge: Bool, neutralize: Bool) -> String {
    var out: [UInt8] = Array("<".utf8)
    CSVField.append(
      s, to: &out, delimiter: 0x2C, quoteEdgeWhitespace: edge, neutralize: neutralize)
    return String(decoding: out, as: UTF8.self)
  }

  @Test func byHand() {
    // Worked out from RFC 4180 and the neutralisation rule (docs/logs.md): appended after "<".
    #expect(appended("plain note", edge: false, neutralize: true) == "<plain note")
    #expect(appended("a,b", edge: false, neutralize: true) == #"<"a,b""#)
    #expect(appended(#"say "hi""#, edge: false, neutralize: true) == #"<"say ""hi""""#)
    #expect(appended("two\nlines", edge: false, neutralize: true) == "<\"two\nlines\"")
    #expect(appended("=SUM(A1)", edge: false, neutralize: true) == "<'=SUM(A1)")
    #expect(appended("=SUM(A1)", edge: false, neutralize: false) == "<=SUM(A1)")
    #expect(appended("-5", edge: false, neutralize: true) == "<-5")
    #expect(appended("-x", edge: false, neutralize: true) == "<'-x")
    #expect(appended(" pad", edge: false, neutralize: true) == "< pad")
    #expect(appended(" pad", edge: true, neutralize: true) == #"<" pad""#)
    #expect(appended("", edge: true, neutralize: true) == "<")
    #expect(appended("Zoë ✓", edge: false, neutralize: true) == "<Zoë ✓")
  }

  @Test func sameBytesAsEncode() {
    let texts = [
      "", " ", "\t", "a", "ab c", "=1+2", "+3.5", "-2,5", "-1e3", "+x", "@me", "\tlead", "\rx",
      "a\"b", "a,b", "a\r\nb", " lead", "trail ", "é,\"", "-", "+", "=", "--", "1,5", "\"",
      "'quoted'", "x\u{0}y", "日本語, ok",
      // Eight bytes and more (scanned a word at a time): a special byte in each position.
      "abcdefgh,ijk", "abcdefghijklmno\"", "12345678\r", "1234567\n8", "a long note, with a comma",
      "a long note without any special byte at all", "tab\tinside is fine", "éééé\"éééé",
    ]
    for t in texts {
      for edge in [false, true] {
        for n in [false, true] {
          var out: [UInt8] = []
          CSVField.append(t, to: &out, delimiter: 0x2C, quoteEdgeWhitespace: edge, neutralize: n)
          #expect(
            out == CSVField.encode(t, delimiter: 0x2C, quoteEdgeWhitespace: edge, neutralize: n),
            "\(t.debugDescription) edge \(edge) neutralize \(n)")
        }
      }
    }
  }
}

/// `metrics` and `report` without a cache do not read the notes (``LogImportOptions/readsNotes``):
/// everything else about the import is the same.
@Suite struct NotesNotReadTests {
  @Test func sameEventsWithoutNotes() throws {
    let text = #"""
      Ticket,Date,Event,Level,Category,Owner,Note
      T-1,2026-10-03 14:05,open,1,Performance issues,Zoë,"said ""hi"""
      T-1,2026-10-03 16:00,escalate,2,,,=cmd
      T-2,2026-10-04 09:00,open,1,,Sam,called back
      """#
    let full = try LogTest.load(text)
    var options = LogImportOptions()
    options.readsNotes = false
    let bare = try LogTest.load(text, options)
    // By hand: three events, notes 1, 2, 3 in the full import (the second is "=cmd").
    #expect(full.notes == [#"said "hi""#, "=cmd", "called back"])
    #expect(full.events.map(\.note) == [1, 2, 3])
    #expect(bare.notes.isEmpty && bare.events.allSatisfy { $0.note == 0 })
    #expect(
      bare.events.map {
        var e = $0
        e.note = 0
        return e
      }
        == full.events.map {
          var e = $0
          e.note = 0
          return e
        })
    #expect(bare.ticketIDs == full.ticketIDs && bare.owners == full.owners)
    // (Each load is a file of its own name: the findings are compared without it.)
    func seen(_ f: Finding) -> String { "\(f.code) \(f.line ?? 0):\(f.column ?? 0) \(f.message)" }
    #expect(bare.accounting == full.accounting)
    #expect(!full.findings.isEmpty && bare.findings.map(seen) == full.findings.map(seen))
    // Keyed apart: a cache entry with notes is never served for one without, or back.
    #expect(options.cacheFingerprint != LogImportOptions().cacheFingerprint)
  }
}
