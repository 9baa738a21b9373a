import EscalationKit
import Foundation
import Testing

/// `escalation sample` then `escalation import` through the built binary.
@Suite struct ImportRoundTripCLITests {
  private func directory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "roundtrip-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// An event as `ticket time event level category`, from the generator or a JSON line.
  private func key(_ e: SampleEvent) -> String {
    [
      e.ticket, CivilDate.iso8601UTC(e.time), e.kind.word, e.level.map { "\($0.rawValue)" } ?? "-",
      e.category?.rawValue ?? "-",
    ].joined(separator: " ")
  }

  private func key(_ j: [String: Any]) -> String {
    [
      j["ticket"] as? String ?? "?", j["time"] as? String ?? "?", j["event"] as? String ?? "?",
      (j["level"] as? Int).map { "\($0)" } ?? "-", j["category"] as? String ?? "-",
    ].joined(separator: " ")
  }

  @Test func messySampleImportsWithTheAccountingItAnnounced() throws {
    let dir = try directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let x = dir.appendingPathComponent("messy.csv").path
    let y = dir.appendingPathComponent("events.jsonl").path
    let s = try CLI.run(["sample", "--messy", "--tickets", "300", "--seed", "5", "-o", x])
    #expect(s.status == 0)
    let prefix = "expected on import: "
    // The sample's summary is a status line: standard error.
    let expected = s.stderr.split(separator: "\n").first { $0.hasPrefix(prefix) }
      .map { String($0.dropFirst(prefix.count)) }
    #expect(expected?.hasPrefix("records read: ") == true)

    let r = try CLI.run(["import", x, "--format", "jsonl", "-o", y])
    #expect(r.status == 0)
    #expect(r.stdout.isEmpty)
    let last = r.stderr.split(separator: "\n").last.map(String.init)
    #expect(last != nil && last == expected)
    // This seed's mess includes rejected rows (so --strict below has something to refuse).
    let used = expected.flatMap { line in
      line.split(separator: " ").firstIndex(of: "used").map {
        Int(line.split(separator: " ")[$0 + 1])
      } ?? nil
    }
    #expect(expected?.contains("rejected 0 ") == false)

    // One JSON object per used record (one event per record in the events layout), and they
    // are the events the generator meant, as a multiset.
    let lines = try String(contentsOfFile: y, encoding: .utf8).split(separator: "\n")
    #expect(used != nil && lines.count == used)
    let objects = lines.compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(objects.count == lines.count)
    let truth = try SampleGenerator(
      options: SampleOptions(tickets: 300, seed: 5, messy: true)
    ).events()
    #expect(objects.map(key).sorted() == truth.map(key).sorted())

    // --strict on the same input: exit 1 and no output file.
    let z = dir.appendingPathComponent("strict.jsonl").path
    let strict = try CLI.run(["import", x, "--format", "jsonl", "-o", z, "--strict"])
    #expect(strict.status == 1)
    #expect(!FileManager.default.fileExists(atPath: z))
    #expect(strict.stderr.contains("--strict: "))
    #expect(strict.stderr.split(separator: "\n").last.map(String.init) == expected)
  }

  @Test func missingLogExitsTwoAndWritesNothing() throws {
    let dir = try directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let missing = dir.appendingPathComponent("nope.csv").path
    let out = dir.appendingPathComponent("out.csv").path
    let r = try CLI.run(["import", missing, "-o", out])
    #expect(r.status == 2)
    #expect(r.stderr.contains("error[IO001]") && r.stderr.contains(missing))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func frenchSampleImportsInParisTimeWithNothingRejected() throws {
    let path = CLI.samples.appendingPathComponent("escalations-2026-fr.csv").path
    let r = try CLI.run(["import", path, "--tz", "Europe/Paris"])
    #expect(r.status == 0)
    // The sample is `sample --lang fr --tickets 240 --seed 2026`: every event it means is used.
    let truth = try SampleGenerator(
      options: SampleOptions(tickets: 240, seed: 2026, language: .fr)
    ).events()
    #expect(
      r.stderr.hasSuffix(
        "records read: \(truth.count) = used \(truth.count) + rejected 0 + duplicates 0\n"))
    // No import warning or error; the only warnings are the generator's 5 skipped levels
    // (its summary: "skipped a level 5"), reported by ticket reconstruction as MET002.
    #expect(!r.stderr.contains("warning[LOG") && !r.stderr.contains("error["))
    #expect(r.stderr.components(separatedBy: "warning[").count - 1 == 5)
    #expect(r.stderr.components(separatedBy: "warning[MET002]").count - 1 == 5)
    // Written as local times (the generator's UTC reading); in Paris in January (CET, +01:00)
    // the first event is one hour earlier in UTC.
    let first = r.stdout.split(separator: "\n").dropFirst().first.map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    #expect(first?[0] == Substring(truth[0].ticket))
    #expect(first?[1] == Substring(CivilDate.iso8601UTC(truth[0].time - 3600)))
  }

  @Test func usTicketsSampleImportsWithoutWarnings() throws {
    // Regression: every ticket row de-escalated before its end used to warn LOG026.
    let path = CLI.samples.appendingPathComponent("tickets-smartsheet-us.csv").path
    let r = try CLI.run(["import", path])
    #expect(r.status == 0)
    // The only warnings: the generator's 3 skipped levels ("skipped a level 3"), as MET002.
    #expect(!r.stderr.contains("warning[LOG") && !r.stderr.contains("error["))
    #expect(r.stderr.components(separatedBy: "warning[").count - 1 == 3)
    #expect(r.stderr.components(separatedBy: "warning[MET002]").count - 1 == 3)
    #expect(r.stderr.hasSuffix("records read: 150 = used 150 + rejected 0 + duplicates 0\n"))
  }
}
