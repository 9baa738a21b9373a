import ArgumentParser
import EscalationKit
import Foundation

/// `escalation cache info|clear`: where the event cache is, what it holds, and emptying it.
struct CacheCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cache",
    abstract: "Show or clear the event cache (the imported form of the logs read before).",
    discussion: """
      import, metrics and report keep the imported form of each log file they read (events, \
      string tables, findings) in $XDG_CACHE_HOME/escalation, else ~/.cache/escalation, keyed \
      by the file's path, size, times and inode, the import options and profile, and the \
      tool's build; running them again on an unchanged file skips the parse and gives the \
      same output. The least recently used entries go when the entries take more than \
      ESCALATION_CACHE_MAX (default 1G). --no-cache or ESCALATION_NO_CACHE=1 turns it off. \
      Exit status: 0; 2 when there is no cache directory (neither XDG_CACHE_HOME nor HOME).
      """,
    subcommands: [Info.self, Clear.self],
    defaultSubcommand: Info.self)

  /// `cache info`: the directory, the entries and their size, the capacity.
  struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the cache directory, its entries and size, and the capacity.")

    func run() throws {
      let environment = ProcessInfo.processInfo.environment
      let cache = try CacheCommand.cache(environment)
      let entries = cache.entries()
      let size = entries.reduce(Int64(0)) { $0 + $1.size }
      let off = EventCache.fromEnvironment(environment) == nil
      print("directory: \(cache.directory)")
      print("entries: \(entries.count)")
      print("size: \(CacheCommand.bytes(size))")
      let source =
        environment["ESCALATION_CACHE_MAX"] == nil ? "the default" : "from ESCALATION_CACHE_MAX"
      print("capacity: \(CacheCommand.bytes(cache.capacity)), \(source)")
      print("state: " + (off ? "off (ESCALATION_NO_CACHE is set)" : "on"))
    }
  }

  /// `cache clear`: removes every entry.
  struct Clear: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove every entry of the event cache.")

    func run() throws {
      let cache = try CacheCommand.cache(ProcessInfo.processInfo.environment)
      let removed = cache.clear()
      Terminal.standardError(
        "removed \(removed.files) file\(removed.files == 1 ? "" : "s"), "
          + "\(CacheCommand.bytes(removed.bytes)), from \(cache.directory)")
    }
  }

  /// The cache directory and capacity the environment gives, even when caching is off.
  static func cache(_ environment: [String: String]) throws -> EventCache {
    guard let directory = EventCache.directory(environment: environment) else {
      throw CLIError.io(
        "no cache directory: set XDG_CACHE_HOME (an absolute path) or HOME")
    }
    let capacity =
      environment["ESCALATION_CACHE_MAX"].flatMap(EventCache.parseSize)
      ?? EventCache.defaultCapacity
    return EventCache(directory: directory, capacity: capacity)
  }

  /// `41.2 MiB (43218432 bytes)`.
  static func bytes(_ n: Int64) -> String {
    let units = ["KiB", "MiB", "GiB", "TiB"]
    var v = Double(n)
    var unit = "bytes"
    for u in units where v >= 1024 {
      v /= 1024
      unit = u
    }
    return unit == "bytes" ? "\(n) bytes" : String(format: "%.1f", v) + " \(unit) (\(n) bytes)"
  }
}
