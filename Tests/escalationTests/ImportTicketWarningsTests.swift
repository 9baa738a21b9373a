import Foundation
import Testing

/// `metrics` summarises ticket-level warnings and points to `import` for the details: the two
/// must list the same warnings.
@Suite struct ImportTicketWarningsTests {
  @Test func importListsTheTicketWarningsThatMetricsCounts() throws {
    // Line numbers: a ticket opened at 1 that skips to 3 (MET002) on line 3, and an escalation
    // after resolution (an implicit reopen, MET003) on line 5.
    let log = """
      Ticket,Timestamp,Event,Level,Category
      T1,2026-10-01 09:00,open,1,Performance issues
      T1,2026-10-01 10:00,escalate,3,Performance issues
      T1,2026-10-01 11:00,resolve,,Performance issues
      T1,2026-10-02 09:00,escalate,4,Performance issues

      """
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "itw-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("log.csv")
    try Data(log.utf8).write(to: file)
    let imported = try CLI.run([
      "import", file.path, "-o", dir.appendingPathComponent("out.csv").path,
    ])
    #expect(imported.status == 0)
    #expect(
      imported.stderr.contains(
        "\(file.path):3: warning[MET002]: ticket T1: move from level 1 to 3 skips a level"))
    #expect(imported.stderr.contains("\(file.path):5: warning[MET003]"))
    let metrics = try CLI.run(["metrics", file.path])
    #expect(metrics.status == 0)
    #expect(metrics.stdout.contains("warning[MET002] ×1"))
    #expect(metrics.stdout.contains("warning[MET003] ×1"))
  }

  @Test func metricsOnStandardInputSuggestsARunnableImport() throws {
    let log = try Data(contentsOf: CLI.samples.appendingPathComponent("escalations-2026-fr.csv"))
    let r = try CLI.run(["metrics", "-", "--tz", "Europe/Paris", "--month", "2026-10"], stdin: log)
    #expect(r.status == 0)
    #expect(
      r.stdout.hasSuffix(
        "Run `escalation import - --tz Europe/Paris < LOG` for the details (file, line, message).\n"
      )
    )
  }
}
