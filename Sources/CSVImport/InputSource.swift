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

  /// Reads from `bytes` instead of a file; `name` is used in messages.
  init(bytes: [UInt8], name: String) {
    path = name
    displayName = name
    fd = -1
    ownsDescriptor = false
    memory = bytes
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
      memory.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + memoryOffset, byteCount: n) }
      memoryOffset += n
      return n
    }
    while true {
      #if canImport(Glibc)
        let n = Glibc.read(fd, buffer, capacity)
      #else
        let n = Darwin.read(fd, buffer, capacity)
      #endif
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw CSVError.readFailed(path: displayName, reason: InputSource.errnoText(errno))
    }
  }

  static func errnoText(_ code: Int32) -> String {
    guard let p = strerror(code) else { return "error \(code)" }
    return String(cString: p)
  }
}
