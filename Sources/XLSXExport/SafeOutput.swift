import EscalationKit

#if canImport(Glibc)
  import Glibc
#endif

/// A file that appears at its target only when complete.
///
/// libxlsxwriter opens its output only in `workbook_close`, so a missing or read-only
/// directory would otherwise be found at the very end: ``init(target:inputs:)`` checks the
/// directory first and refuses to overwrite an input. The workbook is written to a hidden
/// temporary file beside the target (same file system, so the rename is atomic); ``commit()``
/// syncs and renames it into place, ``discard()`` removes it.
public struct SafeOutput: Sendable {
  /// Where the file must end up.
  public let target: String
  /// The hidden temporary file beside the target.
  public let temporaryPath: String
  /// Its ``InterruptCleanup`` slot: the file is removed if the process is interrupted before
  /// ``commit()`` or ``discard()``.
  private let cleanupSlot: Int?

  /// Checks that the directory of `target` exists and is writable, that `target` is not a
  /// directory, and that it is none of `inputs`.
  public init(target: String, inputs: [String] = []) throws(XLSXError) {
    do {
      try OutputWriter.checkTarget(target, inputs: inputs)
    } catch {
      throw SafeOutput.map(error)
    }
    self.target = target
    temporaryPath = OutputWriter.temporaryPath(for: target)
    cleanupSlot = InterruptCleanup.register(temporaryPath)
  }

  /// The directory of the target (`.` when the path has none).
  public var directory: String { OutputWriter.directory(of: target) }

  /// Syncs the temporary file to disk and renames it to the target.
  public func commit() throws(XLSXError) {
    let fd = open(temporaryPath, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      let reason = OutputWriter.errnoText(errno)
      discard()
      throw .writeFailed(path: target, reason: "the temporary file is missing: \(reason)")
    }
    do {
      try OutputWriter.syncAndRename(fd: fd, temporary: temporaryPath, to: target)
      close(fd)
    } catch {
      close(fd)
      discard()
      throw SafeOutput.map(error)
    }
    if let cleanupSlot { InterruptCleanup.unregister(cleanupSlot, path: temporaryPath) }
  }

  /// Removes the temporary file if it exists.
  public func discard() {
    unlink(temporaryPath)
    if let cleanupSlot { InterruptCleanup.unregister(cleanupSlot, path: temporaryPath) }
  }

  static func map(_ e: OutputError) -> XLSXError {
    switch e {
    case .directoryNotWritable(let p, let r): return .directoryNotWritable(path: p, reason: r)
    case .wouldOverwriteInput(let p): return .wouldOverwriteInput(path: p)
    case .writeFailed(let p, let r): return .writeFailed(path: p, reason: r)
    case .brokenPipe: return .writeFailed(path: "<stdout>", reason: "output closed early")
    }
  }
}
