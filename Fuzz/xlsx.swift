// libFuzzer target: the .xlsx reader. An input that starts with "PK" is read as a whole
// workbook package (seeds: the test workbooks); any other input is the XML of the sheet part,
// packed into a small workbook (with shared strings and a date style) so that the mutations
// reach the sheet handler. Checks: only CSVError is thrown, rows increase, no record is
// wider than Excel's 16,384 columns, a damaged workbook never traps.
// Built by Scripts/fuzz.sh with Sources/CSVImport, Sources/XLSXImport and ZIPFoundation.
import CSVImport
import Foundation
import ZIPFoundation

private let parts: [(String, String)] = [
  (
    "[Content_Types].xml",
    """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
    """
  ),
  (
    "xl/workbook.xml",
    """
    <workbook xmlns:r="r"><workbookPr date1904="0"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
    """
  ),
  (
    "xl/_rels/workbook.xml.rels",
    """
    <Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="x/styles" Target="styles.xml"/></Relationships>
    """
  ),
  (
    "xl/sharedStrings.xml",
    "<sst><si><t>Ticket</t></si><si><r><t>a</t></r><r><t>b</t></r></si></sst>"
  ),
  (
    "xl/styles.xml",
    """
    <styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>
    """
  ),
]

private func workbook(sheet: [UInt8]) -> [UInt8]? {
  guard let archive = try? Archive(data: Data(), accessMode: .create) else { return nil }
  for (name, text) in parts + [("xl/worksheets/sheet1.xml", "")] {
    let data = name.hasSuffix("sheet1.xml") ? Data(sheet) : Data(text.utf8)
    try? archive.addEntry(
      with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
      provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
  }
  return archive.data.map { Array($0) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let input = Array(UnsafeBufferPointer(start: data, count: size))
  let bytes = input.starts(with: [0x50, 0x4B]) ? input : workbook(sheet: input)
  guard let bytes else { return 0 }
  do {
    let reader = try XLSXReader(bytes: bytes, name: "fuzz.xlsx")
    var last = 0
    try reader.forEachRecord { r in
      precondition(r.line > last, "rows out of order: \(r.line) after \(last)")
      precondition(r.rawCount <= WorkbookLimits.maxColumns, "record too wide: \(r.rawCount)")
      precondition(r.count >= 1 && r.count <= r.rawCount)
      last = r.line
      for i in 0..<r.rawCount { _ = r.string(i) }
    }
  } catch is CSVError {
  } catch {
    preconditionFailure("unexpected error type: \(error)")
  }
  return 0
}
