import CSVImport
import Testing

@testable import EscalationKit

/// `sample --shape export`: the same process as the plain sample, written like a tracker export.
@Suite struct SampleExportShapeTests {
  private func records(_ bytes: [UInt8]) throws -> [[String]] {
    var out: [[String]] = []
    try CSVReader(bytes: bytes, name: "export.csv").forEachRecord { out.append($0.strings) }
    return out
  }

  @Test func exportShapeReadsBackAsTheSameProcessWithZTimestampsAndNotes() throws {
    let plain = try SampleGenerator(options: SampleOptions(tickets: 2000, seed: 8))
    let g = try SampleGenerator(options: SampleOptions(tickets: 2000, seed: 8, shape: .export))
    let truth = g.events()
    // Same tickets, times, kinds, levels, categories and owners as the plain sample.
    let strip = { (e: SampleEvent) -> SampleEvent in
      var c = e
      c.note = ""
      return c
    }
    #expect(truth.map(strip) == plain.events().map(strip))
    let rows = try records(g.csv().bytes)
    #expect(rows.count == truth.count + 1)
    var notes = 0
    var quoted = 0
    var doubled = 0
    var breaks = 0
    for (r, e) in zip(rows.dropFirst(), truth) {
      // e.g. 2026-10-03T14:05:00Z: the UTC instant itself.
      #expect(r[1] == CivilDate.iso8601UTC(e.time))
      let note = r.count > 6 ? r[6] : ""
      #expect(note == e.note)
      guard !note.isEmpty else { continue }
      notes += 1
      if note.contains(",") || note.contains("\"") || note.contains("\n") || note.contains("\r") {
        quoted += 1
      }
      if note.contains("\"") { doubled += 1 }
      if note.contains("\n") { breaks += 1 }
    }
    // Shares drawn by hash: 72 % of rows have a note, 21 % of the notes are quoted; with about
    // 5,000 events the shares are within a few points.
    let share = Double(notes) / Double(truth.count)
    let quotedShare = Double(quoted) / Double(notes)
    #expect(share > 0.69 && share < 0.75, "\(share)")
    #expect(quotedShare > 0.18 && quotedShare < 0.24, "\(quotedShare)")
    #expect(doubled > 0 && breaks > 0)
  }

  @Test func exportShapeIsForEnglishEventsInUTC() {
    for o in [
      SampleOptions(layout: .tickets, shape: .export), SampleOptions(language: .fr, shape: .export),
      SampleOptions(messy: true, shape: .export),
      SampleOptions(timeZone: "Europe/Paris", shape: .export),
    ] {
      #expect(throws: SampleError.self) { try o.validate() }
    }
    #expect(throws: Never.self) { try SampleOptions(shape: .export).validate() }
  }
}
