/// The language of labels and reports.
public enum Language: String, CaseIterable, Sendable, Codable {
  case en
  case fr
}

/// One of the four escalation levels, 1 to 4.
public struct Level: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  CustomStringConvertible
{
  public let rawValue: Int
  public init?(rawValue: Int) {
    guard (1...4).contains(rawValue) else { return nil }
    self.rawValue = rawValue
  }
  public static let all: [Level] = (1...4).map { Level(rawValue: $0)! }
  public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
  public var description: String { String(rawValue) }
  /// 0-based index for arrays of four.
  public var index: Int { rawValue - 1 }
}

/// The eight issue categories of the canonical matrix, with their stable keys.
public enum CategoryKey: String, CaseIterable, Sendable, Codable, Hashable {
  case operationalChallenges = "operational-challenges"
  case scheduleAdjustments = "schedule-adjustments"
  case guidanceAcquisition = "guidance-acquisition"
  case customerDataIssues = "customer-data-issues"
  case serviceDetailConcerns = "service-detail-concerns"
  case equipmentPurchase = "equipment-purchase"
  case performanceIssues = "performance-issues"
  case subscriptionCancellations = "subscription-cancellations"

  /// 0-based position in the canonical order (rows 2–9 of the matrix).
  public var index: Int { CategoryKey.allCases.firstIndex(of: self)! }

  /// The category at a 0-based canonical index.
  public init?(index: Int) {
    guard (0..<8).contains(index) else { return nil }
    self = CategoryKey.allCases[index]
  }

  /// The canonical label in `language`.
  public func label(_ language: Language) -> String {
    CanonicalMatrix.categoryLabels[index][language == .en ? 0 : 1]
  }

  /// A category named in a profile's table key: its key (`guidance-acquisition`, any case,
  /// `_` or a space for `-`) or its canonical label in English or French.
  public init?(profileKey text: String) {
    let folded = LabelNormalizer.key(String(text.map { $0 == "-" || $0 == "_" ? " " : $0 }))
    for key in CategoryKey.allCases {
      let slug = String(key.rawValue.map { $0 == "-" ? " " : $0 })
      if folded == slug || folded == LabelNormalizer.key(key.label(.en))
        || folded == LabelNormalizer.key(key.label(.fr))
      {
        self = key
        return
      }
    }
    return nil
  }
}

/// A 4 × 9 escalation matrix: the role of each level and, for each category, what that role
/// does at each level.
public struct Matrix: Sendable, Equatable {
  /// Role owning each level, index 0 = level 1.
  public var roles: [String]
  /// For each category (canonical order), the four responsibility texts.
  public var cells: [CategoryKey: [String]]

  public init(roles: [String], cells: [CategoryKey: [String]]) {
    precondition(roles.count == 4 && cells.count == 8 && cells.values.allSatisfy { $0.count == 4 })
    self.roles = roles
    self.cells = cells
  }

  /// The role owning `level`.
  public func role(of level: Level) -> String { roles[level.index] }

  /// The responsibility text for `category` at `level`.
  public func text(_ category: CategoryKey, _ level: Level) -> String {
    cells[category]![level.index]
  }

  /// The canonical matrix in `language`.
  public static func canonical(_ language: Language) -> Matrix { CanonicalMatrix.matrix(language) }
}
