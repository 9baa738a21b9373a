// The escalation flow (docs/metrics.md#escalation-flow) in JSON and text.

extension MetricsRenderer {
  /// Hours of `seconds` as plain text (`24`, `1.5`).
  public static func plainHours(_ seconds: Int64) -> String { plain(Double(seconds) / 3600) }

  /// docs/metrics.md#escalation-flow
  func flowJSON() -> JSON {
    let f = content.flow
    return .object([
      ("funnel", MetricsRenderer.levels(f.funnel) { .int($0) }),
      ("escalationsToLevel", MetricsRenderer.levels(f.escalationsToLevel, from: 2) { .int($0) }),
      ("resolved", .int(f.resolved)), ("resolvedAtLevel1", .int(f.resolvedAtLevel1)),
      ("shareResolvedAtLevel1", .optional(f.shareResolvedAtLevel1)),
      ("reopened", .int(f.reopened)), ("reopenRate", .optional(f.reopenRate)),
      ("previousMonth", f.previousMonth.map { .string($0.description) } ?? .null),
      (
        "changes",
        .array(
          f.changes.map { c in
            .object([
              ("category", .string(c.group.key)), ("opened", .int(c.opened)),
              ("previousOpened", .optional(c.previousOpened)),
              ("openedChange", .optional(c.openedChange)),
              ("escalationRate", .optional(c.rate)),
              ("previousEscalationRate", .optional(c.previousRate)),
              ("escalationRateChangePoints", .optional(c.rateChangePoints)),
            ])
          })
      ),
    ])
  }

  /// A change in percentage points with its sign ("+2.5 pts", "−13,9 pts").
  func points(_ p: Double?) -> String {
    guard let p else { return "" }
    let s = MetricsRenderer.fixed(abs(p), 1, comma: language == .fr)
    let sign = p > 0.0000001 ? "+" : (p < -0.0000001 ? "−" : "")
    return sign + s + (language == .fr ? " pts" : " pts")
  }

  func flowText(color: Bool) -> String {
    let f = content.flow
    var out = heading(l.t("Escalation flow", "Flux de remontée"), color: color)
    let funnel = (1...4).map { i in
      [
        i == 4 ? l.t("Reached 4", "Atteint 4") : l.t("Reached ≥ \(i)", "Atteint ≥ \(i)"),
        String(f.funnel[i - 1]), percent(f.funnelShare(i)),
      ]
    }
    out += MetricsRenderer.table(
      [l.t("Tickets opened in the period", "Tickets ouverts sur la période"), l.tickets, "%"],
      funnel, color: color)
    out +=
      "  " + l.t("Escalations to 2, 3, 4: ", "Remontées vers 2, 3, 4 : ")
      + f.escalationsToLevel.map { String($0) }.joined(separator: ", ") + "\n"
    out +=
      "  " + l.t("Resolved at level 1: ", "Résolus au niveau 1 : ")
      + "\(f.resolvedAtLevel1) / \(f.resolved) \(percent(f.shareResolvedAtLevel1))\n"
    out +=
      "  " + l.t("Reopened: ", "Rouverts : ")
      + "\(f.reopened) / \(f.opened) \(percent(f.reopenRate))\n"
    guard let prev = f.previousMonth else { return out }
    let rows = f.changes.map { c in
      [
        groupLabel(c.group), String(c.opened),
        c.previousOpened.map { String($0) } ?? l.notAvailable,
        c.openedChange.map { ($0 > 0 ? "+" : "") + String($0) } ?? "",
        percent(c.rate), percent(c.previousRate), points(c.rateChangePoints),
      ]
    }
    return out + "\n"
      + MetricsRenderer.table(
        [
          l.category, l.opened, prev.description, "Δ", l.t("Rate ≥2", "Taux ≥2"),
          prev.description, "Δ",
        ], rows, color: color)
  }
}
