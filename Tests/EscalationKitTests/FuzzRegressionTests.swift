import Testing

@testable import EscalationKit

/// Inputs the libFuzzer targets (Fuzz/, Scripts/fuzz.sh) found crashing, kept as tests after
/// the fix. Each test names the target and what went wrong.
@Suite struct FuzzRegressionTests {
  /// dates: a fraction of a second longer than 18 digits overflowed `Int` while its (unused)
  /// value was accumulated, a trap. Up to 64 fraction digits are now skipped and dropped.
  @Test func datesLongFractionOfASecond() {
    let fraction = String(repeating: "5", count: 40)
    guard case .value(let r) = DateParser.parse("2026-10-25T02:30:00.\(fraction)Z") else {
      Issue.record("not read")
      return
    }
    // Truncated to the second, with its offset (Z = +00:00).
    let expected = LocalDateTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30)
    #expect(r.local(order: nil) == expected)
    #expect(r.hadFraction && r.hasOffset && r.offsetMinutes == 0)
    // 64 digits are still a fraction; a 65th is not part of any date form.
    let sixtyFour = String(repeating: "9", count: 64)
    #expect(DateParser.parse("2026-10-25T02:30:00.\(sixtyFour)") != .failure(.unrecognised))
    #expect(DateParser.parse("2026-10-25T02:30:00.\(sixtyFour)9") == .failure(.unrecognised))
    // The input as the fuzzer found it (bytes that are no UTF-8 after the digits): a failure,
    // not a trap.
    let found: [UInt8] =
      Array("2026-10-25T02:30:00.".utf8) + Array(repeating: 0x35, count: 36)
      + [0x30, 0xD7, 0xCA, 0xCF, 0xCD, 0x35, 0x30, 0x5A]
    let result = found.withUnsafeBufferPointer { DateParser.parse($0) }
    #expect(result == .failure(.unrecognised))
  }
}
