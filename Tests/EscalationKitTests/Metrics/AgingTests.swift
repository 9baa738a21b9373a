import EscalationKit
import Testing

/// Hand-worked logs for the backlog aging: docs/metrics.md#backlog-aging.
@Suite struct AgingTests: MetricsFixtures {
  @Test func bucketBounds() {
    // [0, 1), [1, 3), [3, 7), [7, 30), [30, ∞) days; a bound belongs to the bucket it opens.
    let d: Int64 = 86_400
    #expect(AgingSection.bucket(ageSeconds: 0) == 0)
    #expect(AgingSection.bucket(ageSeconds: d - 1) == 0)
    #expect(AgingSection.bucket(ageSeconds: d) == 1)
    #expect(AgingSection.bucket(ageSeconds: 3 * d - 1) == 1)
    #expect(AgingSection.bucket(ageSeconds: 3 * d) == 2)
    #expect(AgingSection.bucket(ageSeconds: 7 * d) == 3)
    #expect(AgingSection.bucket(ageSeconds: 30 * d - 1) == 3)
    #expect(AgingSection.bucket(ageSeconds: 30 * d) == 4)
  }

  @Test func byLevelAndCategory() {
    // October 2026, as-of 744 h (its end). Ages: E1 12 h (< 1 d, level 1), E2 exactly 1 d
    // (level 1), E3 3 d (escalated to 2), E4 7 d (opened at 3, equipment purchase), E5 45 d
    // (opened in September at 4), E6 resolved (not in the backlog).
    var b = LogBuilder()
    b.add("E1", 744 - 12, .open, 1)
    b.add("E2", 744 - 24, .open, 1)
    b.add("E3", 744 - 72, .open, 1)
    b.add("E3", 744 - 70, .escalate, 2)
    b.add("E4", 744 - 168, .open, 3, .equipmentPurchase)
    b.add("E5", 744 - 45 * 24, .open, 4)
    b.add("E6", 10, .open, 1)
    b.add("E6", 11, .resolve)
    let a = report(b, october).aging
    #expect(
      a.byLevel.map(\.buckets) == [
        [1, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 1], [1, 1, 1, 1, 1],
      ])
    #expect(a.byLevel.last?.level == nil && a.byLevel.last?.total == 5)
    // 8 categories and the total (no uncategorized ticket).
    #expect(a.byCategory.count == 9)
    let oc = a.byCategory.first { $0.group == .category(.operationalChallenges) }
    let ep = a.byCategory.first { $0.group == .category(.equipmentPurchase) }
    #expect(oc?.buckets == [1, 1, 1, 0, 1])
    #expect(ep?.buckets == [0, 0, 0, 1, 0])
    #expect(a.byCategory.last?.group == .total && a.byCategory.last?.buckets == [1, 1, 1, 1, 1])
  }
}
