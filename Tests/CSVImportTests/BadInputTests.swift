import Foundation
import Testing

@testable import CSVImport

/// The CSV layer's part of the bad-input corpus: each input with its exact outcome.
@Suite struct BadInputTests {
  func error(_ bytes: [UInt8], options: CSVReadOptions = CSVReadOptions()) -> CSVError? {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bad-\(UUID().uuidString).csv")
    do {
      try Data(bytes).write(to: url)
      defer { try? FileManager.default.removeItem(at: url) }
      let reader = try CSVReader(path: url.path, options: options)
      try reader.forEachRecord { _ in }
      return nil
    } catch let e as CSVError {
      return e
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  @Test func emptyAndBOMOnly() {
    #expect(error([])?.code == "CSV001")
    #expect(error([0xEF, 0xBB, 0xBF])?.code == "CSV001")
    #expect(error(Array(" \r\n\r\n".utf8))?.code == "CSV001")
  }

  @Test func headerOnlyIsOneRecord() throws {
    let (records, _) = try readAll(Array("Ticket;Date\r\n".utf8))
    #expect(records.count == 1)
  }

  @Test func nulBytesAreKeptAsData() throws {
    // NUL is valid UTF-8; the reader passes it on, later stages report control characters.
    let (records, _) = try readAll(Array("a,b\n".utf8) + [0x78, 0x00, 0x79, 0x2C, 0x7A, 0x0A])
    #expect(records[1].1 == ["x\u{0}y", "z"])
  }

  @Test func binaryGarbageDecodesAsWindows1252WithoutCrashing() throws {
    var bytes: [UInt8] = []
    var x: UInt32 = 12345
    for _ in 0..<5000 {
      x = x &* 1_103_515_245 &+ 12345
      bytes.append(UInt8(truncatingIfNeeded: x >> 16))
    }
    // Whatever the outcome, it is a value or a positioned CSVError, never a crash.
    if let e = error(bytes) {
      #expect(e.line != nil || e.code == "CSV001")
    }
  }

  @Test func tenMegabyteField() throws {
    let big = [UInt8](repeating: 0x61, count: 10 << 20)
    let (records, _) = try readAll(Array("a,b\n\"".utf8) + big + Array("\",2\n".utf8))
    #expect(records.count == 2)
    #expect(records[1].1[0].utf8.count == 10 << 20)
  }

  @Test func fieldOverTheCapIsAPositionedError() {
    let e = error(
      Array("a\n".utf8) + [UInt8](repeating: 0x61, count: 5000) + [0x0A],
      options: CSVReadOptions(maxFieldBytes: 4096))
    #expect(e == .fieldTooLarge(path: e?.path ?? "", line: 2, column: 1, limit: 4096))
  }

  @Test func hundredThousandColumnsIsAFinding() {
    let header = (0..<100_000).map { "c\($0)" }.joined(separator: ",") + "\n"
    let e = error(Array(header.utf8))
    #expect(e?.code == "CSV007")
    #expect(e?.line == 1)
  }

  @Test func unterminatedQuoteAtTheVeryEnd() {
    let e = error(Array("a,b\n1,2\n3,\"4".utf8))
    #expect(e?.code == "CSV004")
    #expect(e?.line == 3)
    #expect(e?.column == 2)
  }

  @Test func mixedLineEnds() throws {
    let (records, _) = try readAll(Array("a,b\r\n1,2\n3,4\r5,6\r\n\"x\ny\",7\r8,9".utf8))
    #expect(records.map(\.0) == [1, 2, 3, 4, 5, 7])
    #expect(records[4].1 == ["x\ny", "7"])
  }

  @Test func strayQuoteAfterAMultiLineRecordHasTheRightLine() {
    let e = error(Array("a,b\n\"1\n2\n3\",x\nok,\"fine\"junk\n".utf8))
    #expect(e?.code == "CSV005")
    #expect(e?.line == 5)
    #expect(e?.column == 2)
  }

  @Test func sepLineVariants() throws {
    let (r1, d1) = try readAll(Array("SEP=;\r\na;b\r\n".utf8))
    #expect(d1.hasSepLine && d1.delimiter == UInt8(ascii: ";"))
    #expect(r1.map(\.0) == [2])
    let (r2, d2) = try readAll(Array("\u{FEFF}sep=\t\na\tb\n".utf8))
    #expect(d2.hasSepLine && d2.delimiter == 0x09)
    #expect(r2[0].1 == ["a", "b"])
  }

  @Test func utf16OddByteCountIsAnError() {
    let e = error([0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00, 0x62])
    #expect(e?.code == "CSV003")
  }
}
