import Diagnostics

/// Errors writing an XLSX workbook; each message says what failed, where, and what to do.
///
/// The I/O cases share their codes with `OutputError` (IO010–IO012) so that every command
/// reports a file it cannot write the same way; the CLI exits 2 on any of them.
public enum XLSXError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The directory of the target does not exist or cannot be written to (IO010).
  case directoryNotWritable(path: String, reason: String)
  /// The target is one of the inputs (IO011).
  case wouldOverwriteInput(path: String)
  /// Assembling, syncing or renaming the file failed (IO012); nothing was left behind.
  case writeFailed(path: String, reason: String)
  /// libxlsxwriter refused a call (XLS001): a bug in the caller, e.g. a bad range or format.
  case library(path: String, operation: String, reason: String)
  /// A row or column beyond Excel's 1,048,576 × 16,384 grid (XLS002).
  case outOfRange(path: String, sheet: String, row: Int, column: Int)
  /// In constant-memory mode rows must be written top to bottom (XLS003).
  case rowOutOfOrder(path: String, sheet: String, row: Int, currentRow: Int)
  /// The workbook was already closed (XLS004).
  case closed(path: String)
  /// A feature libxlsxwriter refuses in constant-memory mode, such as Excel tables (XLS005).
  case notInConstantMemory(path: String, feature: String)

  /// The stable code of the error.
  public var code: String {
    switch self {
    case .directoryNotWritable: return "IO010"
    case .wouldOverwriteInput: return "IO011"
    case .writeFailed: return "IO012"
    case .library: return "XLS001"
    case .outOfRange: return "XLS002"
    case .rowOutOfOrder: return "XLS003"
    case .closed: return "XLS004"
    case .notInConstantMemory: return "XLS005"
    }
  }

  public var description: String {
    switch self {
    case .directoryNotWritable(let p, let r):
      return
        "\(p): error[IO010]: cannot write here: \(r); create the directory or choose another path"
    case .wouldOverwriteInput(let p):
      return "\(p): error[IO011]: the output would overwrite an input file; choose another path"
    case .writeFailed(let p, let r):
      return "\(p): error[IO012]: writing the workbook failed: \(r); nothing was written"
    case .library(let p, let op, let r):
      return
        "\(p): error[XLS001]: libxlsxwriter refused \(op): \(r); this is a bug, please report it"
    case .outOfRange(let p, let s, let row, let col):
      return "\(p): error[XLS002]: sheet '\(s)': cell at row \(row + 1), column \(col + 1) is "
        + "outside Excel's 1,048,576 rows × 16,384 columns; split the data over several sheets"
    case .rowOutOfOrder(let p, let s, let row, let cur):
      return "\(p): error[XLS003]: sheet '\(s)': row \(row + 1) written after row \(cur + 1); "
        + "in constant-memory mode rows must be written top to bottom (this is a bug)"
    case .closed(let p):
      return "\(p): error[XLS004]: the workbook is already closed (this is a bug)"
    case .notInConstantMemory(let p, let f):
      return "\(p): error[XLS005]: \(f) is not available in constant-memory mode (this is a bug)"
    }
  }
}

extension XLSXError: EscalationError {
  /// Every workbook error ends the command with exit status 2.
  public var exitStatus: Int32 { 2 }
  public var diagnostic: DiagnosticCode? { DiagnosticCode.known(code) }
}
