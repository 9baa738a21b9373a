import Foundation
import Testing
import ZIPFoundation

/// 1,048,577 tickets (one more than Excel's rows, less the header) through `escalation report`:
/// the Tickets sheet is full (header + 1,048,575 tickets) and "Tickets (2)" holds the other two
/// under the same header row; the backlog (every ticket is open) continues the same way.
@Suite struct MillionTicketsReportTests {
  static let tickets = 1_048_577

  /// `Ticket,Timestamp,Event,Level,Category` then one open per ticket, `T0000000` … `T1048576`,
  /// one second apart from 2026-10-01 00:00:00 UTC (so the input order is the opening order).
  static func log() -> [UInt8] {
    let header = Array("Ticket,Timestamp,Event,Level,Category\n".utf8)
    let template = Array("T0000000,2026-10-01T00:00:00,open,1,performance-issues\n".utf8)
    let width = template.count
    var bytes = [UInt8](repeating: 0, count: header.count + width * tickets)
    bytes.withUnsafeMutableBufferPointer { out in
      for i in 0..<header.count { out[i] = header[i] }
      var p = header.count
      func put(_ value: Int, at offset: Int, digits: Int) {
        var v = value
        var k = offset + digits - 1
        while k >= offset {
          out[k] = UInt8(48 + v % 10)
          v /= 10
          k -= 1
        }
      }
      for t in 0..<tickets {
        for k in 0..<width { out[p + k] = template[k] }
        put(t, at: p + 1, digits: 7)
        put(1 + t / 86_400, at: p + 17, digits: 2)  // day
        put(t / 3600 % 24, at: p + 20, digits: 2)
        put(t / 60 % 60, at: p + 23, digits: 2)
        put(t % 60, at: p + 26, digits: 2)
        p += width
      }
    }
    return bytes
  }

  /// What the test needs of a (large) sheet part, read in one pass without keeping it.
  struct SheetScan {
    var rows = 0
    var head = Data()
    var tail = Data()
  }

  static func scan(_ archive: Archive, _ path: String) throws -> SheetScan {
    guard let entry = archive[path] else { throw CocoaError(.fileNoSuchFile) }
    var s = SheetScan()
    var carry = Data()
    let needle = Data("</row>".utf8)
    _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { chunk in
      if s.head.count < 8192 { s.head.append(chunk.prefix(8192 - s.head.count)) }
      var block = carry
      block.append(chunk)
      var from = block.startIndex
      while let hit = block.range(of: needle, in: from..<block.endIndex) {
        s.rows += 1
        from = hit.upperBound
      }
      // Keep the bytes that could start a "</row>" cut by the chunk boundary, and the tail.
      carry = block.suffix(needle.count - 1)
      s.tail = (s.tail + chunk).suffix(8192)
    }
    return s
  }

  /// The sheet parts by sheet name, from the workbook and its relationships.
  static func sheetParts(_ archive: Archive) throws -> [String: String] {
    func text(_ path: String) throws -> String {
      guard let e = archive[path] else { return "" }
      var d = Data()
      _ = try archive.extract(e) { d.append($0) }
      return String(decoding: d, as: UTF8.self)
    }
    let workbook = try text("xl/workbook.xml")
    let rels = try text("xl/_rels/workbook.xml.rels")
    var parts: [String: String] = [:]
    let sheet = try Regex(#"<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"/>"#)
    for m in workbook.matches(of: sheet) {
      let name = String(m.output[1].substring ?? "")
      let rid = String(m.output[2].substring ?? "")
      let rel = try Regex(#"Id="\#(rid)"[^>]*Target="([^"]+)""#)
      if let t = rels.firstMatch(of: rel)?.output[1].substring { parts[name] = "xl/" + t }
    }
    return parts
  }

  static func firstRow(_ d: Data) -> String? {
    let s = String(decoding: d, as: UTF8.self)
    guard let a = s.range(of: "<row r=\"1\""),
      let b = s.range(of: "</row>", range: a.upperBound..<s.endIndex)
    else { return nil }
    return String(s[a.lowerBound..<b.upperBound])
  }

  static func lastRowNumber(_ d: Data) -> Int? {
    let s = String(decoding: d, as: UTF8.self)
    guard let a = s.range(of: "<row r=\"", options: .backwards) else { return nil }
    return Int(s[a.upperBound...].prefix { $0.isNumber })
  }

  /// About a minute on 2 cores: run by Scripts/test.sh (and so by CI), which sets
  /// `ESCALATION_SLOW_TESTS=1`; a plain `swift test` skips it and says so.
  @Test(
    .enabled(
      if: ProcessInfo.processInfo.environment["ESCALATION_SLOW_TESTS"] == "1",
      "the 1,048,577-ticket report runs only with ESCALATION_SLOW_TESTS=1 (Scripts/test.sh sets it)"
    ))
  func ticketsContinueOnASecondSheet() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "million-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let logURL = dir.appendingPathComponent("million.csv")
    try Data(Self.log()).write(to: logURL)

    let r = try CLI.run(
      ["report", logURL.path, "--month", "2026-10", "-o", "million.xlsx"], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    // Every ticket opened in October and none resolved: all open at as-of.
    #expect(
      r.stderr.contains(
        "1048577 tickets opened, 1048577 open at as-of; records read: 1048577 = used 1048577 + rejected 0 + duplicates 0"
      ), "\(r.stderr)")

    let archive = try Archive(url: dir.appendingPathComponent("million.xlsx"), accessMode: .read)
    let parts = try Self.sheetParts(archive)
    for name in ["Tickets", "Backlog"] {
      guard let first = parts[name], let second = parts[name + " (2)"] else {
        Issue.record("no sheets \(name) and \(name) (2): \(parts.keys.sorted())")
        continue
      }
      // Sheet 1: rows 1…1,048,576 = the header + 1,048,575 tickets (T0000000…T1048574).
      let a = try Self.scan(archive, first)
      #expect(a.rows == 1_048_576, "\(name)")
      #expect(Self.lastRowNumber(a.tail) == 1_048_576, "\(name)")
      #expect(String(decoding: a.tail, as: UTF8.self).contains(">T1048574<"), "\(name)")
      // Sheet 2: the same header row, then the last two tickets, T1048575 and T1048576.
      let b = try Self.scan(archive, second)
      #expect(b.rows == 3, "\(name)")
      #expect(Self.lastRowNumber(b.tail) == 3, "\(name)")
      #expect(String(decoding: b.head, as: UTF8.self).contains(">T1048575<"), "\(name)")
      #expect(Self.firstRow(a.head) != nil)
      #expect(Self.firstRow(a.head) == Self.firstRow(b.head), "\(name)")
      #expect(String(decoding: b.head, as: UTF8.self).contains(">T1048576<"), "\(name)")
    }
  }
}
