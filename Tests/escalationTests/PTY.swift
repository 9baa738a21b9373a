import Foundation

/// Runs the built `escalation` under a pseudo-terminal (`script` from util-linux), so that
/// standard output and standard error are terminals, as when a person types the command.
enum PTY {
  struct Result {
    var status: Int32
    /// What the terminal received (standard output and standard error together), line ends
    /// as the terminal writes them (`\r\n`).
    var output: String
  }

  /// `word` quoted for `sh -c`.
  static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  static func run(_ args: [String], cwd: URL, environment: [String: String] = [:]) throws -> Result
  {
    let binary = CLI.productsDirectory.appendingPathComponent("escalation").path
    let command = ([binary] + args).map(quoted).joined(separator: " ")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    // -q: no banner; -e: the command's exit status; -c: the command; /dev/null: no typescript.
    p.arguments = ["-qec", command, "/dev/null"]
    var env = CLI.environment
    env["TERM"] = "dumb"
    for (k, v) in environment { env[k] = v }
    p.environment = env
    p.currentDirectoryURL = cwd
    let out = Pipe()
    p.standardOutput = out
    p.standardInput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(status: p.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }
}

extension CLI {
  /// A fresh directory holding the files of Fixtures/cli (tiny.csv, local.csv, jan.csv,
  /// feb.csv), so that commands run on short relative names.
  static func workspace() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cli-ws-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let src = fixtures.appendingPathComponent("cli")
    for name in try FileManager.default.contentsOfDirectory(atPath: src.path) {
      try FileManager.default.copyItem(
        at: src.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    return dir
  }

  /// Writes `text` to `name` in `dir`.
  static func write(_ text: String, to name: String, in dir: URL) throws {
    try Data(text.utf8).write(to: dir.appendingPathComponent(name))
  }
}
