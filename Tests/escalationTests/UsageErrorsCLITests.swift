import Foundation
import Testing

/// One mistaken command line: what it is and the words its message must contain.
struct UsageCase: CustomTestStringConvertible, Sendable {
  var args: [String]
  var words: [String]
  var testDescription: String { args.joined(separator: " ") }
}

/// Every usage mistake a person typically makes exits 2 with one `escalation: error:` line that
/// names the option and the value and says what to write instead; nothing is written.
@Suite struct UsageErrorsCLITests {
  static let log = CLI.samples.appendingPathComponent("escalations-2026-fr.csv").path
  static let matrix = CLI.samples.appendingPathComponent("matrix-fr.csv").path

  /// A target for `report -o` that must never come into existence.
  static let target = FileManager.default.temporaryDirectory
    .appendingPathComponent("usage-errors-never-written.xlsx").path

  /// The message ArgumentParser gives for a value outside a closed list (`Language`).
  static let langMessage =
    "The value 'de' is invalid for '--lang <lang>'. Please provide one of 'en' and 'fr'."

  static let cases: [UsageCase] = [
    // --tz: the same message in every subcommand that takes it.
    UsageCase(
      args: ["import", log, "--tz", "Mars/Olympus"],
      words: ["--tz Mars/Olympus: not a known IANA time zone", "Europe/Paris"]),
    UsageCase(
      args: ["metrics", log, "--tz", "Europe/Pariss"],
      words: ["--tz Europe/Pariss: not a known IANA time zone", "Europe/Paris"]),
    UsageCase(
      args: ["report", log, "--tz", "Mars/Olympus", "-o", target],
      words: ["--tz Mars/Olympus: not a known IANA time zone"]),
    UsageCase(
      args: ["sample", "--tz", "Mars/Olympus"],
      words: ["--tz Mars/Olympus: not a known IANA time zone", "Europe/Paris"]),
    // The period.
    UsageCase(
      args: ["metrics", log, "--month", "2026-13"],
      words: ["--month '2026-13' is not a month", "YYYY-MM"]),
    UsageCase(
      args: ["report", log, "--month", "october", "-o", target],
      words: ["--month 'october' is not a month", "YYYY-MM"]),
    UsageCase(
      args: ["metrics", log, "--from", "2026-10-01"],
      words: ["--from and --to go together", "give both days"]),
    UsageCase(
      args: ["report", log, "--to", "2026-10-31", "-o", target],
      words: ["--from and --to go together"]),
    UsageCase(
      args: ["metrics", log, "--from", "2026-10-05", "--to", "2026-10-01"],
      words: ["--from 2026-10-05 is after --to 2026-10-01", "earlier day"]),
    UsageCase(
      args: ["metrics", log, "--month", "2026-10", "--from", "2026-10-01", "--to", "2026-10-02"],
      words: ["either --month or --from/--to, not both"]),
    UsageCase(
      args: ["metrics", log, "--as-of", "tomorrow"],
      words: ["--as-of 'tomorrow' is not a time", "YYYY-MM-DD"]),
    // --sla.
    UsageCase(
      args: ["metrics", log, "--sla", "garbage"],
      words: ["--sla 'garbage'", "LEVEL=DURATION", "1=24h,2=48h,3=72h,4=120h"]),
    UsageCase(
      args: ["metrics", log, "--sla", "1=24x"],
      words: ["'1=24x' has no readable duration", "24h"]),
    UsageCase(
      args: ["report", log, "--sla", "5=24h", "-o", target],
      words: ["'5=24h' names no level 1 to 4"]),
    // --lang: the same message everywhere.
    UsageCase(args: ["template", "--lang", "de"], words: [langMessage]),
    UsageCase(args: ["sample", "--lang", "de"], words: [langMessage]),
    UsageCase(args: ["metrics", log, "--lang", "de"], words: [langMessage]),
    UsageCase(args: ["report", log, "--lang", "de", "-o", target], words: [langMessage]),
    // --format and the other closed choices.
    UsageCase(
      args: ["validate", matrix, "--format", "xml"],
      words: ["The value 'xml' is invalid for '--format <format>'", "'text', 'json' or 'sarif'"]),
    UsageCase(
      args: ["import", log, "--format", "xml"], words: ["'xml' is invalid for '--format", "'csv'"]),
    UsageCase(
      args: ["metrics", log, "--format", "xml"],
      words: ["'xml' is invalid for '--format", "'json'"]
    ),
    UsageCase(
      args: ["import", log, "--findings-format", "xml"],
      words: [
        "The value 'xml' is invalid for '--findings-format <format>'", "'text', 'json' or 'sarif'",
      ]),
    UsageCase(
      args: ["import", log, "--layout", "foo"],
      words: ["'foo' is invalid for '--layout", "'events'"]),
    UsageCase(
      args: ["metrics", log, "--layout", "foo"], words: ["'foo' is invalid for '--layout"]),
    UsageCase(
      args: ["sample", "--layout", "foo"], words: ["'foo' is invalid for '--layout", "'tickets'"]),
    UsageCase(
      args: ["import", log, "--date-order", "x"],
      words: ["'x' is invalid for '--date-order", "'dmy'", "'mdy'"]),
    UsageCase(
      args: ["report", log, "--date-order", "x", "-o", target],
      words: ["'x' is invalid for '--date-order"]),
    UsageCase(
      args: ["metrics", log, "--table", "foo"], words: ["'foo' is invalid for '--table", "trend"]),
    UsageCase(
      args: ["import", log, "--delimiter", "x"],
      words: ["The value 'x' is invalid for '--delimiter <char>'", "',', ';', 'tab' or '|'"]),
    UsageCase(
      args: ["template", "--delimiter", "tab"],
      words: ["--delimiter tab: a template is written with , or ; only"]),
    UsageCase(
      args: ["import", log, "--map", "garbage"], words: ["--map garbage: write --map field=Header"]),
    // Arguments.
    UsageCase(args: ["validate"], words: ["Missing expected argument '<matrix>'"]),
    UsageCase(args: ["frobnicate"], words: ["Unexpected argument 'frobnicate'"]),
  ]

  @Test(arguments: cases)
  func exitsTwoAndSaysWhatToDo(_ c: UsageCase) throws {
    let r = try CLI.run(c.args)
    #expect(r.status == 2)
    // One prefix for every usage error, whoever found it; nothing on standard output.
    #expect(r.stderr.hasPrefix("escalation: error: "))
    #expect(!r.stderr.contains("Error: "))
    for w in c.words { #expect(r.stderr.contains(w), "missing \"\(w)\" in: \(r.stderr)") }
    #expect(r.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: UsageErrorsCLITests.target))
  }

  /// A file that does not exist and a directory given as the input: IO001, exit 2, for every
  /// subcommand that reads a file (and for --baseline and --matrix).
  @Test(arguments: ["validate", "import", "metrics", "report"])
  func missingFileAndDirectoryAreIO001(_ command: String) throws {
    let dir = CLI.samples.path
    for (input, words) in [
      ("no-such-file.csv", "No such file or directory"), (dir, "it is a directory"),
    ] {
      let output = command == "validate" ? [] : ["-o", UsageErrorsCLITests.target]
      let r = try CLI.run([command, input] + output)
      #expect(r.status == 2)
      #expect(r.stderr.contains("\(input): error[IO001]: cannot open the file: \(words)"))
      #expect(!FileManager.default.fileExists(atPath: UsageErrorsCLITests.target))
    }
    let baseline = try CLI.run(["validate", UsageErrorsCLITests.matrix, "--baseline", dir])
    #expect(baseline.status == 2)
    #expect(baseline.stderr.contains("error[IO001]: cannot open the file: it is a directory"))
    let matrix = try CLI.run(["import", UsageErrorsCLITests.log, "--matrix", "no-such.csv"])
    #expect(matrix.status == 2)
    #expect(matrix.stderr.contains("no-such.csv: error[IO001]"))
  }

  /// Every option value in the synopsis has a name that says what it is, and no usage line
  /// runs past 100 columns.
  @Test(arguments: ["template", "validate", "import", "metrics", "report", "sample"])
  func helpIsCompleteAndWraps(_ command: String) throws {
    let r = try CLI.run(["help", command])
    #expect(r.status == 0)
    #expect(r.stdout.contains("USAGE: escalation \(command)"))
    // ArgumentParser writes the USAGE synopsis on one line (it is generated, not hand-written);
    // every other line wraps.
    for line in r.stdout.split(separator: "\n") where !line.hasPrefix("USAGE:") {
      #expect(line.count <= 100, "too long: \(line)")
    }
    // The same value names everywhere: -o <file>, --tz <zone>, --delimiter <char>.
    if r.stdout.contains("--output") { #expect(r.stdout.contains("-o, --output <file>")) }
    if r.stdout.contains("--tz") { #expect(r.stdout.contains("--tz <zone>")) }
    if r.stdout.contains("--delimiter") { #expect(r.stdout.contains("--delimiter <char>")) }
    #expect(r.stdout.contains("-h, --help"))
  }

  /// `metrics -o FILE` writes the figures there (no colour), and refuses to overwrite its input.
  @Test func metricsWritesToOutputFile() throws {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("usage-metrics-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try CLI.run([
      "metrics", UsageErrorsCLITests.log, "--month", "2026-10", "--tz", "Europe/Paris",
      "--format", "csv", "-o", out.path,
    ])
    #expect(r.status == 0)
    #expect(r.stdout.isEmpty)
    let text = try String(contentsOf: out, encoding: .utf8)
    // October 2026 in Paris: 18 tickets opened, 2 reached level 2 (as the README shows).
    #expect(text.contains("\r\ntotal,Total,18,2,1,0,"))
    let same = try CLI.run(["metrics", UsageErrorsCLITests.log, "-o", UsageErrorsCLITests.log])
    #expect(same.status == 2)
    #expect(same.stderr.contains("error[IO011]"))
  }

  /// Standard input `-` works for validate, import, metrics and report.
  @Test func standardInputEverywhere() throws {
    let matrix = try Data(contentsOf: URL(fileURLWithPath: UsageErrorsCLITests.matrix))
    let v = try CLI.run(["validate", "-"], stdin: matrix)
    #expect(v.status == 0)
    #expect(v.stdout.contains("<stdin>: valid: 0 errors, 0 warnings, 0 notes"))
    let log = try Data(contentsOf: URL(fileURLWithPath: UsageErrorsCLITests.log))
    let accounting = "records read: 591 = used 591 + rejected 0 + duplicates 0"
    let i = try CLI.run(["import", "-", "--tz", "Europe/Paris"], stdin: log)
    #expect(i.status == 0)
    #expect(i.stderr.contains(accounting))
    let m = try CLI.run(["metrics", "-", "--month", "2026-10", "--tz", "Europe/Paris"], stdin: log)
    #expect(m.status == 0)
    #expect(m.stdout.contains("Escalation metrics — <stdin>"))
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("usage-stdin-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: out) }
    let rep = try CLI.run(
      ["report", "-", "--month", "2026-10", "--tz", "Europe/Paris", "-o", out.path], stdin: log)
    #expect(rep.status == 0)
    #expect(rep.stdout.isEmpty)
    #expect(rep.stderr.contains("18 tickets opened, 11 open at as-of; \(accounting)"))
    #expect(FileManager.default.fileExists(atPath: out.path))
  }
}
