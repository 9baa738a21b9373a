import Foundation
import Testing

/// `escalation import` end to end, on logs written to a temporary directory.
@Suite struct ImportCLITests {
  private func file(_ text: String, name: String = "log.csv") throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "imp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  private let messy = """
    Ticket;Horodatage;Statut;Niveau;Catégorie
    A;03/10/2026 09:00;Ouvert;1;Achat de matériel
    A;13/10/2026 10:00;Remonté;Cheffe de projet;
    B;14/10/2026;Ouvert;1;Achat de materiels
    A;03/10/2026 09:00;Ouvert;1;Achat de matériel
    """

  @Test func writesEventsAndAccountsOnStandardError() throws {
    let url = try file(messy)
    let r = try CLI.run(["import", url.path, "--tz", "Europe/Paris"])
    #expect(r.status == 0)
    // 09:00 CEST = 07:00Z; day-first proved by 13/10.
    #expect(
      r.stdout == """
        ticket,time,event,level,category,owner,note,line
        A,2026-10-03T07:00:00Z,open,1,equipment-purchase,,,2
        A,2026-10-13T08:00:00Z,escalate,2,,,,3

        """)
    #expect(
      r.stderr.contains(
        "\(url.path):4:5: error[LOG017]: unknown category \"Achat de materiels\"; did you mean \"Achat de matériel\"?"
      ))
    #expect(r.stderr.contains("\(url.path):5: warning[LOG020]: exact duplicate of line 2"))
    #expect(r.stderr.hasSuffix("records read: 4 = used 2 + rejected 1 + duplicates 1\n"))
  }

  @Test func strictFailsAndWritesNothing() throws {
    let url = try file(messy)
    let out = url.deletingLastPathComponent().appendingPathComponent("events.csv")
    let r = try CLI.run(["import", url.path, "--strict", "-o", out.path])
    #expect(r.status == 1)
    #expect(!FileManager.default.fileExists(atPath: out.path))
    #expect(r.stderr.contains("records read: 4 = used 2 + rejected 1 + duplicates 1"))
  }

  @Test func jsonlToFileAndJSONFindings() throws {
    let url = try file("Ticket,Date,Event,Level\nX,2026-10-01T08:00Z,open,L1\n")
    let out = url.deletingLastPathComponent().appendingPathComponent("events.jsonl")
    let r = try CLI.run([
      "import", url.path, "--format", "jsonl", "-o", out.path, "--findings-format", "json",
    ])
    #expect(r.status == 0)
    #expect(r.stdout.isEmpty)
    let text = try String(contentsOf: out, encoding: .utf8)
    #expect(
      text
        == "{\"ticket\":\"X\",\"time\":\"2026-10-01T08:00:00Z\",\"event\":\"open\",\"level\":1,\"category\":null,\"owner\":null,\"note\":null,\"line\":2}\n"
    )
    // The JSON document, then the accounting line.
    let parts = r.stderr.components(separatedBy: "records read:")
    let json = try JSONSerialization.jsonObject(with: Data(parts[0].utf8)) as? [String: Any]
    let accounting = json?["accounting"] as? [String: Int]
    #expect(accounting == ["read": 1, "used": 1, "rejected": 0, "duplicates": 0])
    #expect(json?["command"] as? String == "import")
  }

  @Test func ambiguousDatesStopWithExitOne() throws {
    let url = try file("Ticket,Date,Level\nX,03/10/2026,1\n")
    let r = try CLI.run(["import", url.path])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("error[LOG004]"))
    let ok = try CLI.run(["import", url.path, "--date-order", "mdy"])
    #expect(ok.status == 0)
    #expect(ok.stdout.contains("X,2026-03-10T00:00:00Z,open,1,,,,2"))
  }

  @Test func usageErrorsExitTwo() throws {
    let url = try file("Ticket,Date\nX,2026-10-01\n")
    let tz = try CLI.run(["import", url.path, "--tz", "Mars/Olympus"])
    #expect(tz.status == 2)
    #expect(tz.stderr.contains("not a known IANA time zone"))
    let map = try CLI.run(["import", url.path, "--map", "ticket=Nope"])
    #expect(map.status == 2)
    #expect(map.stderr.contains("error[LOG003]"))
    let missing = try CLI.run(["import", url.path + ".none"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("error[IO001]"))
  }

  @Test func mapAndStandardInput() throws {
    let r = try CLI.run(
      ["import", "-", "--map", "ticket=Réf.", "--map", "time=Quand", "--layout", "events"],
      stdin: Data("Réf.|Quand|Niveau\nR1|46298.5|2\n".utf8))
    #expect(r.status == 0)
    // Serial 46298.5 = 2026-10-03 12:00; no event column: the first row opens.
    #expect(r.stdout.hasSuffix("R1,2026-10-03T12:00:00Z,open,2,,,,2\n"))
    #expect(r.stderr.contains("<stdin>:1: note[LOG030]"))
  }

  @Test func roleAsLevelThroughAnEditedMatrixFile() throws {
    // The canonical matrix with the level-2 role renamed "Team lead" (a valid edit).
    let template = try CLI.run(["template", "--lang", "en"])
    #expect(template.status == 0)
    let edited = template.stdout.replacingOccurrences(of: "Project manager", with: "Team lead")
    let matrix = try file(edited, name: "matrix.csv")
    let log = try file(
      "Ticket,Date,Event,Level\nX,2026-10-01,open,1\nX,2026-10-02,escalate,Team lead\n")
    let r = try CLI.run(["import", log.path, "--matrix", matrix.path])
    #expect(r.status == 0)
    #expect(r.stdout.hasSuffix("X,2026-10-02T00:00:00Z,escalate,2,,,,3\n"))
    // Without the edited matrix the renamed role is unknown: the record is rejected.
    let canonical = try CLI.run(["import", log.path])
    #expect(canonical.stderr.contains(":3:4: error[LOG015]: unknown level \"Team lead\""))
    #expect(canonical.stderr.hasSuffix("records read: 2 = used 1 + rejected 1 + duplicates 0\n"))
  }
}
