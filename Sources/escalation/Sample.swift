import ArgumentParser
import EscalationKit

extension SampleOptions.Shape: ExpressibleByArgument {}
extension SampleOptions.Process: ExpressibleByArgument {}

/// `escalation sample`: writes a deterministic synthetic escalation log.
struct Sample: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Write a deterministic, realistic synthetic escalation log (CSV).",
    discussion: """
      The same options and seed always give the same bytes. English events use ISO dates and \
      ','; French output uses day-first dates, ';', a BOM and CRLF (as Excel exports it); the \
      tickets layout uses US dates in English. --messy adds what real exports contain: synonyms, \
      roles instead of levels, loose and misspelt categories, multi-line notes, duplicates, rows \
      out of order and rows with unreadable dates. --shape export writes English events the way a \
      tracker exports them: UTC timestamps ending in Z and notes on most rows, some quoted with \
      commas, doubled quotes and line breaks. --process service-desk simulates a service desk's \
      year instead of the small classic sample: about 20 % of tickets escalated, most resolved \
      within hours to a few days, 0.4 % abandoned, pauses while waiting for the customer, a few \
      reopens (e.g. --process service-desk --tickets 2040 for 2,000 tickets a year). With -o, a \
      summary is printed on standard error.
      """
  )

  @Option(help: "Number of tickets.")
  var tickets: Int = 200

  @Option(help: "Number of calendar months covered.")
  var months: Int = 12

  @Option(help: ArgumentHelp("First month, YYYY-MM.", valueName: "YYYY-MM"))
  var start: String = "2026-01"

  @Option(help: "Random seed; the same seed gives the same output.")
  var seed: UInt64 = 1

  @Option(help: "One row per event, or one row per ticket.")
  var layout: SampleOptions.Layout = .events

  @Option(name: .customLong("lang"), help: "Language of headers and labels.")
  var lang: Language = .en

  @Flag(help: "Add the mess of real exports (see above).")
  var messy = false

  @Option(
    name: .customLong("tz"),
    help: ArgumentHelp("IANA time zone of the written local times.", valueName: "zone"))
  var timeZone: Zone = Zone("UTC")

  @Option(
    help: ArgumentHelp(
      "plain, or export (Z timestamps, notes on most rows, some quoted; English events in UTC).",
      valueName: "shape"))
  var shape: SampleOptions.Shape = .plain

  @Option(
    help: ArgumentHelp(
      "classic, or service-desk (a service desk's rates: ~20 % escalated, most tickets resolved within days, pauses).",
      valueName: "process"))
  var process: SampleOptions.Process = .classic

  @OptionGroup var outputOptions: OutputOptions

  var output: String? { outputOptions.output }

  func validate() throws {
    _ = try timeZone.validated()
  }

  func run() throws {
    let language = lang
    let generator: SampleGenerator
    do {
      let (y, m) = try SampleOptions.parseStart(start)
      generator = try SampleGenerator(
        options: SampleOptions(
          tickets: tickets, months: months, startYear: y, startMonth: m, seed: seed, layout: layout,
          language: language, messy: messy, timeZone: timeZone.identifier,
          shape: shape, process: process))
    } catch {
      throw CLIError.usage(error.description)
    }
    let writer = try OutputWriter(path: output)
    let report = try generator.write(to: writer)
    guard let output, output != "-" else { return }
    let s = report.statistics
    var text = "\(output): \(report.records) records, \(report.events) events, \(s.tickets) tickets"
    text +=
      " (resolved \(s.resolved), still open \(s.stillOpen), reached level 2 \(s.reachedLevel[1]),"
    text +=
      " level 4 \(s.reachedLevel[3]), reopened \(s.reopened), skipped a level \(s.skippedLevel))\n"
    if messy {
      let m = report.mess
      text += "mess: \(m.duplicates) duplicates, \(m.unreadableDates) unreadable dates,"
      text +=
        " \(m.misspelledCategories) misspelt categories, \(m.looseCategoryLabels) loose labels,"
      text += " \(m.levelsAsRoles) roles as levels, \(m.outOfOrder) rows out of order\n"
      text += "expected on import: \(report.expectedAccounting.line)\n"
    }
    Terminal.standardError(text)
  }
}
