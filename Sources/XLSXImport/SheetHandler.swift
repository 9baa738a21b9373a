import CSVImport

/// Streams a worksheet part into records: one record per non-blank row, cells placed at their
/// column by their `r` reference (missing cells are empty fields), values as the text a person
/// sees: shared and inline strings, numbers as written, `TRUE`/`FALSE`, error values as
/// written (`#N/A`), formulas by their cached value, and date-formatted numbers as
/// `YYYY-MM-DD HH:MM:SS`.
final class SheetHandler: XMLHandler {
  let file: String
  let sheet: String
  let strings: SharedStrings
  let dateStyles: [Bool]
  let date1904: Bool
  /// Records already given by an earlier reading of the part (see ``WorkbookPackage/parse``).
  let skipRecords: Int
  let body: (borrowing CSVRecord) throws -> Void

  // The state below is touched for every cell from libxml2's callbacks, one at a time on one
  // thread: dynamic exclusivity checks on it cost about a tenth of an import, so they are off.
  /// Fields of the current row.
  @exclusivity(unchecked) private var storage: [UInt8] = []
  @exclusivity(unchecked) private var ends: [Int] = []
  /// The current row (1-based) and the last one delivered or seen.
  @exclusivity(unchecked) private var row = 0
  @exclusivity(unchecked) private var lastRow = 0
  /// The current cell: its 0-based column, type and whether its format is a date.
  @exclusivity(unchecked) private var column = -1
  @exclusivity(unchecked) private var type: UInt8 = 0
  @exclusivity(unchecked) private var dateStyle = false
  @exclusivity(unchecked) private var collecting = false
  @exclusivity(unchecked) private var inInline = false
  @exclusivity(unchecked) private var inPhonetic = false
  @exclusivity(unchecked) private var text: [UInt8] = []
  private(set) var records = 0
  private(set) var hiddenRows = 0
  private(set) var hiddenColumns = 0
  private(set) var errorCells: [(row: Int, column: Int, value: String)] = []
  private(set) var errorCellCount = 0

  init(
    file: String, sheet: String, strings: SharedStrings, dateStyles: [Bool], date1904: Bool,
    skipRecords: Int = 0, body: @escaping (borrowing CSVRecord) throws -> Void
  ) {
    self.file = file
    self.sheet = sheet
    self.strings = strings
    self.dateStyles = dateStyles
    self.date1904 = date1904
    self.skipRecords = skipRecords
    self.body = body
    storage.reserveCapacity(4096)
    ends.reserveCapacity(64)
    text.reserveCapacity(256)
  }

  private func problem(_ column: Int?, _ message: String) -> CSVError {
    CSVError.workbook(
      WorkbookProblem(
        path: file, sheet: sheet, row: row, column: column, code: XLSXCode.sheetLimits,
        message: message))
  }

  override func start(_ name: UnsafePointer<UInt8>, _ a: XMLAttributes) {
    switch name[0] {
    case UInt8(ascii: "c") where name[1] == 0: startCell(a)
    case UInt8(ascii: "v") where name[1] == 0:
      collecting = true
      if !text.isEmpty { text.removeAll(keepingCapacity: true) }
    case UInt8(ascii: "t") where name[1] == 0:
      if inInline && !inPhonetic { collecting = true }
    case UInt8(ascii: "r"):
      if name[1] == UInt8(ascii: "o") && XMLText.equals(name, "row") {
        startRow(a)
      } else if XMLText.equals(name, "rPh") {
        inPhonetic = true
      }
    case UInt8(ascii: "i") where XMLText.equals(name, "is"):
      inInline = true
      if !text.isEmpty { text.removeAll(keepingCapacity: true) }
    case UInt8(ascii: "c") where XMLText.equals(name, "col"):
      if let h = a.value("hidden"), h.first == UInt8(ascii: "1") || h.first == UInt8(ascii: "t") {
        hiddenColumns += 1
      }
    default: break
    }
  }

  override func end(_ name: UnsafePointer<UInt8>) {
    switch name[0] {
    case UInt8(ascii: "v") where name[1] == 0: collecting = false
    case UInt8(ascii: "t") where name[1] == 0: if inInline { collecting = false }
    case UInt8(ascii: "c") where name[1] == 0: endCell()
    case UInt8(ascii: "r"):
      if XMLText.equals(name, "row") {
        endRow()
      } else if XMLText.equals(name, "rPh") {
        inPhonetic = false
      }
    case UInt8(ascii: "i") where XMLText.equals(name, "is"): inInline = false
    default: break
    }
  }

  override func characters(_ p: UnsafePointer<UInt8>, _ count: Int) {
    if collecting { text.append(contentsOf: UnsafeBufferPointer(start: p, count: count)) }
  }

  // MARK: Rows and cells

  private func startRow(_ a: XMLAttributes) {
    var r = lastRow + 1
    if let v = a.value("r") {
      guard let n = XMLText.integer(v), n >= 1 else {
        return stop(
          problem(
            nil,
            "a row has the reference \"\(String(decoding: v, as: UTF8.self))\", which is not a row number; \(WorkbookPackage.resave)"
          ))
      }
      r = n
    }
    row = r
    if r <= lastRow {
      return stop(
        problem(
          nil, "row \(r) comes after row \(lastRow) in the sheet part; \(WorkbookPackage.resave)"))
    }
    if r > WorkbookLimits.maxRows {
      return stop(
        problem(
          nil,
          "row \(r) is past Excel's last row (\(WorkbookLimits.maxRows)); \(WorkbookPackage.resave)"
        ))
    }
    lastRow = r
    if let h = a.value("hidden"), h.first == UInt8(ascii: "1") || h.first == UInt8(ascii: "t") {
      hiddenRows += 1
    }
    storage.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
  }

  private func startCell(_ a: XMLAttributes) {
    var col = ends.count
    var cellRow = row
    if let r = a.value("r") {
      guard let (c, rr) = SheetHandler.reference(r) else {
        return stop(
          problem(
            ends.count + 1,
            "a cell has the reference \"\(String(decoding: r, as: UTF8.self))\", which is not a cell of an Excel sheet (A1 to XFD1048576); \(WorkbookPackage.resave)"
          ))
      }
      col = c
      cellRow = rr
    }
    if row == 0 || cellRow != row {
      return stop(
        problem(
          col + 1,
          "a cell of row \(cellRow) is written inside row \(row); \(WorkbookPackage.resave)"))
    }
    if col < ends.count {
      return stop(
        problem(
          col + 1,
          "cell \(SpreadsheetPosition.columnLetter(col + 1))\(row) comes after a cell to its right; \(WorkbookPackage.resave)"
        ))
    }
    // Missing cells before this one are empty fields.
    while ends.count < col { ends.append(storage.count) }
    column = col
    // s, str (S), inlineStr (i), b, e, n, d
    type = 0
    if let t = a.value("t"), let f = t.first {
      type = f == UInt8(ascii: "s") && t.count > 1 ? UInt8(ascii: "S") : f
    }
    dateStyle = false
    if let s = a.value("s").flatMap(XMLText.integer), s < dateStyles.count {
      dateStyle = dateStyles[s]
    }
    if !text.isEmpty { text.removeAll(keepingCapacity: true) }
  }

  private func endCell() {
    guard column >= 0 else { return }
    text.withUnsafeBufferPointer { t in
      switch type {
      case UInt8(ascii: "s"):  // shared string
        guard let k = XMLText.integer(t), k < strings.count else {
          return stop(
            problem(
              column + 1,
              "cell \(SpreadsheetPosition.columnLetter(column + 1))\(row) refers to shared string \(String(decoding: t, as: UTF8.self)), which the workbook does not have (\(strings.count) strings); \(WorkbookPackage.resave)"
            ))
        }
        strings.append(k, to: &storage)
      case UInt8(ascii: "b"):
        storage.append(
          contentsOf: t.first == UInt8(ascii: "1") ? Array("TRUE".utf8) : Array("FALSE".utf8))
      case UInt8(ascii: "e"):
        errorCellCount += 1
        if errorCells.count < 20 {
          errorCells.append((row, column + 1, String(decoding: t, as: UTF8.self)))
        }
        storage.append(contentsOf: t)
      case 0, UInt8(ascii: "n"):
        if !(dateStyle && !t.isEmpty
          && DateFormats.appendISO(serial: t, date1904: date1904, to: &storage))
        {
          storage.append(contentsOf: t)
        }
      default:  // str (formula text), inlineStr, d (ISO date)
        storage.append(contentsOf: t)
      }
    }
    ends.append(storage.count)
    column = -1
    collecting = false
  }

  private func endRow() {
    var count = ends.count
    while count > 0 && ends[count - 1] == (count >= 2 ? ends[count - 2] : 0) { count -= 1 }
    guard count > 0 else { return }
    records += 1
    if records <= skipRecords { return }
    storage.withUnsafeBufferPointer { s in
      ends.withUnsafeBufferPointer { e in
        let record = CSVRecord(
          line: row, endLine: row, count: count, rawCount: ends.count, storage: s, ends: e)
        do {
          try body(record)
        } catch {
          stop(error)
        }
      }
    }
  }

  /// A cell reference `C5` as (0-based column, row), or `nil` past `XFD1048576`.
  static func reference(_ r: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
    var i = 0
    var col = 0
    while i < r.count, case let c = r[i] | 0x20, c >= 0x61 && c <= 0x7A {
      col = col * 26 + Int(c - 0x60)
      i += 1
      if i > 3 { return nil }
    }
    guard i > 0, col <= WorkbookLimits.maxColumns,
      let row = XMLText.integer(UnsafeBufferPointer(rebasing: r[i...])),
      row >= 1, row <= WorkbookLimits.maxRows
    else { return nil }
    return (col - 1, row)
  }
}

/// The shared strings of a workbook, in one buffer.
struct SharedStrings {
  let bytes: [UInt8]
  let ends: [Int]
  var count: Int { ends.count }

  @inline(__always)
  func append(_ k: Int, to out: inout [UInt8]) {
    let start = k == 0 ? 0 : ends[k - 1]
    out.append(contentsOf: bytes[start..<ends[k]])
  }
}
