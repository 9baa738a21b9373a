import EscalationKit
import Foundation
import Testing

@testable import XLSXExport

@Suite("Resolved cell formats")
struct CellFormatTests {
  /// The styles and cells of one small table: headers, text (accents, a line break, an
  /// escape-looking text, an empty one), numbers (NaN, negative, fractions), dates in and out
  /// of Excel's range, durations under a conditional format.
  static let duration = CellStyle(numberFormat: "[<2][h]\" h \"mm;#,##0.0\" d\"")
  static let styles: [CellStyle?] = [
    nil, .wrapped, .integer, .percent, .hoursGrouped, duration, .dateTime,
    CellStyle(bold: true, horizontal: .center),
  ]

  /// Writes the table with the `style:` writers (`resolved` false) or with formats resolved
  /// once (`resolved` true).
  static func write(_ path: String, resolved: Bool) throws {
    let wb = try Workbook(path: path, options: .init(created: march2026))
    let s = try wb.addWorksheet("T")
    s.autofitColumns()
    let formats = try styles.map { try wb.format($0) }
    let texts = ["Délai\nmédian ✓", "", "_x0041_", "e\u{301}t\u{E9}", "Level 1 of 4 levels"]
    let numbers: [Double?] = [nil, .nan, -0.256, 1234.5, 12, 0.7, 3.25]
    // 1899-12-31 (before Excel's 1900-03-01: ISO text) and 2026-03-01 13:00 at UTC+1.
    let dates: [Int64?] = [nil, -2_209_075_200, march2026 + 12 * 3600]
    try s.writeHeaderRow(
      ["Text", "Wrapped", "Integer", "Rate", "Days", "Time", "When", "Bold"], row: 0)
    for row in 1...9 {
      for (column, style) in styles.enumerated() {
        let text = texts[(row + column) % texts.count]
        let number = numbers[(row * 3 + column) % numbers.count]
        if column == 6 {
          let date = dates[row % dates.count]
          if resolved {
            try s.write(date: date, offset: 3600, row: row, column: column, format: formats[column])
          } else {
            try s.write(date: date, offset: 3600, row: row, column: column, style: style!)
          }
        } else if column <= 1 || column == 7 {
          if resolved {
            try s.write(text, row: row, column: column, format: formats[column])
          } else {
            try s.write(text, row: row, column: column, style: style)
          }
        } else if resolved {
          try s.write(number: number, row: row, column: column, format: formats[column])
        } else {
          try s.write(number: number, row: row, column: column, style: style)
        }
      }
    }
    try wb.close()
  }

  @Test("writing with resolved formats gives the same bytes as writing with styles")
  func sameBytes() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Self.write(dir + "/styles.xlsx", resolved: false)
    try Self.write(dir + "/formats.xlsx", resolved: true)
    let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/styles.xlsx"))
    let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/formats.xlsx"))
    #expect(a.count > 1000)
    #expect(a == b)
  }

  @Test("text widths count Unicode scalars per line, from the UTF-8 bytes")
  func textWidths() {
    // "Délai" is 5 scalars, "médian ✓" 8 (é and ✓ take 2 and 3 bytes but count 1).
    #expect(Worksheet.textWidth("Délai\nmédian ✓") == 8)
    // A decomposed é is two scalars (e and the combining accent), as before.
    #expect(Worksheet.textWidth("e\u{301}t") == 3)
    #expect(Worksheet.textWidth(String(repeating: "é", count: 300)) == 255)
    #expect(Worksheet.textWidth("") == 0)
  }

  @Test("number widths under a format, worked out from the displayed text")
  func numberWidths() {
    #expect(Worksheet.numberWidth(1234.5, format: "#,##0.0") == 7)  // "1,234.5"
    #expect(Worksheet.numberWidth(-0.256, format: "0.0%") == 6)  // "-25.6%"
    // A date is as wide as its format.
    #expect(Worksheet.numberWidth(46082.5, format: "yyyy-mm-dd hh:mm") == 16)
    #expect(Worksheet.numberWidth(12.5, format: nil) == 6)  // 2 digits + 4 for a fraction
    #expect(Worksheet.numberWidth(12, format: nil) == 2)
    #expect(Worksheet.numberWidth(1_000_000, format: "#,##0") == 9)  // "1,000,000"
  }
}
