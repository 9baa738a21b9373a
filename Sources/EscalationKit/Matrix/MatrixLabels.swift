/// A row of the matrix: the role row or one of the eight categories.
public enum MatrixRowKey: Hashable, Sendable, Comparable, CustomStringConvertible {
  case role
  case category(CategoryKey)

  /// The nine rows in canonical order.
  public static let all: [MatrixRowKey] = [.role] + CategoryKey.allCases.map { .category($0) }

  /// 0-based canonical position (0 = role row).
  public var index: Int {
    switch self {
    case .role: return 0
    case .category(let c): return c.index + 1
    }
  }

  public static func < (a: MatrixRowKey, b: MatrixRowKey) -> Bool { a.index < b.index }

  /// `role` or the category key (stable, for JSON).
  public var description: String {
    switch self {
    case .role: return "role"
    case .category(let c): return c.rawValue
    }
  }

  /// The canonical label in `language`.
  public func label(_ language: Language) -> String {
    switch self {
    case .role: return CanonicalMatrix.roleRowLabel[language == .en ? 0 : 1]
    case .category(let c): return c.label(language)
    }
  }
}

/// One cell of the matrix: a row and a level.
public struct MatrixCellKey: Hashable, Sendable, Comparable {
  public var row: MatrixRowKey
  public var level: Level
  public init(_ row: MatrixRowKey, _ level: Level) {
    self.row = row
    self.level = level
  }
  public static func < (a: MatrixCellKey, b: MatrixCellKey) -> Bool {
    (a.row.index, a.level.rawValue) < (b.row.index, b.level.rawValue)
  }
}

/// Label look-ups for a matrix in use, for the commands that read logs against it: a level from
/// a level value or a role as written in the matrix, a category from its key or its label in
/// either language or as written in the matrix.
///
/// ```swift
/// let labels = MatrixLabels(language: .fr, document: loaded.document)
/// if case .found(let level, _, _) = labels.level("Chef de projet") { … }
/// ```
public struct MatrixLabels: Sendable {
  /// The language of the matrix in use: its labels match exactly, the other language's with
  /// `.otherLanguage`.
  public let language: Language
  /// Level values: `1`…`4`, level headers in both languages and their aliases (`L2`, `N2`,
  /// `Level 2`, `Niveau 2`, …), the roles as written in the matrix in use, the canonical roles.
  public let levels: LabelDictionary<Level>
  /// Categories: labels as written in the matrix in use, canonical labels in both languages,
  /// the stable keys.
  public let categories: LabelDictionary<CategoryKey>

  /// Look-ups for the canonical matrix in `language`, plus the labels and roles as written in
  /// `document` when given (they take precedence).
  public init(language: Language, document: MatrixDocument? = nil) {
    self.language = language
    var levels = LabelDictionary<Level>()
    var categories = LabelDictionary<CategoryKey>()
    if let document {
      for level in Level.all {
        if let role = document.cells[MatrixCellKey(.role, level)], !role.text.isEmpty {
          levels.add(role.text, level)
        }
        if let header = document.levelHeaders[level], !header.text.isEmpty {
          levels.add(header.text, level)
        }
      }
      for c in CategoryKey.allCases {
        if let label = document.rowLabels[.category(c)], !label.text.isEmpty {
          categories.add(label.text, c)
        }
      }
    }
    for level in Level.all { levels.add(String(level.rawValue), level) }
    MatrixLabelTables.addLevelHeaders(to: &levels, primary: language)
    let k = language == .en ? 0 : 1
    for level in Level.all {
      MatrixLabelTables.add(CanonicalMatrix.roles[level.index][k], level, to: &levels, kind: .loose)
    }
    for level in Level.all {
      MatrixLabelTables.add(
        CanonicalMatrix.roles[level.index][1 - k], level, to: &levels, kind: .otherLanguage)
    }
    for (alias, level) in MatrixLabelTables.roleAliases { levels.add(alias, level, kind: .alias) }
    for c in CategoryKey.allCases {
      MatrixLabelTables.add(c.label(language), c, to: &categories, kind: .loose)
    }
    for c in CategoryKey.allCases {
      MatrixLabelTables.add(
        c.label(language == .en ? .fr : .en), c, to: &categories, kind: .otherLanguage)
    }
    for c in CategoryKey.allCases { categories.add(c.rawValue, c, kind: .alias) }
    self.levels = levels
    self.categories = categories
  }

  /// The level `text` names (a level value, header or role).
  public func level(_ text: String) -> LabelDictionary<Level>.Match { levels.match(text) }

  /// The category `text` names (a key or label).
  public func category(_ text: String) -> LabelDictionary<CategoryKey>.Match {
    categories.match(text)
  }
}

/// The label tables the matrix reader matches against.
enum MatrixLabelTables {
  /// Role aliases: the masculine French forms of the canonical roles.
  static let roleAliases: [(String, Level)] = [
    ("Chef de projet", Level(rawValue: 2)!),
    ("Responsable commercial", Level(rawValue: 4)!),
  ]

  /// Aliases of the role row label.
  static let roleRowAliases = [
    "Role", "Roles", "Rôle", "Rôles", "Owner", "Operational roles", "Rôles opérationnels",
  ]

  /// Accepted texts of the corner cell (beside the canonical ones).
  static let cornerAliases = [
    "Escalation type", "Type de remontée", "Escalation level", "Niveau de remontée",
  ]

  /// `label` with the typographic characters a keyboard does not type replaced by the plain
  /// ones: no-break and narrow no-break spaces by a space, ’ ‘ by '.
  static func plainVariant(_ label: String) -> String {
    var out = String.UnicodeScalarView()
    for s in label.unicodeScalars {
      switch s.value {
      case 0xA0, 0x202F: out.append(" ")
      case 0x2018, 0x2019: out.append("'")
      default: out.append(s)
      }
    }
    return String(out)
  }

  /// Adds `label` and its keyboard variant (which then also matches exactly).
  static func add<V>(
    _ label: String, _ value: V, to d: inout LabelDictionary<V>, kind: LabelMatchKind
  ) {
    d.add(label, value, kind: kind)
    let plain = plainVariant(label)
    if plain != label { d.add(plain, value, kind: kind) }
  }

  /// Adds the level headers: `primary` language, the other, then the aliases.
  static func addLevelHeaders(to d: inout LabelDictionary<Level>, primary: Language) {
    let other: Language = primary == .en ? .fr : .en
    for level in Level.all {
      add(CanonicalMatrix.levelHeader(level, primary), level, to: &d, kind: .loose)
    }
    for level in Level.all {
      add(CanonicalMatrix.levelHeader(level, other), level, to: &d, kind: .otherLanguage)
    }
    for level in Level.all {
      let n = level.rawValue
      for alias in [
        "L\(n)", "N\(n)", "Level \(n)", "Niveau \(n)", "Escalation level \(n)",
        "Niveau de remontée \(n)",
        "Remontée niveau \(n)", "\(n)",
      ] {
        d.add(alias, level, kind: .alias)
      }
    }
  }

  /// The level header dictionary for reading a matrix in `primary` language (built once).
  static func levelHeaders(primary: Language) -> LabelDictionary<Level> {
    primary == .en ? levelHeadersEN : levelHeadersFR
  }

  /// The row label dictionary (role row and categories) for a matrix in `primary` language
  /// (built once).
  static func rowLabels(primary: Language) -> LabelDictionary<MatrixRowKey> {
    primary == .en ? rowLabelsEN : rowLabelsFR
  }

  private static let levelHeadersEN = makeLevelHeaders(primary: .en)
  private static let levelHeadersFR = makeLevelHeaders(primary: .fr)
  private static let rowLabelsEN = makeRowLabels(primary: .en)
  private static let rowLabelsFR = makeRowLabels(primary: .fr)

  private static func makeLevelHeaders(primary: Language) -> LabelDictionary<Level> {
    var d = LabelDictionary<Level>()
    addLevelHeaders(to: &d, primary: primary)
    return d
  }

  private static func makeRowLabels(primary: Language) -> LabelDictionary<MatrixRowKey> {
    let other: Language = primary == .en ? .fr : .en
    var d = LabelDictionary<MatrixRowKey>()
    for row in MatrixRowKey.all { add(row.label(primary), row, to: &d, kind: .loose) }
    for row in MatrixRowKey.all { add(row.label(other), row, to: &d, kind: .otherLanguage) }
    for alias in roleRowAliases { d.add(alias, .role, kind: .alias) }
    for c in CategoryKey.allCases { d.add(c.rawValue, .category(c), kind: .alias) }
    return d
  }

  /// The corner cell's accepted texts.
  static let corner: LabelDictionary<Bool> = {
    var d = LabelDictionary<Bool>()
    for l in CanonicalMatrix.cornerLabel { add(l, true, to: &d, kind: .loose) }
    for a in cornerAliases { d.add(a, true, kind: .alias) }
    return d
  }()
}
