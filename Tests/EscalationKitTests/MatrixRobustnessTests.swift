import Testing

@testable import EscalationKit

/// Random grids made of matrix-like pieces: the reader never traps, and what it says is
/// consistent with what it returns.
@Suite struct MatrixRobustnessTests {
  /// A small deterministic generator (SplitMix64), so a failure can be replayed.
  struct Rng {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(n))
    }
  }

  static let pieces: [String] = {
    var p = [
      "", " ", "=1", "-", "x", "\t", "a  b", "\u{00A0}", "L2", "Owner", "Types de remontée",
      "é\u{0301}",
    ]
    p += MatrixFixture.rows(.fr).flatMap { $0 }.prefix(20)
    p += MatrixFixture.rows(.en).flatMap { $0 }.prefix(12)
    return p
  }()

  @Test func randomGridsAreReadConsistently() {
    var rng = Rng(state: 42)
    for round in 0..<250 {
      let height = rng.next(13)
      var rows: [[String]] = []
      for _ in 0..<height {
        let width = rng.next(12)
        rows.append((0..<width).map { _ in Self.pieces[rng.next(Self.pieces.count)] })
      }
      // Start from the canonical matrix now and then, with a few cells replaced.
      if round % 3 == 0 {
        rows = MatrixFixture.rows(round % 2 == 0 ? .fr : .en)
        if round % 4 == 0 { rows = MatrixFixture.transposed(rows) }
        for _ in 0..<rng.next(4) {
          let r = rng.next(rows.count)
          guard !rows[r].isEmpty else { continue }
          rows[r][rng.next(rows[r].count)] = Self.pieces[rng.next(Self.pieces.count)]
        }
      }
      rows = rows.filter { $0.contains { !$0.isEmpty } }  // the CSV reader skips blank records
      guard !rows.isEmpty else { continue }
      let (doc, findings) = MatrixFixture.analyze(rows)
      let width = rows.map(\.count).max() ?? 0
      for f in findings {
        if let l = f.line { #expect((1...rows.count).contains(l), "\(f.description) in \(rows)") }
        if let c = f.column {
          #expect((1...(width + 1)).contains(c), "\(f.description) in \(rows)")
        }
      }
      // A matrix is returned exactly when every level and row was found.
      let structural =
        findings.contains { ["MTX007", "MTX010"].contains($0.code) }
        || (doc?.levelHeaders.count ?? 0) < 4
      #expect((doc?.matrix == nil) == structural, "\(rows)")
      if let doc, let m = doc.matrix {
        _ = MatrixDiff.changes(doc, against: m)
        #expect(MatrixDiff.changes(doc, against: m).isEmpty)
      }
    }
  }
}
