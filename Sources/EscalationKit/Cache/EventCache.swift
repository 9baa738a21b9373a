#if canImport(Glibc)
  import Glibc
#endif

/// The event cache (docs/cache.md): the imported form of a log file (events, string tables,
/// findings, accounting) kept in the user's cache directory, so that running `import`,
/// `metrics` or `report` again on an unchanged file skips the parse and gives the same bytes.
///
/// The cache never makes a command fail: an entry that cannot be read, or that does not check
/// (``EventCacheCodec``), is a miss and is written again; a directory that cannot be written
/// is skipped (``note`` is told once).
public struct EventCache: Sendable {
  /// Where the entries are (`$XDG_CACHE_HOME/escalation`, else `~/.cache/escalation`).
  public var directory: String
  /// The most the entries may take together, in bytes; the least recently used go first.
  public var capacity: Int64
  /// Told (one line) when the cache cannot be written; `import --verbose` prints it.
  public var note: (@Sendable (String) -> Void)?
  /// Whether the log is wanted for its figures only (`metrics`): its events in ticket order
  /// (``EventLog/ticketOffsets`` set), as the figures read them, and without its notes; the
  /// input order is then not kept.
  public var figuresOnly = false
  /// How many bytes of an entry are written at a time (the tests make it small).
  var writePartSize = 1 << 20

  /// 1 GiB.
  public static let defaultCapacity: Int64 = 1 << 30
  /// The file name suffix of an entry.
  static let suffix = ".evc"

  public init(directory: String, capacity: Int64 = EventCache.defaultCapacity) {
    self.directory = directory
    self.capacity = capacity
  }

  /// The cache the environment asks for: `nil` when `ESCALATION_NO_CACHE` is set (to anything
  /// but `0` or nothing) or when there is no cache directory (neither an absolute
  /// `XDG_CACHE_HOME` nor `HOME`). `ESCALATION_CACHE_MAX` sets the capacity (`500M`, `2G`, or
  /// bytes; an unreadable value keeps the default).
  public static func fromEnvironment(_ environment: [String: String]) -> EventCache? {
    if let off = environment["ESCALATION_NO_CACHE"], !off.isEmpty, off != "0" { return nil }
    guard let directory = directory(environment: environment) else { return nil }
    let capacity = environment["ESCALATION_CACHE_MAX"].flatMap(parseSize) ?? defaultCapacity
    return EventCache(directory: directory, capacity: capacity)
  }

  /// `$XDG_CACHE_HOME/escalation` when that is an absolute path, else `$HOME/.cache/escalation`.
  public static func directory(environment: [String: String]) -> String? {
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      return xdg + "/escalation"
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/.cache/escalation"
  }

  /// `1073741824`, `512K`, `500M`, `2G` (powers of 1024; `B` and `iB` accepted after the
  /// letter); `nil` for anything else.
  public static func parseSize(_ text: String) -> Int64? {
    var t = String(text.filter { !$0.isWhitespace }).uppercased()
    for s in ["IB", "B"] where t.hasSuffix(s) && t.count > s.count {
      t.removeLast(s.count)
      break
    }
    var shift: Int64 = 0
    if let last = t.last, let k = ["K": 10, "M": 20, "G": 30, "T": 40][String(last)] {
      shift = Int64(k)
      t.removeLast()
    }
    guard let n = Int64(t), n >= 0, n <= Int64.max >> shift else { return nil }
    return n << shift
  }

  // MARK: Entries

  /// The log stored under `key`, or `nil` (no entry, or one that does not check). A hit
  /// marks the entry as just used.
  func lookup(key: String) -> EventLog? {
    let path = directory + "/" + EventCacheKey.fileName(key)
    let limit = Int(clamping: capacity)
    let log: EventLog?
    if figuresOnly && EventRecords.matchEventLayout {
      // Part by part, the records straight into the events: never the whole file in memory.
      log = CacheFile.withFile(path: path, limit: limit) { size, read in
        FiguresDecode.decode(size: size, key: key, read: read)
      }
    } else {
      log = CacheFile.readAll(path: path, limit: limit).flatMap { bytes in
        bytes.withUnsafeBytes { EventCacheCodec.decode($0, key: key, figuresOnly: figuresOnly) }
      }
    }
    if log != nil { CacheFile.touch(path) }
    return log
  }

  /// Stores `log` under `key`, then evicts the least recently used entries over the capacity.
  /// The file is written part by part (``EventCacheCodec/write(_:key:order:partSize:to:)``),
  /// never held whole in memory; an entry that grows past the capacity is given up (nothing is
  /// stored). Failures are told to ``note`` and otherwise ignored.
  /// `sorted`: as ``EventCacheCodec/write(_:key:order:sorted:partSize:to:)`` takes it.
  func store(_ log: EventLog, key: String, order: [UInt32], sorted: Bool = false) {
    guard capacity > 0 else { return }
    let (capacity, partSize) = (self.capacity, writePartSize)
    let outcome =
      CacheFile.makeDirectory(directory).map { CacheFile.WriteOutcome.failed($0) }
      ?? CacheFile.writeAtomically(directory: directory, name: EventCacheKey.fileName(key)) {
        write in
        EventCacheCodec.write(log, key: key, order: order, sorted: sorted, partSize: partSize) {
          part, offset in
          Int64(offset + part.count) <= capacity && write(part, offset)
        }
      }
    switch outcome {
    case .written: evict()
    case .abandoned: break
    case .failed(let reason):
      note?(
        "escalation: note: the event cache \(directory) cannot be written (\(reason)); "
          + "the log was read without it")
    }
  }

  /// The entries, oldest first: file name, size, last use (nanoseconds since 1970).
  public func entries() -> [(name: String, size: Int64, used: Int64)] {
    CacheFile.list(directory).filter { $0.name.hasSuffix(EventCache.suffix) }
      .map { (name: $0.name, size: $0.size, used: $0.modified) }
      .sorted { ($0.used, $0.name) < ($1.used, $1.name) }
  }

  /// Removes the least recently used entries until the rest fit in ``capacity``, and
  /// temporary files left by a process that stopped more than an hour ago.
  func evict() {
    let files = CacheFile.list(directory)
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let hourAgo = (Int64(now.tv_sec) - 3600) * 1_000_000_000
    for f in files where f.name.hasPrefix(".tmp-") && f.modified < hourAgo {
      unlink(directory + "/" + f.name)
    }
    let entries = entries()
    var total = entries.reduce(Int64(0)) { $0 + $1.size }
    for e in entries where total > capacity {
      if unlink(directory + "/" + e.name) == 0 { total -= e.size }
    }
  }

  /// Removes every entry (and temporary file): how many files and bytes were removed.
  public func clear() -> (files: Int, bytes: Int64) {
    var removed = (files: 0, bytes: Int64(0))
    for f in CacheFile.list(directory)
    where f.name.hasSuffix(EventCache.suffix) || f.name.hasPrefix(".tmp-") {
      if unlink(directory + "/" + f.name) == 0 {
        removed.files += 1
        removed.bytes += f.size
      }
    }
    return removed
  }
}

extension EventCache {
  /// ``LogImporter/load(path:options:)`` through `options.cache`: a hit returns the stored
  /// log; a miss imports the file and stores the result when the file did not change while
  /// being read and was last modified over two seconds ago (``FileIdentity/settled(seconds:)``).
  /// Standard input and anything but a regular file are never cached. With
  /// ``figuresOnly``, the log is returned in ticket order without its notes (a hit and a miss
  /// alike).
  static func load(path: String, options: LogImportOptions) throws -> EventLog {
    guard let cache = options.cache, path != "-", let before = FileIdentity(path: path),
      before.isRegular
    else {
      return try LogImporter.load(path: path, options: options)
    }
    let key = EventCacheKey.key(path: path, identity: before, options: options)
    if let log = cache.lookup(key: key) { return log }
    var log = try LogImporter.load(path: path, options: options)
    let unchanged = FileIdentity(path: path).map { $0 == before && $0.settled() } ?? false
    guard unchanged || cache.figuresOnly else { return log }
    // The import's ticket order when it found one (the duplicates' search), else sorted here.
    let order = EventCacheCodec.ticketPermutation(log)
    guard cache.figuresOnly else {
      if unchanged { cache.store(log, key: key, order: order) }
      return log
    }
    // `log` is this function's alone: its events are reordered where they are (and `order`,
    // no longer shared with it, is used up doing so). The entry is then written from the
    // sorted events in sequence (the same bytes; `positions` keeps the permutation), before
    // the notes are let go.
    log.ticketIndex = nil
    guard unchanged else {
      EventCacheCodec.sortForFigures(&log, order: consume order)
      return log
    }
    let positions = order
    EventCacheCodec.sortForFigures(&log, order: consume order, keepNotes: true)
    cache.store(log, key: key, order: positions, sorted: true)
    EventCacheCodec.dropNotes(&log)
    return log
  }
}

extension EventCacheCodec {
  /// `log` as ``decode(_:key:figuresOnly:)`` gives it for the figures: its events in ticket
  /// order (`order`: its ``ticketPermutation(_:)``), ``EventLog/ticketOffsets`` set, no notes.
  static func forFigures(_ log: EventLog, order: [UInt32]) -> EventLog {
    var sorted = log
    sortForFigures(&sorted, order: order)
    return sorted
  }

  /// The same, in place, so that when `log` holds its events alone no second copy of them is
  /// made (the notes are released first). Slot by slot, the event due there (at `order[k]`,
  /// kept up to date) is swapped in, and the event it displaces is recorded where it went
  /// through the inverse permutation: the random accesses of one slot do not wait on those of
  /// the one before, unlike following the permutation's cycles (a chain of dependent cache
  /// misses: 6× slower on a million events). Takes 4 bytes per event more for the inverse.
  /// `keepNotes`: the notes stay (table and ids) for the cache entry to be written from the
  /// sorted events; ``dropNotes(_:)`` after.
  static func sortForFigures(
    _ log: inout EventLog, order: consuming [UInt32], keepNotes: Bool = false
  ) {
    let ticketCount = log.ticketCount
    if !keepNotes { dropNotes(&log) }
    let n = log.events.count
    precondition(order.count == n, "a permutation of the events")
    // Where the event now at each position is due.
    var due = [UInt32](repeating: 0, count: n)
    log.events.withUnsafeMutableBufferPointer { ev in
      order.withUnsafeMutableBufferPointer { from in
        due.withUnsafeMutableBufferPointer { due in
          for k in 0..<n {
            precondition(Int(from[k]) < n, "a permutation of the events")
            due[Int(from[k])] = UInt32(truncatingIfNeeded: k)
          }
          // Slots below k hold their events; the others' are at from[slot], which is >= k.
          for k in 0..<n {
            let at = Int(from[k])
            if at != k {
              let displacedTo = Int(due[k])
              ev.swapAt(k, at)
              from[displacedTo] = UInt32(truncatingIfNeeded: at)
              due[at] = UInt32(truncatingIfNeeded: displacedTo)
            }
          }
        }
      }
    }
    log.ticketOffsets = EventRecords.offsets(log.events, tickets: ticketCount)
    // An order of the input positions, which are gone.
    log.ticketIndex = nil
  }

  /// Lets `log`'s notes go: the table released, every event's note id 0 (as without notes).
  static func dropNotes(_ log: inout EventLog) {
    log.notes = []
    log.events.withUnsafeMutableBufferPointer { ev in
      for k in ev.indices { ev[k].note = 0 }
    }
  }
}
