import Foundation
import PropertyBased
import Testing

@testable import EscalationKit

/// Properties of importing any messy sample: every record is accounted for, and every rejection
/// is a finding positioned on the junk record's line and column.
@Suite struct ImportAccountingPropertyTests {
  /// Variant bits: layout (1), language (2), zone (4).
  static func options(tickets: Int, seed: Int, variant: Int) -> SampleOptions {
    SampleOptions(
      tickets: tickets, months: 1 + seed % 12, seed: UInt64(seed),
      layout: variant & 1 == 0 ? .events : .tickets, language: variant & 2 == 0 ? .en : .fr,
      messy: true, timeZone: variant & 4 == 0 ? "UTC" : "Europe/Paris")
  }

  @Test func everyRecordIsUsedRejectedOrADuplicate() async {
    await propertyCheck(
      count: 20, input: Gen.int(in: 1...300), Gen.int(in: 0...1_000_000), Gen.int(in: 0...7)
    ) { tickets, seed, variant in
      let o = Self.options(tickets: tickets, seed: seed, variant: variant)
      // Small logs may prove no day/month order: the order the sample writes is given.
      let r = try RoundTrip.run(o, forceOrder: true)
      let a = r.log.accounting
      #expect(a.read == a.used + a.rejected + a.duplicates)
      #expect(a == r.report.expectedAccounting)
      #expect(r.imported.sorted() == r.truth.sorted())
      // Each rejection: error findings with a line and a column, on exactly the junk records.
      let errors = r.log.findings.filter { $0.severity == .error }
      #expect(errors.allSatisfy { $0.line != nil && $0.column != nil })
      let lines = Set(errors.compactMap(\.line))
      #expect(lines.count == a.rejected)
      #expect(lines == r.junkLines)
      // Used events never come from a rejected line.
      #expect(r.log.events.allSatisfy { !lines.contains(Int($0.line)) })
    }
  }
}
