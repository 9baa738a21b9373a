/// How a cell looks: font, fill, number format, alignment, border.
///
/// A value type; the workbook creates one libxlsxwriter format per distinct style.
/// Colours are `0xRRGGBB`.
public struct CellStyle: Hashable, Sendable {
  /// Horizontal alignment.
  public enum Horizontal: Hashable, Sendable { case general, left, center, right }

  public var bold = false
  public var italic = false
  public var fontSize: Double?
  public var fontColor: UInt32?
  /// Solid background fill.
  public var fill: UInt32?
  /// An Excel number format such as `0.0`, `0.0%` or `yyyy-mm-dd hh:mm`.
  public var numberFormat: String?
  public var wrap = false
  public var alignTop = false
  public var horizontal = Horizontal.general
  /// A thin grey border on all sides.
  public var border = false
  /// Indentation from the left edge, in Excel's steps of about one character (text placed
  /// right of a column of right-aligned numbers would otherwise touch them).
  public var indent = 0

  public init(
    bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, fontColor: UInt32? = nil,
    fill: UInt32? = nil, numberFormat: String? = nil, wrap: Bool = false, alignTop: Bool = false,
    horizontal: Horizontal = .general, border: Bool = false, indent: Int = 0
  ) {
    self.bold = bold
    self.italic = italic
    self.fontSize = fontSize
    self.fontColor = fontColor
    self.fill = fill
    self.numberFormat = numberFormat
    self.wrap = wrap
    self.alignTop = alignTop
    self.horizontal = horizontal
    self.border = border
    self.indent = indent
  }

  /// This style with another number format.
  public func with(numberFormat: String?) -> CellStyle {
    var s = self
    s.numberFormat = numberFormat
    return s
  }

  /// This style with a background fill.
  public func with(fill: UInt32?) -> CellStyle {
    var s = self
    s.fill = fill
    return s
  }

  /// This style in bold.
  public var emphasized: CellStyle {
    var s = self
    s.bold = true
    return s
  }

  /// The number format of date-times: `yyyy-mm-dd hh:mm` (unambiguous in every locale).
  public static let dateTimeFormat = "yyyy-mm-dd hh:mm"
  /// The number format of dates.
  public static let dateFormat = "yyyy-mm-dd"
  /// The number format of durations in hours.
  public static let hoursFormat = "0.0"
  /// The number format of rates.
  public static let percentFormat = "0.0%"

  /// No formatting.
  public static let plain = CellStyle()
  /// Column headers: bold on a light grey fill, wrapped, with a bottom border.
  public static let header = CellStyle(
    bold: true, fill: 0xD9E1F2, wrap: true, alignTop: true, border: true)
  /// A sheet title.
  public static let title = CellStyle(bold: true, fontSize: 14)
  /// Wrapped text aligned to the top.
  public static let wrapped = CellStyle(wrap: true, alignTop: true)
  /// A date and time.
  public static let dateTime = CellStyle(numberFormat: dateTimeFormat)
  /// A date.
  public static let date = CellStyle(numberFormat: dateFormat)
  /// Hours with one decimal.
  public static let hours = CellStyle(numberFormat: hoursFormat)
  /// Hours with one decimal and thousands separators.
  public static let hoursGrouped = CellStyle(numberFormat: "#,##0.0")
  /// A fraction shown as a percentage with one decimal.
  public static let percent = CellStyle(numberFormat: percentFormat)
  /// A whole number with thousands separators.
  public static let integer = CellStyle(numberFormat: "#,##0")
  /// A side note: grey italics.
  public static let note = CellStyle(italic: true, fontColor: 0x595959)

  /// Light yellow: cells changed against a reference.
  public static let changedFill: UInt32 = 0xFFF2CC
  /// Light red: breaches and errors.
  public static let alertFill: UInt32 = 0xF8CBAD
  /// Very light grey: banded rows.
  public static let bandFill: UInt32 = 0xF2F2F2
}
