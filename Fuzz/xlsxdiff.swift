// libFuzzer target: the byte scanner of the .xlsx reader against libxml2 (the reference).
// Any input is the XML of a part, fed to XMLByteScanner in chunks of 1, 3, 64 and 4096 bytes
// and to libxml2 at once: where the scanner reads the part to the end, libxml2 must find it
// well-formed and send the same events (tags, attributes, decoded text); where the scanner
// gives the part back, what it sent must be the start of what libxml2 sends. One input in four
// is also packed as the sheet of a small workbook and read both ways (XLSXReader with the scanner and
// with libxml2 alone): the same records, notices and error. An input that starts with "PK" is
// read as a whole workbook both ways.
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
    <workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
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
  let archive: Archive
  do {
    archive = try Archive(data: Data(), accessMode: .create)
  } catch {
    return nil
  }
  for (name, text) in parts + [("xl/worksheets/sheet1.xml", "")] {
    let data = name.hasSuffix("sheet1.xml") ? Data(sheet) : Data(text.utf8)
    try? archive.addEntry(
      with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
      provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
  }
  return archive.data.map { Array($0) }
}

/// Records, notices and the error of reading `bytes` with `reading`.
private func outcome(_ bytes: [UInt8], _ reading: XMLReading) -> [String] {
  var out: [String] = []
  do {
    let reader = try XLSXReader(bytes: bytes, name: "fuzz.xlsx", reading: reading)
    do {
      try reader.forEachRecord { r in
        out.append(
          "\(r.line) \(r.count) " + (0..<r.rawCount).map { r.string($0) }.joined(separator: "|"))
      }
    } catch let e as CSVError {
      out.append("error \(e.code) \(e.message) \(e.line ?? 0):\(e.column ?? 0)")
    }
    out += reader.notices.map { "notice \($0.code) \($0.row ?? 0):\($0.column ?? 0) \($0.message)" }
  } catch let e as CSVError {
    out.append("error \(e.code) \(e.message) \(e.line ?? 0):\(e.column ?? 0)")
  } catch {
    preconditionFailure("unexpected error type: \(error)")
  }
  return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXDiff(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let input = Array(UnsafeBufferPointer(start: data, count: size))
  let isPackage = input.starts(with: [0x50, 0x4B])
  if !isPackage, let d = XMLDifferential.difference(input, chunks: [1, 3, 64, 4096]) {
    preconditionFailure("scanner and libxml2 differ: \(d)")
  }
  // Packing and reading a workbook twice is slow (a temporary file each time): one input in
  // four (by length) is read as a workbook, every one event by event.
  guard isPackage || size % 4 == 0, let bytes = isPackage ? input : workbook(sheet: input) else {
    return 0
  }
  let scanned = outcome(bytes, .scanner)
  let reference = outcome(bytes, .libxml2)
  precondition(
    scanned == reference, "workbook read differently:\n\(scanned)\nlibxml2:\n\(reference)")
  return 0
}
