import Foundation
import Testing

@testable import CSVImport

/// Writes `bytes` to a temporary file and reads it back as records `(line, fields)`.
func readAll(_ bytes: [UInt8], blockSize: Int = 1 << 20, delimiter: UInt8? = nil) throws -> (
  records: [(Int, [String])], dialect: CSVDialect
) {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "csvtest-\(UUID().uuidString).csv")
  try Data(bytes).write(to: url)
  defer { try? FileManager.default.removeItem(at: url) }
  let reader = try CSVReader(
    path: url.path, options: CSVReadOptions(delimiter: delimiter, blockSize: blockSize))
  var out: [(Int, [String])] = []
  try reader.forEachRecord { r in out.append((r.line, r.strings)) }
  return (out, reader.dialect!)
}

func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

@Suite struct CSVReaderTests {
  @Test func semicolonCRLFWithBOMAndQuotedNewline() throws {
    let text = "\u{FEFF}a;b;c\r\n1;\"two\r\nlines\";3\r\n\r\nx;\"y\"\"z\";w\r\n"
    let (records, dialect) = try readAll(utf8(text))
    #expect(dialect.encoding == .utf8BOM)
    #expect(dialect.delimiter == UInt8(ascii: ";"))
    #expect(records.map(\.0) == [1, 2, 5])
    #expect(records[0].1 == ["a", "b", "c"])
    #expect(records[1].1 == ["1", "two\r\nlines", "3"])
    #expect(records[2].1 == ["x", "y\"z", "w"])
  }

  @Test func sameRecordsWhateverTheBlockSize() throws {
    let text = "h1,h2\n\"a\nb\",c\r\nd,\"é\u{2019}x\"\r\n\n\ne,f"
    let whole = try readAll(utf8(text)).records
    for size in [64, 65, 67, 100] {
      let small = try readAll(utf8(text), blockSize: size).records
      #expect(small.map(\.0) == whole.map(\.0))
      #expect(small.map(\.1) == whole.map(\.1))
    }
    #expect(whole.map(\.0) == [1, 2, 4, 7])
  }

  @Test func utf16LEWithBOMAndTabs() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for u in "Catégorie\tNiveau\r\nDéfis\t2\r\n".utf16 {
      bytes += [UInt8(u & 0xFF), UInt8(u >> 8)]
    }
    let (records, dialect) = try readAll(bytes)
    #expect(dialect.encoding == .utf16LE)
    #expect(dialect.delimiterName == "tab")
    #expect(records.map(\.1) == [["Catégorie", "Niveau"], ["Défis", "2"]])
    #expect(records.map(\.0) == [1, 2])
  }

  @Test func utf16BEWithBOM() throws {
    var bytes: [UInt8] = [0xFE, 0xFF]
    for u in "a,b\n\u{1F600},c\n".utf16 { bytes += [UInt8(u >> 8), UInt8(u & 0xFF)] }
    let (records, dialect) = try readAll(bytes)
    #expect(dialect.encoding == .utf16BE)
    #expect(records.map(\.1) == [["a", "b"], ["\u{1F600}", "c"]])
  }

  @Test func utf16WithoutBOMIsRecognised() throws {
    var bytes: [UInt8] = []
    for u in "ticket;level\nT-1;2\n".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
    let (records, dialect) = try readAll(bytes)
    #expect(dialect.encoding == .utf16LENoBOM)
    #expect(records.map(\.1) == [["ticket", "level"], ["T-1", "2"]])
  }

  @Test func windows1252WhenNotUTF8() throws {
    // "Défis;Résiliation d’abonnements" in Windows-1252: é = E9, ’ = 92.
    let bytes: [UInt8] =
      [0x44, 0xE9, 0x66, 0x69, 0x73, 0x3B] + utf8("R") + [0xE9] + utf8("siliation d") + [0x92]
      + utf8("abonnements\r\n")
    let (records, dialect) = try readAll(bytes)
    #expect(dialect.encoding == .windows1252)
    #expect(records.first?.1 == ["Défis", "Résiliation d’abonnements"])
  }

  @Test func sepLineSetsDelimiterAndIsNotData() throws {
    let (records, dialect) = try readAll(utf8("sep=|\na|b,c\n1|2,3\n"))
    #expect(dialect.hasSepLine)
    #expect(dialect.delimiter == UInt8(ascii: "|"))
    #expect(records.map(\.0) == [2, 3])
    #expect(records[0].1 == ["a", "b,c"])
  }

  @Test func delimiterChosenFromHeaderIgnoringQuotedOnes() throws {
    let (_, d1) = try readAll(utf8("\"a;b;c\",d,e\n1,2,3\n"))
    #expect(d1.delimiter == UInt8(ascii: ","))
    let (_, d2) = try readAll(utf8("a\tb\tc\n"))
    #expect(d2.delimiter == 0x09)
    let (r3, d3) = try readAll(utf8("a;b\n1;2\n"), delimiter: UInt8(ascii: ","))
    #expect(d3.delimiter == UInt8(ascii: ","))
    #expect(r3[0].1 == ["a;b"])
  }

  @Test func blankLinesAndTrailingEmptyColumnsIgnored() throws {
    let (records, _) = try readAll(utf8("a;b;;\n;;;\n\n1;2;;\n1;;;\n"))
    #expect(records.map(\.0) == [1, 4, 5])
    #expect(records.map(\.1) == [["a", "b"], ["1", "2"], ["1"]])
  }

  @Test func spacesAreKept() throws {
    let (records, _) = try readAll(utf8(" a ,b  \n"))
    #expect(records[0].1 == [" a ", "b  "])
  }

  @Test func crOnlyLineEnds() throws {
    let (records, _) = try readAll(utf8("a,b\r1,2\r\r3,4"))
    #expect(records.map(\.0) == [1, 2, 4])
  }

  @Test func strayQuoteIsAnErrorAtItsLine() throws {
    #expect(throws: CSVError.self) { try readAll(utf8("a,b\n1,2\n3,4\"x\n5,6\n")) }
    do {
      _ = try readAll(utf8("a,b\n1,2\n3,4\"x\n5,6\n"))
    } catch let e as CSVError {
      #expect(e.line == 3)
      #expect(e.column == 2)
      #expect(e.code == "CSV005")
      #expect(!e.isIOError)
    }
  }

  @Test func unterminatedQuoteReportsWhereItStarts() throws {
    do {
      _ = try readAll(utf8("a,b\n1,2\n3,\"open\n5,6\n7,8\n"))
      Issue.record("expected an error")
    } catch let e as CSVError {
      guard case .unterminatedQuote(_, let line, let column) = e else {
        Issue.record("wrong error \(e)")
        return
      }
      #expect(line == 3)
      #expect(column == 2)
    }
  }

  @Test func invalidUTF8InTheMiddleOfAUTF8File() throws {
    var bytes = utf8("a,b\n")
    for i in 0..<5000 { bytes += utf8("é\(i),x\n") }
    bytes += utf8("ok,") + [0xFF] + utf8("\n")
    do {
      _ = try readAll(bytes, blockSize: 4096)
      Issue.record("expected an error")
    } catch let e as CSVError {
      #expect(e.code == "CSV002")
      #expect(e.line == 5002)
      #expect(e.column == 4)
    }
  }

  @Test func emptyFile() throws {
    #expect(throws: CSVError.empty(path: "")) {
      _ = try readAllNamed([], name: "")
    }
    #expect(throws: CSVError.self) { try readAll(utf8("\u{FEFF}\r\n")) }
  }

  @Test func missingFileIsAnIOError() {
    do {
      _ = try CSVReader(path: "/nonexistent/x.csv")
      Issue.record("expected an error")
    } catch {
      #expect(error.isIOError)
      #expect(error.description.hasPrefix("/nonexistent/x.csv: error[IO001]: cannot open the file"))
    }
  }

  @Test func tooManyFields() throws {
    let header = (0..<20).map { "c\($0)" }.joined(separator: ",")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wide-\(UUID().uuidString).csv")
    try Data((header + "\n").utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let reader = try CSVReader(path: url.path, options: CSVReadOptions(maxFields: 10))
    #expect(throws: CSVError.tooManyFields(path: url.path, line: 1, limit: 10)) {
      try reader.forEachRecord { _ in }
    }
  }
}

/// Like `readAll` but reports errors with the given display name (standard input is not used).
func readAllNamed(_ bytes: [UInt8], name: String) throws -> [(Int, [String])] {
  do {
    return try readAll(bytes).records
  } catch CSVError.empty {
    throw CSVError.empty(path: name)
  }
}
