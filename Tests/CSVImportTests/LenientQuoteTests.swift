import Testing

@testable import CSVImport

/// `CSVReadOptions.lenientQuotes` (issue 10, "records, not files, fail"): quotes that strict
/// CSV refuses are read as Excel, LibreOffice and Python's csv module read them, and the record
/// says so; a quote never closed costs its own line only.
@Suite struct LenientQuoteTests {
  struct Read: Equatable {
    /// Per record: line, end line, loose-quote field, unclosed-quote field, then its fields.
    var records: [[String]] = []
    var error: CSVError?
  }

  func read(_ text: String, block: Int = 1 << 20, lenient: Bool = true) -> Read {
    var out = Read()
    let options = CSVReadOptions(blockSize: block, lenientQuotes: lenient)
    let reader = CSVReader(bytes: Array(text.utf8), name: "t.csv", options: options)
    do {
      try reader.forEachRecord { r in
        out.records.append(
          [
            String(r.line), String(r.endLine), String(r.looseQuoteField),
            String(r.unclosedQuoteField),
          ] + (0..<r.rawCount).map { r.string($0) })
      }
    } catch let e as CSVError {
      out.error = e
    } catch {
      Issue.record("unexpected \(error)")
    }
    return out
  }

  /// Every block size reads the same (records cross blocks of 64 and 97 bytes here).
  func readAllBlocks(_ text: String) -> Read {
    let first = read(text)
    for block in [64, 97, 4096] { #expect(read(text, block: block) == first, "block \(block)") }
    return first
  }

  @Test func quoteInsideAnUnquotedFieldIsACharacter() {
    // Python: csv.reader(['a,b', 'x,27" monitor']) gives ['x', '27" monitor'].
    let r = readAllBlocks("a,b\nx,27\" monitor\ny,z\n")
    #expect(r.error == nil)
    #expect(
      r.records == [
        ["1", "1", "0", "0", "a", "b"], ["2", "2", "2", "0", "x", "27\" monitor"],
        ["3", "3", "0", "0", "y", "z"],
      ])
    // Strict (the default), the same text is a stray quote at line 2, field 2.
    #expect(read("a,b\nx,27\" monitor\ny,z\n", lenient: false).error?.code == "CSV005")
  }

  @Test func textAfterAClosingQuoteIsKept() {
    // "x"y → xy (the quoted part, then the rest as written); a doubled quote inside stays one;
    // ` "B" ` (a space before the quote) is an unquoted field with quotes in it.
    let r = readAllBlocks("a,b,c\n\"x\"y,\"p\"\"q\"r, \"B\" \n")
    #expect(r.error == nil)
    #expect(r.records.last == ["2", "2", "1", "0", "xy", "p\"qr", " \"B\" "])
  }

  @Test func aQuoteNeverClosedCostsItsLineOnly() {
    // Line 3 opens a quote in field 2 that never closes: the record is line 3 up to its end
    // (field 2 = `4 and more`), flagged; lines 4 and 5 are records again.
    let text = "a,b\n1,2\n3,\"4 and more\n5,6\r\n7,8"
    let r = readAllBlocks(text)
    #expect(r.error == nil)
    #expect(
      r.records == [
        ["1", "1", "0", "0", "a", "b"], ["2", "2", "0", "0", "1", "2"],
        ["3", "3", "0", "2", "3", "4 and more"], ["4", "4", "0", "0", "5", "6"],
        ["5", "5", "0", "0", "7", "8"],
      ])
    // Strict: CSV004 where the quote opens, the whole file refused.
    #expect(
      read(text, lenient: false).error == .unterminatedQuote(path: "t.csv", line: 3, column: 2))
  }

  @Test func wellFormedQuotesAreNotFlagged() {
    // Doubled quotes and line breaks inside quotes are ordinary CSV: nothing flagged, and the
    // same records as strict reading.
    let text = "a,b\n\"x\"\"y\",\"1\n2\"\n"
    #expect(readAllBlocks(text) == read(text, lenient: false))
    #expect(read(text).records.allSatisfy { $0[2] == "0" && $0[3] == "0" })
  }
}
