/// Output formats of `escalation metrics`.
public enum MetricsFormat: String, CaseIterable, Sendable {
  case text
  case json
  case csv
}

/// The tables `--table` can select.
public enum MetricsTable: String, CaseIterable, Sendable {
  case rates
  case timeAtLevel = "time-at-level"
  case trend
  case backlog
  case tickets
  /// The SLA rows (and, with `--calendar`, the at-risk stays).
  case sla
  /// With `--calendar`: the open stays at risk.
  case atRisk = "at-risk"
  /// With `--sla`: every stay checked, with its clocks, target, breach and time left.
  case stays
  case owners
  case aging
}

/// Renders a ``ReportContent`` as terminal text, JSON or CSV. Every number comes from the
/// content; nothing is recomputed here.
public struct MetricsRenderer: Sendable {
  public var content: ReportContent
  public var language: Language
  /// The zone in which times are shown (the report's zone).
  public var zone: ZoneRules
  /// Rows of the backlog shown in the full text report (all with `--table backlog`).
  public var backlogPreview = 20

  public init(content: ReportContent, language: Language, zone: ZoneRules) {
    self.content = content
    self.language = language
    self.zone = zone
  }

  /// Renders in `format`; `table` selects one table (CSV defaults to `rates`).
  public func render(_ format: MetricsFormat, table: MetricsTable?, color: Bool = false) -> String {
    switch format {
    case .text: return text(table: table, color: color)
    case .json: return json(table: table).serialized() + "\n"
    case .csv: return csv(table: table ?? .rates)
    }
  }

  /// The labels in the renderer's language.
  var l: Labels { Labels(language) }

  // MARK: - Formatting helpers

  /// `x` with `decimals` decimals, half away from zero, no formatter.
  static func fixed(_ x: Double, _ decimals: Int, comma: Bool = false) -> String {
    guard x.isFinite else { return "" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let v = (abs(x) * scale).rounded()
    guard v < 9e17 else { return String(x) }
    let n = Int64(v)
    let p = Int64(scale)
    var s = String(n / p)
    if decimals > 0 {
      let f = String(n % p)
      s += (comma ? "," : ".") + String(repeating: "0", count: decimals - f.count) + f
    }
    return (x < 0 && n != 0 ? "-" : "") + s
  }

  /// Up to 6 decimals, trailing zeros trimmed (CSV numbers).
  static func plain(_ x: Double?) -> String {
    guard let x else { return "" }
    var s = fixed(x, 6)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s == "-0" ? "0" : s
  }

  /// Hours with one decimal (text).
  func hours(_ seconds: Double?) -> String {
    guard let seconds else { return "" }
    return MetricsRenderer.fixed(seconds / 3600, 1, comma: language == .fr)
  }

  func hours(_ seconds: Int64?) -> String { hours(seconds.map(Double.init)) }

  /// A percentage with one decimal (text); empty for `nil`.
  func percent(_ r: Double?) -> String {
    guard let r else { return "" }
    let v = MetricsRenderer.fixed(r * 100, 1, comma: language == .fr)
    return language == .en ? v + "%" : v + " %"
  }

  /// A local time `YYYY-MM-DD HH:MM` (`:SS` when not zero).
  func local(_ t: Int64) -> String {
    let l = zone.local(t).description  // YYYY-MM-DDTHH:MM:SS
    let s = l.replacingFirst("T", with: " ")
    return s.hasSuffix(":00") ? String(s.dropLast(3)) : s
  }

  /// A local time `YYYY-MM-DD HH:MM:SS` (CSV).
  func localFull(_ t: Int64) -> String { zone.local(t).description.replacingFirst("T", with: " ") }
}

extension String {
  /// The string with the first `target` replaced by `replacement` (no Foundation).
  func replacingFirst(_ target: Character, with replacement: String) -> String {
    guard let i = firstIndex(of: target) else { return self }
    return String(self[..<i]) + replacement + String(self[index(after: i)...])
  }
}
