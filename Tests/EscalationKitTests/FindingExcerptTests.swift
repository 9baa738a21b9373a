import Testing

@testable import EscalationKit

@Suite struct FindingExcerptTests {
  @Test func shortTextIsQuotedWhole() {
    #expect(Finding.excerpt("Défis opérationnels") == "Défis opérationnels")
    #expect(Finding.excerpt(String(repeating: "a", count: 200)).count == 200)
  }

  @Test func longTextIsCutAfter200Characters() {
    let long = String(repeating: "é", count: 300)  // 600 bytes
    #expect(Finding.excerpt(long) == String(repeating: "é", count: 200) + "… (600 bytes in all)")
  }

  @Test func ticketWarningsQuoteAHugeTicketIdCut() {
    // A ticket whose first event is a resolve (MET004) and whose id is 5,000 bytes long.
    let id = String(repeating: "T", count: 5000)
    let log = EventLog(
      source: "log.csv",
      events: [
        Event(ticket: 0, time: 0, kind: .resolve, level: nil, category: .performanceIssues, line: 2)
      ],
      ticketIDs: [id])
    let findings = Reconstruction(log: log, cutoff: Reconstruction.never).findings(
      source: "log.csv", ids: log.ticketIDs)
    #expect(findings.map(\.code) == ["MET004"])
    #expect(
      findings[0].message.contains(String(repeating: "T", count: 200) + "… (5000 bytes in all)"))
    #expect(findings[0].message.utf8.count < 400)
  }
}
