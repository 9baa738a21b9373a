#if canImport(Glibc)
  import Glibc
#endif

/// Large arrays (a million events, the importer's hash tables) backed by 2 MiB pages where the
/// system allows it (Linux's transparent huge pages in `madvise` mode, Debian's default): one
/// page fault per 2 MiB instead of per 4 KiB, and far fewer TLB misses on random look-ups. A
/// hint only: contents are the same, and elsewhere (or when refused) nothing changes.
enum HugePages {
  static let size = 2 << 20

  /// Advises the whole 2 MiB pages inside `bytes` bytes from `start` (best before they are
  /// first written: the first write then takes a huge page).
  static func advise(_ start: UnsafeRawPointer, bytes: Int) {
    #if os(Linux)
      madvise(wholePagesIn: start, bytes: bytes, MADV_HUGEPAGE)
    #endif
  }

  /// Gives the whole 2 MiB pages inside the `bytes` bytes from `start` back to the system:
  /// their contents are gone (they read as zeros after) and no longer count as the process's
  /// memory. Only for memory that will not be read again (the events a reconstruction has
  /// passed, ``TicketOrder/forEachTicket(releasing:_:)``); the allocation stays valid.
  static func release(_ start: UnsafeRawPointer, bytes: Int) {
    #if os(Linux)
      madvise(wholePagesIn: start, bytes: bytes, MADV_DONTNEED)
    #endif
  }

  #if os(Linux)
    /// `madvise(advice)` on the whole 2 MiB pages inside `bytes` bytes from `start` (none:
    /// nothing is done).
    private static func madvise(wholePagesIn start: UnsafeRawPointer, bytes: Int, _ advice: Int32) {
      let a = (Int(bitPattern: start) + size - 1) & ~(size - 1)
      let b = (Int(bitPattern: start) + bytes) & ~(size - 1)
      guard b > a, let p = UnsafeMutableRawPointer(bitPattern: a) else { return }
      _ = Glibc.madvise(p, b - a, advice)
    }
  #endif

  /// An array of `count` copies of `value`, its memory advised before it is written.
  static func array<T>(repeating value: T, count: Int) -> [T] {
    guard count * MemoryLayout<T>.stride >= size else {
      return [T](repeating: value, count: count)
    }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      advise(UnsafeRawPointer(buffer.baseAddress!), bytes: count * MemoryLayout<T>.stride)
      buffer.initialize(repeating: value)
      initialized = count
    }
  }

  /// Reserves room for `capacity` elements in `array` and advises the new storage.
  static func reserve<T>(_ array: inout [T], capacity: Int) {
    array.reserveCapacity(capacity)
    guard capacity * MemoryLayout<T>.stride >= size else { return }
    array.withUnsafeMutableBufferPointer { b in
      // The reserved room lies past the elements already there.
      if let base = b.baseAddress {
        advise(UnsafeRawPointer(base), bytes: capacity * MemoryLayout<T>.stride)
      }
    }
  }
}
