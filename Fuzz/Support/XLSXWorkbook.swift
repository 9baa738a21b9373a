// Shared by the .xlsx fuzz targets (Fuzz/xlsx.swift, Fuzz/xlsxdiff.swift; Scripts/fuzz.sh
// compiles it with them): a small workbook around a fuzzed sheet part, with shared strings and
// a date style so that the mutations reach the sheet handler.
import Foundation
import ZIPFoundation

/// The workbook's parts but the sheet.
let fuzzWorkbookParts: [(String, String)] = [
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

/// A workbook whose sheet is `sheet`; `nil` when the archive cannot be made.
func fuzzWorkbook(sheet: [UInt8]) -> [UInt8]? {
  guard let archive = try? Archive(data: Data(), accessMode: .create) else { return nil }
  for (name, text) in fuzzWorkbookParts + [("xl/worksheets/sheet1.xml", "")] {
    let data = name.hasSuffix("sheet1.xml") ? Data(sheet) : Data(text.utf8)
    try? archive.addEntry(
      with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
      provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
  }
  return archive.data.map { Array($0) }
}
