import Foundation
import Testing

/// Issue 10, "records, not files, fail": a stray quote in a log is read as written with a
/// warning on its record, and a quote never closed rejects its own line, not the file.
@Suite struct LenientQuotesCLITests {
  @Test func strayAndUnclosedQuotesCostARecordAtMost() throws {
    let dir = try CLI.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    try CLI.write(
      "Ticket,Timestamp,Event,Level,Category,Note\n"
        + "A,2026-10-01 09:00,open,1,Performance issues,27\" monitor\n"
        + "B,2026-10-01 09:00,open,1,Performance issues,\"unterminated\n"
        + "C,2026-10-01 09:00,open,1,Performance issues,x\n",
      to: "q.csv", in: dir)
    let r = try CLI.run(["import", "q.csv"], cwd: dir)
    // A is used with its note as written, B's line is rejected (CSV009 at its note, F), C is
    // read again as a record: 3 read = 2 used + 1 rejected; a rejection is not a failure of
    // the import (exit 0, as for any rejected record).
    #expect(r.status == 0)
    #expect(
      r.stdout == """
        ticket,time,event,level,category,owner,note,line
        A,2026-10-01T09:00:00Z,open,1,performance-issues,,"27"" monitor",2
        C,2026-10-01T09:00:00Z,open,1,performance-issues,,x,4

        """)
    #expect(
      r.stderr.contains(
        "q.csv:2:6: warning[CSV008]: a double quote is read as written: 27\" monitor; "))
    #expect(
      r.stderr.contains(
        "q.csv:3:6: error[CSV009]: a quoted field starts here and is never closed; this line is not used"
      ))
    #expect(r.stderr.hasSuffix("records read: 3 = used 2 + rejected 1 + duplicates 0\n"))
  }
}
