#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Errors writing an output file or stream.
public enum OutputError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The directory of the target does not exist or cannot be written to.
  case directoryNotWritable(path: String, reason: String)
  /// The target is one of the inputs.
  case wouldOverwriteInput(path: String)
  /// A write, flush or rename failed (disk full, I/O error).
  case writeFailed(path: String, reason: String)
  /// The reader of standard output went away (`| head`); not worth a message.
  case brokenPipe

  public var description: String {
    switch self {
    case .directoryNotWritable(let p, let r):
      return
        "\(p): error[IO010]: cannot write here: \(r); create the directory or choose another path with -o"
    case .wouldOverwriteInput(let p):
      return
        "\(p): error[IO011]: the output would overwrite an input file; choose another path with -o"
    case .writeFailed(let p, let r):
      return "\(p): error[IO012]: writing failed: \(r); nothing was written"
    case .brokenPipe:
      return "<stdout>: output closed early"
    }
  }

  /// The registry code of the error (`nil` for a broken pipe).
  public var code: String? {
    switch self {
    case .directoryNotWritable: return "IO010"
    case .wouldOverwriteInput: return "IO011"
    case .writeFailed: return "IO012"
    case .brokenPipe: return nil
    }
  }
}

extension OutputError: EscalationError {
  /// 2, or 0 for a broken pipe: `… | head` closing standard output early is not a failure.
  public var exitStatus: Int32 { self == .brokenPipe ? 0 : 2 }
  public var diagnostic: DiagnosticCode? { code.map(DiagnosticCode.known) }
  /// Nothing is said about a broken pipe.
  public var standardErrorText: String? { self == .brokenPipe ? nil : description }
}

/// A buffered byte writer to standard output or to a file that appears only when complete.
///
/// File output goes to a temporary file beside the target, renamed into place by ``commit()``;
/// if the writer is dropped without committing, the temporary file is removed, and if the
/// process is interrupted (`SIGINT`, `SIGTERM`, `SIGHUP`) too (see ``InterruptCleanup``).
public final class OutputWriter {
  /// `-` or `nil` for standard output.
  public let path: String?
  private let fd: Int32
  private let tempPath: String?
  /// A device or FIFO (`/dev/null`) opened directly: no temporary file, never renamed over.
  private var ownsDevice = false
  private var buffer: [UInt8] = []
  private var committed = false
  private var failed = false
  /// The ``InterruptCleanup`` slot of the temporary file.
  private var cleanupSlot: Int?

  /// Opens standard output (`path` nil or `-`) or a temporary file beside `path`.
  /// - Parameter inputs: paths that must not be overwritten.
  public init(path: String?, inputs: [String] = []) throws(OutputError) {
    buffer.reserveCapacity(1 << 16)
    guard let path, path != "-" else {
      self.path = nil
      fd = 1
      tempPath = nil
      return
    }
    self.path = path
    var existing = stat()
    if stat(path, &existing) == 0 && (existing.st_mode & S_IFMT) != S_IFREG
      && (existing.st_mode & S_IFMT) != S_IFDIR
    {
      // Renaming a temporary file over /dev/null would replace the device: write to it directly.
      let d = open(path, O_WRONLY | O_CLOEXEC)
      guard d >= 0 else {
        throw .directoryNotWritable(path: path, reason: OutputWriter.errnoText(errno))
      }
      fd = d
      tempPath = nil
      ownsDevice = true
      return
    }
    try OutputWriter.checkTarget(path, inputs: inputs)
    let temp = OutputWriter.temporaryPath(for: path)
    // Registered before it exists, so that no interruption can leave it behind.
    let slot = InterruptCleanup.register(temp)
    let d = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard d >= 0 else {
      let e = errno
      if let slot { InterruptCleanup.unregister(slot, path: temp) }
      throw .directoryNotWritable(path: path, reason: OutputWriter.errnoText(e))
    }
    fd = d
    tempPath = temp
    cleanupSlot = slot
  }

  deinit {
    if ownsDevice {
      if !failed { try? flush() }
      close(fd)
    } else if let tempPath {
      close(fd)
      if !committed { unlink(tempPath) }
      if let cleanupSlot { InterruptCleanup.unregister(cleanupSlot, path: tempPath) }
    } else if !failed {
      try? flush()
    }
  }

  /// Checks that the directory of `path` exists and is writable and that `path` is no input.
  public static func checkTarget(_ path: String, inputs: [String]) throws(OutputError) {
    let dir = directory(of: path)
    var st = stat()
    guard stat(dir, &st) == 0 else {
      throw .directoryNotWritable(path: path, reason: "the directory \(dir) does not exist")
    }
    guard (st.st_mode & S_IFMT) == S_IFDIR else {
      throw .directoryNotWritable(path: path, reason: "\(dir) is not a directory")
    }
    guard access(dir, W_OK) == 0 else {
      throw .directoryNotWritable(path: path, reason: "the directory \(dir) is not writable")
    }
    var target = stat()
    if stat(path, &target) == 0 {
      if (target.st_mode & S_IFMT) == S_IFDIR {
        throw .directoryNotWritable(path: path, reason: "it is a directory")
      }
      for input in inputs where input != "-" {
        var s = stat()
        if stat(input, &s) == 0 && s.st_dev == target.st_dev && s.st_ino == target.st_ino {
          throw .wouldOverwriteInput(path: path)
        }
      }
    }
  }

  /// The directory part of a path (`.` when there is none).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let d = String(path[..<slash])
    return d.isEmpty ? "/" : d
  }

  /// A hidden temporary name beside `path`, unique to this process.
  public static func temporaryPath(for path: String) -> String {
    let dir = directory(of: path)
    let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    return "\(dir)/.\(name).\(getpid()).tmp"
  }

  /// Syncs the open file `fd` to disk, then renames `temporary` to `target`: the one place where
  /// an output file (CSV here, XLSX through XLSXExport's `SafeOutput`) becomes visible.
  public static func syncAndRename(fd: Int32, temporary: String, to target: String)
    throws(OutputError)
  {
    if fsync(fd) != 0 { throw .writeFailed(path: target, reason: errnoText(errno)) }
    if rename(temporary, target) != 0 { throw .writeFailed(path: target, reason: errnoText(errno)) }
  }

  /// The system's text for an `errno` value (`strerror`).
  public static func errnoText(_ code: Int32) -> String {
    guard let p = strerror(code) else { return "error \(code)" }
    return String(cString: p)
  }

  @inline(__always)
  public func write(_ s: String) throws(OutputError) {
    var s = s
    s.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= 1 << 16 { try flush() }
  }

  public func write(bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
    // A caller's own full buffer goes out as it is, not copied into this one first.
    if bytes.count >= 1 << 15, let base = bytes.baseAddress {
      if !buffer.isEmpty { try flush() }
      try writeAll(UnsafeRawPointer(base), bytes.count)
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  public func write(byte: UInt8) throws(OutputError) {
    buffer.append(byte)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Writes out the buffer.
  public func flush() throws(OutputError) {
    var failure: OutputError?
    buffer.withUnsafeBytes { raw in
      do throws(OutputError) {
        if let base = raw.baseAddress { try writeAll(base, raw.count) }
      } catch {
        failure = error
      }
    }
    buffer.removeAll(keepingCapacity: true)
    if let failure { throw failure }
  }

  /// Writes `total` bytes from `base`, retrying short writes and interrupted calls.
  private func writeAll(_ base: UnsafeRawPointer, _ total: Int) throws(OutputError) {
    var off = 0
    var err: Int32?
    while off < total {
      let n = Glibc.write(fd, base + off, total - off)
      if n < 0 {
        if errno == EINTR { continue }
        err = errno
        break
      }
      off += n
    }
    if let err {
      failed = true
      if err == EPIPE && tempPath == nil { throw .brokenPipe }
      throw .writeFailed(path: path ?? "<stdout>", reason: OutputWriter.errnoText(err))
    }
  }

  /// Flushes, syncs and renames the temporary file into place (file output), or flushes
  /// standard output.
  public func commit() throws(OutputError) {
    try flush()
    guard let tempPath, let path else { return }
    try OutputWriter.syncAndRename(fd: fd, temporary: tempPath, to: path)
    committed = true
    if let cleanupSlot { InterruptCleanup.unregister(cleanupSlot, path: tempPath) }
    cleanupSlot = nil
  }
}
