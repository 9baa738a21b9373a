import Foundation
import Testing

/// Issue 14, what a person reads: progress only on a terminal, findings grouped past a
/// threshold, hints that run as printed, the zone note, several logs in one run, and CSV
/// cells that cannot run as formulas.
@Suite struct FindingsDisplayCLITests {
  static let tinyStatus =
    "wrote r.xlsx: 2026-10 (UTC), 2 tickets opened, 2 open at as-of; records read: 3 = used 3 + rejected 0 + duplicates 0"

  @Test func progressOnATerminalOnly() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let args = ["report", "tiny.csv", "--month", "2026-10", "-o", "r.xlsx"]
    let tty = try PTY.run(args, cwd: dir)
    #expect(tty.status == 0)
    // Each step redraws the line in place (CR, erase line), and the line is erased at the end.
    #expect(tty.output.hasPrefix("\r\u{1B}[Kescalation: reading tiny.csv…"))
    #expect(tty.output.contains("\r\u{1B}[Kescalation: computing the figures…"))
    #expect(tty.output.contains("\r\u{1B}[Kescalation: writing r.xlsx…"))
    // Then each sheet as it is written: the first and the last of the 13 (no --sla).
    #expect(tty.output.contains("\r\u{1B}[Kescalation: writing r.xlsx: sheet 1 of 13 (Dashboard)…"))
    #expect(
      tty.output.contains(
        "\r\u{1B}[Kescalation: writing r.xlsx: sheet 13 of 13 (Data quality detail)…"))
    #expect(tty.output.hasSuffix("\r\u{1B}[K" + Self.tinyStatus + "\r\n"))
    // Piped: the status line alone.
    let piped = try CLI.run(args, cwd: dir)
    #expect(piped.status == 0)
    #expect(piped.stderr == Self.tinyStatus + "\n")
    // --quiet on a terminal: nothing at all.
    let quiet = try PTY.run(args + ["--quiet"], cwd: dir)
    #expect(quiet.status == 0)
    #expect(quiet.output.isEmpty)
  }

  /// Twelve tickets that each skip level 2: twelve MET002 warnings on lines 3, 5, …, 25.
  static func skips(_ dir: URL) throws {
    var text = "Ticket,Timestamp,Event,Level,Category\n"
    for t in 1...12 {
      text += "S\(t),2026-10-01 09:00,open,1,Performance issues\n"
      text += "S\(t),2026-10-02 09:00,escalate,3,Performance issues\n"
    }
    try CLI.write(text, to: "skips.csv", in: dir)
  }

  @Test func findingsGroupedPastTheThreshold() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.skips(dir)
    let header =
      "skips.csv:1: note[LOG030]: read as the events layout (detected from the header): ticket = A \"Ticket\", time = B \"Timestamp\", event = C \"Event\", level = D \"Level\", category = E \"Category\"\n"
    let summary =
      "skips.csv: valid: 0 errors, 12 warnings, 1 note\nrecords read: 24 = used 24 + rejected 0 + duplicates 0\n"
    let grouped = try CLI.run(["import", "skips.csv", "-o", "/dev/null"], cwd: dir)
    #expect(grouped.status == 0)
    #expect(
      grouped.stderr == header
        + "skips.csv: warning[MET002] × 12: escalation that skips a level, applied as written; first at lines 3, 5, 7; --verbose lists all\n"
        + summary)
    let verbose = try CLI.run(["import", "skips.csv", "-o", "/dev/null", "--verbose"], cwd: dir)
    let lines = verbose.stderr.split(separator: "\n")
    #expect(lines.count == 1 + 12 + 2)
    #expect(
      lines[1]
        == "skips.csv:3: warning[MET002]: ticket S1: move from level 1 to 3 skips a level; applied as written"
    )
    #expect(
      lines[12]
        == "skips.csv:25: warning[MET002]: ticket S12: move from level 1 to 3 skips a level; applied as written"
    )
    let capped = try CLI.run(
      ["import", "skips.csv", "-o", "/dev/null", "--verbose", "--max-findings", "2"], cwd: dir)
    #expect(
      capped.stderr == header
        + "skips.csv:3: warning[MET002]: ticket S1: move from level 1 to 3 skips a level; applied as written\n"
        + "… 11 more findings not listed (--max-findings 2)\n" + summary)
    // --quiet: errors only, no summary and no accounting line; there are no errors here.
    let quiet = try CLI.run(["import", "skips.csv", "-o", "/dev/null", "--quiet"], cwd: dir)
    #expect(quiet.status == 0)
    #expect(quiet.stderr.isEmpty)
  }

  @Test func metricsHintRunsAsPrinted() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try CLI.write(
      "Réf. dossier,Timestamp,Event,Level,Category\nR1,2026-10-01 09:00,open,1,Performance issues\nR1,2026-10-02 09:00,escalate,3,Performance issues\n",
      to: "ref.csv", in: dir)
    let args = ["ref.csv", "--map", "ticket=Réf. dossier", "--tz", "Europe/Paris"]
    let m = try CLI.run(["metrics"] + args, cwd: dir)
    #expect(m.status == 0, "\(m.stderr)")
    let hint = "escalation import ref.csv --map 'ticket=Réf. dossier' --tz Europe/Paris"
    #expect(m.stdout.hasSuffix("Run `\(hint)` for the details (file, line, message).\n"))
    // The hint, run by a shell as printed, lists the finding it promises.
    let binary = CLI.productsDirectory.appendingPathComponent("escalation").path
    let sh = Process()
    sh.executableURL = URL(fileURLWithPath: "/bin/sh")
    sh.arguments = ["-c", binary + hint.dropFirst("escalation".count) + " 2>&1 >/dev/null"]
    sh.currentDirectoryURL = dir
    sh.environment = CLI.environment
    let out = Pipe()
    sh.standardOutput = out
    try sh.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    sh.waitUntilExit()
    #expect(sh.terminationStatus == 0)
    #expect(
      text.contains("ref.csv:3: warning[MET002]: ticket R1: move from level 1 to 3 skips a level"))
  }

  @Test func localTimesReadAsUTCGetANote() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["import", "local.csv", "-o", "/dev/null"], cwd: dir)
    #expect(r.status == 0)
    #expect(
      r.stderr == """
        local.csv:1: note[LOG030]: read as the events layout (detected from the header): ticket = A "Ticket", time = B "Timestamp", event = C "Event", level = D "Level", category = E "Category"
        local.csv:3: note[LOG031]: dates such as 03/10/2026 are read day-first: "13/10/2026 09:00" on this line is only valid that way, and no date contradicts it
        local.csv: note[LOG039]: times such as 03/10/2026 14:05 carry no UTC offset and were read as UTC because --tz was not given; if they are local times, give their zone, e.g. --tz Europe/Paris
        local.csv: valid: 0 errors, 0 warnings, 3 notes
        records read: 2 = used 2 + rejected 0 + duplicates 0

        """)
    // With the zone given (UTC included), no note.
    let utc = try CLI.run(["import", "local.csv", "-o", "/dev/null", "--tz", "UTC"], cwd: dir)
    #expect(!utc.stderr.contains("LOG039"))
  }

  @Test func severalLogsInOneRun() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    // jan.csv: J1 opened, J2 opened; feb.csv repeats J2's open (an overlapping export), then
    // J1 is escalated to 3 (from 1: MET002, traced back to feb.csv line 3) and resolved.
    let r = try CLI.run(["import", "jan.csv", "feb.csv"], cwd: dir)
    #expect(r.status == 0)
    #expect(
      r.stdout == """
        ticket,time,event,level,category,owner,note,line
        J1,2026-01-05T09:00:00Z,open,1,performance-issues,,,2
        J2,2026-01-06T09:00:00Z,open,1,service-detail-concerns,,,3
        J1,2026-02-02T09:00:00Z,escalate,3,performance-issues,,,3
        J1,2026-02-03T09:00:00Z,resolve,3,performance-issues,,,4

        """)
    let layout =
      "note[LOG030]: read as the events layout (detected from the header): ticket = A \"Ticket\", time = B \"Timestamp\", event = C \"Event\", level = D \"Level\", category = E \"Category\"\n"
    #expect(
      r.stderr == "jan.csv:1: " + layout + "feb.csv:1: " + layout
        + "feb.csv:2: warning[LOG020]: exact duplicate of jan.csv:3 (same ticket, time, event, level and category, in an earlier file); not used\n"
        + "feb.csv:3: warning[MET002]: ticket J1: move from level 1 to 3 skips a level; applied as written\n"
        + "jan.csv, feb.csv: valid: 0 errors, 2 warnings, 2 notes\n"
        + "records read: 5 = used 4 + rejected 0 + duplicates 1\n")
    // The same two files joined into one stream: the repeated header is skipped with a note.
    let jan = try Data(contentsOf: dir.appendingPathComponent("jan.csv"))
    let feb = try Data(contentsOf: dir.appendingPathComponent("feb.csv"))
    let s = try CLI.run(["import", "-", "-o", "/dev/null"], stdin: jan + feb, cwd: dir)
    #expect(s.status == 0)
    #expect(
      s.stderr == "<stdin>:1: " + layout
        + "<stdin>:4: note[LOG038]: the header line is repeated here (logs joined into one stream); skipped, not counted as a record\n"
        + "<stdin>:5: warning[LOG020]: exact duplicate of line 3 (same ticket, time, event, level and category); not used\n"
        + "<stdin>:6: warning[MET002]: ticket J1: move from level 1 to 3 skips a level; applied as written\n"
        + "<stdin>: valid: 0 errors, 2 warnings, 2 notes\n"
        + "records read: 5 = used 4 + rejected 0 + duplicates 1\n")
  }

  @Test func csvCellsNeverRunAsFormulas() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["import", "tiny.csv"], cwd: dir)
    #expect(r.stdout == StreamsCLITests.tinyEvents)
    // Warned once per column: the owner @bob (line 3), the notes =HYPERLINK… and +33 1 23
    // (the first on line 2); -2 is a number.
    #expect(
      r.stderr.contains(
        "tiny.csv:3: warning[LOG028]: the owner \"@bob\" starts with \"@\", so a spreadsheet would run it as a formula (1 such owner value); CSV outputs write them with a leading ' (--raw-csv keeps them as read); said once per column\n"
      ))
    #expect(
      r.stderr.contains(
        "tiny.csv:2: warning[LOG028]: the note \"=HYPERLINK(\"http://x\",\"y\")\" starts with \"=\", so a spreadsheet would run it as a formula (2 such note values); CSV outputs write them with a leading ' (--raw-csv keeps them as read); said once per column\n"
      ))
    let raw = try CLI.run(["import", "tiny.csv", "--raw-csv"], cwd: dir)
    #expect(
      raw.stdout == """
        ticket,time,event,level,category,owner,note,line
        T1,2026-10-01T09:00:00Z,open,1,performance-issues,Ann,"=HYPERLINK(""http://x"",""y"")",2
        T1,2026-10-02T09:00:00Z,escalate,3,performance-issues,@bob,-2,3
        T2,2026-10-05T10:00:00Z,open,1,operational-challenges,Cy,+33 1 23,4

        """)
    // metrics --format csv: a ticket id "=1+1" in the tickets table.
    try CLI.write(
      "Ticket,Timestamp,Event,Level,Category\n=1+1,2026-10-01 09:00,open,1,Performance issues\n",
      to: "f.csv", in: dir)
    let m = try CLI.run(["metrics", "f.csv", "--format", "csv", "--table", "tickets"], cwd: dir)
    #expect(m.status == 0)
    #expect(m.stdout.contains("\r\n'=1+1,"))
    let mraw = try CLI.run(
      ["metrics", "f.csv", "--format", "csv", "--table", "tickets", "--raw-csv"], cwd: dir)
    #expect(mraw.stdout.contains("\r\n=1+1,"))
  }
}
