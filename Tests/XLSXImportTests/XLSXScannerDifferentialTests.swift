import CSVImport
import Foundation
import Testing

@testable import XLSXImport

/// What reading a workbook gives: every record delivered (row, fields), the notices, and the
/// error that ended the reading (code, message, row, column), if any.
struct ReadOutcome: Equatable, CustomStringConvertible {
  var records: [[String]] = []
  var notices: [String] = []
  var error: String?
  var replayed: [String] = []

  static func == (a: ReadOutcome, b: ReadOutcome) -> Bool {
    a.records == b.records && a.notices == b.notices && a.error == b.error
  }

  var description: String {
    "\(records.count) records, notices \(notices), error \(error ?? "none")"
  }

  static func read(
    _ open: (XMLReading) throws -> XLSXReader, _ reading: XMLReading
  ) -> ReadOutcome {
    var o = ReadOutcome()
    do {
      let reader = try open(reading)
      defer { o.replayed = reader.replayedParts }
      do {
        try reader.forEachRecord { r in o.records.append(["\(r.line)"] + r.strings) }
      } catch let e as CSVError {
        o.error = "\(e.code) \(e.message) \(e.line ?? 0):\(e.column ?? 0)"
      }
      o.notices = reader.notices.map { "\($0.code) \($0.row ?? 0):\($0.column ?? 0) \($0.message)" }
    } catch let e as CSVError {
      o.error = "\(e.code) \(e.message) \(e.line ?? 0):\(e.column ?? 0)"
    } catch {
      o.error = "not a CSVError: \(error)"
    }
    return o
  }

  /// The workbook `bytes` read with the scanner and with libxml2 alone.
  static func both(_ bytes: [UInt8], sheet: String? = nil) -> (ReadOutcome, ReadOutcome) {
    let open = { (r: XMLReading) in
      try XLSXReader(bytes: bytes, name: "w.xlsx", sheet: sheet.map(SheetChoice.init), reading: r)
    }
    return (read(open, .scanner), read(open, .libxml2))
  }
}

@Suite struct XLSXScannerDifferentialTests {
  /// Every workbook committed under Tests/ (fixtures of every test target: other producers,
  /// this tool's template and reports, the damaged ones), every sheet: the scanner gives the
  /// records, notices and error libxml2 gives, and reads the good ones without giving any part
  /// back to libxml2.
  @Test func committedWorkbooks() throws {
    let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
    let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)!
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "xlsx" }
    #expect(files.count >= 18, "\(files.count) workbooks")
    var sheetsRead = 0
    for url in files {
      let bytes = try [UInt8](Data(contentsOf: url))
      let count = (try? XLSXReader(bytes: bytes, name: "w.xlsx").sheets.count) ?? 1
      for k in 1...max(count, 1) {
        let (scanned, reference) = ReadOutcome.both(bytes, sheet: "\(k)")
        #expect(scanned == reference, "\(url.lastPathComponent) sheet \(k)")
        if reference.error == nil && !url.lastPathComponent.hasPrefix("bad-") {
          #expect(scanned.replayed.isEmpty, "\(url.lastPathComponent): \(scanned.replayed)")
          sheetsRead += 1
        }
      }
    }
    #expect(sheetsRead >= 19, "\(sheetsRead) sheets")
  }

  /// The damaged variants of ``XLSXRobustnessTests/mutatedWorkbooksNeverTrap()`` (the same 400,
  /// and 1,600 more from other seeds): identical outcome each time, records delivered before an
  /// error included.
  @Test func mutatedWorkbooks() throws {
    var replayed = 0
    for seed: UInt64 in [13, 14, 15, 16, 17] {
      var rng = SplitMix64(seed: seed)
      for i in 0..<400 {
        let bytes = try MiniWorkbook.mutant(i, &rng)
        let (scanned, reference) = ReadOutcome.both(bytes)
        #expect(scanned == reference, "seed \(seed) mutant \(i)")
        if !scanned.replayed.isEmpty { replayed += 1 }
      }
    }
    // Most damaged sheets are given back to libxml2 (which says what is wrong), not all.
    #expect(replayed > 500 && replayed < 2000, "\(replayed)")
  }

  /// Sheets written as other producers write them, read to the same records by both readers,
  /// without libxml2: a namespace prefix on every element, attributes in any order and with
  /// either quote, references, CDATA, comments, CR LF line ends, a byte-order mark, formulas
  /// and self-closing cells.
  @Test func producerVariants() throws {
    let variants = [
      """
      \u{FEFF}<?xml version='1.0' encoding='utf-8'?>\r\n<!-- written by hand -->\r\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\r\n<x:row r="1"><x:c s='0' t='s' r='A1'><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#233;&#xE9;</x:t></x:is></x:c></x:row>\r\n</x:sheetData></x:worksheet>
      """,
      """
      <worksheet xmlns="m" xmlns:r="r"><sheetData><row r="1" spans="1:3"><c r="A1" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="B1"/><c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve"> </t></r><r><t><![CDATA[x<y]]></t></r></is></c></row><row r="2"><c r="A2" s="1"><v>46298.5</v></c><c r="B2" t="b"><v>0</v></c><c r="C2"><v>  7 </v></c></row></sheetData></worksheet>
      """,
    ]
    let expected: [[[String]]] = [
      [["1", "Ticket", "<a> & \"b\" 'c' éé"]],
      [["1", "ab", "", " x<y"], ["2", "2026-10-03 12:00:00", "FALSE", "  7 "]],
    ]
    for (sheet, want) in zip(variants, expected) {
      let bytes = try MiniWorkbook.pack(
        MiniWorkbook.parts(sheet: "").dropLast() + [("xl/worksheets/sheet1.xml", Array(sheet.utf8))]
      )
      let (scanned, reference) = ReadOutcome.both(bytes)
      #expect(scanned == reference)
      #expect(scanned.records == want)
      #expect(scanned.replayed.isEmpty, "\(scanned.replayed)")
    }
  }

  /// What the scanner gives back to libxml2 (a DOCTYPE, an unknown entity, a processing
  /// instruction, another encoding, an undeclared prefix) or finds malformed: the same outcome
  /// as libxml2 alone, and the part was read again.
  @Test func givenBackToLibXML2() throws {
    let rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>v</t></is></c></row>"
    let sheets = [
      "<!DOCTYPE worksheet><worksheet><sheetData>\(rows)</sheetData></worksheet>",
      "<worksheet><sheetData>\(rows)<row r=\"2\"><c r=\"A2\" t=\"str\"><v>&nbsp;</v></c></row></sheetData></worksheet>",
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet><sheetData>\(rows)</sheetData></worksheet>",
      "<worksheet><?pi x?><sheetData>\(rows)</sheetData></worksheet>",
      "<worksheet><sheetData>\(rows)<y:row r=\"2\"/></sheetData></worksheet>",
      "<worksheet><sheetData>\(rows)<row r=\"2\" r=\"3\"/></sheetData></worksheet>",
      "<worksheet><sheetData>\(rows)<row r=\"2\"><c r=\"A2\"><v>1</c></row></sheetData></worksheet>",
      "<worksheet><sheetData>\(rows)</sheetData></worksheet><extra/>",
      "<worksheet><sheetData>\(rows)<row r=\"2\"><c r=\"A2\" t=\"str\"><v>a]]>b</v></c></row></sheetData></worksheet>",
      "<worksheet><sheetData>\(rows)<row r=\"2\"><c r=\"A2\" t=\"str\"><v>&#0;</v></c></row></sheetData></worksheet>",
      "<worksheet><sheetData>\(rows)<row r=\"&#50;\"></row></sheetData></worksheet>",
      "<worksheet><sheetData>\(rows)",
    ]
    for (k, sheet) in sheets.enumerated() {
      let bytes = try MiniWorkbook.pack(
        MiniWorkbook.parts(sheet: "").dropLast() + [("xl/worksheets/sheet1.xml", Array(sheet.utf8))]
      )
      let (scanned, reference) = ReadOutcome.both(bytes)
      #expect(scanned == reference, "sheet \(k): \(scanned) vs \(reference)")
      #expect(scanned.replayed.count == 1, "sheet \(k)")
      // The record before the construct was delivered once (not again after the replay).
      #expect(
        scanned.records.first == ["1", "v"] && scanned.records.dropFirst().first != ["1", "v"])
    }
  }

  /// A sheet of 30,000 rows (about 2.4 MB of XML, cut into several inflated chunks) with text
  /// of every length, so that tags, references and UTF-8 sequences straddle chunk boundaries.
  @Test func largeSheetAcrossChunks() throws {
    var rows = ""
    for r in 1...30_000 {
      let text = String(repeating: "é&amp;x", count: r % 13) + String(repeating: "y", count: r % 7)
      rows += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
      rows += "<c r=\"C\(r)\" s=\"\(r % 5)\"><v>\(46000 + r).25</v></c></row>\n"
    }
    let bytes = try MiniWorkbook.make(sheet: MiniWorkbook.sheet(rows))
    let (scanned, reference) = ReadOutcome.both(bytes)
    #expect(scanned == reference)
    #expect(scanned.records.count == 30_000 && scanned.replayed.isEmpty)
    // Row 13: no "é&x" (13 % 13), six "y" (13 % 7), style 3 (13 % 5, built-in 46, a time
    // format): serial 46013 is 2025-12-22 (46023 is 2026-01-01), .25 of a day 06:00.
    #expect(scanned.records[12] == ["13", "yyyyyy", "", "2025-12-22 06:00:00"])
    // Row 15: "é&x" twice, one "y", style 0 (General): the serial as written.
    #expect(scanned.records[14] == ["15", "é&xé&xy", "", "46015.25"])
  }

  /// Serials read without strtod (digits, one point, at most 16 digits below 2^53) are the
  /// doubles strtod reads, bit for bit, on 20,000 random ones and edge cases; other forms are
  /// left to strtod.
  @Test func shortDecimalsAreStrtod() {
    func strtodValue(_ s: String) -> Double { strtod(s, nil) }
    func fast(_ s: String) -> Double? {
      Array(s.utf8).withUnsafeBufferPointer { DateFormats.shortDecimal($0) }
    }
    var rng = SplitMix64(seed: 7)
    var cases = [
      "46023.31180555555", "0.1", "9007199254740991", "900719925474099.1", "1.000000000000001",
      "0", "46298.586805555555", "45000.999999999993",
    ]
    for _ in 0..<20_000 {
      let whole = rng.below(3_000_000)
      let places = rng.below(12)
      let fraction = String(rng.next() % 1_000_000_000_000).prefix(places)
      cases.append(places == 0 || fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)")
    }
    for c in cases {
      let v = fast(c)
      #expect(v == nil || v!.bitPattern == strtodValue(c).bitPattern, "\(c)")
    }
    #expect(fast("46023.31180555555") != nil && fast("9007199254740992") == nil)
    for other in ["1e5", "-1", ".5", "5.", "1.2.3", "+1", " 1", "12345678901234567", ""] {
      #expect(fast(other) == nil, "\(other)")
    }
  }

  /// The scanner fed 1, 2, 3, 7 and 64 bytes at a time against libxml2, event by event, on the
  /// parts of the mini workbook and on pieces of XML near the edges of what it reads.
  @Test func eventsInEveryChunking() throws {
    let pieces =
      [
        MiniWorkbook.contentTypes, MiniWorkbook.workbook, MiniWorkbook.rels,
        MiniWorkbook.sharedStrings, MiniWorkbook.styles,
        "<a b='1' c = \"2\"\n/>", "<a><!----><b/>t&#x10FFFF;<![CDATA[]]]]></a>  ",
        "<a>\r\r\n\n</a>", "<a xmlns:p='u'><p:b p:c='1'/></a>", "<a xmlns:p=''/>",
        "<a>&#xD800;</a>",
        "<a b='1'c='2'/>", "<a><b></a></b>", "<a/><!-- x -- y -->", "<a>\u{1}</a>",
        "<a>é\u{FFFD}</a>",
        "<a:b xmlns:a='x' a:c='1' c='2'/>", "<?xml version='1.0' standalone='yes' ?><a/>",
        "<?xml version=\"1.1\"?><a/>", " <a/>", "<a/> x", "<a b='<'/>", "<a>&#65</a>",
      ].map { Array($0.utf8) } + [
        [0x3C, 0x61, 0x3E, 0xC3, 0x3C, 0x2F, 0x61, 0x3E],
        [0xEF, 0xBB, 0xBF, 0x3C, 0x61, 0x2F, 0x3E],
      ]
    for piece in pieces {
      let d = XMLDifferential.difference(piece, chunks: [1, 2, 3, 7, 64])
      #expect(d == nil, "\(String(decoding: piece, as: UTF8.self)): \(d ?? "")")
    }
    // The common forms are read by the scanner itself.
    for piece in pieces.prefix(9) {
      #expect(
        XMLDifferential.scan(piece, chunk: 5).bail == nil,
        "\(String(decoding: piece, as: UTF8.self))")
    }
  }
}
