import EscalationKit

// The Summary sheet's SLA figures with a business calendar (docs/metrics.md#sla): the
// breaches say their clock, then compliance and the stays at risk at the as-of. Without a
// calendar the Summary is unchanged.

extension ReportWriter {
  /// The SLA breaches label: with a calendar and a business target, says business time.
  func slaLabel(_ sla: SLASection) -> String {
    guard sla.tickets != nil, sla.targets.hasBusinessTarget else {
      return l.t("SLA breaches", "Dépassements de SLA")
    }
    return l.t("SLA breaches (business time)", "Dépassements de SLA (temps ouvré)")
  }

  /// With a calendar: compliance (stays within target, all levels) and the stays at risk.
  func calendarSLAFigures() -> [(String, FigureKind, Double?, Double?)] {
    guard let sla = c.sla, sla.tickets != nil else { return [] }
    func compliance(_ s: SLASection?) -> Double? {
      guard let s else { return nil }
      let total = s.rows.filter { $0.group == .total }
      let stays = total.reduce(0) { $0 + $1.stays }
      let breaches = total.reduce(0) { $0 + $1.breaches }
      return stays == 0 ? nil : Double(stays - breaches) / Double(stays)
    }
    return [
      (
        l.t("SLA compliance (stays within target)", "Conformité SLA (séjours dans les délais)"),
        .percent, compliance(sla), compliance(input.previous?.sla)
      ),
      (
        l.t("SLA at risk at as-of (open stays)", "SLA à risque à la date d’arrêté (séjours)"),
        .count, Double(sla.atRisk?.count ?? 0), input.previous?.sla?.atRisk.map { Double($0.count) }
      ),
    ]
  }
}
