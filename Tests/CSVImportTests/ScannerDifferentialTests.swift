import Testing

@testable import CSVImport

/// What one read gives: every record with its lines and counts, every field's bytes, the
/// dialect and the error.
private struct Outcome: Equatable {
  var records: [[Int]] = []
  var fields: [[UInt8]] = []
  var dialect: CSVDialect?
  var error: CSVError?
}

private func read(_ bytes: [UInt8], _ options: CSVReadOptions) -> Outcome {
  var out = Outcome()
  let reader = CSVReader(bytes: bytes, name: "t.csv", options: options)
  do {
    try reader.forEachRecord { r in
      out.records.append([r.line, r.endLine, r.count, r.rawCount])
      for i in 0..<r.rawCount { out.fields.append(Array(r.bytes(i))) }
    }
  } catch let e as CSVError {
    out.error = e
  } catch {
    Issue.record("unexpected error \(error)")
  }
  out.dialect = reader.dialect
  return out
}

/// The byte scanner with libcsv behind it reads exactly what libcsv alone reads: the same
/// records, lines, fields and the same error at the same position (the fuzz target
/// Fuzz/csvdiff.swift does the same on any bytes).
@Suite struct ScannerDifferentialTests {
  /// Limits and block sizes that make records cross blocks, exceed the carry, and hit the
  /// field-size and field-count limits.
  static let setups: [(Int, Int, Int)] = [(64, 1 << 16, 512), (97, 12, 6), (1 << 20, 1 << 16, 512)]

  private func check(_ bytes: [UInt8], _ label: String) -> Outcome {
    var first = Outcome()
    for (k, (block, maxField, maxFields)) in Self.setups.enumerated() {
      var o = CSVReadOptions(blockSize: block, maxFieldBytes: maxField, maxFields: maxFields)
      let scanned = read(bytes, o)
      o.useScanner = false
      let reference = read(bytes, o)
      #expect(scanned == reference, "\(label), block \(block)")
      if k == 0 { first = reference }
    }
    return first
  }

  /// Hand-written cases, with what libcsv gives worked out from its strict state machine.
  @Test func trickyInputs() {
    let q = check(Array("a,b\n\"x\"\"y\",\"1\n2\"\r\n,\n".utf8), "quotes")
    #expect(q.error == nil)
    // Header, then `x"y` and a field holding a line break (lines 2–3), then two empty fields.
    #expect(q.records == [[1, 1, 2, 2], [2, 3, 2, 2]])
    #expect(q.fields[2] == Array("x\"y".utf8) && q.fields[3] == Array("1\n2".utf8))
    // A quote inside an unquoted field: CSV005 at line 2, column 2.
    let s = check(Array("a,b\nx,y\"z\n".utf8), "stray")
    #expect(s.error == .strayQuote(path: "t.csv", line: 2, column: 2))
    // Text after a closing quote.
    let t = check(Array("a,b\n\"x\"y,z\n".utf8), "after quote")
    #expect(t.error == .strayQuote(path: "t.csv", line: 2, column: 1))
    // A quote never closed: CSV004 where it opens.
    let u = check(Array("a,b\n1,2\n3,\"4\n5\n".utf8), "unterminated")
    #expect(u.error == .unterminatedQuote(path: "t.csv", line: 3, column: 2))
    // CR, LF and CRLF line ends, blank lines (a CR then a CRLF is two), no final line end.
    let e = check(Array("a;b\r\r\n1;x\r2;3\n\n4;\"\"".utf8), "ends")
    #expect(e.error == nil)
    #expect(e.records.map { $0[0] } == [1, 3, 4, 6])
  }

  /// Thousands of random inputs built from the tokens that matter to a CSV parser.
  @Test func generatedCorpus() {
    let tokens: [String] = [
      "a", "bc", "ESC-1", ",", ",", ";", "\t", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\u{0}", "é",
      "x\"y", "\"q,\"", "\"l\nm\"", "\"\"\"\"", "sep=;\n", "2026-10-03T14:05:00Z",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    var records = 0
    var errors = 0
    for n in 0..<3000 {
      var text = "h1,h2,h3\n"
      let length = 1 + next() % (n % 10 == 0 ? 400 : 40)
      for _ in 0..<length { text += tokens[next() % tokens.count] }
      let o = check(Array(text.utf8), "case \(n): \(text.debugDescription)")
      records += o.records.count
      if o.error != nil { errors += 1 }
    }
    // Both kinds of outcome occur often, so both paths are exercised.
    #expect(records > 3000)
    #expect(errors > 100 && errors < 2990)
  }

  /// A log shaped like a real export (quoted notes with doubled quotes, LF and CRLF inside)
  /// reads the same with every block size.
  @Test func exportShapedLog() {
    var text = "Ticket,Timestamp,Event,Level,Category,Owner,Note\n"
    for i in 0..<3000 {
      let note =
        i % 5 == 0
        ? "\"Customer says \"\"no\"\", call\nback\"" : i % 7 == 0 ? "\"a\r\nb\"" : "plain note \(i)"
      text += "ESC-\(i),2026-10-03T14:05:00Z,opened,1,Equipment purchase,Sam Patel,\(note)\n"
    }
    let o = check(Array(text.utf8), "export")
    #expect(o.error == nil && o.records.count == 3001)
  }
}
