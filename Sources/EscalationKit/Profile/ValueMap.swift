/// The value part of a profile, ready for the importer: what a cell value means, looked up by
/// its label key (case, accents and spacing do not matter). The importer asks once per
/// distinct cell value of a column (its ``ValueCache``), never per row.
public struct ValueMap: Sendable {
  private var nulls: Set<String> = []
  private var levels: [String: Level] = [:]
  private var categories: [String: CategoryKey] = [:]
  /// The `"*"` catch-all of `[categories]`.
  public private(set) var categoryDefault: CategoryKey?
  private var events: [String: EventKind] = [:]

  public init() {}

  /// Whether the map says nothing (no profile, or one without value tables).
  public var isEmpty: Bool {
    nulls.isEmpty && levels.isEmpty && categories.isEmpty && categoryDefault == nil
      && events.isEmpty
  }

  /// Whether nulls were given (`null = [...]`).
  public var hasNulls: Bool { !nulls.isEmpty }

  /// The map of `profile`; `[categories]` targets resolve as category cells do, with the labels
  /// of the matrix in use (`categoryLabels`) first. Throws for a target that is no category.
  public init(profile: Profile, categoryLabels: [CategoryKey: String] = [:])
    throws(ProfileError)
  {
    for n in profile.nulls { nulls.insert(LabelNormalizer.key(n)) }
    for (v, l) in profile.levels { levels[LabelNormalizer.key(v)] = l }
    for (v, k) in profile.events { events[LabelNormalizer.key(v)] = k }
    let resolver = CategoryResolver(labels: categoryLabels)
    for (v, target) in profile.categories {
      switch resolver.resolve(target) {
      case .success(let c):
        if v == "*" { categoryDefault = c } else { categories[LabelNormalizer.key(v)] = c }
      case .failure(let miss):
        let keys = CategoryKey.allCases.map(\.rawValue).joined(separator: ", ")
        throw ProfileError(
          code: ProfileCode.unknownCategory, path: profile.path,
          line: profile.line("categories.\(v)"),
          message:
            "[categories] \"\(v)\" = \"\(target)\": \"\(target)\" is no category of the matrix in use"
            + (miss.suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
            + "; write a category key (\(keys)) or its label")
      }
    }
  }

  /// Whether `text` means blank.
  public func isNull(_ text: String) -> Bool {
    !nulls.isEmpty && nulls.contains(LabelNormalizer.key(text))
  }

  /// The level `[levels]` gives `text`, if any.
  public func level(_ text: String) -> Level? {
    levels.isEmpty ? nil : levels[LabelNormalizer.key(text)]
  }

  /// The category `[categories]` gives `text`, if listed (the catch-all is not applied here).
  public func category(_ text: String) -> CategoryKey? {
    categories.isEmpty ? nil : categories[LabelNormalizer.key(text)]
  }

  /// The event kind `[events]` gives `text`, if any.
  public func event(_ text: String) -> EventKind? {
    events.isEmpty ? nil : events[LabelNormalizer.key(text)]
  }
}

extension ValueMap {
  /// Every entry in a stable order, for the event cache's key (docs/cache.md): two maps with
  /// the same fingerprint read every cell alike.
  var fingerprint: String {
    var parts = nulls.sorted().map { "null " + $0 }
    parts += levels.map { "level \($0.key)=\($0.value.rawValue)" }.sorted()
    parts += categories.map { "category \($0.key)=\($0.value.rawValue)" }.sorted()
    parts += events.map { "event \($0.key)=\($0.value.rawValue)" }.sorted()
    parts.append("default \(categoryDefault?.rawValue ?? "-")")
    return EventCacheKey.joined(parts)
  }
}
