#if canImport(Glibc)
  import Glibc
#endif

/// The file operations of the event cache, on file descriptors: one read of a whole file, an
/// atomic write part by part (a temporary file in the same directory, renamed into place), a
/// touch.
enum CacheFile {
  /// The regular file at `path` opened for reading, and its size; `nil` when it cannot be
  /// opened, is not a regular file or is larger than `limit` bytes. The caller closes it.
  private static func openRegular(path: String, limit: Int) -> (fd: Int32, size: Int)? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= limit else {
      close(fd)
      return nil
    }
    return (fd, Int(st.st_size))
  }

  /// The whole file, or `nil` when it cannot be read or is larger than `limit` bytes. A file
  /// that shrinks while being read gives its bytes so far (which then fail the length check).
  static func readAll(path: String, limit: Int) -> [UInt8]? {
    guard let (fd, size) = openRegular(path: path, limit: limit) else { return nil }
    defer { close(fd) }
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      var done = 0
      while done < size {
        let n = read(fd, buffer.baseAddress! + done, size - done)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { failed = true }
        if n <= 0 { break }
        done += n
      }
      count = done
    }
    return failed ? nil : bytes
  }

  /// Calls `body` with the size of the regular file at `path` and a way to read exactly so
  /// many bytes at an offset of it (`pread(2)`); `nil` when the file cannot be opened or is
  /// larger than `limit` bytes. A file that shrinks meanwhile gives a failed read.
  static func withFile<R>(
    path: String, limit: Int,
    _ body: (Int, (UnsafeMutableRawBufferPointer, Int) -> Bool) -> R?
  ) -> R? {
    guard let (fd, size) = openRegular(path: path, limit: limit) else { return nil }
    defer { close(fd) }
    return body(size) { buffer, offset in
      var done = 0
      while done < buffer.count {
        let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        done += n
      }
      return true
    }
  }

  /// How ``writeAtomically(directory:name:_:)`` ended.
  enum WriteOutcome {
    /// The file is in place.
    case written
    /// The writer gave up without a failed write (nothing is left behind).
    case abandoned
    /// The file cannot be written, for this reason (nothing is left behind).
    case failed(String)
  }

  /// Writes `directory/name` through a temporary file renamed into place: `body` writes the
  /// file's bytes with `write(part, offset)` (`pwrite(2)`; `false` once a write failed) in any
  /// order, and says whether the file is complete. A temporary file that is not is removed.
  static func writeAtomically(
    directory: String, name: String,
    _ body: (_ write: @escaping (UnsafeRawBufferPointer, Int) -> Bool) -> Bool
  ) -> WriteOutcome {
    let random = UInt64.random(in: 0...UInt64.max)
    let temp = directory + "/.tmp-\(getpid())-\(EventCacheKey.hex(random))"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return .failed(reason()) }
    var failure: String?
    let complete = body { part, offset in
      guard failure == nil else { return false }
      var done = 0
      while done < part.count {
        let n = pwrite(fd, part.baseAddress! + done, part.count - done, off_t(offset + done))
        if n < 0 && errno == EINTR { continue }
        if n <= 0 {
          failure = n < 0 ? reason() : "short write"
          return false
        }
        done += n
      }
      return true
    }
    if close(fd) != 0 && failure == nil { failure = reason() }
    if failure == nil && complete && rename(temp, directory + "/" + name) != 0 {
      failure = reason()
    }
    if failure != nil || !complete { unlink(temp) }
    if let failure { return .failed(failure) }
    return complete ? .written : .abandoned
  }

  /// Sets the file's modification time to now (the entry was just used).
  static func touch(_ path: String) {
    _ = utimensat(AT_FDCWD, path, nil, 0)
  }

  /// Creates `path` and its parents (mode 0700 for those created); the reason when it fails.
  static func makeDirectory(_ path: String) -> String? {
    var st = stat()
    if stat(path, &st) == 0 {
      return (st.st_mode & S_IFMT) == S_IFDIR ? nil : "\(path) is not a directory"
    }
    if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
      if let r = makeDirectory(String(path[..<slash])) { return r }
    }
    if mkdir(path, 0o700) != 0 && errno != EEXIST { return reason() }
    return nil
  }

  /// The files of `directory`: name, size, modification time; empty when it cannot be read.
  static func list(_ directory: String) -> [(name: String, size: Int64, modified: Int64)] {
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var out: [(String, Int64, Int64)] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      if name == "." || name == ".." { continue }
      var st = stat()
      guard stat(directory + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
        continue
      }
      let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
      out.append((name, Int64(st.st_size), mtime))
    }
    return out
  }

  static func reason() -> String { String(cString: strerror(errno)) }
}
