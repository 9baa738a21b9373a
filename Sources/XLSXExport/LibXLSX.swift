internal import CLibXLSXWriter

#if canImport(Glibc)
  import Glibc
#endif

/// The one layer over libxlsxwriter: the state shared by a workbook and its sheets, the
/// checking of every `lxw_error`, and the cache of cell formats.
///
/// libxlsxwriter keeps pointers into its own structures; they stay valid until
/// `workbook_close` or `lxw_workbook_free`, after which ``isOpen`` is false and every call
/// throws ``XLSXError/closed(path:)`` instead of touching freed memory.
final class LibXLSX {
  /// The target path, used in error messages.
  let path: String
  /// The workbook; nil once closed or freed. Read for every cell written: the accesses are
  /// single-threaded and never overlap, so they go without the runtime's exclusivity check.
  @exclusivity(unchecked) private(set) var workbook: UnsafeMutablePointer<lxw_workbook>?
  /// Whether rows must be written in order (libxlsxwriter's `constant_memory`).
  let constantMemory: Bool
  /// Formats created so far, by style.
  private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
  /// C strings handed to libxlsxwriter that must outlive the workbook.
  private var retained: [UnsafeMutablePointer<CChar>] = []

  /// Creates the workbook that `workbook_close` will write to `file`.
  init(
    path: String, file: String, constantMemory: Bool, temporaryDirectory: String
  ) throws(XLSXError) {
    self.path = path
    self.constantMemory = constantMemory
    let tmpdir = strdup(temporaryDirectory)
    if let tmpdir { retained.append(tmpdir) }
    var options = lxw_workbook_options()
    options.constant_memory = constantMemory ? 1 : 0
    options.tmpdir = tmpdir
    options.use_zip64 = 1
    guard let wb = workbook_new_opt(file, &options) else {
      throw .writeFailed(
        path: path, reason: "libxlsxwriter could not create the workbook (out of memory?)")
    }
    workbook = wb
  }

  deinit {
    free()
    for p in retained { Glibc.free(p) }
  }

  var isOpen: Bool { workbook != nil }

  /// The open workbook, or the `closed` error.
  func open() throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
    guard let workbook else { throw .closed(path: path) }
    return workbook
  }

  /// Frees the workbook without writing anything (a workbook that was never closed).
  func free() {
    if let workbook { lxw_workbook_free(workbook) }
    workbook = nil
  }

  /// Writes the file (`workbook_close`, which also frees the workbook).
  func close() throws(XLSXError) {
    let wb = try open()
    workbook = nil
    let err = workbook_close(wb)
    if err != LXW_NO_ERROR {
      throw .writeFailed(path: path, reason: LibXLSX.message(err))
    }
  }

  /// Throws ``XLSXError/library(path:operation:reason:)`` unless `err` is `LXW_NO_ERROR`.
  @inline(__always)
  func check(_ err: lxw_error, _ operation: @autoclosure () -> String) throws(XLSXError) {
    if err != LXW_NO_ERROR {
      throw .library(path: path, operation: operation(), reason: LibXLSX.message(err))
    }
  }

  /// libxlsxwriter's text for an error.
  static func message(_ err: lxw_error) -> String {
    guard let p = lxw_strerror(err) else { return "error \(err.rawValue)" }
    return String(cString: p)
  }

  /// The format for `style` (nil: the default format), created once per workbook.
  func format(_ style: CellStyle?) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
    guard let style, style != CellStyle() else { return nil }
    if let f = formats[style] { return f }
    guard let f = workbook_add_format(try open()) else {
      throw .library(path: path, operation: "workbook_add_format", reason: "out of memory")
    }
    if style.bold { format_set_bold(f) }
    if style.italic { format_set_italic(f) }
    if let size = style.fontSize { format_set_font_size(f, size) }
    if let c = style.fontColor { format_set_font_color(f, LibXLSX.color(c)) }
    if let c = style.fill {
      format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(f, LibXLSX.color(c))
    }
    if let nf = style.numberFormat { format_set_num_format(f, nf) }
    if style.wrap { format_set_text_wrap(f) }
    if style.alignTop { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
    switch style.horizontal {
    case .general: break
    case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
    case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
    case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
    }
    if style.indent > 0 {
      if style.horizontal == .general { format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue)) }
      format_set_indent(f, UInt8(clamping: style.indent))
    }
    if style.border {
      format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue))
      format_set_border_color(f, LibXLSX.color(0xBFBFBF))
    }
    formats[style] = f
    return f
  }

  /// An RGB colour as libxlsxwriter wants it (black is a special value, `LXW_COLOR_BLACK`).
  static func color(_ rgb: UInt32) -> lxw_color_t {
    let v = rgb & 0xFF_FFFF
    return v == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(v)
  }

  /// A C string copy kept until the workbook is gone.
  func retain(_ s: String) -> UnsafeMutablePointer<CChar>? {
    let p = strdup(s)
    if let p { retained.append(p) }
    return p
  }
}
