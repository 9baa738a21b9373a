// Pauses: docs/metrics.md#pauses
//
// A pause event on an open ticket starts a pause of its current stay; the ticket's next
// applied event that is not a pause (an update, a move, a resolve, a reopen) ends it. A move
// ends the stay and its pause: the next stay starts unpaused (unless the moving event is
// itself a pause). A pause still running at the cut-off lasts until the as-of. The
// reconstruction keeps each pause as (stay, start, end), 20 bytes, only for logs that have
// pauses: without one the stays and every figure are exactly as before.

extension Reconstruction {
  /// Whether some stay has a pause.
  package var hasPauses: Bool { !pauseStay.isEmpty }

  /// The pauses of stay `s`, as indices into the pause arrays (empty at once without pauses).
  package func pauses(ofStay s: Int) -> Range<Int> {
    guard !pauseStay.isEmpty else { return 0..<0 }
    let key = UInt32(s)
    var lo = 0
    var hi = pauseStay.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if pauseStay[mid] < key { lo = mid + 1 } else { hi = mid }
    }
    var end = lo
    while end < pauseStay.count && pauseStay[end] == key { end += 1 }
    return lo..<end
  }

  /// Whether stay `s` is paused at its end (a pause running at the cut-off: an open stay
  /// paused until the as-of).
  package func isPausedAtEnd(stay s: Int) -> Bool {
    let p = pauses(ofStay: s)
    return !p.isEmpty && pauseEnd[p.upperBound - 1] == Reconstruction.never
  }

  /// The paused seconds of stay `s` counted up to `to` (a running pause ends at `to`), in
  /// calendar time, or in business time with `index`.
  package func pausedSeconds(ofStay s: Int, to: Int64, index: BusinessTimeIndex? = nil) -> Int64 {
    var sum: Int64 = 0
    for p in pauses(ofStay: s) {
      let a = pauseStart[p]
      let b = min(pauseEnd[p], to)
      guard b > a else { continue }
      sum += index.map { $0.businessSeconds(from: a, to: b) } ?? (b - a)
    }
    return sum
  }

  /// Stay `s`'s end, an open stay's counted up to `asOf` (never before its start).
  @inline(__always) package func stayEnd(_ s: Int, asOf: Int64) -> Int64 {
    stayEnd[s] == Reconstruction.never ? max(asOf, stayStart[s]) : stayEnd[s]
  }
}
