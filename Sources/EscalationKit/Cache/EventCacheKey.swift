#if canImport(Glibc)
  import Glibc
#endif

/// What a cached log is keyed by (docs/cache.md): the file as given and its identity on disk
/// (device, inode, size, modification and change times), everything in the import options that
/// can change the events or findings, and the tool's version and build. Two runs with the same
/// key read the same events; any difference is a miss.
public enum EventCacheKey {
  /// The key of `path` (as given: it names the file in findings), whose identity is
  /// `identity`, read with `options`.
  static func key(path: String, identity: FileIdentity, options: LogImportOptions) -> String {
    [
      "escalation event cache \(EventCacheCodec.formatVersion)",
      "tool " + toolBuild,
      "file " + joined([path]),
      "identity " + identity.description,
      "options " + options.cacheFingerprint,
    ].joined(separator: "\n")
  }

  /// The cache file name of `key`: 32 hex digits of two checksums, then `.evc`.
  static func fileName(_ key: String) -> String {
    let h1 = CacheChecksum.hash(key)
    let h2 = CacheChecksum.hash(key + "\u{1}")
    return hex(h1) + hex(h2) + ".evc"
  }

  static func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }

  /// Strings joined without ambiguity: each as its UTF-8 length, `:`, the string.
  static func joined(_ parts: [String]) -> String {
    parts.map { "\($0.utf8.count):\($0)" }.joined(separator: ",")
  }

  /// The tool's version and this build of it: the running executable's inode, size and
  /// modification time, so that a rebuilt tool never reads what an earlier build wrote.
  static let toolBuild: String = {
    var build = "unknown"
    // Not its change time, which a hard link (perf's build-id cache, a backup) moves.
    if let exe = FileIdentity(path: "/proc/self/exe") {
      build =
        "dev=\(exe.device) ino=\(exe.inode) size=\(exe.size) "
        + "mtime=\(exe.modified.tv_sec).\(exe.modified.tv_nsec)"
    }
    return FindingsReport.toolVersion + " " + build
  }()
}

/// A file's identity as `stat(2)` gives it.
struct FileIdentity: Equatable, CustomStringConvertible {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var modified: timespec
  var changed: timespec
  var isRegular: Bool

  init?(path: String) {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    device = UInt64(st.st_dev)
    inode = UInt64(st.st_ino)
    size = Int64(st.st_size)
    modified = st.st_mtim
    changed = st.st_ctim
    isRegular = (st.st_mode & S_IFMT) == S_IFREG
  }

  var description: String {
    "dev=\(device) ino=\(inode) size=\(size) mtime=\(modified.tv_sec).\(modified.tv_nsec) "
      + "ctime=\(changed.tv_sec).\(changed.tv_nsec)"
  }

  static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.description == b.description }

  /// Whether the file was modified at least `seconds` before now: a later change then gets a
  /// different modification time even on a file system with coarse timestamps (2 s on FAT), so
  /// the key cannot describe two contents.
  func settled(seconds: Int = 2) -> Bool {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) - Int64(modified.tv_sec) > Int64(seconds)
  }
}

extension LogImportOptions {
  /// Every option that changes what the importer makes of a file, in a stable order: the
  /// matrix's roles and texts, the category labels, the sheet, layout, header map, absent
  /// fields, date order, zone (its name and the time-zone data file), delimiter, the value
  /// map and the profile's hash.
  var cacheFingerprint: String {
    var parts = ["roles " + EventCacheKey.joined(matrix.roles)]
    for c in CategoryKey.allCases {
      parts.append("cells \(c.rawValue) " + EventCacheKey.joined(matrix.cells[c] ?? []))
      parts.append("label \(c.rawValue) " + EventCacheKey.joined([categoryLabels[c] ?? "-"]))
    }
    parts.append("sheet " + EventCacheKey.joined([sheet ?? "-"]))
    parts.append("layout \(layout?.rawValue ?? "-")")
    let map = headerMap.sorted { $0.key < $1.key }.map { EventCacheKey.joined([$0.key, $0.value]) }
    parts.append("map " + EventCacheKey.joined(map))
    parts.append("absent " + absentFields.map(\.rawValue).sorted().joined(separator: ","))
    parts.append("date-order \(dateOrder?.rawValue ?? "-")")
    parts.append("zone " + EventCacheKey.joined([zone.identifier]) + " " + zoneDataHash(zone))
    parts.append("delimiter \(delimiter.map { String($0) } ?? "-")")
    parts.append("values " + values.fingerprint)
    parts.append("profile \(profile?.hash ?? "-")")
    if !readsNotes { parts.append("no-notes") }
    return EventCacheKey.joined(parts)
  }

  /// The checksum of the zone's TZif file (`$TZDIR` or `/usr/share/zoneinfo`), so that a
  /// time-zone data update is a miss; `-` for UTC or when the file cannot be read.
  private func zoneDataHash(_ zone: ZoneRules) -> String {
    guard !zone.isUTC, !zone.identifier.contains("..") else { return "-" }
    let dir = getenv("TZDIR").map { String(cString: $0) } ?? "/usr/share/zoneinfo"
    guard let bytes = CacheFile.readAll(path: dir + "/" + zone.identifier, limit: 1 << 20) else {
      return "-"
    }
    return bytes.withUnsafeBytes { EventCacheKey.hex(CacheChecksum.hash($0)) }
  }
}
