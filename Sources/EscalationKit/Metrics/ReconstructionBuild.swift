/// What a ``Reconstruction`` is built into while its tickets are read (``TicketBuilder``): the
/// same columns, each with its room allocated once for the most values it can get, so that an
/// append in the per-event loop is a bounds check and a store (no uniqueness or capacity check
/// of an array append, no reallocation). Room never written costs no memory (large
/// allocations are mapped lazily). ``finish()`` turns the columns into the arrays.
struct ReconstructionBuild {
  let cutoff: Int64

  // Per ticket (``Reconstruction`` documents each).
  var start: BuildColumn<Int64>
  var category: BuildColumn<UInt8>
  var highest: BuildColumn<UInt8>
  var level: BuildColumn<UInt8>
  var resolvedAt: BuildColumn<Int64>
  var reached2At: BuildColumn<Int64>
  var owner: BuildColumn<UInt32>
  var reopened: BuildColumn<Bool>
  var stayOffsets: BuildColumn<Int>

  // Each event begins at most one stay, makes at most one move and one resolution.
  var stayLevel: BuildColumn<UInt8>
  var stayStart: BuildColumn<Int64>
  var stayEnd: BuildColumn<Int64>
  var moveTicket: BuildColumn<UInt32>
  var moveTime: BuildColumn<Int64>
  var moveTarget: BuildColumn<UInt8>
  var resolutionTicket: BuildColumn<UInt32>
  var resolutionTime: BuildColumn<Int64>
  var reopenTime: BuildColumn<Int64>

  // Rare: plain arrays.
  var pauseStay: [UInt32] = []
  var pauseStart: [Int64] = []
  var pauseEnd: [Int64] = []
  var warnings: [MetricsWarning] = []

  /// Room for `tickets` tickets and `events` events (stays only when `recordStays`).
  init(cutoff: Int64, tickets n: Int, events: Int, recordStays: Bool) {
    self.cutoff = cutoff
    start = BuildColumn(repeating: Reconstruction.never, count: n)
    category = BuildColumn(repeating: Reconstruction.noCategory, count: n)
    highest = BuildColumn(repeating: 0, count: n)
    level = BuildColumn(repeating: 0, count: n)
    resolvedAt = BuildColumn(repeating: Reconstruction.never, count: n)
    reached2At = BuildColumn(repeating: Reconstruction.never, count: n)
    owner = BuildColumn(repeating: 0, count: n)
    reopened = BuildColumn(repeating: false, count: n)
    stayOffsets = BuildColumn(repeating: 0, count: n + 1)
    let stays = recordStays ? events : 0
    stayLevel = BuildColumn(capacity: stays)
    stayStart = BuildColumn(capacity: stays)
    stayEnd = BuildColumn(capacity: stays)
    moveTicket = BuildColumn(capacity: events)
    moveTime = BuildColumn(capacity: events)
    moveTarget = BuildColumn(capacity: events)
    resolutionTicket = BuildColumn(capacity: events)
    resolutionTime = BuildColumn(capacity: events)
    reopenTime = BuildColumn(capacity: events)
  }

  /// Records a pause of the stay that will be recorded next (the ticket's current one).
  mutating func appendPause(from: Int64, to: Int64) {
    pauseStay.append(UInt32(stayLevel.count))
    pauseStart.append(from)
    pauseEnd.append(to)
  }
}

/// A column of a ``Reconstruction``: values of a plain type in memory allocated once by
/// ``ReconstructionBuild`` and handed over without a copy; immutable once built. Reads are
/// bounds-checked like an array's.
package struct FactColumn<Element: BitwiseCopyable>: RandomAccessCollection, Sendable {
  fileprivate let storage: ColumnStorage<Element>
  package let count: Int

  /// An empty column.
  package init() {
    storage = ColumnStorage(capacity: 0, advise: false)
    count = 0
  }

  fileprivate init(storage: ColumnStorage<Element>, count: Int) {
    self.storage = storage
    self.count = count
  }

  package var startIndex: Int { 0 }
  package var endIndex: Int { count }

  @inline(__always) package subscript(_ i: Int) -> Element {
    precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "index out of range")
    return storage.base[i]
  }
}

extension FactColumn: Equatable where Element: Equatable {
  package static func == (a: FactColumn, b: FactColumn) -> Bool { a.elementsEqual(b) }
}

/// The memory of a column, freed with its last reference. Written only through
/// ``BuildColumn`` before the column is handed over, read-only after.
private final class ColumnStorage<T: BitwiseCopyable>: @unchecked Sendable {
  let base: UnsafeMutablePointer<T>
  let capacity: Int

  init(capacity: Int, advise: Bool) {
    self.capacity = capacity
    base = .allocate(capacity: max(capacity, 1))
    if advise { HugePages.advise(UnsafeRawPointer(base), bytes: capacity * MemoryLayout<T>.stride) }
  }

  deinit { base.deallocate() }
}

/// A column being built: appends and writes are checked against the room and the count (a
/// trap, never a write outside), without an array's uniqueness and capacity checks.
struct BuildColumn<T: BitwiseCopyable> {
  private let storage: ColumnStorage<T>
  private let base: UnsafeMutablePointer<T>
  private(set) var count: Int
  private let capacity: Int

  /// An empty column with room for `capacity` values. `advise`: onto 2 MiB pages (for a
  /// column that will be filled: one only partly filled would have the kernel clear a whole
  /// 2 MiB page past its last value, up to 2 MiB of memory more per column; without the
  /// advice the room after the last value is never touched).
  init(capacity: Int, advise: Bool = false) {
    storage = ColumnStorage(capacity: capacity, advise: advise)
    base = storage.base
    self.capacity = capacity
    count = 0
  }

  /// `count` copies of `value` (on 2 MiB pages: all of it is written).
  init(repeating value: T, count: Int) {
    self.init(capacity: count, advise: true)
    base.initialize(repeating: value, count: count)
    self.count = count
  }

  @inline(__always) mutating func append(_ v: T) {
    precondition(count < capacity, "reconstruction column full")
    (base + count).initialize(to: v)
    count += 1
  }

  @inline(__always) subscript(_ i: Int) -> T {
    get {
      precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "index out of range")
      return base[i]
    }
    nonmutating set {
      precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "index out of range")
      base[i] = newValue
    }
  }

  /// The values written, as the immutable column (no copy).
  var column: FactColumn<T> { FactColumn(storage: storage, count: count) }
}
