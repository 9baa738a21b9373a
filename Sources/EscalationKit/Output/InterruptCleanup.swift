#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes unfinished output files when the process is interrupted (`SIGINT`, `SIGTERM`,
/// `SIGHUP`): a process-wide registry of the temporary files being written, and a signal
/// handler that unlinks them, says so on standard error and exits with 128 + the signal number.
///
/// ``OutputWriter`` registers its temporary file when it creates it and unregisters it once
/// renamed into place or removed. The handler is installed by ``install()`` (the executable
/// calls it at start) or else on the first registration. With no file to remove it just says
/// `escalation: interrupted` and exits the same way. A signal the process inherited as ignored
/// (`nohup`, a background job) stays ignored.
///
/// The handler only reads a fixed buffer of C strings and calls `unlink`, `write` and `_exit`,
/// all async-signal-safe. Registration changes the buffer with those signals blocked, so the
/// handler never sees a half-written path.
public enum InterruptCleanup {
  /// How many temporary files can be registered at once.
  public static let slots = 8  // the handler repeats this number
  /// The longest registrable path, in bytes (with its terminating NUL).
  static let slotBytes = Int(PATH_MAX)
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// What the handler prints on standard error when it removed files, and when there were none.
  public static let messages = (
    removed: "escalation: interrupted; unfinished output removed\n",
    none: "escalation: interrupted\n"
  )

  /// `slots` × `slotBytes` bytes, a slot free when its first byte is 0, then the two
  /// ``messages`` as C strings. Allocated before the handler is installed, never freed.
  nonisolated(unsafe) static let buffer: UnsafeMutablePointer<CChar> = {
    let m = Array(messages.removed.utf8CString) + Array(messages.none.utf8CString)
    let p = UnsafeMutablePointer<CChar>.allocate(capacity: slots * slotBytes + m.count)
    p.initialize(repeating: 0, count: slots * slotBytes)
    (p + slots * slotBytes).initialize(from: m, count: m.count)
    return p
  }()
  nonisolated(unsafe) static var installed = false

  /// Registers `path` for removal on interruption; returns its slot, or nil when the registry
  /// is full or the path too long (the file is then only removed on a normal exit).
  @discardableResult
  public static func register(_ path: String) -> Int? {
    let bytes = Array(path.utf8)
    guard !bytes.isEmpty, bytes.count < slotBytes, !bytes.contains(0) else { return nil }
    return withSignalsBlocked { () -> Int? in
      installLocked()
      for slot in 0..<slots where buffer[slot * slotBytes] == 0 {
        let base = buffer + slot * slotBytes
        for (i, b) in bytes.enumerated() { base[i] = CChar(bitPattern: b) }
        base[bytes.count] = 0
        return slot
      }
      return nil
    }
  }

  /// Frees `slot` (the file was renamed into place or removed) if it still holds `path`: a
  /// second call for a slot since given to another file changes nothing.
  public static func unregister(_ slot: Int, path: String) {
    guard slot >= 0 && slot < slots else { return }
    withSignalsBlocked {
      let base = buffer + slot * slotBytes
      if base[0] != 0 && String(cString: base) == path { base[0] = 0 }
    }
  }

  /// The paths registered now (for tests).
  public static var registered: [String] {
    withSignalsBlocked {
      (0..<slots).compactMap { slot in
        buffer[slot * slotBytes] == 0 ? nil : String(cString: buffer + slot * slotBytes)
      }
    }
  }

  private static func withSignalsBlocked<T>(_ body: () -> T) -> T {
    var set = sigset_t()
    var old = sigset_t()
    sigemptyset(&set)
    for s in signals { sigaddset(&set, s) }
    pthread_sigmask(SIG_BLOCK, &set, &old)
    defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
    return body()
  }

  /// Installs the handler now (the first ``register(_:)`` does otherwise), so that an
  /// interruption before any file is written also ends with a message and status 128 + signal.
  public static func install() {
    withSignalsBlocked { installLocked() }
  }

  private static func installLocked() {
    guard !installed else { return }
    _ = buffer
    installed = true
    for s in signals {
      var current = sigaction()
      sigaction(s, nil, &current)
      #if canImport(Glibc)
        let handler = current.__sigaction_handler.sa_handler
      #else
        let handler = current.__sigaction_u.__sa_handler
      #endif
      // Function pointers are not Equatable: compare their addresses.
      let ignored = unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
      if ignored { continue }
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = interruptHandler
      #else
        action.__sigaction_u.__sa_handler = interruptHandler
      #endif
      sigemptyset(&action.sa_mask)
      for t in signals { sigaddset(&action.sa_mask, t) }
      action.sa_flags = 0
      sigaction(s, &action, nil)
    }
  }
}

/// The signal handler: async-signal-safe calls only, on memory allocated beforehand.
private func interruptHandler(_ signal: Int32) {
  let base = InterruptCleanup.buffer
  let size = 8 * Int(PATH_MAX)  // InterruptCleanup.slots × slotBytes, as plain numbers
  var off = 0
  var removed = false
  while off < size {
    if base[off] != 0 {
      unlink(base + off)
      removed = true
    }
    off += Int(PATH_MAX)
  }
  var message = base + size
  if !removed { message += strlen(message) + 1 }
  _ = write(2, message, strlen(message))
  _exit(128 + signal)
}
