import Testing

@testable import CSVImport

/// The word-at-a-time paths of the reader give what a byte-by-byte reading gives.
@Suite struct ReaderFastPathTests {
  /// An invalid byte (0xFF) or a cut sequence at every offset of a 20-byte ASCII run: the word
  /// loop skips the ASCII bytes of the word that holds it, and must land exactly on it.
  @Test func invalidByteFoundAtEveryOffset() {
    for k in 0..<20 {
      var b = [UInt8](repeating: 0x61, count: 20)
      b[k] = 0xFF
      let r = b.withUnsafeBufferPointer { validateUTF8($0) }
      #expect(r.invalidAt == k, "offset \(k)")
      #expect(r.validPrefix == k)
      // "é" (C3 A9) at k is valid and the scan goes on to the end.
      var e = [UInt8](repeating: 0x61, count: 21)
      e[k] = 0xC3
      e[k + 1] = 0xA9
      let v = e.withUnsafeBufferPointer { validateUTF8($0) }
      #expect(v.invalidAt == nil && v.validPrefix == 21, "offset \(k)")
    }
  }

  /// Quoted fields with line breaks at every position of a 1…19-byte field (inside and after the
  /// 8-byte words the copy tests): the next record starts on the right line, and the bytes are
  /// kept whole.
  @Test func lineBreaksInQuotedFieldsAtEveryPosition() throws {
    for n in 1..<20 {
      for k in 0..<n {
        for brk in ["\n", "\r\n", "\r"] {
          var cell = String(repeating: "x", count: n)
          let idx = cell.index(cell.startIndex, offsetBy: k)
          cell.replaceSubrange(idx...idx, with: brk)
          let text = "a,b\n\"\(cell)\",2\nz,3\n"
          let reader = CSVReader(bytes: Array(text.utf8), name: "t.csv")
          var got: [(Int, String)] = []
          try reader.forEachRecord { got.append(($0.line, $0.string(0))) }
          // Header on line 1, the multi-line record on line 2 (one break inside), then line 4.
          #expect(got.map(\.0) == [1, 2, 4], "n \(n) k \(k)")
          #expect(got.count == 3 && got[1].1 == cell)
        }
      }
    }
  }
}
