import Foundation

/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64) so that a seed
/// always gives the same sample, on every run and machine. Never the system random.
///
/// Distinct `stream`s from one seed are independent: the sample uses one stream for the process
/// and another for the mess added by `--messy`, so the mess never changes the process.
package struct SampleRandom: Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// A generator for `seed` and `stream`.
  package init(seed: UInt64, stream: UInt64 = 0) {
    var sm = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
    s0 = sm.next()
    s1 = sm.next()
    s2 = sm.next()
    s3 = sm.next()
  }

  /// The next 64 random bits.
  @inline(__always)
  package mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  @inline(__always)
  private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

  /// A uniform value in [0, 1).
  @inline(__always)
  package mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A uniform integer in `0..<n` (`n` ≥ 1, below 2³²).
  @inline(__always)
  package mutating func below(_ n: Int) -> Int {
    Int(((next() >> 32) &* UInt64(UInt32(truncatingIfNeeded: n))) >> 32)
  }

  /// True with probability `p`.
  @inline(__always)
  package mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// A standard normal value (Box–Muller, one value per call).
  package mutating func normal() -> Double {
    let u1 = 1 - unit()  // (0, 1]
    let u2 = unit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// A log-normal value with the given median and shape.
  package mutating func logNormal(median: Double, sigma: Double) -> Double {
    median * exp(sigma * normal())
  }

  /// An index drawn with the given cumulative weights (last element = total).
  package mutating func pick(cumulative: [Double]) -> Int {
    let x = unit() * (cumulative.last ?? 0)
    var i = 0
    while i < cumulative.count - 1 && cumulative[i] <= x { i += 1 }
    return i
  }
}

/// SplitMix64: spreads one seed over xoshiro's four words; also a small deterministic
/// generator for tests.
package struct SplitMix64: RandomNumberGenerator, Sendable {
  package var state: UInt64
  package init(state: UInt64) { self.state = state }
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
