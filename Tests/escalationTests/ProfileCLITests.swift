import EscalationKit
import Foundation
import Testing

/// Profiles on the command line: `--profile`, `escalation.toml`, `--no-profile`, precedence,
/// the profile in JSON output, `escalation profile`, and the exits when nothing can be used.
@Suite struct ProfileCLITests {
  static var fixtures: URL {
    CLI.packageRoot.appendingPathComponent("Tests/EscalationKitTests/Fixtures/profiles")
  }

  private func dir() throws -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent(
      "prof-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
  }

  private func write(_ text: String, _ name: String, in d: URL) throws -> String {
    let url = d.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  private let log = "Réf,Quand,Quoi\nA,2026-10-01 10:00,Awaiting info\nA,2026-10-02 10:00,Done\n"
  private let profile = """
    tz = "Europe/Paris"

    [columns]
    ticket = "Réf"
    time = "Quand"
    event = "Quoi"

    [events]
    "Awaiting info" = "pause"
    """

  @Test func profileGivenReadFromTheDirectoryOrSkipped() throws {
    let d = try dir()
    let logPath = try write(log, "log.csv", in: d)
    let p = try write(profile, "escalation.toml", in: d)
    // escalation.toml in the current directory: 10:00 Paris = 08:00Z; a pause, then "Done".
    var r = try CLI.run(["import", "log.csv"], cwd: d)
    #expect(r.status == 0)
    #expect(
      r.stdout == """
        ticket,time,event,level,category,owner,note,line
        A,2026-10-01T08:00:00Z,pause,,,,,2
        A,2026-10-02T08:00:00Z,resolve,,,,,3

        """)
    // A flag wins over the profile: --tz UTC.
    r = try CLI.run(["import", logPath, "--profile", p, "--tz", "UTC"])
    #expect(r.stdout.contains("A,2026-10-01T10:00:00Z,pause"))
    // --no-profile: the headers are unknown.
    r = try CLI.run(["import", "log.csv", "--no-profile"], cwd: d)
    #expect(r.status == 1)
    #expect(
      r.stderr.contains("error[LOG001]: no column for the required fields 'ticket' and 'time'"))
  }

  @Test func jsonOutputRecordsTheProfileAndItsHash() throws {
    let d = try dir()
    let logPath = try write(log, "log.csv", in: d)
    let p = try write(profile, "p.toml", in: d)
    let hash = Profile.fnv1a64(Array(profile.utf8))
    let r = try CLI.run(["import", logPath, "--profile", p, "--findings-format", "json"])
    #expect(r.status == 0)
    #expect(r.stderr.contains("\"path\": \"\(p)\""))
    #expect(r.stderr.contains("\"hash\": \"fnv1a64:\(hash)\""))
    let m = try CLI.run(["metrics", logPath, "--profile", p, "--format", "json"])
    #expect(m.status == 0)
    #expect(m.stdout.contains("\"hash\": \"fnv1a64:\(hash)\""))
  }

  @Test func profileMistakesExit2WithTheProfileLine() throws {
    let d = try dir()
    let logPath = try write(log, "log.csv", in: d)
    let p = try write("tz = \"UTC\"\n[columns]\nticket = \"Reference\"\n", "p.toml", in: d)
    var r = try CLI.run(["import", logPath, "--profile", p])
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(p):3: error[PRF009]: [columns] ticket = \"Reference\""))
    let bad = try write("tz = \"UTC\"\n[events]\nQuoi = \"escalated\"\n", "bad.toml", in: d)
    r = try CLI.run(["import", logPath, "--profile", bad])
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(bad):3: error[PRF006]"))
    #expect(r.stderr.contains("did you mean \"escalate\"?"))
  }

  @Test func nothingUsableExits1AndReportWritesNoWorkbook() throws {
    let d = try dir()
    let rejected = try write("Ticket,Date\nA,yesterday\nB,\n", "bad.csv", in: d)
    var r = try CLI.run(["import", rejected])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("no record of \(rejected) could be used (2 read, 2 rejected"))
    let ok = try write(
      "Ticket,Date,Event\nA,2026-10-01,open\nA,2026-10-20,resolve\n", "ok.csv", in: d)
    r = try CLI.run(["metrics", ok, "--month", "2026-12"])
    #expect(r.status == 1)
    #expect(
      r.stderr.contains(
        "the log's events run from 2026-10-01T00:00:00Z to 2026-10-20T00:00:00Z"))
    let out = d.appendingPathComponent("r.xlsx").path
    r = try CLI.run(["report", ok, "--month", "2026-12", "-o", out])
    #expect(r.status == 1)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func metricsOfTheServiceNowSnapshotThroughItsProfile() throws {
    let log = Self.fixtures.appendingPathComponent("servicenow-snapshot.csv").path
    let p = Self.fixtures.appendingPathComponent("servicenow.toml").path
    let r = try CLI.run(["metrics", log, "--profile", p, "--month", "2026-10"])
    #expect(r.status == 0)
    // By hand from the fixture: INC1, INC2, INC3 and INC5 open in October (INC4 rejected);
    // INC1 opens at 2 and moves to 3 and 4 (2 escalations), INC3 opens at 3, INC5 at 2: 3 of
    // 4 reach level 2. Resolved: INC1 after 55 h (5 Oct 09:00 to 7 Oct 16:00 local), INC3
    // after 56 h: median 55.5 h. INC2 and INC5 are open at the end of October.
    for line in [
      "  Tickets opened                    4", "  Escalated (level ≥ 2)             75.0%",
      "  Escalations in period             2", "  Resolved                          2",
      "  Median time to resolution (h)     55.5", "  Backlog at as-of                  2",
    ] {
      #expect(r.stdout.contains(line + "\n"), "\(line)")
    }
  }

  @Test func profileCommandWritesAStarterThatImportsTheLog() throws {
    let d = try dir()
    let log = Self.fixtures.appendingPathComponent("servicenow-snapshot.csv").path
    let out = d.appendingPathComponent("sn.toml").path
    var r = try CLI.run(["profile", log, "-o", out])
    #expect(r.status == 0)
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text.contains("layout = \"events\"   # ticket ids repeat: one row per event or update"))
    #expect(text.contains("# \"Network\" = \"\"   # ? 11 rows"))
    r = try CLI.run(["profile", log])
    #expect(r.stdout == text)
    // As written, the starter reads the log but maps no category yet: every record is
    // rejected (unknown category) until the "# ?" lines are answered, and import says so.
    r = try CLI.run(["import", log, "--profile", out])
    #expect(r.status == 1)
    #expect(r.stderr.contains("no record of \(log) could be used (18 read, 18 rejected"))
    // The 18 rejections are one group (the display groups repeated codes) …
    #expect(r.stderr.contains("error[LOG017] × 18: unknown category"))
    // … and --verbose names the value on each line.
    r = try CLI.run(["import", log, "--profile", out, "--verbose"])
    #expect(r.stderr.contains(":2:5: error[LOG017]: unknown category \"Network\""))
  }
}
