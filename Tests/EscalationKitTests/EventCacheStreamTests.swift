import Foundation
import Testing

@testable import EscalationKit

/// The cache file written part by part (docs/cache.md): the same bytes as the whole file made
/// in memory, whatever the part size; the capacity still holds; a write that fails or is given
/// up leaves nothing behind. And the cold path's reordering for the figures done in place.
@Suite struct EventCacheStreamTests {
  /// The service-desk sample (owners, notes with accents and quotes, repeated states) with a
  /// sheet and messy.csv's findings (all three severities): every part of the payload is there.
  static func fullLog() throws -> EventLog {
    let sample = CLISamples.root.appendingPathComponent("Samples/service-desk-2026-fr.csv").path
    var log = try LogImporter.load(path: sample, options: .init())
    log.sheet = "Escalades 2026"
    log.findings += try EventCacheCodecTests.messyLog().findings
    return log
  }

  static func scratch() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "event-cache-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
  }

  @Test func theStreamedFileIsTheEncodedBytes() throws {
    let log = try Self.fullLog()
    #expect(!log.notes.isEmpty && !log.owners.isEmpty && !log.findings.isEmpty)
    let order = EventCacheCodec.ticketPermutation(log)
    // Made whole in memory: one part, the checksum taken at once at the end.
    let whole = try #require(EventCacheCodec.encode(log, key: "k"))
    // Its header read on its own: the payload's length and checksum taken over all of it.
    func field(_ at: Int) -> UInt64 {
      whole.withUnsafeBytes {
        UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self))
      }
    }
    #expect(field(16) == UInt64(whole.count - 48))
    #expect(field(24) == whole.withUnsafeBytes { CacheChecksum.hash(.init(rebasing: $0[48...])) })
    // Several parts (32 and 64 bytes: every string and record crosses a part; 100: parts
    // not a multiple of 32 asked for; 4096; the default) through the cache's own store.
    for partSize in [32, 64, 100, 4096, 1 << 20] {
      let dir = try Self.scratch()
      defer { try? FileManager.default.removeItem(atPath: dir) }
      var cache = EventCache(directory: dir + "/cache")
      cache.writePartSize = partSize
      cache.store(log, key: "k", order: order)
      let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache")
      #expect(names == [EventCacheKey.fileName("k")], "part size \(partSize)")
      let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/cache/" + names[0])))
      #expect(file == whole, "part size \(partSize)")
    }
    let back = try #require(whole.withUnsafeBytes { EventCacheCodec.decode($0, key: "k") })
    EventCacheCodecTests.expectSame(back, log)
  }

  /// What ``EventCacheCodec/write(_:key:order:partSize:to:)`` hands on: the payload from
  /// offset 48 in order, in parts of whole 32-byte blocks but the last, none much over the part
  /// size (the file is never held whole), then the header at 0.
  @Test func thePartsAreBoundedAndInOrder() throws {
    let log = try Self.fullLog()
    let whole = try #require(EventCacheCodec.encode(log, key: "k"))
    var parts: [(offset: Int, bytes: [UInt8])] = []
    let made = EventCacheCodec.write(
      log, key: "k", order: EventCacheCodec.ticketPermutation(log), partSize: 4096
    ) { part, offset in
      parts.append((offset, Array(part)))
      return true
    }
    #expect(made)
    // The sample's file is some 40 KB: several parts.
    #expect(parts.count > 5)
    #expect(parts.last?.offset == 0 && parts.last?.bytes.count == 48)
    var next = 48
    for (k, p) in parts.dropLast().enumerated() {
      #expect(p.offset == next)
      if k < parts.count - 2 { #expect(p.bytes.count % 32 == 0) }
      // A part is handed on once 4096 bytes wait: at most one string or one batch of
      // records (4096 bytes) past that.
      #expect(p.bytes.count < 2 * 4096 + 64)
      next += p.bytes.count
    }
    #expect(next == whole.count)
    var rebuilt = [UInt8](repeating: 0, count: whole.count)
    for p in parts { rebuilt.replaceSubrange(p.offset..<p.offset + p.bytes.count, with: p.bytes) }
    #expect(rebuilt == whole)
    // An output that refuses is not called again, and nothing is made.
    var calls = 0
    let refused = EventCacheCodec.write(
      log, key: "k", order: EventCacheCodec.ticketPermutation(log), partSize: 64
    ) { _, _ in
      calls += 1
      return false
    }
    #expect(!refused && calls == 1)
  }

  /// An entry of exactly the capacity is stored; one byte less of capacity and nothing is
  /// (given up part way with small parts), and no temporary file is left.
  @Test func theCapacityStillHolds() throws {
    let log = try Self.fullLog()
    let size = Int64(try #require(EventCacheCodec.encode(log, key: "k")).count)
    let order = EventCacheCodec.ticketPermutation(log)
    for (capacity, stored) in [(size, true), (size - 1, false), (size / 2, false)] {
      let dir = try Self.scratch()
      defer { try? FileManager.default.removeItem(atPath: dir) }
      let notes = NoteBox()
      var cache = EventCache(directory: dir, capacity: capacity)
      cache.writePartSize = 64
      cache.note = { notes.add($0) }
      cache.store(log, key: "k", order: order)
      let names = try FileManager.default.contentsOfDirectory(atPath: dir)
      #expect(names == (stored ? [EventCacheKey.fileName("k")] : []), "capacity \(capacity)")
      // Too large is not a failure to tell.
      #expect(notes.all.isEmpty)
    }
  }

  /// A write that fails (`pwrite(2)` at a negative offset: EINVAL) gives the reason and leaves
  /// no file; a writer that gives up leaves none either.
  @Test func aFailedOrAbandonedWriteLeavesNothing() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let bytes: [UInt8] = Array("0123456789".utf8)
    let failed = CacheFile.writeAtomically(directory: dir, name: "a.evc") { write in
      let first = bytes.withUnsafeBytes { write($0, 0) }
      let second = bytes.withUnsafeBytes { write($0, -100) }
      // Once a write failed, the next is refused without being tried.
      let third = bytes.withUnsafeBytes { write($0, 10) }
      #expect(first && !second && !third)
      return true
    }
    guard case .failed(let reason) = failed else {
      Issue.record("a failed write is a failure, not \(failed)")
      return
    }
    #expect(reason == String(cString: strerror(EINVAL)))
    let abandoned = CacheFile.writeAtomically(directory: dir, name: "b.evc") { write in
      _ = bytes.withUnsafeBytes { write($0, 0) }
      return false
    }
    guard case .abandoned = abandoned else {
      Issue.record("given up is not \(abandoned)")
      return
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    let written = CacheFile.writeAtomically(directory: dir, name: "c.evc") { write in
      // The end first, then the start (as the header is written last, at offset 0).
      bytes.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[5...]), 5) }
        && bytes.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[..<5]), 0) }
    }
    guard case .written = written else {
      Issue.record("a complete file is written, not \(written)")
      return
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["c.evc"])
    #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/c.evc"))) == bytes)
  }
}

/// ``EventCacheCodec/sortForFigures(_:order:)``: the events put in ticket order where they are.
@Suite struct SortForFiguresTests {
  /// What the cold path did before it sorted in place: a sorted copy. Kept here only as the
  /// reference.
  static func copySorted(_ log: EventLog, order: [UInt32]) -> (events: [Event], offsets: [Int]) {
    var ticketCount = log.ticketIDs.count
    for e in log.events where Int(e.ticket) >= ticketCount { ticketCount = Int(e.ticket) + 1 }
    let events = order.map {
      var e = log.events[Int($0)]
      e.note = 0
      return e
    }
    var offsets = [Int](repeating: 0, count: ticketCount + 1)
    for e in events { offsets[Int(e.ticket) + 1] += 1 }
    for t in 0..<ticketCount { offsets[t + 1] += offsets[t] }
    return (events, offsets)
  }

  /// Six events worked by hand. Tickets A, B, C (0, 1, 2); (input position: ticket, time):
  /// 0: B 100, 1: A 50, 2: B 90, 3: C 10, 4: A 50, 5: B 90. In ticket order, time within a
  /// ticket, input order breaking ties: A → 1, 4 (same time); B → 2, 5 (same time), 0; C → 3.
  /// So the permutation is [1, 4, 2, 5, 0, 3]: the cycle 0 ← 1 ← 4 ← 0, 2 in place, and the
  /// cycle 3 ← 5 ← 3 (an event displaced once, then again; one already in its slot; a swap
  /// that places two at once). Offsets: A 0..<2, B 2..<5, C 5..<6. Each event's line is its input
  /// position + 1, so the lines in ticket order are 2, 5, 3, 6, 1, 4.
  @Test func aSmallLogWorkedByHand() {
    let spec: [(ticket: UInt32, time: Int64)] = [
      (1, 100), (0, 50), (1, 90), (2, 10), (0, 50), (1, 90),
    ]
    var log = EventLog(
      source: "hand.csv",
      events: spec.enumerated().map { i, s in
        Event(
          ticket: s.ticket, time: s.time, kind: .update, level: Level(rawValue: 1), category: nil,
          owner: UInt32(i % 2), note: UInt32(i + 1), line: UInt32(i + 1))
      },
      ticketIDs: ["A", "B", "C"], owners: ["Ann"], notes: ["n1", "n2", "n3", "n4", "n5", "n6"])
    let order = EventCacheCodec.ticketPermutation(log)
    #expect(order == [1, 4, 2, 5, 0, 3])
    EventCacheCodec.sortForFigures(&log, order: order)
    #expect(log.events.map(\.line) == [2, 5, 3, 6, 1, 4])
    #expect(log.events.map(\.ticket) == [0, 0, 1, 1, 1, 2])
    #expect(log.events.map(\.time) == [50, 50, 90, 90, 100, 10])
    // Owners kept (input position % 2), notes dropped.
    #expect(log.events.map(\.owner) == [1, 0, 0, 1, 0, 1])
    #expect(log.events.allSatisfy { $0.note == 0 } && log.notes.isEmpty)
    #expect(log.ticketOffsets == [0, 2, 5, 6])
  }

  /// The cold path of `metrics` and `report` sorts the events first, keeping their notes, and
  /// writes the entry from them in sequence: byte for byte the entry written by gathering
  /// the unsorted events through the permutation; then the notes go as without them.
  @Test func theEntryWrittenFromSortedEventsIsTheSame() throws {
    var withNotes = 0
    for var log in [try EventCacheStreamTests.fullLog(), try EventCacheCodecTests.messyLog()] {
      log.ticketIndex = nil
      let order = EventCacheCodec.ticketPermutation(log)
      func entry(_ log: EventLog, sorted: Bool) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: EventCacheCodec.headerSize)
        let made = EventCacheCodec.write(
          log, key: "k", order: order, sorted: sorted, partSize: 4096
        ) { part, offset in
          if offset == bytes.count {
            bytes += part
          } else {
            for (i, b) in part.enumerated() { bytes[offset + i] = b }
          }
          return true
        }
        return made ? bytes : nil
      }
      let gathered = try #require(entry(log, sorted: false))
      var sorted = log
      EventCacheCodec.sortForFigures(&sorted, order: order, keepNotes: true)
      let hasNotes = log.events.contains { $0.note != 0 }
      withNotes += hasNotes ? 1 : 0
      #expect(sorted.notes.count == log.notes.count)
      #expect(sorted.events.contains { $0.note != 0 } == hasNotes)
      #expect(entry(sorted, sorted: true) == gathered)
      // Each way refuses the other's log.
      #expect(entry(sorted, sorted: false) == nil && entry(log, sorted: true) == nil)
      EventCacheCodec.dropNotes(&sorted)
      var plain = log
      EventCacheCodec.sortForFigures(&plain, order: order)
      #expect(sorted.events == plain.events && sorted.notes.isEmpty)
      #expect(sorted.ticketOffsets == plain.ticketOffsets)
    }
    #expect(withNotes > 0, "a log with notes, kept through the sort")
  }

  /// The cold path stores (and sorts by) the import's own ticket order when it has one
  /// (``EventLog/ticketIndex``): it must be the codec's ``EventCacheCodec/ticketPermutation(_:)``,
  /// or the entry's records would be out of order (refused on every read). messy.csv has
  /// duplicates (the order is then taken without them), the sample has none.
  @Test func theImportsTicketOrderIsTheCodecs() throws {
    let sample = CLISamples.root.appendingPathComponent("Samples/service-desk-2026-fr.csv").path
    var checked = 0
    for log in [
      try EventCacheCodecTests.messyLog(), try LogImporter.load(path: sample, options: .init()),
    ] {
      guard let index = log.ticketIndex else { continue }
      var sortedHere = log
      sortedHere.ticketIndex = nil  // the codec sorts afresh
      #expect(index == EventCacheCodec.ticketPermutation(sortedHere))
      checked += 1
    }
    #expect(checked > 0, "some import handed its order on")
    // Sorted for the figures, the log has no input positions left to index.
    var log = try EventCacheCodecTests.messyLog()
    EventCacheCodec.sortForFigures(&log, order: EventCacheCodec.ticketPermutation(log))
    #expect(log.ticketIndex == nil)
  }

  /// On real logs and on random ones (tickets out of the table's range too): the same events
  /// and offsets as the sorted copy, in the same memory when the log holds its events alone.
  @Test func sameAsTheSortedCopyAndInPlace() throws {
    var logs = [try EventCacheStreamTests.fullLog(), try EventCacheCodecTests.messyLog()]
    var seed: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    for n in [0, 1, 2, 7, 500, 5000] {
      let tickets = max(1, n / 3)
      let events = (0..<n).map { i in
        Event(
          ticket: UInt32(next(tickets + 2)), time: Int64(next(40)), kind: .update, level: nil,
          category: nil, note: UInt32(next(3)), line: UInt32(i + 1))
      }
      logs.append(
        EventLog(source: "random", events: events, ticketIDs: (0..<tickets).map { "T\($0)" }))
    }
    // Taken out of the array, so that each log holds its events alone (as the cold path's).
    while var log = logs.popLast() {
      let order = EventCacheCodec.ticketPermutation(log)
      let expected = Self.copySorted(log, order: order)
      let before = log.events.withUnsafeBufferPointer { $0.baseAddress }
      EventCacheCodec.sortForFigures(&log, order: order)
      #expect(log.events == expected.events && log.ticketOffsets == expected.offsets)
      #expect(log.events.map(\.repeatsState) == expected.events.map(\.repeatsState))
      #expect(log.notes.isEmpty)
      if !log.events.isEmpty {
        #expect(log.events.withUnsafeBufferPointer { $0.baseAddress } == before, "in place")
      }
    }
  }
}

/// The head of an entry (key, source, sheet, accounting, tables) reads the same in both ways of
/// reading for the figures: whole, and part by part (``FiguresDecode``, which has only the bytes
/// before the records when it reads the head).
@Suite struct EventCacheHeadTests {
  /// One ticket, one event, and 299 duplicates of it (as a log that repeats one row 300 times
  /// imports): the accounting's 300 and 299 are more than the 128 bytes before the records (key
  /// "k", source "dup.csv", no sheet, four numbers, one 3-byte ticket id, two empty tables,
  /// the event count: 9 + 15 + 9 + 32 + 15 + 8 + 8 + 8 = 104, then zeros up to 128) and than
  /// the whole payload (168). They were read as counts of the bytes left, which made such an
  /// intact entry a miss on every run, and let the two reads disagree when the whole payload
  /// was large enough (found by `Scripts/fuzz.sh 20 cache`).
  @Test func accountingLargerThanTheTablesReadsBothWays() throws {
    let log = EventLog(
      source: "dup.csv",
      events: [
        Event(ticket: 0, time: 1_000, kind: .open, level: Level(rawValue: 1), category: nil)
      ],
      ticketIDs: ["T-1"], accounting: RecordAccounting(read: 300, used: 1, duplicates: 299))
    let bytes = try #require(EventCacheCodec.encode(log, key: "k"))
    let recordsAt = bytes.withUnsafeBytes { EventCacheCodec.recordsOffset($0) }
    #expect(recordsAt == 128)
    let whole = try #require(
      bytes.withUnsafeBytes { EventCacheCodec.decode($0, key: "k", figuresOnly: true) })
    let parts = try #require(EventCacheCodecTests.figuresDecode(bytes))
    #expect(whole.accounting == log.accounting && parts.accounting == log.accounting)
    #expect(whole.events == parts.events && whole.ticketOffsets == parts.ticketOffsets)
    // A number past Int.max is refused in both.
    var huge = bytes
    // The accounting's first number follows the key (8 + 1), the source (8 + 7) and the sheet
    // (1 + 8) in the payload.
    let read = 48 + 9 + 15 + 9
    for i in 0..<8 { huge[read + i] = 0xFF }
    EventCacheCodec.seal(&huge, key: "k")
    #expect(huge.withUnsafeBytes { EventCacheCodec.decode($0, key: "k") } == nil)
    #expect(EventCacheCodecTests.figuresDecode(huge) == nil)
  }
}
