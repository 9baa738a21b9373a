/// The row groups of the figure tables and the per-group counters the figure families fill
/// in their single pass (docs/metrics.md#intake-and-escalation-rates describes the rows).
///
/// Every table has a row per category (the 8 in canonical order), a row for the tickets
/// without a category when there are any, and a total row.
struct GroupSlot: Hashable {
  /// 0…7 the categories, 8 the tickets without one, 9 the total.
  let index: Int

  private init(_ index: Int) { self.index = index }

  /// The slot of a reconstruction category (0…7, or ``Reconstruction/noCategory``).
  @inline(__always) init(category: UInt8) { index = Int(category) }

  static let uncategorized = GroupSlot(Int(Reconstruction.noCategory))
  static let total = GroupSlot(9)
  /// Every slot, the total included.
  static let count = 10
  /// The slots a total is summed from: the categories and the uncategorized.
  static let summed = (0..<9).map(GroupSlot.init(_:))

  /// The table rows: the 8 categories, the uncategorized when present, the total.
  static func rows(withUncategorized: Bool) -> [GroupSlot] {
    (0..<8).map(GroupSlot.init(_:)) + (withUncategorized ? [.uncategorized] : []) + [.total]
  }

  /// The row group this slot is shown as.
  var rowGroup: RowGroup { self == .total ? .total : RowGroup(index: index) }
}

/// One value per row group.
struct PerGroup<Value> {
  private(set) var values: [Value]

  init(_ initial: Value) { values = [Value](repeating: initial, count: GroupSlot.count) }

  @inline(__always) subscript(_ g: GroupSlot) -> Value {
    get { values[g.index] }
    set { values[g.index] = newValue }
    // In place, so that appending to an array value does not copy it.
    _modify { yield &values[g.index] }
  }
}

extension PerGroup where Value == Int {
  /// Adds `n` to the group `g` and to the total.
  @inline(__always) mutating func add(_ n: Int, to g: GroupSlot) {
    values[g.index] += n
    values[GroupSlot.total.index] += n
  }
}

/// One value per row group and level (1…4).
struct PerGroupLevel<Value> {
  private(set) var values: [Value]

  init(_ initial: Value) { values = [Value](repeating: initial, count: GroupSlot.count * 4) }

  @inline(__always) subscript(_ g: GroupSlot, level level: Int) -> Value {
    get { values[g.index * 4 + level - 1] }
    set { values[g.index * 4 + level - 1] = newValue }
    _modify { yield &values[g.index * 4 + level - 1] }
  }

  /// The values of group `g`, levels `levels`.
  func row(_ g: GroupSlot, levels: ClosedRange<Int> = 1...4) -> [Value] {
    levels.map { self[g, level: $0] }
  }
}

extension PerGroupLevel where Value == Int {
  /// Adds `n` to the group `g` and to the total, at `level`.
  @inline(__always) mutating func add(_ n: Int, to g: GroupSlot, level: Int) {
    values[g.index * 4 + level - 1] += n
    values[GroupSlot.total.index * 4 + level - 1] += n
  }
}

extension PerGroupLevel where Value == [Int64] {
  /// Each group's statistics at each level, and each level's total over all groups
  /// (``DurationStats/init(parts:)``: neither sorted nor gathered into one array).
  func statsWithTotals() -> PerGroupLevel<DurationStats> {
    var out = PerGroupLevel<DurationStats>(.empty)
    for l in 1...4 {
      for g in GroupSlot.summed {
        out[g, level: l] = DurationStats(parts: [self[g, level: l]])
      }
      out[.total, level: l] = DurationStats(parts: GroupSlot.summed.map { self[$0, level: l] })
    }
    return out
  }
}

extension PerGroup where Value == [Int64] {
  /// Each group's statistics and the total's (see ``PerGroupLevel/statsWithTotals()``).
  func statsWithTotal() -> PerGroup<DurationStats> {
    var out = PerGroup<DurationStats>(.empty)
    for g in GroupSlot.summed {
      out[g] = DurationStats(parts: [self[g]])
    }
    out[.total] = DurationStats(parts: GroupSlot.summed.map { self[$0] })
    return out
  }
}
