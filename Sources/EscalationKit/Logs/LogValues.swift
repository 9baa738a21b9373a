/// Resolvers for the values of a log: event words, levels and categories. Each takes the text
/// of a cell once (the importer caches the answer per distinct cell value).

/// Event words, matched like labels (case, accents and spacing do not matter).
public enum EventWords {
  /// Words per event kind, English then French.
  public static let words: [(EventKind, [String])] = [
    (
      .open,
      [
        "open", "opened", "created", "new", "raised", "ouvert", "ouverte", "créé", "créée",
        "nouveau", "nouvelle", "ouverture",
      ]
    ),
    (
      .escalate,
      [
        "escalate", "escalated", "escalation", "remonté", "remontée", "escaladé", "escaladée",
        "escalade", "remonter",
      ]
    ),
    (
      .deescalate,
      [
        "de-escalate", "de-escalated", "deescalate", "deescalated", "de escalate", "de escalated",
        "downgraded",
        "downgrade", "rétrogradé", "rétrogradée", "désescaladé", "désescaladée", "redescendu",
      ]
    ),
    (
      .resolve,
      [
        "resolve", "resolved", "closed", "close", "done", "fixed", "completed", "résolu", "résolue",
        "clos", "close",
        "clôturé", "clôturée", "fermé", "fermée", "terminé", "terminée",
      ]
    ),
    (
      .reopen,
      [
        "reopen", "reopened", "re-opened", "re-open", "rouvert", "rouverte", "réouvert",
        "réouverte",
      ]
    ),
    // "pause" is the word written in normalised output, so that it reads back as one; the
    // others are the usual service-desk statuses that stop the SLA clock (docs/metrics.md#pauses).
    (
      .pause,
      [
        "pause", "paused", "on hold", "on-hold", "waiting for customer", "waiting on customer",
        "awaiting customer", "pending customer", "awaiting user info", "en attente client",
        "en attente du client", "en pause",
      ]
    ),
  ]

  static let dictionary: LabelDictionary<EventKind> = {
    var d = LabelDictionary<EventKind>()
    for (kind, ws) in words { for w in ws { d.add(w, kind) } }
    return d
  }()

  /// The kind of a word, or `nil` for any other word (an update).
  public static func kind(_ word: String) -> EventKind? {
    if case .found(let k, _, _) = dictionary.match(word) { return k }
    return nil
  }
}

/// Resolves level cells: numbers, `L2`, `N2`, `Level 2`, `Niveau 2`, `Level 2 escalation`,
/// `Remontée de niveau 2`, and the roles of the matrix in use and of both canonical matrices.
public struct LevelResolver: Sendable {
  private var roles = LabelDictionary<Level>()

  /// How a cell resolved.
  public enum Resolution: Sendable, Equatable {
    case level(Level)
    /// Through a role or an alias; `label` is the role or alias matched.
    case role(Level, label: String)
    case unknown(suggestion: String?)
  }

  public init(matrix: Matrix) {
    for l in Level.all { roles.add(matrix.role(of: l), l) }
    for lang in [Language.en, .fr] {
      let m = Matrix.canonical(lang)
      for l in Level.all { roles.add(m.role(of: l), l, kind: .otherLanguage) }
    }
    for (alias, l) in [
      ("Chef de projet", 2), ("Responsable commercial", 4), ("Project team", 1),
      ("Équipe de projet", 1),
      ("Contact équipe projet", 1), ("Account manager", 3), ("Sales", 4),
    ] {
      if let lv = Level(rawValue: l) { roles.add(alias, lv, kind: .alias) }
    }
  }

  private static let fillers: Set<String> = [
    "level", "niveau", "escalation", "escalade", "remontee", "remonte", "de", "lvl", "tier", "du",
    "d",
  ]

  /// The level written in `text`, if any of the accepted forms.
  public static func numericLevel(_ text: String) -> Level? {
    let key = LabelNormalizer.key(text)
    // "2", "2.0": Excel number cells.
    if let d = key.first, key.count >= 1 {
      var rest = key.dropFirst()
      if rest.hasPrefix(".") && rest.dropFirst().allSatisfy({ $0 == "0" }) { rest = "" }
      if rest.isEmpty, let v = d.wholeNumberValue { return Level(rawValue: v) }
    }
    var tokens: [Substring] = []
    for t in key.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    where !fillers.contains(String(t)) {
      tokens.append(t)
    }
    guard tokens.count == 1 else { return nil }
    var t = tokens[0]
    for prefix in ["level", "niveau", "lvl", "l", "n", "t"]
    where t.hasPrefix(prefix) && t.count > prefix.count {
      t = t.dropFirst(prefix.count)
      break
    }
    guard t.count == 1, let v = t.first?.wholeNumberValue else { return nil }
    return Level(rawValue: v)
  }

  /// Resolves one cell's text.
  public func resolve(_ text: String) -> Resolution {
    if let l = LevelResolver.numericLevel(text) { return .level(l) }
    switch roles.match(text) {
    case .found(let l, _, let canonical): return .role(l, label: canonical)
    case .notFound(let s): return .unknown(suggestion: s)
    }
  }
}

/// Resolves category cells: the key, or the label in either language, or as written in the
/// matrix in use.
public struct CategoryResolver: Sendable {
  private var dict = LabelDictionary<CategoryKey>()

  /// `labels` are extra labels (e.g. as written in the matrix file in use), tried first.
  public init(labels: [CategoryKey: String] = [:]) {
    for c in CategoryKey.allCases {
      if let l = labels[c] { dict.add(l, c) }
    }
    for c in CategoryKey.allCases {
      dict.add(c.label(.en), c)
      dict.add(c.label(.fr), c, kind: .otherLanguage)
      dict.add(c.rawValue, c, kind: .alias)
    }
  }

  /// The category of `text`, or the closest label when it is close enough.
  public func resolve(_ text: String) -> Result<CategoryKey, CategoryMiss> {
    switch dict.match(text) {
    case .found(let c, _, _): return .success(c)
    case .notFound(let s): return .failure(CategoryMiss(suggestion: s))
    }
  }
}

/// A category cell that matched nothing.
public struct CategoryMiss: Error, Sendable, Equatable {
  public var suggestion: String?
}
