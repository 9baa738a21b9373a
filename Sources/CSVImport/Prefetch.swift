import CLibCSV

/// Asks the processor to bring the cache line at `p` in, without waiting for it: a look-up
/// into a table much larger than the cache, started a little ahead, then finds its slot loaded.
/// A hint only: nothing is read, and an address outside any allocation is harmless.
@inlinable @inline(__always)
public func prefetchForRead(_ p: UnsafeRawPointer) {
  escalation_prefetch(p)
}
