import Foundation
import Testing

/// `.xlsx` input through the commands; the workbooks are XLSXImportTests' fixtures (written once
/// by `Scripts/xlsx-fixtures.py`).
@Suite struct XLSXInputCLITests {
  static func fixture(_ name: String) -> String {
    CLI.packageRoot.appendingPathComponent("Tests/XLSXImportTests/Fixtures/\(name)").path
  }

  /// `template --xlsx` output is a valid matrix in both languages (its legend below the matrix
  /// is a note).
  @Test(arguments: ["en", "fr"])
  func templateWorkbookValidates(lang: String) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let book = dir.appendingPathComponent("m.xlsx").path
    #expect(
      try CLI.run(["template", "--lang", lang, "-o", "/dev/null", "--xlsx", book]).status == 0)
    let r = try CLI.run(["validate", book, "--format", "json"])
    #expect(r.status == 0, "\(r.stdout)")
    #expect(r.stdout.contains("\"valid\": true"))
    #expect(r.stdout.contains("\"language\": \"\(lang)\""))
    #expect(r.stdout.contains("\"sheet\": \"\(lang == "en" ? "Matrix" : "Matrice")\""))
    #expect(r.stdout.contains("\"code\": \"MTX207\""))
  }

  /// The same data as CSV and as workbooks from three producers: the same events, in order,
  /// with the same source lines (the sheet's rows), and the same accounting.
  @Test(arguments: [
    "openpyxl-events.xlsx", "openpyxl-events-1904.xlsx", "xlsxwriter-inline-1904.xlsx",
    "libreoffice-events.xlsx",
  ])
  func importEqualsCSVImport(name: String) throws {
    let csv = try CLI.run(["import", Self.fixture("events.csv")])
    let xlsx = try CLI.run(["import", Self.fixture(name)])
    #expect(csv.status == 0 && xlsx.status == 0)
    #expect(xlsx.stdout == csv.stdout)
    #expect(xlsx.stdout.split(separator: "\n").count == 33)
    #expect(xlsx.stderr.contains("records read: 32 = used 32 + rejected 0 + duplicates 0"))
  }

  @Test func ticketsWorkbookEqualsCSV() throws {
    let csv = try CLI.run(["import", Self.fixture("tickets.csv")])
    let xlsx = try CLI.run(["import", Self.fixture("xlsxwriter-tickets.xlsx")])
    #expect(xlsx.status == 0)
    #expect(xlsx.stdout == csv.stdout)
  }

  @Test func standardInput() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("openpyxl-events.xlsx")))
    let r = try CLI.run(["import", "-"], stdin: data)
    let csv = try CLI.run(["import", Self.fixture("events.csv")])
    #expect(r.status == 0)
    #expect(r.stdout == csv.stdout)
    #expect(r.stderr.contains("<stdin>[Events]!1:1: note[LOG030]"))
  }

  /// Smartsheet's extra columns: one warning, the matrix still judged (and valid); an error
  /// only with --strict. CSV and workbook alike.
  @Test(arguments: ["smartsheet-matrix.xlsx", "smartsheet-matrix.csv"])
  func trackerColumns(name: String) throws {
    let r = try CLI.run(["validate", Self.fixture(name)])
    #expect(r.status == 0, "\(r.stdout)")
    #expect(
      r.stdout.contains(
        "warning[MTX107]: 8 columns outside the 4 levels are not part of the matrix and ignored: F \"Comments\", G \"Attachments\", H \"Row ID\", I \"Created\", J \"Modified\", K \"Created By\", L \"Modified By\", M \"Done\""
      ))
    #expect(r.stdout.contains("valid: 0 errors, 1 warning, 0 notes"))
    #expect(try CLI.run(["validate", Self.fixture(name), "--strict"]).status == 1)
  }

  /// A fifth level or a misspelt one stays an error.
  @Test func levelLikeHeaderStaysAnError() throws {
    let template = try CLI.run(["template"]).stdout
    var lines = template.components(separatedBy: "\r\n")
    lines[0] += ",Level 5 escalation"
    let r = try CLI.run(["validate", "-"], stdin: Data(lines.joined(separator: "\r\n").utf8))
    #expect(r.status == 1)
    #expect(r.stdout.contains("error[MTX001]"))
    #expect(!r.stdout.contains("MTX107"))
  }

  @Test func positionsInJSONAndSARIF() throws {
    let r = try CLI.run(["validate", Self.fixture("smartsheet-matrix.xlsx"), "--format", "json"])
    #expect(r.stdout.contains("\"sheet\": \"Escalation Matrix\""))
    #expect(r.stdout.contains("\"row\": 1"))
    #expect(r.stdout.contains("\"columnLetter\": \"F\""))
    let s = try CLI.run(["validate", Self.fixture("smartsheet-matrix.xlsx"), "--format", "sarif"])
    #expect(s.stdout.contains("\"fullyQualifiedName\": \"Escalation Matrix!F1\""))
  }

  @Test func unsupportedAndDamagedWorkbooks() throws {
    let xls = try CLI.run(["import", Self.fixture("bad-legacy.xls")])
    #expect(xls.status == 2)
    #expect(xls.stderr.contains("error[XLSX001]: an Excel 97–2003 workbook (.xls)"))
    let ods = try CLI.run(["validate", Self.fixture("libreoffice-events.ods")])
    #expect(ods.status == 2)
    #expect(ods.stderr.contains("OpenDocument spreadsheet (.ods)"))
    let truncated = try CLI.run(["import", Self.fixture("bad-truncated.xlsx")])
    #expect(truncated.status == 1)
    #expect(truncated.stderr.contains("error[XLSX002]"))
    let malformed = try CLI.run([
      "validate", Self.fixture("bad-malformed.xlsx"), "--format", "json",
    ])
    #expect(malformed.status == 1)
    #expect(malformed.stdout.contains("\"code\": \"XLSX004\""))
    let sheet = try CLI.run(["import", Self.fixture("xlsxwriter-cells.xlsx"), "--sheet", "nope"])
    #expect(sheet.status == 2)
    #expect(sheet.stderr.contains("error[XLSX007]: --sheet nope"))
  }

  /// A log that cannot be imported is reported at the sheet's position.
  @Test func importFailurePlacedInSheet() throws {
    let r = try CLI.run(["import", Self.fixture("xlsxwriter-cells.xlsx")])
    #expect(r.status == 1)
    #expect(r.stderr.contains("xlsxwriter-cells.xlsx[Cells]!1:1: error[LOG001]"))
  }
}
