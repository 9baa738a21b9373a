// libFuzzer target: any bytes imported as an escalation log (header detection for both layouts,
// value resolution, dates, duplicates, accounting), then written as CSV and JSON Lines.
// Each input runs twice: with everything detected, and with options picked from the input's
// length (forced layout, date order, zone, roles of the French matrix).
// Built by Scripts/fuzz.sh together with Sources/EscalationKit; not part of the package.
import CSVImport

let fuzzParisZone = ZoneRules(identifier: "Europe/Paris")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLogs(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let k = size % 27
  let forced = LogImportOptions(
    matrix: .canonical(k % 2 == 0 ? .en : .fr),
    layout: [nil, LogLayout.events, .tickets][k % 3],
    dateOrder: [nil, DateOrder.dmy, .mdy][k / 3 % 3],
    zone: k / 9 == 1 ? fuzzParisZone : .utc)
  for options in [LogImportOptions(), forced] {
    let log: EventLog
    do {
      log = try LogImporter.load(bytes: bytes, name: "fuzz.csv", options: options)
    } catch let e as CSVError {
      precondition(!e.isIOError, "I/O error on in-memory input: \(e)")
      _ = e.description
      continue
    } catch let e as LogImportError {
      _ = e.finding.description
      continue
    } catch {
      preconditionFailure("unexpected error type \(error)")
    }
    let a = log.accounting
    // Every record is used or reported (logs.md).
    precondition(a.read == a.used + a.rejected + a.duplicates, "accounting: \(a.line)")
    precondition(a.used == 0 || !log.events.isEmpty, "used records without events: \(a.line)")
    for e in log.events {
      precondition(Int(e.ticket) < log.ticketIDs.count, "ticket index out of range")
      precondition(e.line >= 1, "event without a source line")
    }
    for f in log.findings {
      precondition(f.line == nil || f.line! >= 1, "finding line < 1: \(f)")
    }
    for format in NormalizedEventFormat.allCases {
      guard let out = try? OutputWriter(path: "/dev/null") else { continue }
      do {
        try EventLogWriter.write(log, format: format, to: out)
        try out.commit()
      } catch {
        preconditionFailure("writing to /dev/null failed: \(error)")
      }
    }
  }
  return 0
}
