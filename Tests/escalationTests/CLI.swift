import Foundation
import Testing

/// Runs the built `escalation` binary.
enum CLI {
  /// The products directory (where SwiftPM put the test bundle and the executable).
  static var productsDirectory: URL {
    Bundle.module.bundleURL.deletingLastPathComponent()
  }

  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  static var samples: URL { packageRoot.appendingPathComponent("Samples") }
  static var fixtures: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The environment of every command a test runs: this process's, with the event cache off
  /// (`ESCALATION_NO_CACHE=1`) and pointed away from the user's (`XDG_CACHE_HOME` in a
  /// temporary directory), so that no test depends on or touches a cache unless it asks
  /// (CacheCLITests). `NO_COLOR` is set too.
  static var environment: [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["ESCALATION_NO_CACHE"] = "1"
    env["XDG_CACHE_HOME"] =
      FileManager.default.temporaryDirectory.appendingPathComponent("escalation-tests-no-cache")
      .path
    return env
  }

  /// Runs `escalation args…` with `stdin` bytes in ``environment`` (with `environment` added),
  /// and returns what it printed.
  static func run(
    _ args: [String], stdin: Data? = nil, cwd: URL? = nil, environment: [String: String] = [:]
  ) throws -> Result {
    let p = Process()
    p.executableURL = productsDirectory.appendingPathComponent("escalation")
    p.arguments = args
    var env = CLI.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    if let cwd { p.currentDirectoryURL = cwd }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let inURL = dir.appendingPathComponent("in")
    let outURL = dir.appendingPathComponent("out")
    let errURL = dir.appendingPathComponent("err")
    try (stdin ?? Data()).write(to: inURL)
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let input = try FileHandle(forReadingFrom: inURL)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    p.standardInput = input
    p.standardOutput = out
    p.standardError = err
    try p.run()
    p.waitUntilExit()
    try input.close()
    try out.close()
    try err.close()
    let outData = try Data(contentsOf: outURL)
    let errData = try Data(contentsOf: errURL)
    return Result(
      status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

@Suite struct CLIBasicsTests {
  @Test func helpExitsZeroAndUnknownOptionExitsTwo() throws {
    let help = try CLI.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: escalation <subcommand>"))
    let bad = try CLI.run(["--no-such-option"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("Unknown option '--no-such-option'"))
  }
}
