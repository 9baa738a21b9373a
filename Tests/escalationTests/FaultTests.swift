import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Faults around the commands' output: a missing or read-only directory, a full disk, a reader
/// that closes standard output early, an output naming an input, an interruption. Each must end
/// with a clear message and exit status, no partial or temporary file, and inputs untouched.
@Suite struct FaultTests {
  static var binary: String { CLI.productsDirectory.appendingPathComponent("escalation").path }

  /// A fresh empty directory, removed by the caller.
  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fault-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  static func contents(_ dir: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
  }

  /// Runs `bash -c script` with `$0` the escalation binary and `args` as `$1`…; returns status,
  /// stdout and stderr.
  static func shell(_ script: String, _ args: [String] = []) throws -> CLI.Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = ["-c", script, binary] + args
    p.environment = CLI.environment
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let outURL = dir.appendingPathComponent("out")
    let errURL = dir.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try out.close()
    try err.close()
    let outData = try Data(contentsOf: outURL)
    let errData = try Data(contentsOf: errURL)
    return CLI.Result(
      status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Starts `argv` with no signal blocked and default dispositions (a test runner's threads
  /// block signals, and `Process` passes its mask on), stdout to /dev/null, stderr to a file.
  static func spawn(_ argv: [String], stderr: String) throws -> pid_t {
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attr, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, s) }
    posix_spawnattr_setsigdefault(&attr, &defaults)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var cargs = argv.map { strdup($0) } + [nil]
    defer { for a in cargs { free(a) } }
    // The tests' environment (the event cache off and away from the user's).
    var cenv = CLI.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for e in cenv { free(e) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, argv[0], &actions, &attr, &cargs, &cenv)
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
    return pid
  }

  /// A 20,000-ticket log (about 4 MB, more than a pipe holds) for `import` and `metrics`,
  /// written once per test process.
  static let bigLog: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fault-log-\(getpid()).csv"
    ).path
    _ = try? CLI.run(["sample", "--tickets", "20000", "-o", path])
    return path
  }()

  /// `command` with `LOG` replaced by ``bigLog``.
  static func expand(_ command: [String]) -> [String] {
    command.map { $0 == "LOG" ? bigLog : $0 }
  }

  static let isRoot = geteuid() == 0
  static let hasSetpriv = FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
  /// Whether a private mount namespace with a small tmpfs can be made (root, or user
  /// namespaces allowed).
  static let canMountTmpfs: Bool = {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
    let r = try? shell(
      "f=-m; [ \"$(id -u)\" = 0 ] || f=-rm; d=$(mktemp -d) || exit 1;"
        + " unshare $f sh -c \"mount -t tmpfs -o size=64k tmpfs $d\" 2>/dev/null; s=$?;"
        + " rmdir \"$d\"; exit $s")
    return r?.status == 0
  }()

  // MARK: Missing and read-only directories

  @Test(arguments: [["template"], ["sample", "--tickets", "50"], ["import", "LOG"]])
  func missingDirectory(command: [String]) throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("missing/out.csv").path
    let r = try CLI.run(Self.expand(command) + ["-o", target])
    #expect(r.status == 2)
    #expect(r.stdout == "")
    // The message names the path and says what is wrong and what to do.
    #expect(
      r.stderr
        == "\(target): error[IO010]: cannot write here: the directory \(dir.path)/missing does "
        + "not exist; create the directory or choose another path with -o\n")
    #expect(Self.contents(dir) == [])
  }

  /// A directory without write permission. Root ignores permissions, so as root the command
  /// runs as `nobody` through setpriv.
  @Test(
    .enabled(if: !isRoot || hasSetpriv, "needs a non-root user (setpriv) to honour permissions"),
    arguments: [["template"], ["sample", "--tickets", "50"]])
  func readOnlyDirectory(command: [String]) throws {
    let dir = try Self.scratch()
    defer {
      chmod(dir.path, 0o755)
      try? FileManager.default.removeItem(at: dir)
    }
    let target = dir.appendingPathComponent("out.csv").path
    #expect(chmod(dir.path, 0o555) == 0)
    let prefix = Self.isRoot ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
    let r = try Self.shell(prefix + "\"$0\" \"$@\"", command + ["-o", target])
    #expect(r.status == 2)
    #expect(r.stdout == "")
    #expect(
      r.stderr
        == "\(target): error[IO010]: cannot write here: the directory \(dir.path) is not "
        + "writable; create the directory or choose another path with -o\n")
    #expect(Self.contents(dir) == [])
  }

  // MARK: Output naming an input

  /// `import LOG -o LOG`, or -o naming a hard link or a symbolic link to it: refused before
  /// anything is read or written (IO011), the log untouched, no temporary file.
  @Test(arguments: ["same", "hardlink", "symlink"])
  func outputNamingTheInput(how: String) throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = dir.appendingPathComponent("log.csv")
    let original = Data(
      "Ticket,Timestamp,Event,Level,Category\nT1,2026-01-05 09:00,opened,1,Achat de matériel\n"
        .utf8)
    try original.write(to: log)
    var target = log.path
    switch how {
    case "hardlink":
      target = dir.appendingPathComponent("link.csv").path
      #expect(link(log.path, target) == 0)
    case "symlink":
      target = dir.appendingPathComponent("sym.csv").path
      #expect(symlink(log.path, target) == 0)
    default: break
    }
    let before = Self.contents(dir)
    let r = try CLI.run(["import", log.path, "-o", target])
    #expect(r.status == 2)
    #expect(r.stdout == "")
    #expect(
      r.stderr
        == "\(target): error[IO011]: the output would overwrite an input file; choose another "
        + "path with -o\n")
    #expect(try Data(contentsOf: log) == original)
    #expect(Self.contents(dir) == before)
  }

  // MARK: Full disk

  @Test(arguments: [["template"], ["sample", "--tickets", "50"], ["import", "LOG"]])
  func devFull(command: [String]) throws {
    let r = try CLI.run(Self.expand(command) + ["-o", "/dev/full"])
    #expect(r.status == 2)
    #expect(r.stdout == "")
    #expect(
      r.stderr
        == "/dev/full: error[IO012]: writing failed: No space left on device; nothing was written\n"
    )
  }

  /// A real full file system: a 64 KiB tmpfs in a private mount namespace (gone when the
  /// shell exits). The sample is about 3 MB: the write fails part way, and the temporary file
  /// holding the part written must be gone.
  @Test(.enabled(if: canMountTmpfs, "cannot mount a tmpfs here (no root, no user namespaces)"))
  func fullTmpfs() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = """
      run() {
        mount -t tmpfs -o size=64k tmpfs "$1" || exit 99
        "$0" sample --tickets 20000 -o "$1/big.csv"; echo "status=$?"
        ls -A "$1"; echo "listed"
      }
      export -f run
      f=-m; [ "$(id -u)" = 0 ] || f=-rm
      unshare $f bash -c 'run "$1"' "$0" "$1"
      """
    let r = try Self.shell(script, [dir.path])
    // Nothing left in the full file system: status 2, then an empty listing.
    #expect(r.stdout == "status=2\nlisted\n")
    #expect(
      r.stderr
        == "\(dir.path)/big.csv: error[IO012]: writing failed: No space left on device; "
        + "nothing was written\n")
    #expect(Self.contents(dir) == [])
  }

  // MARK: Standard output closed early

  /// `| head -1`: the reader goes away after one line; the writer gets EPIPE (SIGPIPE is
  /// ignored) and must exit 0 without a word.
  @Test(arguments: [
    ["sample", "--tickets", "200000"], ["template"], ["import", "LOG"],
    ["metrics", "LOG", "--format", "json"],
  ])
  func stdoutClosedEarly(command: [String]) throws {
    let r = try Self.shell(
      "\"$0\" \"$@\" | head -1; echo \"status=${PIPESTATUS[0]}\"", Self.expand(command))
    // The header line, then the writer's status; nothing on stderr.
    let lines = r.stdout.split(whereSeparator: \.isNewline).map(String.init)
    #expect(lines.count == 2)
    #expect(lines.last == "status=0")
    #expect(r.stderr == "")
  }

  @Test func stdoutClosedBeforeAnyWrite() throws {
    // The reader is gone before the first write: still quiet, still status 0.
    let r = try Self.shell(
      "exec 4>&1; { \"$0\" sample --tickets 20000; echo \"status=$?\" >&4; } | true")
    #expect(r.stdout == "status=0\n")
    #expect(r.stderr == "")
  }

  // MARK: Interruption

  /// SIGINT while `sample` writes to standard output: no file to remove; the message and the
  /// status say it was interrupted.
  @Test func interruptedWritingToStandardOutput() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let errURL = dir.appendingPathComponent("err")
    let pid = try Self.spawn(
      [Self.binary, "sample", "--tickets", "2000000"], stderr: errURL.path)
    usleep(300_000)
    kill(pid, SIGINT)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    #expect(status & 0x7F == 0)
    #expect((status >> 8) & 0xFF == 130)
    #expect((try? String(contentsOf: errURL, encoding: .utf8)) == "escalation: interrupted\n")
  }

  /// SIGINT while `sample -o` writes a large file: the handler removes the temporary file,
  /// says so, and exits 130 (128 + SIGINT).
  @Test(arguments: [SIGINT, SIGTERM])
  func interruptedWhileWriting(signal: Int32) throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("big.csv").path
    let errURL = dir.appendingPathComponent("err")
    let pid = try Self.spawn(
      [Self.binary, "sample", "--tickets", "2000000", "-o", target], stderr: errURL.path)
    // Wait until the temporary file exists (at least 0.3 s, at most 20 s).
    usleep(300_000)
    var waited = 0
    while !Self.contents(dir).contains(where: { $0.hasSuffix(".tmp") }) && waited < 2000 {
      usleep(10_000)
      waited += 1
    }
    #expect(Self.contents(dir).contains { $0.hasPrefix(".big.csv.") && $0.hasSuffix(".tmp") })
    kill(pid, signal)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // Exited (not killed by the signal) with 128 + the signal number.
    #expect(status & 0x7F == 0)
    #expect((status >> 8) & 0xFF == 128 + signal)
    #expect(
      (try? String(contentsOf: errURL, encoding: .utf8))
        == "escalation: interrupted; unfinished output removed\n")
    try? FileManager.default.removeItem(at: errURL)
    #expect(Self.contents(dir) == [])
  }
}

extension FaultTests {
  /// SIGINT while `report -o` writes its workbook: the temporary workbook is removed too.
  @Test func interruptedWhileWritingAReport() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let log = dir.appendingPathComponent("log.csv").path
    let made = try CLI.run(["sample", "--tickets", "60000", "--seed", "4", "-o", log])
    #expect(made.status == 0)
    let target = dir.appendingPathComponent("r.xlsx").path
    let errURL = dir.appendingPathComponent("err")
    let pid = try Self.spawn(
      [Self.binary, "report", log, "--from", "2026-01-01", "--to", "2026-12-31", "-o", target],
      stderr: errURL.path)
    var waited = 0
    while !Self.contents(dir).contains(where: { $0.hasPrefix(".r.xlsx.") && $0.hasSuffix(".tmp") })
      && waited < 6000
    {
      usleep(5_000)
      waited += 1
    }
    #expect(Self.contents(dir).contains { $0.hasPrefix(".r.xlsx.") && $0.hasSuffix(".tmp") })
    kill(pid, SIGINT)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    #expect(status & 0x7F == 0)
    #expect((status >> 8) & 0xFF == 130)
    #expect(
      (try? String(contentsOf: errURL, encoding: .utf8))
        == "escalation: interrupted; unfinished output removed\n")
    try? FileManager.default.removeItem(at: errURL)
    #expect(Self.contents(dir).filter { $0 != "log.csv" }.isEmpty)
  }
}
