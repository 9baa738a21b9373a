import Foundation
import Testing

@testable import EscalationKit

/// The event cache as `LogSet` uses it (docs/cache.md): stored on a miss, read back on a hit,
/// keyed by the file and every import option, never for a file changed in the last seconds,
/// the least recently used entries evicted over the capacity. Each test has its own directory.
@Suite struct EventCacheStoreTests {
  /// A scratch directory with a copy of messy.csv, modified an hour ago.
  struct Scratch {
    let dir: URL
    var cacheDir: String { dir.appendingPathComponent("cache").path }
    var log: String { dir.appendingPathComponent("messy.csv").path }

    init() throws {
      dir = FileManager.default.temporaryDirectory.appendingPathComponent(
        "event-cache-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: LogTest.fixture("messy.csv"), toPath: log)
      try Scratch.age(log)
    }

    static func age(_ path: String, seconds: Double = 3600) throws {
      try FileManager.default.setAttributes(
        [.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: path)
    }

    func options(capacity: Int64 = EventCache.defaultCapacity) -> LogImportOptions {
      var o = LogImportOptions()
      o.cache = EventCache(directory: cacheDir, capacity: capacity)
      return o
    }

    func entries() -> [String] { EventCache(directory: cacheDir).entries().map(\.name) }

    func remove() { try? FileManager.default.removeItem(at: dir) }
  }

  @Test func missStoresAndHitReturnsTheSameLog() throws {
    let s = try Scratch()
    defer { s.remove() }
    let fresh = try LogImporter.load(path: s.log, options: LogImportOptions())
    let cold = try LogSet.load([s.log], options: s.options()).log
    #expect(s.entries().count == 1)
    let key = EventCacheKey.key(
      path: s.log, identity: try #require(FileIdentity(path: s.log)), options: s.options())
    let stored = try #require(s.options().cache?.lookup(key: key))
    EventCacheCodecTests.expectSame(stored, fresh)
    let warm = try LogSet.load([s.log], options: s.options()).log
    EventCacheCodecTests.expectSame(cold, fresh)
    EventCacheCodecTests.expectSame(warm, fresh)
    #expect(s.entries().count == 1)
  }

  @Test func aChangedFileOrOptionIsAMiss() throws {
    let s = try Scratch()
    defer { s.remove() }
    _ = try LogSet.load([s.log], options: s.options())
    var paris = s.options()
    paris.zone = ZoneRules(identifier: "Europe/Paris")!
    _ = try LogSet.load([s.log], options: paris)
    #expect(s.entries().count == 2)
    // The file rewritten with one more record (its size and times change): a miss that reads
    // the new record.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: s.log))
    handle.seekToEndOfFile()
    handle.write(Data("M-9,2026-10-09 09:00,New,1,Performance issues,Ann,\n".utf8))
    try handle.close()
    try Scratch.age(s.log)
    let changed = try LogSet.load([s.log], options: s.options()).log
    #expect(changed.ticketIDs.contains("M-9"))
    #expect(s.entries().count == 3)
  }

  @Test func aFileModifiedJustNowIsReadButNotStored() throws {
    let s = try Scratch()
    defer { s.remove() }
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: s.log)
    let log = try LogSet.load([s.log], options: s.options()).log
    #expect(log.accounting.read > 0)
    #expect(s.entries().isEmpty)
  }

  @Test func everyImportOptionIsInTheKey() throws {
    let s = try Scratch()
    defer { s.remove() }
    let identity = try #require(FileIdentity(path: s.log))
    let base = LogImportOptions()
    var variants: [LogImportOptions] = []
    func vary(_ change: (inout LogImportOptions) -> Void) {
      var o = base
      change(&o)
      variants.append(o)
    }
    vary { $0.matrix = .canonical(.fr) }
    vary { $0.categoryLabels[.performanceIssues] = "Perf" }
    vary { $0.sheet = "2" }
    vary { $0.layout = .events }
    vary { $0.headerMap["ticket"] = "Issue" }
    vary { $0.dateOrder = .dmy }
    vary { $0.zone = ZoneRules(identifier: "America/New_York")! }
    vary { $0.delimiter = UInt8(ascii: ";") }
    vary { $0.profile = Profile(path: "p.toml", hash: "0123456789abcdef") }
    vary { $0.absentFields = [.owner] }
    vary { o in
      var p = Profile(path: "p.toml", hash: "x")
      p.nulls = ["n/a"]
      o.values = try! ValueMap(profile: p)
    }
    let keys = Set(
      ([base] + variants).map { EventCacheKey.key(path: s.log, identity: identity, options: $0) })
    #expect(keys.count == variants.count + 1)
    // The same options give the same key; another spelling of the path another one.
    #expect(
      EventCacheKey.key(path: s.log, identity: identity, options: base)
        == EventCacheKey.key(path: s.log, identity: identity, options: LogImportOptions()))
    #expect(
      EventCacheKey.key(path: s.log, identity: identity, options: base)
        != EventCacheKey.key(path: s.dir.path + "/./messy.csv", identity: identity, options: base))
  }

  @Test func leastRecentlyUsedEntriesAreEvictedOverTheCapacity() throws {
    let s = try Scratch()
    defer { s.remove() }
    let other = s.dir.appendingPathComponent("other.csv").path
    try FileManager.default.copyItem(atPath: LogTest.fixture("events-fr.csv"), toPath: other)
    try Scratch.age(other)
    _ = try LogSet.load([s.log], options: s.options())
    let first = try #require(EventCache(directory: s.cacheDir).entries().first)
    // Room for the first entry and less than the second one more: storing the second evicts
    // the first (older), and the second stays.
    let capacity = first.size + 16
    let older = Date().addingTimeInterval(-60)
    try FileManager.default.setAttributes(
      [.modificationDate: older], ofItemAtPath: s.cacheDir + "/" + first.name)
    _ = try LogSet.load([other], options: s.options(capacity: capacity))
    let left = s.entries()
    #expect(left.count == 1)
    #expect(left.first != first.name)
    // An entry larger than the whole capacity is not stored at all.
    _ = EventCache(directory: s.cacheDir).clear()
    _ = try LogSet.load([s.log], options: s.options(capacity: 100))
    #expect(s.entries().isEmpty)
  }

  @Test func aDamagedEntryIsReadAgainAndRewritten() throws {
    let s = try Scratch()
    defer { s.remove() }
    let fresh = try LogSet.load([s.log], options: s.options()).log
    let name = try #require(s.entries().first)
    let path = s.cacheDir + "/" + name
    let intact = try Data(contentsOf: URL(fileURLWithPath: path))
    for damage in ["truncate", "flip", "empty"] {
      var bytes = intact
      switch damage {
      case "truncate": bytes = bytes.prefix(bytes.count / 2)
      case "flip": bytes[bytes.count / 2] ^= 0x40
      default: bytes = Data()
      }
      try bytes.write(to: URL(fileURLWithPath: path))
      let again = try LogSet.load([s.log], options: s.options()).log
      EventCacheCodecTests.expectSame(again, fresh)
      // Rewritten whole: the same bytes as the first time.
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == intact, "\(damage)")
    }
  }

  @Test func anUnwritableDirectoryIsSkippedWithANote() throws {
    let s = try Scratch()
    defer { s.remove() }
    // The cache directory's place is taken by a file: it cannot be created.
    try Data("x".utf8).write(to: URL(fileURLWithPath: s.cacheDir))
    let notes = NoteBox()
    var o = s.options()
    o.cache?.note = { notes.add($0) }
    let log = try LogSet.load([s.log], options: o).log
    #expect(log.accounting.read > 0)
    #expect(notes.all.count == 1)
    #expect(notes.all.first?.contains("cannot be written") == true)
  }
}

/// Collects the cache's notes across the `@Sendable` boundary.
final class NoteBox: @unchecked Sendable {
  private var notes: [String] = []
  private let lock = NSLock()
  func add(_ s: String) { lock.withLock { notes.append(s) } }
  var all: [String] { lock.withLock { notes } }
}
