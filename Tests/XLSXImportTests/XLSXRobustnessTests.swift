import CSVImport
import Foundation
import Testing
import ZIPFoundation

@testable import XLSXImport

/// Small workbooks packed in memory (ZIPFoundation, deflated parts), so that each test states
/// the exact XML it reads. Styles: xf 0 General, 1 custom `yyyy-mm-dd hh:mm`, 2 built-in 14,
/// 3 built-in 46 (`[h]:mm:ss`), 4 built-in 2 (`0.00`, not a date). Shared strings: 0 `Ticket`,
/// 1 `a`+`b` in two rich-text runs, 2 `漢字` with a phonetic run (`かんじ`, not read).
enum MiniWorkbook {
  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
    """
  static let workbook = """
    <workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
    """
  static let rels = """
    <Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="x/styles" Target="styles.xml"/></Relationships>
    """
  static let sharedStrings = """
    <sst><si><t>Ticket</t></si><si><r><t>a</t></r><r><t>b</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si></sst>
    """
  static let styles = """
    <styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="46"/><xf numFmtId="2"/></cellXfs></styleSheet>
    """

  /// The parts of a workbook whose sheet part is `sheet` (without the parts in `omit`).
  static func parts(sheet: String, omit: Set<String> = []) -> [(String, [UInt8])] {
    [
      ("[Content_Types].xml", contentTypes), ("xl/workbook.xml", workbook),
      ("xl/_rels/workbook.xml.rels", rels), ("xl/sharedStrings.xml", sharedStrings),
      ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet),
    ].filter { !omit.contains($0.0) }.map { ($0.0, Array($0.1.utf8)) }
  }

  static func pack(_ parts: [(String, [UInt8])], stored: Bool = false) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (name, bytes) in parts {
      let data = Data(bytes)
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count),
        compressionMethod: stored ? .none : .deflate,
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    return [UInt8](try #require(archive.data))
  }

  static func make(sheet: String, omit: Set<String> = []) throws -> [UInt8] {
    try pack(parts(sheet: sheet, omit: omit))
  }

  /// A sheet part with `rows` inside `sheetData`.
  static func sheet(_ rows: String) -> String {
    "<worksheet><dimension ref=\"A1:XFD1048576\"/><sheetData>\(rows)</sheetData></worksheet>"
  }

  /// `(row, fields)` of every record, and the reader's notices.
  static func read(_ bytes: [UInt8]) throws -> ([(Int, [String])], [WorkbookNotice]) {
    let reader = try XLSXReader(bytes: bytes, name: "mini.xlsx")
    var out: [(Int, [String])] = []
    try reader.forEachRecord { r in out.append((r.line, r.strings)) }
    return (out, reader.notices)
  }

  /// The error reading `bytes` throws (`nil`: read without error).
  static func error(_ bytes: [UInt8]) -> CSVError? {
    do {
      _ = try read(bytes)
      return nil
    } catch let e as CSVError {
      return e
    } catch {
      Issue.record("not a CSVError: \(error)")
      return nil
    }
  }
}

@Suite struct XLSXRobustnessTests {
  /// The kinds of cell the fixtures do not show, each with the value a person sees in Excel:
  /// phonetic runs dropped from a shared string, an inline string in three runs, a formula's
  /// cached text, an ISO date cell (`t="d"`, as written), built-in date formats 14 and 46 and a
  /// custom one, a `0.00` number kept as written, an error other than `#N/A`, cells without an
  /// `r` reference (placed one after the other), a missing row and missing cells, and a
  /// `dimension` claiming the whole grid (not trusted: nothing is sized by it).
  /// Serials: 46298 is 2026-10-03 (see XLSXReaderTests.serialsAsISO); .25 of a day is 06:00;
  /// .586805555555 is 845/1440, 14:05.
  @Test func cellKindsBeyondTheFixtures() throws {
    let bytes = try MiniWorkbook.make(
      sheet: MiniWorkbook.sheet(
        """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
        <row r="2"><c t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve">line </t></r><r><t>rich</t></r></is></c>\
        <c t="str"><f>A1</f><v>Ticket</v></c><c t="d"><v>2026-10-03T14:05:00</v></c></row>\
        <row r="3"><c r="A3" s="3"><v>46298.25</v></c><c r="B3" s="4"><v>0.5</v></c><c r="C3" t="e"><v>#DIV/0!</v></c></row>\
        <row r="5"><c r="B5" s="2"><v>46298</v></c><c r="D5" s="1"><v>46298.586805555555</v></c></row>
        """))
    let (rows, notices) = try MiniWorkbook.read(bytes)
    #expect(rows.map(\.0) == [1, 2, 3, 5])
    #expect(rows[0].1 == ["Ticket", "ab", "漢字"])
    #expect(rows[1].1 == ["inline rich", "Ticket", "2026-10-03T14:05:00"])
    #expect(rows[2].1 == ["2026-10-03 06:00:00", "0.5", "#DIV/0!"])
    #expect(rows[3].1 == ["", "2026-10-03 00:00:00", "", "2026-10-03 14:05:00"])
    #expect(notices.map(\.code) == [XLSXCode.errorValue])
    #expect(notices.first?.row == 3 && notices.first?.column == 3)
  }

  /// Damaged sheets and packages built for the purpose: each a finding with its code and the
  /// cell, never a trap.
  @Test func badSheetsAndPackages() throws {
    func sheetError(_ rows: String) throws -> CSVError? {
      MiniWorkbook.error(try MiniWorkbook.make(sheet: MiniWorkbook.sheet(rows)))
    }
    // A column past XFD (Excel's last, 16,384).
    let wide = try sheetError("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>")
    #expect(wide?.code == XLSXCode.sheetLimits && wide?.message.contains("\"XFE1\"") == true)
    // Shared string 3 of 3 (indexes 0…2).
    let shared = try sheetError("<row r=\"1\"><c r=\"A1\"/><c r=\"B1\" t=\"s\"><v>3</v></c></row>")
    #expect(shared?.code == XLSXCode.sheetLimits && shared?.column == 2 && shared?.line == 1)
    #expect(shared?.message.contains("(3 strings)") == true)
    // A negative or non-numeric shared-string index.
    let notIndex = try sheetError("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>")
    #expect(notIndex?.code == XLSXCode.sheetLimits)
    // A cell of row 3 inside row 2; rows and cells out of order; row 0.
    #expect(
      try sheetError("<row r=\"2\"><c r=\"A3\"><v>1</v></c></row>")?.code == XLSXCode.sheetLimits)
    let back = try sheetError("<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row r=\"1\"/>")
    #expect(back?.code == XLSXCode.sheetLimits && back?.line == 1)
    let left = try sheetError("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>")
    #expect(left?.code == XLSXCode.sheetLimits && left?.column == 1)
    #expect(try sheetError("<row r=\"0\"/>")?.code == XLSXCode.sheetLimits)
    // Malformed XML: an unclosed element, an undefined entity.
    #expect(
      try sheetError("<row r=\"1\"><c r=\"A1\"><v>1</c></row>")?.code == XLSXCode.malformedXML)
    #expect(
      try sheetError("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>&bogus;</v></c></row>")?.code
        == XLSXCode.malformedXML)
    // Missing parts: the sheet, the shared strings the relationships name.
    let noSheet = try MiniWorkbook.make(sheet: "", omit: ["xl/worksheets/sheet1.xml"])
    #expect(MiniWorkbook.error(noSheet)?.code == XLSXCode.missingPart)
    let noStrings = try MiniWorkbook.make(sheet: "", omit: ["xl/sharedStrings.xml"])
    #expect(MiniWorkbook.error(noStrings)?.code == XLSXCode.missingPart)
    // The package cut short (central directory gone) and a corrupted deflate stream.
    let good = try MiniWorkbook.make(
      sheet: MiniWorkbook.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))
    #expect(try MiniWorkbook.read(good).0.map(\.1) == [["1"]])
    let cut = MiniWorkbook.error(Array(good.prefix(good.count / 2)))
    #expect(cut?.code == XLSXCode.damagedZIP, "\(String(describing: cut))")
  }

  /// A part whose bytes changed after it was packed (stored, not deflated, so that inflating
  /// cannot notice): `<v>7</v>` became `<v>8</v>`. The part's CRC-32 no longer matches the
  /// directory's, so the workbook is damaged (XLSX002) rather than read as 8.
  @Test func checksumMismatchIsDamage() throws {
    let sheet = MiniWorkbook.sheet("<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>")
    var bytes = try MiniWorkbook.pack(MiniWorkbook.parts(sheet: sheet), stored: true)
    #expect(try MiniWorkbook.read(bytes).0.map(\.1) == [["7"]])
    let needle = Array("<v>7</v>".utf8)
    let at = try #require(
      (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
    bytes[at + 3] = UInt8(ascii: "8")
    let e = MiniWorkbook.error(bytes)
    #expect(e?.code == XLSXCode.damagedZIP && e?.message.contains("sheet1.xml") == true)
  }

  /// A few hundred damaged variants of a small workbook (bytes flipped, the package cut, the
  /// sheet XML cut, repeated or spliced with hostile cells), each read to the end: reading
  /// either succeeds with rows in increasing order no wider than Excel's grid, or throws a
  /// ``CSVError``; anything else (a trap, another error) fails. Fuzz/xlsx.swift does the same
  /// at length with libFuzzer; this is the quick, deterministic run in `swift test`.
  @Test func mutatedWorkbooksNeverTrap() throws {
    var rng = SplitMix64(seed: 13)
    var outcomes = [0, 0]
    for i in 0..<400 {
      let bytes = try MiniWorkbook.mutant(i, &rng)
      do {
        let reader = try XLSXReader(bytes: bytes, name: "mutant-\(i).xlsx")
        var last = 0
        try reader.forEachRecord { r in
          #expect(r.line > last && r.line <= WorkbookLimits.maxRows)
          #expect(r.rawCount <= WorkbookLimits.maxColumns && r.count <= r.rawCount)
          last = r.line
          for k in 0..<r.rawCount { _ = r.string(k) }
        }
        outcomes[0] += 1
      } catch let e as CSVError {
        #expect(!e.message.isEmpty, "mutant \(i)")
        outcomes[1] += 1
      } catch {
        Issue.record("mutant \(i): not a CSVError: \(error)")
      }
    }
    // Both outcomes occur (a run where every mutant fails, or none does, tests too little):
    // with seed 13, 15 mutants read and 385 fail with a finding.
    #expect(outcomes == [15, 385], "\(outcomes)")
  }
}

extension MiniWorkbook {
  /// The sheet the mutants start from: shared and inline strings, a hidden row, a date, an
  /// error and a boolean.
  static let mutationSheet = Array(
    sheet(
      """
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
      <row r="2" hidden="1"><c r="A2" s="1"><v>46298.5</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>\
      <row r="3"><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="b"><v>1</v></c></row>
      """
    ).utf8)
  static let mutationPackage = Result {
    try make(sheet: String(decoding: mutationSheet, as: UTF8.self))
  }
  static let hostile = [
    "<c r=\"XFD1048576\" t=\"s\"><v>99999999999</v></c>", "<row r=\"1048577\">", "&#0;",
    "<c t=\"s\"><v>2</v></c>", "<row>", "</row>", "<c r=\"\"/>", "<is><t>", "]]>",
    "<c s=\"999999\"><v>1e308</v></c>", "<c s=\"1\"><v>-5</v></c>",
  ].map { Array($0.utf8) }

  /// Damaged variant `i` of the mutation workbook, drawn from `rng`: bytes of the package
  /// flipped, the package cut, the sheet XML cut or with a slice repeated, or a hostile token
  /// spliced into the sheet XML.
  static func mutant(_ i: Int, _ rng: inout SplitMix64) throws -> [UInt8] {
    let package = try mutationPackage.get()
    var s = mutationSheet
    switch i % 4 {
    case 0:  // flip 1 to 8 bytes of the package
      var b = package
      for _ in 0...rng.below(8) { b[rng.below(b.count)] ^= UInt8(1 + rng.below(255)) }
      return b
    case 1:  // the package cut
      return Array(package.prefix(rng.below(package.count)))
    case 2:  // the sheet XML cut or with a slice repeated
      let a = rng.below(s.count)
      let n = rng.below(s.count - a + 1)
      if rng.below(2) == 0 {
        s.removeSubrange(a..<(a + n))
      } else {
        s.insert(contentsOf: s[a..<(a + n)], at: rng.below(s.count + 1))
      }
    default:  // a hostile token spliced into the sheet XML
      s.insert(contentsOf: hostile[rng.below(hostile.count)], at: rng.below(s.count + 1))
    }
    return try pack(parts(sheet: "").dropLast() + [("xl/worksheets/sheet1.xml", s)])
  }
}

/// A small deterministic generator (SplitMix64) for the mutations.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// A number in 0..<n (n ≥ 1).
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
