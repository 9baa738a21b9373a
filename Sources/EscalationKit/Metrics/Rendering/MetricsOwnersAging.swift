// The owners (docs/metrics.md#owners) and backlog aging (docs/metrics.md#backlog-aging)
// figures in JSON, text and CSV.

extension MetricsRenderer {
  func ownerRowJSON(_ r: OwnerRow) -> JSON {
    var o: [(String, JSON)] = [("name", .string(r.name))]
    if let l = r.level { o.append(("level", .int(l.rawValue))) }
    o += [
      ("opened", .int(r.opened)), ("escalations", .int(r.escalations)),
      ("resolved", .int(r.resolved)), ("open", .int(r.open)),
      ("breached", .optional(r.breached)),
      ("medianTimeAtLevelSeconds", .optional(r.medianTimeAtLevel)),
    ]
    return .object(o)
  }

  /// docs/metrics.md#owners
  func ownersJSON() -> JSON {
    .object([
      ("byOwner", .array(content.owners.byOwner.map(ownerRowJSON))),
      ("byRole", .array(content.owners.byRole.map(ownerRowJSON))),
    ])
  }

  /// docs/metrics.md#backlog-aging
  func agingJSON() -> JSON {
    let a = content.aging
    func row(_ r: AgingRow) -> JSON {
      var o: [(String, JSON)] = []
      if let l = r.level {
        o.append(("level", .int(l.rawValue)))
      } else {
        o.append(("category", .string(r.group.key)))
      }
      return .object(
        o + [("buckets", .array(r.buckets.map { .int($0) })), ("total", .int(r.total))])
    }
    return .object([
      ("boundsDays", .array(AgingSection.boundsDays.map { .int($0) })),
      ("byLevel", .array(a.byLevel.map(row))), ("byCategory", .array(a.byCategory.map(row))),
    ])
  }

  /// The owner's name as shown ("(no owner)" for "").
  public static func ownerName(_ name: String, _ l: Labels) -> String {
    name.isEmpty ? l.noOwner : name
  }

  func ownerCells(_ r: OwnerRow) -> [String] {
    [
      String(r.opened), String(r.escalations), String(r.resolved), String(r.open),
      r.breached.map { String($0) } ?? "", hours(r.medianTimeAtLevel),
    ]
  }

  func ownersText(color: Bool) -> String {
    let figures = [
      l.opened, l.escalations, l.resolved, l.openAtAsOf, l.breachedTickets, l.medianAtLevelHours,
    ]
    let owners = content.owners.byOwner.map {
      [MetricsRenderer.ownerName($0.name, l)] + ownerCells($0)
    }
    let roles = content.owners.byRole.map { r in
      [r.name, String(r.level?.rawValue ?? 0)] + ownerCells(r)
    }
    var out = heading(l.ownersTitle, color: color)
    if owners.isEmpty {
      out += l.t("(no ticket)", "(aucun ticket)") + "\n"
    } else {
      out += MetricsRenderer.table([l.owner] + figures, owners, color: color)
    }
    out += "\n" + heading(l.rolesTitle, color: color)
    return out
      + MetricsRenderer.table([l.role, l.level] + figures, roles, leftColumns: 1, color: color)
  }

  func agingText(color: Bool) -> String {
    let buckets = l.agingBuckets
    let a = content.aging
    let byLevel = a.byLevel.map { r in
      [r.level.map { l.levelName($0.rawValue) } ?? "Total"] + r.buckets.map { String($0) }
        + [String(r.total)]
    }
    let byCategory = a.byCategory.map { r in
      [groupLabel(r.group)] + r.buckets.map { String($0) } + [String(r.total)]
    }
    return heading(l.agingTitle, color: color)
      + MetricsRenderer.table([l.level] + buckets + ["Total"], byLevel, color: color) + "\n"
      + MetricsRenderer.table([l.category] + buckets + ["Total"], byCategory, color: color)
  }

  func ownersCSV() -> String {
    let header = [
      "kind", "name", "level", "opened", "escalations", "resolved", "open", "breached",
      "median_time_at_level_h",
    ]
    let rows = (content.owners.byOwner + content.owners.byRole).map { r in
      [
        r.level == nil ? "owner" : "role", r.name, r.level.map { String($0.rawValue) } ?? "",
        String(r.opened), String(r.escalations), String(r.resolved), String(r.open),
        r.breached.map { String($0) } ?? "", MetricsRenderer.csvHours(r.medianTimeAtLevel),
      ]
    }
    return MetricsRenderer.csvLines(header, rows)
  }

  func agingCSV() -> String {
    let header = ["category", "level", "lt_1d", "1d_3d", "3d_7d", "7d_30d", "ge_30d", "total"]
    let rows = (content.aging.byLevel + content.aging.byCategory).map { r in
      [r.group.key, r.level.map { String($0.rawValue) } ?? ""] + r.buckets.map { String($0) }
        + [String(r.total)]
    }
    return MetricsRenderer.csvLines(header, rows)
  }
}
