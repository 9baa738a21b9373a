import Foundation
import Testing

/// Issue 14, the streams: data on standard output, status lines on standard error, a JSON or
/// SARIF findings stream that holds nothing else, `-` as standard output everywhere, and the
/// report's default file name.
@Suite struct StreamsCLITests {
  /// tiny.csv: T1 opened on 1 October at level 1 and escalated to 3 (a skipped level, MET002)
  /// the next day, T2 opened on 5 October; a note `=HYPERLINK(…)` and an owner `@bob`.
  static let tinyEvents = """
    ticket,time,event,level,category,owner,note,line
    T1,2026-10-01T09:00:00Z,open,1,performance-issues,Ann,"'=HYPERLINK(""http://x"",""y"")",2
    T1,2026-10-02T09:00:00Z,escalate,3,performance-issues,'@bob,-2,3
    T2,2026-10-05T10:00:00Z,open,1,operational-challenges,Cy,'+33 1 23,4

    """

  static func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func jsonFindingsAreTheWholeStreamAndParse() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["import", "tiny.csv", "--findings-format", "json"], cwd: dir)
    #expect(r.status == 0)
    #expect(r.stdout == Self.tinyEvents)
    // Standard error is one JSON document and nothing else: JSONSerialization reads it whole.
    let doc = try Self.object(r.stderr)
    #expect(!r.stderr.contains("records read"))
    #expect(doc["schemaVersion"] as? Int == 1)
    let a = try #require(doc["accounting"] as? [String: Int])
    #expect(a == ["read": 3, "used": 3, "rejected": 0, "duplicates": 0])
    #expect(doc["events"] as? Int == 3)
    #expect(doc["tickets"] as? Int == 2)
    let codes = (doc["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
    #expect(codes == ["LOG030", "MET002", "LOG028", "LOG028"])
  }

  @Test func sarifCarriesTheAccountingAndCharacterColumns() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Field 4 of line 2 starts after "Ré1," (4 characters, 5 bytes), "2026-10-01 09:00," (17)
    // and "open," (5): character column 27 (byte column 28).
    try CLI.write(
      "Ticket,Timestamp,Event,Level,Category\nRé1,2026-10-01 09:00,open,Level 9,Performance issues\n",
      to: "acc.csv", in: dir)
    let r = try CLI.run(["import", "acc.csv", "--findings-format", "sarif"], cwd: dir)
    #expect(r.status == 0)
    #expect(r.stdout == "ticket,time,event,level,category,owner,note,line\n")
    let doc = try Self.object(r.stderr)
    let run = try #require((doc["runs"] as? [[String: Any]])?.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let props = try #require(run["properties"] as? [String: Any])
    #expect(props["schemaVersion"] as? Int == 1)
    #expect(
      props["accounting"] as? [String: Int] == [
        "read": 1, "used": 0, "rejected": 1, "duplicates": 0,
      ])
    let results = try #require(run["results"] as? [[String: Any]])
    let level = try #require(results.first { $0["ruleId"] as? String == "LOG015" })
    let location = try #require((level["locations"] as? [[String: Any]])?.first)
    let region = (location["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
    #expect(region == ["startLine": 2, "startColumn": 27])
    let fieldProps = level["properties"] as? [String: Any]
    #expect(fieldProps?["field"] as? Int == 4)
    #expect(fieldProps?["columnLetter"] as? String == "D")
  }

  @Test func findingsOutputTakesTheFindings() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(
      ["import", "tiny.csv", "--findings-format", "json", "--findings-output", "f.json"], cwd: dir)
    #expect(r.status == 0)
    #expect(r.stdout == Self.tinyEvents)
    #expect(r.stderr.isEmpty)
    let doc = try Self.object(
      String(contentsOf: dir.appendingPathComponent("f.json"), encoding: .utf8))
    #expect(doc["command"] as? String == "import")
    // `-` is standard output: the findings there, the events in a file.
    let s = try CLI.run(
      ["import", "tiny.csv", "-o", "e.csv", "--findings-format", "json", "--findings-output", "-"],
      cwd: dir)
    #expect(s.status == 0)
    #expect(try Self.object(s.stdout)["valid"] as? Bool == true)
    #expect(
      try String(contentsOf: dir.appendingPathComponent("e.csv"), encoding: .utf8)
        == Self.tinyEvents)
    // Both on standard output: refused before any work.
    let both = try CLI.run(["import", "tiny.csv", "--findings-output", "-"], cwd: dir)
    #expect(both.status == 2)
    #expect(
      both.stderr.hasPrefix(
        "escalation: error: --findings-output - and the events would both go to standard output; give -o FILE\n"
      ))
    #expect(both.stdout.isEmpty)
  }

  @Test func aLogGivenToValidateAndAMatrixGivenToImportAreRecognised() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let v = try CLI.run(["validate", "tiny.csv"], cwd: dir)
    #expect(v.status == 1)
    #expect(
      v.stdout == """
        tiny.csv:1: error[MTX013]: this looks like an escalation log (its header has a ticket column "Ticket" and a time column "Timestamp"), not a matrix; read it with `escalation import tiny.csv`
        tiny.csv: not valid: 1 error, 0 warnings, 0 notes

        """)
    let matrix = CLI.samples.appendingPathComponent("matrix-fr.csv").path
    try FileManager.default.copyItem(
      atPath: matrix, toPath: dir.appendingPathComponent("m.csv").path)
    let i = try CLI.run(["import", "m.csv"], cwd: dir)
    #expect(i.status == 1)
    #expect(i.stdout.isEmpty)
    #expect(
      i.stderr == """
        m.csv:1: error[LOG006]: this is an escalation matrix, not a log; pass it with --matrix m.csv, or check it with `escalation validate m.csv`
        m.csv: not valid: 1 error, 0 warnings, 0 notes

        """)
    // In JSON, to --findings-output: the stop is a findings document like any other.
    let j = try CLI.run(
      ["import", "m.csv", "--findings-format", "json", "--findings-output", "f.json"], cwd: dir)
    #expect(j.status == 1)
    #expect(j.stderr.isEmpty)
    let doc = try Self.object(
      String(contentsOf: dir.appendingPathComponent("f.json"), encoding: .utf8))
    #expect(doc["valid"] as? Bool == false)
    #expect((doc["findings"] as? [[String: Any]])?.first?["code"] as? String == "LOG006")
  }

  @Test func reportNamesItsFileAfterTheLogAndSaysSoOnStandardError() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Two open tickets at the end of October (T1 escalated, never resolved; T2).
    let status =
      "2026-10 (UTC), 2 tickets opened, 2 open at as-of; records read: 3 = used 3 + rejected 0 + duplicates 0\n"
    let a = try CLI.run(["report", "tiny.csv", "--month", "2026-10"], cwd: dir)
    #expect(a.status == 0)
    #expect(a.stdout.isEmpty)
    #expect(a.stderr == "wrote Reports/tiny-2026-10.xlsx: " + status)
    let b = try CLI.run(
      ["report", "local.csv", "--from", "2026-10-01", "--to", "2026-10-31"], cwd: dir)
    #expect(b.status == 0)
    #expect(b.stderr.hasPrefix("wrote Reports/local-2026-10-01_2026-10-31.xlsx: "))
    let reports = try FileManager.default.contentsOfDirectory(
      atPath: dir.appendingPathComponent("Reports").path
    ).sorted()
    #expect(reports == ["local-2026-10-01_2026-10-31.xlsx", "tiny-2026-10.xlsx"])
    // `-o -`: the workbook on standard output (a ZIP), the status line on standard error.
    let c = try CLI.run(["report", "tiny.csv", "--month", "2026-10", "-o", "-"], cwd: dir)
    #expect(c.status == 0)
    #expect(c.stdout.utf8.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    #expect(c.stderr == "wrote <stdout>: " + status)
    let file = try Data(contentsOf: dir.appendingPathComponent("Reports/tiny-2026-10.xlsx"))
    #expect(Data(c.stdout.utf8).count > 1000 && file.count > 1000)
  }

  @Test func dashIsStandardOutputForEveryWorkbook() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let t = try CLI.run(["template", "--xlsx", "-", "-o", "m.csv"], cwd: dir)
    #expect(t.status == 0)
    #expect(t.stdout.utf8.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    let v = try CLI.run(["validate", "m.csv", "--xlsx", "-"], cwd: dir)
    #expect(v.status == 0)
    #expect(v.stdout.utf8.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    // The findings go to standard error when the workbook takes standard output.
    #expect(
      v.stderr
        == "orientation: levels across (as the template)\nm.csv: valid: 0 errors, 0 warnings, 0 notes\n"
    )
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
    let both = try CLI.run(["template", "--xlsx", "-"], cwd: dir)
    #expect(both.status == 2)
    #expect(
      both.stderr.hasPrefix(
        "escalation: error: --xlsx - and the CSV would both go to standard output; write the CSV with -o FILE\n"
      ))
  }

  @Test func aWorkbookIsNeverWrittenToATerminal() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try PTY.run(["report", "tiny.csv", "--month", "2026-10", "-o", "-"], cwd: dir)
    #expect(r.status == 2)
    #expect(
      r.output
        == "<stdout>: error[IO013]: a workbook is binary and standard output is a terminal; redirect it (> report.xlsx) or give a file name\r\n"
    )
    let t = try PTY.run(["template", "--xlsx", "-", "-o", "m.csv"], cwd: dir)
    #expect(t.status == 2)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.csv").path))
  }
}
