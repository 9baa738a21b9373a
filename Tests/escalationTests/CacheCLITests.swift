import Foundation
import Testing

/// The event cache through the commands (docs/cache.md): every output of `import`, `metrics`
/// and `report` is byte-identical with a warm cache and without the cache; a damaged entry is
/// rebuilt; `--no-cache`, `ESCALATION_NO_CACHE`, standard input and an unwritable directory
/// leave no entry; `cache info` and `cache clear`; eviction over `ESCALATION_CACHE_MAX`.
/// Each test has its own `XDG_CACHE_HOME`.
@Suite struct CacheCLITests {
  struct Scratch {
    let dir: URL
    var cacheDir: URL { dir.appendingPathComponent("xdg/escalation") }
    var env: [String: String] {
      ["XDG_CACHE_HOME": dir.appendingPathComponent("xdg").path, "ESCALATION_NO_CACHE": ""]
    }

    /// A log with findings of every kind: the French sample, then a duplicate, two rejected
    /// records (no ticket, a date that is none), a level out of range, and cells a
    /// spreadsheet would run as formulas. Modified an hour ago (a file changed in the last
    /// seconds is not stored).
    init() throws {
      dir = FileManager.default.temporaryDirectory.appendingPathComponent(
        "cache-cli-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      var text = try String(
        contentsOf: CLI.samples.appendingPathComponent("escalations-2026-fr.csv"), encoding: .utf8)
      text += [
        "ESC-0240;31/12/2026 10:18;ouvert;1;Préoccupations concernant les détails du service;"
          + "Chloé Lefèvre;",
        ";31/12/2026 11:00;ouvert;1;Problèmes de performances;;",
        "ESC-0900;hier;ouvert;1;Problèmes de performances;;",
        "ESC-0901;31/12/2026 11:00;ouvert;9;Problèmes de performances;Paul;",
        "ESC-0902;31/12/2026 11:30;ouvert;1;Problèmes de performances;=HYPERLINK(\"x\");"
          + "\"a note; with \"\"quotes\"\"\"",
      ].map { $0 + "\n" }.joined()
      try Data(text.utf8).write(to: dir.appendingPathComponent("log.csv"))
      try age("log.csv")
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func age(_ name: String) throws {
      try FileManager.default.setAttributes(
        [.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: path(name))
    }

    /// The entries and their modification times.
    func entries() -> [String: Date] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: cacheDir.path)) ?? []
      var out: [String: Date] = [:]
      for n in names where n.hasSuffix(".evc") {
        let a = try? FileManager.default.attributesOfItem(
          atPath: cacheDir.appendingPathComponent(n).path)
        out[n] = a?[.modificationDate] as? Date
      }
      return out
    }

    /// Marks every entry as used an hour ago, so that a hit shows as a fresh time.
    func ageEntries() throws {
      for n in entries().keys {
        try FileManager.default.setAttributes(
          [.modificationDate: Date().addingTimeInterval(-3600)],
          ofItemAtPath: cacheDir.appendingPathComponent(n).path)
      }
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
  }

  /// The command's stdout, stderr and named output files, with the cache (`cached`) or
  /// `--no-cache`.
  static func outputs(_ s: Scratch, _ args: [String], files: [String], cached: Bool) throws
    -> [String: Data]
  {
    for f in files { try? FileManager.default.removeItem(atPath: s.path(f)) }
    let r = try CLI.run(args + (cached ? [] : ["--no-cache"]), cwd: s.dir, environment: s.env)
    var out = [
      "status": Data("\(r.status)".utf8), "stdout": Data(r.stdout.utf8),
      "stderr": Data(r.stderr.utf8),
    ]
    for f in files { out[f] = try Data(contentsOf: URL(fileURLWithPath: s.path(f))) }
    return out
  }

  /// Every format of every command: the output with a warm cache (a hit: the one entry's time
  /// is refreshed) is byte-identical to the output without the cache.
  @Test func everyOutputIsIdenticalColdAndWarm() throws {
    let s = try Scratch()
    defer { s.remove() }
    let fill = try CLI.run(
      ["import", "log.csv", "-o", "/dev/null"], cwd: s.dir, environment: s.env)
    #expect(fill.status == 0, "\(fill.stderr)")
    #expect(s.entries().count == 1)
    let runs: [([String], [String])] = [
      (["import", "log.csv"], []),
      (
        ["import", "log.csv", "-o", "ev.csv", "--findings-output", "f.txt", "--verbose"],
        ["ev.csv", "f.txt"]
      ),
      (
        [
          "import", "log.csv", "--format", "jsonl", "-o", "ev.jsonl", "--findings-format", "json",
          "--findings-output", "f.json",
        ], ["ev.jsonl", "f.json"]
      ),
      (
        ["import", "log.csv", "--findings-format", "sarif", "--findings-output", "f.sarif"],
        ["f.sarif"]
      ),
      (["metrics", "log.csv"], []),
      (["metrics", "log.csv", "--format", "json"], []),
      (["metrics", "log.csv", "--format", "csv", "--month", "2026-10"], []),
      (["metrics", "log.csv", "--format", "csv", "--table", "tickets"], []),
      (["report", "log.csv", "--month", "2026-10", "-o", "r.xlsx"], ["r.xlsx"]),
    ]
    for (args, files) in runs {
      let cold = try Self.outputs(s, args, files: files, cached: false)
      try s.ageEntries()
      let warm = try Self.outputs(s, args, files: files, cached: true)
      for (name, bytes) in cold {
        #expect(warm[name] == bytes, "\(args.joined(separator: " ")): \(name) differs")
      }
      #expect(cold["status"] == Data("0".utf8), "\(args)")
      // A hit: the single entry was used just now.
      let used = try #require(s.entries().values.first)
      #expect(s.entries().count == 1)
      #expect(used.timeIntervalSinceNow > -600, "\(args.joined(separator: " ")): no cache hit")
    }
  }

  /// Several logs (each file is an entry) and a workbook (XLSX input is cached too).
  @Test func severalLogsAndWorkbooksAreCachedToo() throws {
    let s = try Scratch()
    defer { s.remove() }
    let fixtures = CLI.fixtures.appendingPathComponent("cli")
    for name in ["jan.csv", "feb.csv"] {
      try FileManager.default.copyItem(
        atPath: fixtures.appendingPathComponent(name).path, toPath: s.path(name))
      try s.age(name)
    }
    let book = CLI.packageRoot.appendingPathComponent(
      "Tests/XLSXImportTests/Fixtures/openpyxl-events.xlsx")
    try FileManager.default.copyItem(atPath: book.path, toPath: s.path("events.xlsx"))
    try s.age("events.xlsx")
    let runs = [
      (["import", "jan.csv", "feb.csv"], 2),
      (["import", "events.xlsx", "--findings-format", "json"], 1),
    ]
    for (args, files) in runs {
      let cold = try Self.outputs(s, args, files: [], cached: false)
      _ = try Self.outputs(s, args, files: [], cached: true)
      try s.ageEntries()
      let warm = try Self.outputs(s, args, files: [], cached: true)
      #expect(warm == cold, "\(args)")
      // Hits: one entry per file, each used just now.
      #expect(
        s.entries().values.filter { $0.timeIntervalSinceNow > -600 }.count == files, "\(args)")
    }
    #expect(s.entries().count == 3)
  }

  /// A truncated, damaged or emptied entry is ignored: the same output, and the entry is
  /// written again whole (the same bytes as the first time).
  @Test func aDamagedEntryIsRebuilt() throws {
    let s = try Scratch()
    defer { s.remove() }
    let args = ["metrics", "log.csv", "--format", "json"]
    let reference = try Self.outputs(s, args, files: [], cached: false)
    _ = try Self.outputs(s, args, files: [], cached: true)
    let name = try #require(s.entries().keys.first)
    let entry = s.cacheDir.appendingPathComponent(name)
    let intact = try Data(contentsOf: entry)
    let damages: [(String, (Data) -> Data)] = [
      ("truncated to half", { $0.prefix($0.count / 2) }),
      ("truncated by one byte", { $0.dropLast() }),
      ("header cut", { $0.prefix(10) }),
      (
        "a byte flipped in the events",
        {
          var d = $0
          d[d.count * 2 / 3] ^= 0x01
          return d
        }
      ),
      (
        "magic changed",
        {
          var d = $0
          d[0] = 0x58
          return d
        }
      ),
      ("emptied", { _ in Data() }),
    ]
    for (what, damage) in damages {
      try damage(intact).write(to: entry)
      let again = try Self.outputs(s, args, files: [], cached: true)
      #expect(again == reference, "\(what)")
      #expect(try Data(contentsOf: entry) == intact, "\(what): not rebuilt")
    }
  }

  @Test func noCacheEnvironmentAndStandardInputLeaveNoEntry() throws {
    let s = try Scratch()
    defer { s.remove() }
    #expect(
      try CLI.run(["metrics", "log.csv", "--no-cache"], cwd: s.dir, environment: s.env).status == 0)
    var env = s.env
    env["ESCALATION_NO_CACHE"] = "1"
    #expect(
      try CLI.run(["report", "log.csv", "-o", "r.xlsx"], cwd: s.dir, environment: env).status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: s.path("log.csv")))
    let stdin = try CLI.run(["import", "-"], stdin: bytes, cwd: s.dir, environment: s.env)
    #expect(stdin.status == 0)
    #expect(s.entries().isEmpty)
    // A log written just now is read, not stored (its time could not tell a later change).
    try Data(bytes).write(to: URL(fileURLWithPath: s.path("new.csv")))
    #expect(try CLI.run(["import", "new.csv"], cwd: s.dir, environment: s.env).status == 0)
    #expect(s.entries().isEmpty)
  }

  /// A cache directory that cannot be created: the command works as without the cache and
  /// says so in one line with --verbose only.
  @Test func anUnwritableCacheIsSkipped() throws {
    let s = try Scratch()
    defer { s.remove() }
    try Data("not a directory".utf8).write(to: URL(fileURLWithPath: s.path("xdg")))
    let reference = try Self.outputs(s, ["import", "log.csv"], files: [], cached: false)
    let quiet = try Self.outputs(s, ["import", "log.csv"], files: [], cached: true)
    #expect(quiet == reference)
    let verbose = try CLI.run(["import", "log.csv", "--verbose"], cwd: s.dir, environment: s.env)
    #expect(verbose.status == 0)
    let notes = verbose.stderr.split(separator: "\n").filter { $0.contains("event cache") }
    #expect(notes.count == 1)
    #expect(notes.first?.contains("xdg is not a directory); the log was read without it") == true)
    let report = try CLI.run(["report", "log.csv", "-o", "r.xlsx"], cwd: s.dir, environment: s.env)
    #expect(report.status == 0)
    #expect(!report.stderr.contains("event cache"))
  }

  @Test func infoClearAndEviction() throws {
    let s = try Scratch()
    defer { s.remove() }
    #expect(try CLI.run(["import", "log.csv"], cwd: s.dir, environment: s.env).status == 0)
    let name = try #require(s.entries().keys.first)
    let size = try #require(
      try FileManager.default.attributesOfItem(
        atPath: s.cacheDir.appendingPathComponent(name).path)[.size]
        as? Int)
    let info = try CLI.run(["cache", "info"], environment: s.env)
    #expect(info.status == 0)
    #expect(info.stdout.contains("directory: \(s.cacheDir.path)\nentries: 1\n"))
    #expect(info.stdout.contains("(\(size) bytes)"))
    #expect(info.stdout.contains("capacity: 1.0 GiB (1073741824 bytes), the default\nstate: on\n"))
    // Room for one entry of this size: a second log's entry evicts the first (older).
    try FileManager.default.copyItem(atPath: s.path("log.csv"), toPath: s.path("copy.csv"))
    try s.age("copy.csv")
    try s.ageEntries()
    var env = s.env
    env["ESCALATION_CACHE_MAX"] = "\(size + size / 2)"
    #expect(try CLI.run(["import", "copy.csv"], cwd: s.dir, environment: env).status == 0)
    #expect(s.entries().count == 1)
    #expect(s.entries()[name] == nil)
    let clear = try CLI.run(["cache", "clear"], environment: s.env)
    #expect(clear.status == 0)
    #expect(clear.stderr.hasPrefix("removed 1 file, "))
    #expect(s.entries().isEmpty)
    let off = try CLI.run(["cache", "info"], environment: ["XDG_CACHE_HOME": s.path("xdg")])
    #expect(off.stdout.contains("entries: 0\n"))
    #expect(off.stdout.hasSuffix("state: off (ESCALATION_NO_CACHE is set)\n"))
  }
}
