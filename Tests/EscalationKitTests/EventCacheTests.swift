import Foundation
import Testing

@testable import EscalationKit

/// The event cache's on-disk form and its checks (docs/cache.md): a round trip gives the log
/// back field for field; any truncation or changed byte is a miss, never a trap; a payload
/// whose checksums were made to match but whose values are out of range is a miss too.
@Suite struct EventCacheCodecTests {
  /// messy.csv: duplicates, rejected records and warnings, so findings of every severity.
  static func messyLog() throws -> EventLog {
    try LogImporter.load(path: LogTest.fixture("messy.csv"), options: LogImportOptions())
  }

  /// ``FiguresDecode`` over `bytes` (as the cache reads a file for the figures).
  static func figuresDecode(_ bytes: [UInt8], key: String = "k") -> EventLog? {
    FiguresDecode.decode(size: bytes.count, key: key) { buffer, offset in
      guard offset >= 0, offset + buffer.count <= bytes.count else { return false }
      bytes.withUnsafeBytes {
        buffer.copyMemory(
          from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + buffer.count]))
      }
      return true
    }
  }

  static func expectSame(_ a: EventLog, _ b: EventLog) {
    #expect(a.source == b.source)
    #expect(a.sheet == b.sheet)
    #expect(a.events == b.events)
    #expect(a.events.map(\.repeatsState) == b.events.map(\.repeatsState))
    #expect(a.ticketIDs == b.ticketIDs)
    #expect(a.owners == b.owners)
    #expect(a.notes == b.notes)
    #expect(a.accounting == b.accounting)
    #expect(a.findings == b.findings)
  }

  @Test func roundTripKeepsEveryField() throws {
    // The service-desk sample has owners, notes (accents, quotes) and repeated states; messy.csv
    // has findings of all three severities.
    let sample = CLISamples.root.appendingPathComponent("Samples/service-desk-2026-fr.csv").path
    for log in [try Self.messyLog(), try LogImporter.load(path: sample, options: .init())] {
      let bytes = try #require(EventCacheCodec.encode(log, key: "k"))
      let back = try #require(bytes.withUnsafeBytes { EventCacheCodec.decode($0, key: "k") })
      Self.expectSame(log, back)
      #expect(!log.findings.isEmpty)
      // Another key is a miss.
      #expect(bytes.withUnsafeBytes { EventCacheCodec.decode($0, key: "other") } == nil)
    }
  }

  @Test func everyTruncationAndEveryChangedByteIsAMiss() throws {
    let bytes = try #require(EventCacheCodec.encode(try Self.messyLog(), key: "k"))
    for n in 0..<bytes.count {
      let cut = Array(bytes[..<n])
      let read = cut.withUnsafeBytes { EventCacheCodec.decode($0, key: "k") } != nil
      #expect(!read && Self.figuresDecode(cut) == nil, "cut at \(n)")
    }
    for i in bytes.indices {
      for flip: UInt8 in [0x01, 0x80, 0xFF] {
        var damaged = bytes
        damaged[i] ^= flip
        let read = damaged.withUnsafeBytes { EventCacheCodec.decode($0, key: "k") } != nil
        #expect(!read && Self.figuresDecode(damaged) == nil, "byte \(i) ^ \(flip)")
      }
    }
    // A byte more is a miss too (the length is in the header).
    #expect((bytes + [0]).withUnsafeBytes { EventCacheCodec.decode($0, key: "k") } == nil)
  }

  /// Values out of range behind matching checksums (a bug or a forged file): each is refused by
  /// the checks after the checksum.
  @Test func outOfRangeValuesAreRefusedEvenWithMatchingChecksums() throws {
    let log = try Self.messyLog()
    let bytes = try #require(EventCacheCodec.encode(log, key: "k"))
    // The events (32-byte records) are right before the findings section (the count, then
    // each finding).
    var findings = CacheWriter()
    findings.u64(UInt64(log.findings.count))
    for f in log.findings { findings.finding(f) }
    let firstRecord = bytes.count - findings.bytes.count - log.events.count * 32
    let cases: [(offset: Int, value: UInt8, what: String)] = [
      (24, 7, "event kind 7"), (25, 5, "level 5"), (26, 9, "category 9"), (27, 2, "repeats 2"),
      (11, 0xFF, "ticket index past the table"), (15, 0xFF, "owner index past the table"),
      (19, 0xFF, "note index past the table"),
    ]
    for c in cases {
      var forged = bytes
      forged[firstRecord + c.offset] = c.value
      EventCacheCodec.seal(&forged, key: "k")
      let read = forged.withUnsafeBytes { EventCacheCodec.decode($0, key: "k") } != nil
      #expect(!read, "\(c.what)")
    }
    // The same record left alone, sealed again: still a hit (the test changes only what it says).
    var resealed = bytes
    EventCacheCodec.seal(&resealed, key: "k")
    #expect(resealed == bytes)
    // A string length past the end, sealed: a miss.
    var long = bytes
    long[48] = 0xFF
    long[55] = 0x7F
    EventCacheCodec.seal(&long, key: "k")
    #expect(long.withUnsafeBytes { EventCacheCodec.decode($0, key: "k") } == nil)
  }

  /// The events are stored in ticket order with their input positions: read back in input
  /// order they are the log's; read for the figures they are exactly ``TicketOrder``'s, with
  /// its offsets (``TicketOrder`` then copies nothing), and the notes are left out.
  @Test func ticketOrderIsStoredAndReadBack() throws {
    let sample = CLISamples.root.appendingPathComponent("Samples/service-desk-2026-fr.csv").path
    var sawNotes = false
    for log in [try Self.messyLog(), try LogImporter.load(path: sample, options: .init())] {
      let order = TicketOrder(log)
      // Out of input order somewhere, or the test would not tell the two orders apart.
      #expect(order.events != log.events)
      let perm = EventCacheCodec.ticketPermutation(log)
      #expect(perm.map { log.events[Int($0)] } == order.events)
      let bytes = try #require(EventCacheCodec.encode(log, key: "k"))
      let sorted = try #require(
        bytes.withUnsafeBytes { EventCacheCodec.decode($0, key: "k", figuresOnly: true) })
      let noNotes = order.events.map {
        var e = $0
        e.note = 0
        return e
      }
      if log.events.contains(where: { $0.note != 0 }) { sawNotes = true }
      #expect(sorted.events == noNotes && sorted.notes.isEmpty)
      #expect(sorted.ticketOffsets == order.offsets)
      // Read part by part (as `metrics` does): the same.
      let parts = try #require(Self.figuresDecode(bytes))
      #expect(parts.events == sorted.events && parts.ticketOffsets == sorted.ticketOffsets)
      #expect(parts.notes.isEmpty && parts.findings == log.findings)
      #expect(parts.ticketIDs == log.ticketIDs && parts.owners == log.owners)
      #expect(parts.accounting == log.accounting && parts.source == log.source)
      let again = TicketOrder(sorted)
      #expect(again.events == noNotes && again.offsets == order.offsets)
      #expect(again.timeRange?.first == order.timeRange?.first)
      #expect(again.timeRange?.last == order.timeRange?.last)
      // The cold path's reordering gives the same log.
      let reordered = EventCacheCodec.forFigures(log, order: perm)
      #expect(reordered.events == sorted.events && reordered.ticketOffsets == sorted.ticketOffsets)
      // A log in ticket order has lost its input order: it is not stored.
      #expect(EventCacheCodec.encode(sorted, key: "k") == nil)
    }
    #expect(sawNotes, "the notes left out were there")
  }

  /// Positions that are not a permutation, or records out of ticket order, behind matching
  /// checksums: a miss in both read modes.
  @Test func disorderedEventsAreRefusedEvenWithMatchingChecksums() throws {
    let log = try Self.messyLog()
    let bytes = try #require(EventCacheCodec.encode(log, key: "k"))
    var findings = CacheWriter()
    findings.u64(UInt64(log.findings.count))
    for f in log.findings { findings.finding(f) }
    let n = log.events.count
    let records = bytes.count - findings.bytes.count - n * 32
    func refused(_ forged: [UInt8]) -> Bool {
      var sealed = forged
      EventCacheCodec.seal(&sealed, key: "k")
      let both = [false, true].allSatisfy { mode in
        sealed.withUnsafeBytes { EventCacheCodec.decode($0, key: "k", figuresOnly: mode) } == nil
      }
      return both && Self.figuresDecode(sealed) == nil
    }
    // Each record's input position is its last 4 bytes.
    func position(_ k: Int) -> Int { records + 32 * k + 28 }
    // The second event's position made the first's: not a permutation.
    var twice = bytes
    for i in 0..<4 { twice[position(1) + i] = bytes[position(0) + i] }
    #expect(refused(twice))
    // A position past the events.
    var past = bytes
    for i in 0..<4 { past[position(0) + i] = 0xFF }
    #expect(refused(past))
    // The first two records swapped (with their positions): out of ticket order.
    var swapped = bytes
    swapped.replaceSubrange(records..<records + 32, with: bytes[records + 32..<records + 64])
    swapped.replaceSubrange(records + 32..<records + 64, with: bytes[records..<records + 32])
    #expect(refused(swapped))
    // The records' offset in the header moved: refused.
    var moved = bytes
    EventCacheCodec.seal(&moved, key: "k", recordsAt: records - 48 + 32)
    #expect(refused(moved))
    // The untouched bytes, sealed again: read (the cases above change only what they say).
    #expect(!refused(bytes))
  }

  @Test func checksumSeesEverySingleByteChange() {
    // 1,000 bytes: every byte changed alone changes the checksum (the lanes are bijective).
    let base = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let h = base.withUnsafeBytes(CacheChecksum.hash)
    for i in base.indices {
      var b = base
      b[i] ^= 0x10
      #expect(b.withUnsafeBytes(CacheChecksum.hash) != h)
    }
    #expect(Array(base.dropLast()).withUnsafeBytes(CacheChecksum.hash) != h)
  }

  @Test func sizesParse() {
    #expect(EventCache.parseSize("1073741824") == 1 << 30)
    #expect(EventCache.parseSize("512K") == Int64(524_288))
    #expect(EventCache.parseSize("500M") == Int64(524_288_000))
    #expect(EventCache.parseSize("2g") == 2 << 30)
    #expect(EventCache.parseSize("2GiB") == 2 << 30)
    #expect(EventCache.parseSize("0") == 0)
    #expect(EventCache.parseSize("-1") == nil)
    #expect(EventCache.parseSize("lots") == nil)
    #expect(EventCache.parseSize("99999999999T") == nil)
  }

  @Test func directoryFromTheEnvironment() {
    #expect(
      EventCache.directory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/escalation")
    // A relative XDG_CACHE_HOME is ignored (XDG Base Directory specification).
    #expect(
      EventCache.directory(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"])
        == "/h/.cache/escalation")
    #expect(EventCache.directory(environment: [:]) == nil)
    #expect(EventCache.fromEnvironment(["HOME": "/h", "ESCALATION_NO_CACHE": "1"]) == nil)
    #expect(EventCache.fromEnvironment(["HOME": "/h", "ESCALATION_NO_CACHE": "0"]) != nil)
    #expect(
      EventCache.fromEnvironment(["HOME": "/h", "ESCALATION_CACHE_MAX": "1M"])?.capacity == 1 << 20)
  }
}

/// A guard for whoever adds an import option: `LogImportOptions.cacheFingerprint` must key
/// every option that can change the events (docs/cache.md), or a cached log would be served
/// for the old behaviour. The list below is the options the fingerprint covers (`cache` is
/// the cache itself); a new stored property fails this test until it is keyed and listed.
@Suite struct EventCacheKeyCoverageTests {
  @Test func everyImportOptionIsKeyed() {
    let names = Mirror(reflecting: LogImportOptions()).children.compactMap(\.label)
    #expect(
      Set(names) == [
        "matrix", "categoryLabels", "sheet", "layout", "headerMap", "dateOrder", "zone",
        "delimiter", "values", "profile", "absentFields", "cache", "readsNotes",
      ])
  }
}
