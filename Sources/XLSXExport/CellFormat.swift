internal import CLibXLSXWriter
import EscalationKit

#if canImport(Glibc)
  import Glibc
#endif

/// A ``CellStyle`` resolved once into what writing a cell needs: the libxlsxwriter format and
/// how the style widens its column (bold text, wrapped text, the number format's width rule).
///
/// The `style:` writers resolve their style per column and compare it on every cell; a table
/// of thousands of rows resolves its formats before the loop (``Workbook/format(_:)``) and
/// writes with the `format:` writers, which do no per-cell style work. Both write the same
/// bytes.
public struct CellFormat {
  /// The libxlsxwriter format (nil: the default format).
  let pointer: UnsafeMutablePointer<lxw_format>?
  /// Text widths are multiplied by this (1.1 in bold).
  let textFactor: Double
  /// Wrapped text: only short texts (a header) widen the column.
  let wrap: Bool
  /// The width of a number under the style's number format.
  let numberWidth: NumberWidth

  init(style: CellStyle?, pointer: UnsafeMutablePointer<lxw_format>?) {
    self.pointer = pointer
    textFactor = style?.bold == true ? 1.1 : 1
    wrap = style?.wrap == true
    numberWidth = NumberWidth(format: style?.numberFormat)
  }
}

/// The displayed width of a number under an Excel number format (an estimate), with the
/// format's bytes scanned once: dates and conditional durations have one width whatever the
/// value; other formats add decimals, a percent sign and thousands separators to the digits.
struct NumberWidth {
  /// The width of every value (dates, conditional durations), else nil.
  let fixed: Double?
  /// Whether there is a number format at all (without one, a fraction adds 4).
  let hasFormat: Bool
  let percent: Bool
  let decimals: Int
  let grouped: Bool

  init(format: String?) {
    var fixed: Double?
    var length = 0
    var isDate = false
    var decimals = 0
    var afterDot = false
    var grouped = false
    var percent = false
    if let format {
      // A duration in hours or days by a condition ("16 h 45", "1,215.5 d"): at most 10 wide.
      if format.hasPrefix("[<") {
        fixed = 10
      } else {
        for b in format.utf8 {
          length += 1
          switch b {
          case UInt8(ascii: "y"), UInt8(ascii: "d"), UInt8(ascii: "h"): isDate = true
          case UInt8(ascii: "."): afterDot = true
          case UInt8(ascii: "0") where afterDot: decimals += 1
          case UInt8(ascii: ","): grouped = true
          case UInt8(ascii: "%"): percent = true
          default: break
          }
        }
        if isDate { fixed = Double(length) }
      }
    }
    self.fixed = fixed
    hasFormat = format != nil
    self.percent = percent
    self.decimals = decimals
    self.grouped = grouped
  }

  /// The width of `value` (finite).
  @inline(__always)
  func width(_ value: Double) -> Double {
    if let fixed { return fixed }
    let magnitude = abs(value)
    let digits = magnitude < 10 ? 1 : Int(log10(magnitude)) + 1
    var width = digits + (value < 0 ? 1 : 0)
    guard hasFormat else {
      return Double(width + (value == value.rounded() ? 0 : 4))
    }
    if percent { width += 2 }  // ×100 and the sign
    if decimals > 0 { width += decimals + 1 }
    if grouped { width += (digits - 1) / 3 }
    return Double(width)
  }
}

extension Workbook {
  /// `style` resolved for the `format:` writers of every sheet of this workbook (nil: no
  /// formatting).
  public func format(_ style: CellStyle?) throws(XLSXError) -> CellFormat {
    CellFormat(style: style, pointer: try lib.format(style))
  }
}

extension Worksheet {
  /// Writes `text` as ``write(_:row:column:style:)`` does, in a resolved format.
  public func write(_ text: String, row: Int, column: Int, format: CellFormat)
    throws(XLSXError)
  {
    let (r, c) = try cell(row, column)
    let clean = TextSanitizer.cell(text)
    if clean.isEmpty {
      try lib.check(worksheet_write_blank(sheet, r, c, format.pointer), "worksheet_write_blank")
      return
    }
    // withCString: no copy of a native string, a stack copy of a small one (the implicit
    // String-to-pointer conversion allocates a C string per cell).
    let err = clean.withCString { worksheet_write_string(sheet, r, c, $0, format.pointer) }
    try lib.check(err, "worksheet_write_string(\(name)!\(ref(row, column)))")
    if !format.wrap {
      extent.note(width: Worksheet.textWidth(clean) * format.textFactor, column: column)
    } else if clean.utf8.count < 40 {
      extent.note(width: Worksheet.wrappedWidth(clean) * format.textFactor, column: column)
    }
  }

  /// Writes a number as ``write(number:row:column:style:)`` does, in a resolved format.
  public func write(number: Double?, row: Int, column: Int, format: CellFormat)
    throws(XLSXError)
  {
    let (r, c) = try cell(row, column)
    guard let number, number.isFinite else {
      try lib.check(worksheet_write_blank(sheet, r, c, format.pointer), "worksheet_write_blank")
      return
    }
    try lib.check(
      worksheet_write_number(sheet, r, c, number, format.pointer), "worksheet_write_number")
    extent.note(width: format.numberWidth.width(number), column: column)
  }

  /// Writes an instant as ``write(date:offset:row:column:style:)`` does, in a resolved format
  /// (a date Excel cannot show is written as ISO 8601 text without a format).
  public func write(
    date seconds: Int64?, offset: Int = 0, row: Int, column: Int, format: CellFormat
  ) throws(XLSXError) {
    guard let seconds else {
      return try write(number: nil, row: row, column: column, format: format)
    }
    let (local, overflow) = seconds.addingReportingOverflow(Int64(offset))
    if !overflow, let serial = Worksheet.excelSerial(local) {
      return try write(number: serial, row: row, column: column, format: format)
    }
    try write(CivilDate.iso8601UTC(seconds), row: row, column: column)
  }
}
