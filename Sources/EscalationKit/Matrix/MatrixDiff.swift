/// The cells of a matrix file whose text differs from a reference matrix: the canonical
/// matrix in the file's language, or a baseline file.
///
/// Texts are compared as labels are (``LabelNormalizer/same(_:_:)``), so that only real
/// wording changes show: a white-space difference is a warning of its own, and case or accent
/// fixes are not changes of meaning.
public enum MatrixDiff {
  /// One changed cell.
  public struct Change: Sendable, Equatable {
    public var cell: MatrixCellKey
    /// The reference text.
    public var old: String
    /// The text in the file.
    public var new: String
    /// Where the new text was read.
    public var position: MatrixPosition
  }

  /// The changed cells of `document` against `reference`, in row then level order. Empty
  /// cells are not changes (they are errors of their own).
  public static func changes(_ document: MatrixDocument, against reference: Matrix) -> [Change] {
    var out: [Change] = []
    for key in document.cells.keys.sorted() {
      guard let cell = document.cells[key], !MatrixTextChecks.isBlank(cell.text) else { continue }
      let old: String
      switch key.row {
      case .role: old = reference.role(of: key.level)
      case .category(let c): old = reference.text(c, key.level)
      }
      if !LabelNormalizer.same(old, cell.text) {
        out.append(Change(cell: key, old: old, new: cell.text, position: cell.position))
      }
    }
    return out
  }

  /// The changes as notes: `MTX203` against the canonical matrix, `MTX204` against a baseline.
  /// - Parameter baseline: the baseline's name, or `nil` for the canonical matrix.
  public static func findings(
    _ changes: [Change], file: String, language: Language, baseline: String?
  ) -> [Finding] {
    changes.map { c in
      let place: String
      switch c.cell.row {
      case .role: place = "role at level \(c.cell.level)"
      case .category(let k): place = "\"\(k.label(language))\" at level \(c.cell.level)"
      }
      let against =
        baseline.map { "since the baseline \($0)" }
        ?? "from the canonical \(language == .en ? "English" : "French") matrix"
      return Finding(
        matrix: baseline == nil ? .changedFromCanonical : .changedFromBaseline, file: file,
        line: c.position.line,
        column: c.position.column,
        "\(place) changed \(against): \(MatrixTextChecks.quote(c.old)) → \(MatrixTextChecks.quote(c.new))"
      )
    }
  }
}
