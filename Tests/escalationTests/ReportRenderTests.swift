import Foundation
import Testing

/// The report rendered as a reader sees it: LibreOffice converts the French report of the
/// sample to PDF, and the PDF's text (pdftotext) shows the dashboard's title and key figures.
/// Skipped, with a message, when `soffice` is not on PATH (CI installs no LibreOffice).
@Suite struct ReportRenderTests {
  /// The full path of `name` on PATH, or `nil`.
  static func onPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  static let soffice = onPath("soffice")

  /// Runs `tool args` for at most `seconds` (then stops it); returns its exit status, -1 when
  /// it was stopped. Its outputs are discarded: the tools here write files.
  static func run(_ tool: String, _ args: [String], seconds: Double) throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let deadline = Date().addingTimeInterval(seconds)
    while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if p.isRunning {
      p.terminate()
      p.waitUntilExit()
      return -1
    }
    return p.terminationStatus
  }

  /// The text of `pdf` (pages `first`…`last`, all when `nil`), laid out as on the page.
  static func text(_ pdftotext: String, _ pdf: URL, pages: ClosedRange<Int>? = nil) throws
    -> String
  {
    let out = pdf.deletingPathExtension().appendingPathExtension("txt")
    var args = ["-layout"]
    if let pages { args += ["-f", "\(pages.lowerBound)", "-l", "\(pages.upperBound)"] }
    #expect(try run(pdftotext, args + [pdf.path, out.path], seconds: 30) == 0)
    return (try? String(contentsOf: out, encoding: .utf8)) ?? ""
  }

  @Test(
    .enabled(
      if: soffice != nil,
      "soffice (LibreOffice) is not on PATH: the report is not rendered to PDF; install libreoffice-calc to run this test"
    ), .timeLimit(.minutes(2)))
  func dashboardRendersThroughLibreOffice() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "render-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let xlsx = dir.appendingPathComponent("fr.xlsx").path
    let common = [
      ReportCLITests.frLog, "--tz", "Europe/Paris", "--month", "2026-10", "--lang", "fr",
      "--sla", "1=24h,2=48h,3=72h,4=120h",
    ]
    let r = try CLI.run(["report"] + common + ["-o", xlsx])
    #expect(r.status == 0, "\(r.stderr)")
    let m = try CLI.run(["metrics"] + common + ["--format", "json"])
    let json = try JSONSerialization.jsonObject(with: Data(m.stdout.utf8)) as? [String: Any]
    let headline = json?["headline"] as? [String: Any] ?? [:]
    let opened = try #require(headline["opened"] as? Int)
    let backlog = try #require(headline["backlog"] as? Int)

    // A private profile directory, so that this LibreOffice does not wait on another one
    // (a user's, or a parallel test's) holding the default profile's lock.
    let profile = dir.appendingPathComponent("lo-profile").path
    let status = try Self.run(
      Self.soffice!,
      [
        "-env:UserInstallation=file://\(profile)", "--headless", "--norestore",
        "--convert-to", "pdf", "--outdir", dir.path, xlsx,
      ], seconds: 90)
    #expect(status == 0, "soffice failed or took more than 90 s")
    let pdfURL = dir.appendingPathComponent("fr.pdf")
    let pdf = try Data(contentsOf: pdfURL)
    #expect(pdf.starts(with: Data("%PDF".utf8)))
    // One page at least per sheet: 14 sheets with --sla (docs/report.md). LibreOffice writes
    // each page object's dictionary uncompressed, as "/Type/Page" ("/Type/Pages" is the tree).
    let text = String(decoding: pdf, as: UTF8.self)
    let pages =
      text.components(separatedBy: "/Type/Page").count - 1
      - (text.components(separatedBy: "/Type/Pages").count - 1)
    #expect(pages >= 14, "\(pages) pages")

    guard let pdftotext = Self.onPath("pdftotext") else {
      print("pdftotext is not on PATH: the PDF's text is not checked")
      return
    }
    let first = try Self.text(pdftotext, pdfURL, pages: 1...1)
    // The dashboard is the first page: its header, its title with the month written out, and
    // the key figures with the numbers `metrics` prints.
    #expect(first.contains("Tableau de bord"))
    #expect(first.contains("Rapport des remontées — octobre 2026"))
    #expect(first.contains("Arrêté au 1er novembre 2026 à 00:00"))
    let line = { (label: String) in
      first.split(separator: "\n").first { $0.hasPrefix(label) }.map(String.init) ?? ""
    }
    #expect(line("Tickets ouverts").split(separator: " ").contains("\(opened)"))
    #expect(line("En cours à la date d").split(separator: " ").contains("\(backlog)"))
    #expect(first.contains("Page 1 sur \(pages)"))
    // No cut number anywhere ("###" is what a too narrow column shows), and the data-quality
    // messages are in French (the sample has skipped levels, MET002).
    let all = try Self.text(pdftotext, pdfURL)
    #expect(!all.contains("###"))
    #expect(all.contains("qui saute un niveau"))
    #expect(!all.contains("skips a level"))
  }
}
