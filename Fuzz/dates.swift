// libFuzzer target: any bytes as one date cell through DateParser, then every later use of the
// parsed value (packing, both day/month orders, zones, ISO 8601 output, order evidence).
// Built by Scripts/fuzz.sh together with Sources/EscalationKit; not part of the package.
import Foundation

let fuzzParis = ZoneRules(identifier: "Europe/Paris")!
let fuzzNewYork = ZoneRules(identifier: "America/New_York")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let cell = UnsafeBufferPointer(start: data, count: size)
  switch DateParser.parse(cell) {
  case .failure(let problem):
    _ = problem.reason
  case .value(let r):
    // The packed form must hold the value exactly (it waits in an Int64 until the order of
    // the file is known).
    precondition(RawDateTime(packed: r.packed) == r, "packing lost \(r)")
    _ = r.writtenDate
    if r.isSlashed {
      precondition(r.validDayFirst || r.validMonthFirst, "slashed date valid in no order: \(r)")
    }
    for order in [DateOrder.dmy, .mdy, nil] {
      guard let local = r.local(order: order) else {
        // Only slashed dates depend on the order.
        precondition(r.isSlashed, "unambiguous value that is no date: \(r)")
        continue
      }
      precondition(local.isValid, "value read as an invalid date: \(local) from \(r)")
      precondition(local.year >= 1 && local.year <= 9999, "year out of range: \(local)")
      for zone in [ZoneRules.utc, fuzzParis, fuzzNewYork] {
        var converter = UTCConverter(zone: zone)
        guard let (t, _) = converter.utc(r, order: order) else {
          preconditionFailure("no instant for a valid local time: \(r)")
        }
        var out: [UInt8] = []
        CivilDate.appendISO8601UTC(t, to: &out)
        precondition(out.count >= 20, "short ISO 8601 output")
      }
    }
    var evidence = DateOrderEvidence()
    evidence.add(r, line: 2, text: "cell")
    _ = evidence.decide(forced: nil)
  }
  return 0
}
