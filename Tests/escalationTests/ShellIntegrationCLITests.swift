import Foundation
import Testing

/// Issue 14, the shell around the tool: completions that know files and values, `help` with a
/// wrong command name, colour rules, and a JSON Schema for every JSON output.
@Suite struct ShellIntegrationCLITests {
  @Test func bashCompletesFilesAndValues() throws {
    let r = try CLI.run(["--generate-completion-script", "bash"])
    #expect(r.status == 0)
    // Closed choices complete their values; logs complete CSV files (and directories).
    #expect(
      r.stdout.contains("    '--lang')\n        __escalation_add_completions -W 'en'$'\\n''fr'\n"))
    #expect(
      r.stdout.contains(
        "    '--findings-format')\n        __escalation_add_completions -W 'text'$'\\n''json'$'\\n''sarif'\n"
      ))
    #expect(
      r.stdout.contains(
        "    '--delimiter')\n        __escalation_add_completions -W ','$'\\n'';'$'\\n''tab'$'\\n''|'\n"
      ))
    #expect(
      r.stdout.contains(
        "'--tz')\n        __escalation_add_completions -W 'UTC'$'\\n''Africa/Abidjan'"))
    #expect(r.stdout.contains("__escalation_add_completions -o plusdirs -fX '!*.@(csv|tsv|txt)'"))
    #expect(r.stdout.contains("__escalation_add_completions -o plusdirs -fX '!*.@(xlsx)'"))
  }

  @Test func zshAndFishCompleteFilesAndValues() throws {
    let zsh = try CLI.run(["--generate-completion-script", "zsh"])
    #expect(zsh.status == 0)
    #expect(zsh.stdout.contains("local -ar ___lang=('en' 'fr')"))
    #expect(zsh.stdout.contains("'*:log:_files -g '\\''*.csv *.tsv *.txt *.xlsx'\\'''"))
    #expect(zsh.stdout.contains("local -ar ___color=('auto' 'always' 'never')"))
    let fish = try CLI.run(["--generate-completion-script", "fish"])
    #expect(fish.status == 0)
    #expect(
      fish.stdout.contains(
        "-l 'findings-format' -d 'Format of the findings.' -rfka 'text json sarif'"))
    #expect(fish.stdout.contains("-l 'format' -d 'Output format.' -rfka 'text json csv'"))
    // A matrix is CSV or .xlsx (--matrix, --baseline, validate's argument).
    #expect(fish.stdout.contains("exts \\'csv\\' \\'xlsx\\';"))
  }

  @Test func helpForAnUnknownCommandExitsTwo() throws {
    let r = try CLI.run(["help", "nosuch"])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(
      r.stderr
        == "escalation: error: no command 'nosuch'; the commands are template, validate, import, sample, metrics, report, explain, profile, cache (escalation help COMMAND)\n"
    )
    let ok = try CLI.run(["help", "import"])
    #expect(ok.status == 0)
    #expect(ok.stdout.contains("USAGE: escalation import"))
  }

  /// no-color.org: only a non-empty NO_COLOR turns colour off; --color overrides both ways.
  @Test func colourRules() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let matrix = CLI.samples.appendingPathComponent("matrix-edited.csv").path
    let bold = "\u{1B}[1m"
    let empty = try PTY.run(["validate", matrix], cwd: dir, environment: ["NO_COLOR": ""])
    #expect(empty.status == 1)
    #expect(
      empty.output.hasPrefix(bold + matrix + ":1:3\u{1B}[0m: \u{1B}[1;31merror[MTX006]\u{1B}[0m: "))
    let set = try PTY.run(["validate", matrix], cwd: dir, environment: ["NO_COLOR": "1"])
    #expect(set.output.hasPrefix(matrix + ":1:3: error[MTX006]: "))
    let never = try PTY.run(
      ["validate", matrix, "--color", "never"], cwd: dir, environment: ["NO_COLOR": ""])
    #expect(!never.output.contains("\u{1B}["))
    // Piped, NO_COLOR=1: --color always still colours.
    let always = try CLI.run(["validate", matrix, "--color", "always"])
    #expect(always.stdout.hasPrefix(bold + matrix + ":1:3\u{1B}[0m: "))
    let piped = try CLI.run(["validate", matrix], environment: ["NO_COLOR": ""])
    #expect(!piped.stdout.contains("\u{1B}["))
  }

  static func schema(_ name: String) throws -> JSONSchemaChecker {
    try JSONSchemaChecker(path: CLI.packageRoot.appendingPathComponent("docs/schema/\(name)").path)
  }

  static func parse(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  /// Every JSON output against its schema under docs/schema/, on the samples.
  @Test func jsonOutputsMatchTheirSchemas() throws {
    let log = CLI.samples.appendingPathComponent("escalations-2026-fr.csv").path
    let findings = try Self.schema("findings.schema.json")
    let v = try CLI.run([
      "validate", CLI.samples.appendingPathComponent("matrix-edited.csv").path, "--format", "json",
    ])
    #expect(findings.problems(try Self.parse(v.stdout)) == [])
    let i = try CLI.run([
      "import", log, "--tz", "Europe/Paris", "--findings-format", "json", "-o", "/dev/null",
    ])
    #expect(findings.problems(try Self.parse(i.stderr)) == [])
    let metrics = try Self.schema("metrics.schema.json")
    for extra in [
      ["--month", "2026-10", "--sla", "1=24h,2=48h,3=72h,4=120h"], [], ["--table", "tickets"],
    ] {
      let m = try CLI.run(["metrics", log, "--tz", "Europe/Paris", "--format", "json"] + extra)
      #expect(metrics.problems(try Self.parse(m.stdout)) == [], "\(extra)")
    }
    let event = try Self.schema("event.schema.json")
    let e = try CLI.run([
      "import", CLI.samples.appendingPathComponent("tickets-smartsheet-us.csv").path, "--format",
      "jsonl",
    ])
    let lines = e.stdout.split(separator: "\n")
    #expect(lines.count > 100)
    for line in lines { #expect(event.problems(try Self.parse(String(line))) == []) }
  }

  /// The checker is not a yes-machine: a wrong type, a missing key, an unknown key, a rate
  /// above 1 and a wrong schemaVersion are each found.
  @Test func schemaCheckerFindsWhatIsWrong() throws {
    let metrics = try Self.schema("metrics.schema.json")
    let log = CLI.samples.appendingPathComponent("escalations-2026-fr.csv").path
    let m = try CLI.run(["metrics", log, "--month", "2026-10", "--format", "json"])
    var doc = try #require(try Self.parse(m.stdout) as? [String: Any])
    doc["schemaVersion"] = 2
    doc["extra"] = true
    doc.removeValue(forKey: "zone")
    var rates = try #require(doc["rates"] as? [[String: Any]])
    var rate = try #require(rates[0]["rate"] as? [String: Any])
    rate["2"] = 1.5
    rates[0]["rate"] = rate
    rates[1]["opened"] = "six"
    doc["rates"] = rates
    #expect(
      metrics.problems(doc).sorted() == [
        "$.rates[0].rate.2: 1.5 > 1", "$.rates[1].opened: six is not of type [\"integer\"]",
        "$.schemaVersion: 2 ≠ const", "$: missing zone", "$: unexpected key extra",
      ])
  }
}
