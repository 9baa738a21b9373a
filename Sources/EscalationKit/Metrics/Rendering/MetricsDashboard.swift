// The dashboard (docs/metrics.md#dashboard) in JSON and text.

extension MetricsRenderer {
  /// docs/metrics.md#dashboard
  func dashboardJSON() -> JSON {
    let d = content.dashboard
    let t = d.targets
    func ticket(_ b: BacklogRow) -> [(String, JSON)] {
      [
        ("ticket", .string(b.ticket)), ("category", .string(b.group.key)),
        ("level", .int(b.level.rawValue)), ("role", .string(b.role)),
        ("owner", .string(b.owner)), ("ageSeconds", .int(Int(b.age))),
        ("timeAtLevelSeconds", .int(Int(b.timeAtLevel))),
      ]
    }
    return .object([
      (
        "targets",
        .object([
          ("escalationShareMax", .optional(t.escalationShareMax)),
          ("slaComplianceMin", .optional(t.slaComplianceMin)),
          ("medianResolutionMaxSeconds", .optional(t.medianResolutionMax)),
          ("backlogMax", .optional(t.backlogMax)),
        ])
      ),
      ("previousMonth", d.previousMonth.map { .string($0.description) } ?? .null),
      ("lastYearMonth", d.lastYearMonth.map { .string($0.description) } ?? .null),
      (
        "figures",
        .array(
          d.figures.map { f in
            .object([
              ("key", .string(f.key.rawValue)), ("value", .optional(f.value)),
              ("previous", .optional(f.previous)), ("lastYear", .optional(f.lastYear)),
              ("target", .optional(f.target)),
              ("status", f.status.map { .string($0.rawValue) } ?? .null),
            ])
          })
      ),
      ("oldest", .array(d.oldest.map { .object(ticket($0)) })),
      (
        "worstBreaching",
        .array(
          d.worstBreaching.map { w in
            .object(
              ticket(w.ticket) + [
                ("targetSeconds", .int(Int(w.target))), ("overSeconds", .int(Int(w.over))),
                ("clock", .string(w.clock.rawValue)),
              ])
          })
      ),
    ])
  }

  /// The label of a dashboard figure.
  public static func dashboardLabel(_ k: DashboardFigure.Key, _ l: Labels) -> String {
    switch k {
    case .opened: return l.ticketsOpened
    case .shareEscalated: return l.t("Escalated (level ≥ 2)", "Remontés (niveau ≥ 2)")
    case .resolved: return l.resolved
    case .medianTimeToResolution:
      return l.t("Median time to resolution (h)", "Délai médian de résolution (h)")
    case .backlog: return l.t("Backlog at as-of", "En cours à la date d'arrêté")
    case .slaCompliance: return l.t("SLA compliance", "Respect des délais")
    }
  }

  func dashboardValue(_ k: DashboardFigure.Key, _ v: Double?) -> String {
    guard let v else { return l.notAvailable }
    switch k {
    case .shareEscalated, .slaCompliance: return percent(v)
    case .medianTimeToResolution: return hours(v)
    default: return String(Int(v))
    }
  }

  func dashboardText(color: Bool) -> String {
    let d = content.dashboard
    let header = [
      l.t("Key figure", "Indicateur"), l.t("Period", "Période"),
      l.t("Previous month", "Mois précédent"), l.t("Year before", "Un an avant"),
      l.t("Target", "Cible"), l.t("Status", "État"),
    ]
    let rows = d.figures.map { f in
      [
        MetricsRenderer.dashboardLabel(f.key, l), dashboardValue(f.key, f.value),
        dashboardValue(f.key, f.previous), dashboardValue(f.key, f.lastYear),
        f.target.map { (f.higherIsBetter ? "≥ " : "≤ ") + dashboardValue(f.key, $0) } ?? "",
        f.status.map { $0 == .met ? l.t("met", "atteint") : l.t("missed", "manqué") } ?? "",
      ]
    }
    return heading(l.t("Dashboard", "Tableau de bord"), color: color)
      + MetricsRenderer.table(header, rows, color: color)
  }
}
