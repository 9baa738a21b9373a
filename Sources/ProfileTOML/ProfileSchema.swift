import EscalationKit
import TOMLKit

/// The registry of what a profile may hold: top-level keys and tables, each with its reader.
/// A later issue adds its table (`[calendar]`, `[targets]`, …) as one more entry.
public enum ProfileSchema {
  public typealias KeyReader =
    @Sendable (TOMLValueConvertible, String, inout ProfileContext) throws(ProfileError) -> Void
  public typealias TableReader =
    @Sendable (TOMLTable, inout ProfileContext) throws(ProfileError) -> Void

  /// Top-level keys.
  public static let topLevel: [String: KeyReader] = [
    "null": readNull,
    "tz": { v, k, c throws(ProfileError) in
      let s = try c.string(v, k)
      guard let z = ZoneRules(identifier: s) else {
        throw c.error(
          ProfileCode.badOption, k,
          "tz = \"\(s)\" is not an IANA time zone; write e.g. \"Europe/Paris\" or \"America/New_York\""
        )
      }
      c.profile.zone = z
    },
    "date_order": { v, k, c throws(ProfileError) in
      c.profile.dateOrder = try choice(v, k, &c, DateOrder.self)
    },
    "lang": { v, k, c throws(ProfileError) in
      c.profile.language = try choice(v, k, &c, Language.self)
    },
    "layout": { v, k, c throws(ProfileError) in
      c.profile.layout = try choice(v, k, &c, LogLayout.self)
    },
    "matrix": { v, k, c throws(ProfileError) in
      let s = try c.string(v, k)
      // Relative to the profile's directory, so that a profile and its matrix travel together.
      if s.hasPrefix("/") || !c.profile.path.contains("/") {
        c.profile.matrix = s
      } else {
        c.profile.matrix = String(c.profile.path[..<c.profile.path.lastIndex(of: "/")!]) + "/" + s
      }
    },
    "sla": { v, k, c throws(ProfileError) in
      if let t = v.table {
        try readSLATable(t, &c)
        return
      }
      let s = try c.string(v, k)
      do {
        c.profile.sla = try SLATargets.parse(s)
      } catch {
        throw c.error(ProfileCode.badOption, k, "sla = \"\(s)\": \(error)")
      }
    },
    "delimiter": { v, k, c throws(ProfileError) in
      let s = try c.string(v, k)
      switch s {
      case ",", "comma": c.profile.delimiter = 0x2C
      case ";", "semicolon": c.profile.delimiter = 0x3B
      case "tab", "\\t", "\t": c.profile.delimiter = 0x09
      case "|", "pipe": c.profile.delimiter = 0x7C
      default:
        throw c.error(
          ProfileCode.badOption, k, "delimiter = \"\(s)\": write \",\" \";\" \"tab\" or \"|\"")
      }
    },
  ]

  /// Tables.
  public static let tables: [String: TableReader] = [
    "columns": readColumns,
    "levels": readLevels,
    "categories": readCategories,
    "events": readEvents,
    "calendar": readCalendar,
  ]

  /// `; did you mean "x"?` for the closest of `known`, or nothing.
  static func suggestion(_ text: String, in known: [String]) -> String {
    var d = LabelDictionary<Int>()
    for k in known { d.add(k, 0) }
    return d.suggestion(for: text).map { "; did you mean \"\($0)\"?" } ?? ""
  }

  private static func choice<T: RawRepresentable & CaseIterable>(
    _ v: TOMLValueConvertible, _ k: String, _ c: inout ProfileContext, _: T.Type
  ) throws(ProfileError) -> T where T.RawValue == String {
    let s = try c.string(v, k)
    if let t = T(rawValue: s.lowercased()) { return t }
    let all = T.allCases.map(\.rawValue)
    throw c.error(
      ProfileCode.badOption, k,
      "\(k) = \"\(s)\": write " + all.map { "\"\($0)\"" }.joined(separator: " or ")
        + suggestion(s, in: all))
  }

  private static func readNull(_ v: TOMLValueConvertible, _ k: String, _ c: inout ProfileContext)
    throws(ProfileError)
  {
    guard let a = v.array else {
      throw c.error(
        ProfileCode.wrongType, k, "null is a list of texts, e.g. null = [\"?\", \"N/A\"]")
    }
    var out: [String] = []
    for item in a {
      guard let s = item.string else {
        throw c.error(
          ProfileCode.wrongType, k, "null is a list of texts, e.g. null = [\"?\", \"N/A\"]")
      }
      out.append(s)
    }
    c.profile.nulls = out
  }

  /// Entries of a table in file order.
  static func entries(_ t: TOMLTable, _ table: String, _ c: ProfileContext) -> [(
    String, TOMLValueConvertible
  )] {
    var out: [(String, TOMLValueConvertible)] = []
    for k in t.keys { if let v = t[k] { out.append((k, v)) } }
    return out.sorted { (c.line("\(table).\($0.0)") ?? 0) < (c.line("\(table).\($1.0)") ?? 0) }
  }

  /// `[calendar]`: the format of a `--calendar` file (docs/calendar.md), `[calendar.days]`
  /// included; without `tz`, the profile's `tz`, and at use the report's zone (`--tz`). A
  /// mistake keeps its `CAL` code, with the profile's line and column.
  private static func readCalendar(_ t: TOMLTable, _ c: inout ProfileContext)
    throws(ProfileError)
  {
    do {
      c.profile.calendar = try BusinessCalendar.parse(
        table: t,
        source: CalendarSource(
          file: c.profile.path, text: c.text, defaultZone: c.profile.zone ?? .utc))
      c.profile.calendarHasZone = t.contains(key: "tz")
    } catch {
      throw ProfileError(
        code: error.kind.rawValue, path: c.profile.path, line: error.line, column: error.column,
        message: error.message)
    }
  }

  /// `[sla]`: targets per level (`1 = "8h"`) and `clock = "business"` (hours and minutes
  /// then read as business hours and minutes of the calendar) or `"calendar"` (the default);
  /// `bh`/`bm` keep their meaning. `[sla.CATEGORY]` (a category key) gives that category
  /// targets of its own, in the same form; it takes `[sla]`'s clock unless it sets its own.
  private static func readSLATable(_ t: TOMLTable, _ c: inout ProfileContext)
    throws(ProfileError)
  {
    let business = try slaClock(t, "sla", &c)
    var own: [(CategoryKey, SLATargets)] = []
    for (k, v) in entries(t, "sla", c) {
      guard let table = v.table else { continue }
      guard let key = CategoryKey(profileKey: k) else {
        let keys = CategoryKey.allCases.map(\.rawValue)
        throw c.error(
          ProfileCode.unknownKey, "sla.\(k)",
          "[sla.\(k)]: not a category" + suggestion(k, in: keys) + "; the categories are "
            + keys.joined(separator: ", "))
      }
      let path = "sla.\(k)"
      guard
        let targets = try slaTargets(
          table, path, business: try slaClock(table, path, &c) ?? business ?? false, &c)
      else {
        throw c.error(
          ProfileCode.badOption, path, "[\(path)] gives no target; write e.g. 1 = \"4h\"")
      }
      own.append((key, targets))
    }
    var targets = try slaTargets(t, "sla", business: business ?? false, &c)
    if targets == nil {
      guard !own.isEmpty else {
        throw c.error(ProfileCode.badOption, "sla", "[sla] gives no target; write e.g. 1 = \"8h\"")
      }
      targets = SLATargets(seconds: [nil, nil, nil, nil])
    }
    for (key, t) in own { targets?.set(t, for: key) }
    c.profile.sla = targets
  }

  /// The `clock` of an `[sla]` table: `true` for business, `false` for calendar, `nil` unset.
  private static func slaClock(_ t: TOMLTable, _ path: String, _ c: inout ProfileContext)
    throws(ProfileError) -> Bool?
  {
    guard let v = t["clock"] else { return nil }
    let s = try c.string(v, "\(path).clock")
    switch s.lowercased() {
    case "business": return true
    case "calendar": return false
    default:
      throw c.error(
        ProfileCode.badOption, "\(path).clock",
        "clock = \"\(s)\": write \"business\" or \"calendar\"")
    }
  }

  /// The level targets of an `[sla]` table (its sub-tables left out); `nil` when it has none.
  private static func slaTargets(
    _ t: TOMLTable, _ path: String, business: Bool, _ c: inout ProfileContext
  ) throws(ProfileError) -> SLATargets? {
    var items: [String] = []
    for (k, v) in entries(t, path, c) where k != "clock" && v.table == nil {
      guard ["1", "2", "3", "4"].contains(k) else {
        throw c.error(
          ProfileCode.unknownKey, "\(path).\(k)",
          "unknown key \"\(k)\" in [\(path)]; write clock = \"business\" and levels 1 to 4, "
            + "e.g. 1 = \"8h\"")
      }
      var d = try c.string(v, "\(path).\(k)")
      let lower = d.lowercased()
      if business, lower.hasSuffix("h") || lower.hasSuffix("m"),
        !lower.hasSuffix("bh") && !lower.hasSuffix("bm")
      {
        d.insert("b", at: d.index(before: d.endIndex))
      }
      items.append("\(k)=\(d)")
    }
    guard !items.isEmpty else { return nil }
    do {
      return try SLATargets.parse(items.joined(separator: ","))
    } catch {
      throw c.error(ProfileCode.badOption, path, "[\(path)]: \(error)")
    }
  }

  private static func readColumns(_ t: TOMLTable, _ c: inout ProfileContext) throws(ProfileError) {
    for (k, v) in entries(t, "columns", c) {
      let path = "columns.\(k)"
      guard let field = LogField(mapName: k) else {
        let fields = LogField.allCases.map(\.rawValue)
        throw c.error(
          ProfileCode.unknownField, path,
          "[columns] \(k): not a field" + suggestion(k, in: fields) + "; the fields are "
            + fields.joined(separator: ", "))
      }
      c.profile.columns.append((field, try c.string(v, path)))
    }
  }

  private static func readLevels(_ t: TOMLTable, _ c: inout ProfileContext) throws(ProfileError) {
    for (k, v) in entries(t, "levels", c) {
      let path = "levels.\(k)"
      let n = v.int ?? v.string.flatMap { LevelResolver.numericLevel($0)?.rawValue }
      guard let n, let level = Level(rawValue: n) else {
        throw c.error(
          ProfileCode.badLevel, path,
          "[levels] \"\(k)\" = \(v.debugDescription): a level is a number from 1 to 4, e.g. \"\(k)\" = 2"
        )
      }
      c.profile.levels.append((k, level))
    }
  }

  private static func readCategories(_ t: TOMLTable, _ c: inout ProfileContext)
    throws(ProfileError)
  {
    for (k, v) in entries(t, "categories", c) {
      let target = try c.string(v, "categories.\(k)")
      c.profile.categories.append((k, target))
    }
  }

  /// The words of `[events]`: the kinds, and a few spellings of them.
  static let eventKinds: [String: EventKind] = [
    "open": .open, "escalate": .escalate, "de-escalate": .deescalate, "deescalate": .deescalate,
    "resolve": .resolve, "reopen": .reopen, "update": .update, "pause": .pause,
  ]

  private static func readEvents(_ t: TOMLTable, _ c: inout ProfileContext) throws(ProfileError) {
    for (k, v) in entries(t, "events", c) {
      let path = "events.\(k)"
      let word = try c.string(v, path)
      guard let kind = eventKinds[word.lowercased()] else {
        let kinds = ["open", "escalate", "de-escalate", "resolve", "reopen", "update", "pause"]
        throw c.error(
          ProfileCode.unknownEventKind, path,
          "[events] \"\(k)\" = \"\(word)\": not an event kind" + suggestion(word, in: kinds)
            + "; write one of " + kinds.joined(separator: ", "))
      }
      c.profile.events.append((k, kind))
    }
  }
}
