import Foundation
import Testing

@Suite struct SampleCLITests {
  @Test func smallSampleWritesTheHeaderAndIsDeterministic() throws {
    let r = try CLI.run(["sample", "--tickets", "5", "--seed", "3"])
    #expect(r.status == 0)
    #expect(r.stderr == "")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "Ticket,Timestamp,Event,Level,Category,Owner,Note")
    #expect(lines.last == "")  // ends with a line break
    // Every ticket opens once: ESC-0001 … ESC-0005 each have an "opened" row.
    for n in 1...5 {
      #expect(lines.contains { $0.hasPrefix("ESC-000\(n),") && $0.contains(",opened,1,") })
    }
    let again = try CLI.run(["sample", "--tickets", "5", "--seed", "3"])
    #expect(again.stdout == r.stdout)
    let other = try CLI.run(["sample", "--tickets", "5", "--seed", "4"])
    #expect(other.stdout != r.stdout)
  }

  @Test func badStartMonthIsAUsageError() throws {
    let r = try CLI.run(["sample", "--start", "2026-13"])
    #expect(r.status == 2)
    #expect(r.stdout == "")
    #expect(
      r.stderr.contains("--start 2026-13: month must be 01 to 12; write the first month as YYYY-MM")
    )
  }

  @Test func otherBadOptionsAreUsageErrors() throws {
    let tz = try CLI.run(["sample", "--tz", "Mars/Olympus"])
    #expect(tz.status == 2)
    #expect(tz.stderr.contains("--tz Mars/Olympus: not a known IANA time zone"))
    let zero = try CLI.run(["sample", "--tickets", "0"])
    #expect(zero.status == 2)
    #expect(zero.stderr.contains("--tickets 0: must be 1 to"))
    let layout = try CLI.run(["sample", "--layout", "rows"])
    #expect(layout.status == 2)
    let dir = try CLI.run(["sample", "-o", "/nonexistent-dir/x.csv"])
    #expect(dir.status == 2)
    #expect(dir.stderr.contains("error[IO010]"))
  }

  @Test func outputFileGetsASummaryWithTheExpectedAccounting() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sample-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("log.csv").path
    let r = try CLI.run(["sample", "--tickets", "2000", "--messy", "-o", path])
    #expect(r.status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    // The summary is a status line: standard error; standard output stays empty.
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.hasPrefix("\(path): "))
    #expect(r.stderr.contains("expected on import: records read: "))
    // Records = CRLF-terminated lines minus the header, blank lines and the extra lines of
    // multi-line notes; the summary's first number is the records written.
    let records = Int(r.stderr.split(separator: " ")[1])
    #expect(records != nil && records! > 2000)
    // No temporary file is left beside the output.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["log.csv"])
  }

  @Test func samplesAreWhatTheirDocumentedCommandsWrite() throws {
    // README: how Samples/ were made; regenerating must give the same bytes.
    let fr = try CLI.run(["sample", "--lang", "fr", "--tickets", "240", "--seed", "2026"])
    #expect(fr.status == 0)
    let frFile = try Data(contentsOf: CLI.samples.appendingPathComponent("escalations-2026-fr.csv"))
    #expect(Data(fr.stdout.utf8) == frFile)
    #expect(frFile.count < 1_000_000)
    let us = try CLI.run(["sample", "--layout", "tickets", "--tickets", "150", "--seed", "7"])
    #expect(us.status == 0)
    let usFile = try Data(
      contentsOf: CLI.samples.appendingPathComponent("tickets-smartsheet-us.csv"))
    #expect(Data(us.stdout.utf8) == usFile)
    #expect(us.stdout.hasPrefix("Ticket ID,Category,Date raised,Escalated to L2,"))
  }
}
