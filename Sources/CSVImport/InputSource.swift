#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file, or standard input for `-`, in fixed-size blocks.
///
/// The file descriptor is owned by the instance and closed in `deinit`.
final class InputSource {
  let path: String
  /// The name used in messages: the path, or `<stdin>`.
  let displayName: String
  private let fd: Int32
  private let ownsDescriptor: Bool
  /// In-memory input (for tests and fuzzing) and how much of it has been read.
  private let memory: [UInt8]?
  private var memoryOffset = 0
  /// For a regular file: its size and modification time when opened, and the bytes read so
  /// far, to notice a file that changes while it is read.
  private var openedSize: Int64 = -1
  private var openedModified = timespec()
  private var bytesRead: Int64 = 0
  /// Bytes already taken from standard input (to detect a workbook), served first.
  private var pending: [UInt8] = []
  private var pendingOffset = 0

  /// Reads from `bytes` instead of a file; `name` is used in messages.
  init(bytes: [UInt8], name: String) {
    path = name
    displayName = name
    fd = -1
    ownsDescriptor = false
    memory = bytes
  }

  /// Standard input, whose first bytes `prefix` were already read.
  init(standardInputAfter prefix: [UInt8]) {
    path = "-"
    displayName = "<stdin>"
    fd = 0
    ownsDescriptor = false
    memory = nil
    pending = prefix
  }

  init(path: String) throws(CSVError) {
    self.path = path
    memory = nil
    if path == "-" {
      fd = 0
      ownsDescriptor = false
      displayName = "<stdin>"
      return
    }
    displayName = path
    let d = open(path, O_RDONLY | O_CLOEXEC)
    if d < 0 {
      throw CSVError.cannotOpen(path: path, reason: InputSource.errnoText(errno))
    }
    var st = stat()
    if fstat(d, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
      close(d)
      throw CSVError.cannotOpen(path: path, reason: "it is a directory")
    }
    fd = d
    if (st.st_mode & S_IFMT) == S_IFREG {
      openedSize = Int64(st.st_size)
      openedModified = st.st_mtim
    }
    ownsDescriptor = true
  }

  deinit {
    if ownsDescriptor { close(fd) }
  }

  /// Reads up to `capacity` bytes into `buffer`; returns 0 at end of file.
  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(CSVError) -> Int {
    if let memory {
      let n = min(capacity, memory.count - memoryOffset)
      guard n > 0 else { return 0 }
      memory.withUnsafeBytes {
        buffer.copyMemory(from: $0.baseAddress! + memoryOffset, byteCount: n)
      }
      memoryOffset += n
      return n
    }
    if pendingOffset < pending.count {
      let n = min(capacity, pending.count - pendingOffset)
      pending.withUnsafeBytes {
        buffer.copyMemory(from: $0.baseAddress! + pendingOffset, byteCount: n)
      }
      pendingOffset += n
      return n
    }
    while true {
      #if canImport(Glibc)
        let n = Glibc.read(fd, buffer, capacity)
      #else
        let n = Darwin.read(fd, buffer, capacity)
      #endif
      if n > 0 {
        bytesRead += Int64(n)
        return n
      }
      if n == 0 {
        try checkUnchanged()
        return 0
      }
      if errno == EINTR { continue }
      throw CSVError.readFailed(path: displayName, reason: InputSource.errnoText(errno))
    }
  }

  /// At the end of a regular file: throws when the file was rewritten, truncated or grew while
  /// it was read (a half-copied export, a log still being written), since the records read
  /// may mix two versions.
  private func checkUnchanged() throws(CSVError) {
    guard openedSize >= 0 else { return }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return }
    let size = Int64(st.st_size)
    let modified = st.st_mtim
    if size != openedSize || bytesRead != openedSize || modified.tv_sec != openedModified.tv_sec
      || modified.tv_nsec != openedModified.tv_nsec
    {
      openedSize = -1  // reported once
      throw CSVError.readFailed(
        path: displayName,
        reason:
          "the file changed while it was being read (\(bytesRead) bytes read, \(size) bytes now);"
          + " run again once it is no longer being written")
    }
  }

  static func errnoText(_ code: Int32) -> String {
    guard let p = strerror(code) else { return "error \(code)" }
    return String(cString: p)
  }
}
