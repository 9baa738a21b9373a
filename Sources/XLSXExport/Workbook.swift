internal import CLibXLSXWriter
import Foundation

/// An XLSX workbook being written; the file appears at its path only when ``close()`` succeeds.
///
/// ```swift
/// let wb = try Workbook(path: "out.xlsx", options: .init(created: asOf))
/// let sheet = try wb.addWorksheet("Summary")
/// try sheet.write("Opened", row: 0, column: 0, style: .header)
/// try sheet.write(number: 42, row: 1, column: 0)
/// try wb.close()
/// ```
///
/// Dropping an unclosed workbook frees it and writes nothing. The same content and options
/// give a byte-identical file (the creation time is fixed by ``Options/created``).
public final class Workbook {
  /// How the workbook is written.
  public struct Options {
    /// Rows go to disk as soon as the next row starts (libxlsxwriter's `constant_memory`):
    /// memory stays flat for any number of rows, but rows must be written top to bottom, and
    /// Excel tables and multi-row merges are unavailable.
    public var constantMemory: Bool
    /// The document's creation time, seconds since 1970 UTC (use the as-of time). It also
    /// fixes the timestamps inside the ZIP package, which makes the output reproducible.
    public var created: Int64
    /// Paths that must not be overwritten.
    public var inputs: [String]
    /// Document title and author shown in the file's properties.
    public var title: String?
    public var author: String?
    /// Called as each sheet is added, with its name and 1-based position (a progress line).
    public var sheetAdded: ((String, Int) -> Void)?
    /// Where libxlsxwriter keeps its temporary files; default: the system's (`TMPDIR`, else
    /// `/tmp`), so that an interrupt between its `mkstemp` and `unlink` never leaves a stray
    /// file beside the report.
    public var temporaryDirectory: String?

    public init(
      constantMemory: Bool = true, created: Int64, inputs: [String] = [], title: String? = nil,
      author: String? = nil, temporaryDirectory: String? = nil
    ) {
      self.constantMemory = constantMemory
      self.created = created
      self.inputs = inputs
      self.title = title
      self.author = author
      self.temporaryDirectory = temporaryDirectory
    }
  }

  /// The target path.
  public let path: String
  public let options: Options
  let lib: LibXLSX
  let output: SafeOutput
  /// Sheets in order.
  public private(set) var worksheets: [Worksheet] = []
  private var committed = false

  /// Checks the target (see ``SafeOutput``) and starts a workbook.
  public init(path: String, options: Options) throws(XLSXError) {
    self.path = path
    self.options = options
    output = try SafeOutput(target: path, inputs: options.inputs)
    lib = try LibXLSX(
      path: path, file: output.temporaryPath, constantMemory: options.constantMemory,
      temporaryDirectory: Self.temporaryDirectory(options))
    try setProperties()
  }

  /// `options.temporaryDirectory`, else the system's.
  static func temporaryDirectory(_ options: Options) -> String {
    options.temporaryDirectory ?? FileManager.default.temporaryDirectory.path
  }

  deinit {
    if !committed {
      lib.free()
      output.discard()
    }
  }

  private func setProperties() throws(XLSXError) {
    var props = lxw_doc_properties()
    // libxlsxwriter takes 0 as "now", which would make the file differ on every run.
    props.created = time_t(max(1, options.created))
    let title = options.title.map { lib.retain(TextSanitizer.cell($0)) } ?? nil
    let author = options.author.map { lib.retain(TextSanitizer.cell($0)) } ?? nil
    props.title = title
    props.author = author
    try lib.check(workbook_set_properties(try lib.open(), &props), "workbook_set_properties")
  }

  /// Adds a sheet; `name` is made valid and unique (see ``TextSanitizer/sheetName(_:taken:)``).
  public func addWorksheet(_ name: String) throws(XLSXError) -> Worksheet {
    let valid = TextSanitizer.sheetName(name, taken: worksheets.map(\.name))
    guard let ws = workbook_add_worksheet(try lib.open(), valid) else {
      let tmp = Self.temporaryDirectory(options)
      throw .writeFailed(
        path: path,
        reason: "could not add the sheet '\(valid)' (in constant-memory mode each sheet needs a "
          + "temporary file in \(tmp))")
    }
    let sheet = Worksheet(lib: lib, pointer: ws, name: valid)
    worksheets.append(sheet)
    options.sheetAdded?(valid, worksheets.count)
    return sheet
  }

  /// Adds a chart, to be filled with series and inserted in a sheet.
  public func addChart(_ kind: Chart.Kind) throws(XLSXError) -> Chart {
    guard let c = workbook_add_chart(try lib.open(), kind.lxwType) else {
      throw .library(path: path, operation: "workbook_add_chart", reason: "out of memory")
    }
    return Chart(lib: lib, pointer: c, kind: kind)
  }

  /// Writes the file: applies the column widths, assembles the package into the temporary
  /// file, and renames it into place. On failure nothing is left behind.
  public func close() throws(XLSXError) {
    do {
      for sheet in worksheets { try sheet.finish() }
      try lib.close()
      try output.commit()
      committed = true
    } catch {
      lib.free()
      output.discard()
      throw error
    }
  }
}
