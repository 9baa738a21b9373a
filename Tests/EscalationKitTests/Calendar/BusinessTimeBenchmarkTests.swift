import EscalationKit
import Foundation
import Testing

/// Speed of business-time queries on 1,000,000 random stays. Runs only with
/// `CALENDAR_BENCH=1`, in release: `CALENDAR_BENCH=1 swift test -c release --filter BusinessTimeBenchmark`.
@Suite struct BusinessTimeBenchmarkTests {
  static var enabled: Bool { ProcessInfo.processInfo.environment["CALENDAR_BENCH"] == "1" }

  /// Milliseconds of this thread's CPU time spent in `body` (the machine is shared: wall time
  /// counts the other processes too).
  static func cpuMilliseconds(_ body: () -> Void) -> Double {
    var a = timespec()
    var b = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a)
    body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b)
    return Double(b.tv_sec - a.tv_sec) * 1000 + Double(b.tv_nsec - a.tv_nsec) / 1e6
  }

  @Test(.enabled(if: BusinessTimeBenchmarkTests.enabled)) func oneMillionStays() {
    let clock = BusinessTimeBenchmarkTests.self
    var index: BusinessTimeIndex?
    let tBuild = clock.cpuMilliseconds {
      index = BusinessTimeIndex(calendar: CalendarFixtures.issue, years: 2025...2027)
    }
    let idx = index!
    // Stays starting anywhere in 2026, lasting up to 30 days (a SplitMix64 sequence).
    var state: UInt64 = 42
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    let n = 1_000_000
    let base = CalendarFixtures.utc(2026, 1, 1)
    var starts = [Int64](repeating: 0, count: n)
    var ends = [Int64](repeating: 0, count: n)
    for i in 0..<n {
      starts[i] = base + Int64(next() % (365 * 86_400))
      ends[i] = starts[i] + Int64(next() % (30 * 86_400))
    }
    var sum: Int64 = 0
    let tQuery = clock.cpuMilliseconds {
      for i in 0..<n { sum &+= idx.businessSeconds(from: starts[i], to: ends[i]) }
    }
    var last: Int64 = 0
    let tInstant = clock.cpuMilliseconds {
      for i in 0..<n {
        last &+= idx.instant(afterBusinessSeconds: 8 * 3600, from: starts[i]) ?? 0
      }
    }
    let perSecond = Double(n) / tQuery * 1000
    print(
      "CALENDAR BENCH (ms of CPU) build(2025–2027)=\(tBuild) 1M businessSeconds=\(tQuery) "
        + "(\(Int(perSecond)) per s) 1M instant(after: 8 h)=\(tInstant) checksum=\(sum) \(last)")
    #expect(sum > 0 && last > 0)
  }
}
