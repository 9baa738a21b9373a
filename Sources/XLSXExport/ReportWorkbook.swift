import EscalationKit

/// One input file of a report, with what became of its records.
public struct ReportInputFile: Sendable {
  /// The name as given on the command line.
  public var name: String
  public var accounting: RecordAccounting
  public init(name: String, accounting: RecordAccounting) {
    self.name = name
    self.accounting = accounting
  }
}

/// Everything the monthly report workbook shows.
public struct ReportWorkbookInput: Sendable {
  /// The period's figures (the metrics engine's content, tickets included for the Tickets sheet).
  public var content: ReportContent
  /// The previous period's figures, for the change column of the summary (`nil`: not shown).
  public var previous: ReportContent?
  /// The language of labels and sheet names.
  public var language: Language
  /// The matrix in use (changed cells are marked against the canonical one).
  public var matrix: Matrix
  /// The input files with their record counts.
  public var files: [ReportInputFile]
  /// Every rejected record and warning of the import; the Data quality sheet lists them, then
  /// the reconstruction's warnings (`content.findings`).
  public var importFindings: [Finding]
  /// The time of the log's first event: a previous period that ends at or before it is not
  /// compared ("n/a"), as the log says nothing about it (`nil`: always compared).
  public var firstEvent: Int64?
  /// The paper the sheets print on (`nil`: ``ReportWorkbook/defaultPaper(language:zone:)``).
  public var paper: Worksheet.Paper?

  public init(
    content: ReportContent, previous: ReportContent? = nil, language: Language, matrix: Matrix,
    files: [ReportInputFile], importFindings: [Finding], firstEvent: Int64? = nil,
    paper: Worksheet.Paper? = nil
  ) {
    self.content = content
    self.previous = previous
    self.language = language
    self.matrix = matrix
    self.files = files
    self.importFindings = importFindings
    self.firstEvent = firstEvent
    self.paper = paper
  }
}

/// The monthly escalation report as an XLSX workbook (see docs/report.md): Summary, Escalation
/// rates, Time at level, Trend, Backlog, Aging, Owners, Tickets, Matrix, Data quality, with
/// native charts.
///
/// Written in constant-memory mode (rows go to disk as they are written, so a log of any size
/// fits in a few MiB), hence tables are autofilters with banding by conditional format, and
/// every sheet is written top to bottom. The document's creation time is the as-of time:
/// the same inputs give a byte-identical file.
public enum ReportWorkbook {
  /// Writes the report to `path` (temporary file + rename; never over one of `inputs`).
  /// `sheetStarted` is told each sheet's name, position and the number of sheets (a long
  /// Tickets list continues on further sheets past that number).
  public static func write(
    _ input: ReportWorkbookInput, to path: String, inputs: [String] = [],
    sheetStarted: ((_ name: String, _ position: Int, _ count: Int) -> Void)? = nil
  ) throws(XLSXError) {
    let l = Labels(input.language)
    var options = Workbook.Options(
      constantMemory: true, created: input.content.period.asOf, inputs: inputs,
      title: "\(l.title) — \(l.periodName(input.content.period))", author: "escalation")
    if let sheetStarted {
      let count = sheetNames(input.language, sla: input.content.sla != nil).count
      options.sheetAdded = { name, position in sheetStarted(name, position, count) }
    }
    let wb = try Workbook(path: path, options: options)
    let w = ReportWriter(input: input, workbook: wb, l: l)
    try w.dashboard()
    try w.summary()
    try w.rates()
    try w.flow()
    try w.timeAtLevel()
    try w.sla()
    try w.trend()
    try w.backlog()
    try w.aging()
    try w.owners()
    try w.tickets()
    try MatrixWorkbook.addSheet(
      MatrixWorkbookInput(matrix: input.matrix, language: input.language), to: wb)
    try w.dataQuality()
    try w.printPages(
      paper: input.paper ?? defaultPaper(language: input.language, zone: input.content.zone))
    try wb.close()
  }

  /// The paper when none is asked for: A4 in French; in English, A4 when the report's zone is
  /// in Europe (`Europe/…`: en-GB, en-IE), US Letter otherwise (en-US, and UTC).
  public static func defaultPaper(language: Language, zone: String) -> Worksheet.Paper {
    language == .fr || zone.hasPrefix("Europe/") ? .a4 : .letter
  }

  /// The number of default-height rows (20 pixels) a chart `height` pixels high covers.
  static func rowsUnderChart(height: Double) -> Int { Int((height / 20).rounded(.up)) }

  /// Names of the sheets in `language`, in order (Tickets and Data quality may continue on
  /// further sheets past 1,048,576 rows); the SLA sheet only with `sla`.
  public static func sheetNames(_ language: Language, sla: Bool = false) -> [String] {
    let l = Labels(language)
    return [
      l.dashboardSheet, l.summarySheet, l.ratesSheet, l.flowSheet, l.timeSheet,
    ] + (sla ? [l.slaSheet] : []) + [
      l.trendSheet, l.backlogSheet, l.agingSheet,
      l.ownersSheet, l.ticketsSheet,
      l.matrixSheet, l.qualitySheet, l.qualityDetailSheet,
    ]
  }
}

/// Writes the sheets of one report.
struct ReportWriter {
  let input: ReportWorkbookInput
  let workbook: Workbook
  let l: Labels
  let zone: ZoneRules
  /// The import's findings, then the reconstruction's.
  let findings: [Finding]

  init(input: ReportWorkbookInput, workbook: Workbook, l: Labels) {
    self.input = input
    self.workbook = workbook
    self.l = l
    zone = ZoneRules(identifier: input.content.zone) ?? .utc
    findings = input.importFindings + input.content.findings
  }

  var c: ReportContent { input.content }
  var lang: Language { input.language }

  /// Durations are days (Excel's unit of time) shown in hours and minutes under 2 days
  /// ("3 h 05") and in days with one decimal from 2 days on ("1,215.5 d", "1 215,5 j").
  var durationStyle: CellStyle {
    CellStyle(numberFormat: l.t("[<2][h]\" h \"mm;#,##0.0\" d\"", "[<2][h]\" h \"mm;#,##0.0\" j\""))
  }

  /// Writes a duration of `seconds` (empty when `nil`) in ``durationStyle``.
  func duration(
    _ s: Worksheet, _ seconds: Double?, row: Int, column: Int, style: CellStyle? = nil
  ) throws(XLSXError) {
    try s.write(
      number: seconds.map { $0 / 86_400 }, row: row, column: column, style: style ?? durationStyle)
  }

  /// Writes a duration of `seconds` (empty when `nil`) in a resolved ``durationStyle``.
  func duration(
    _ s: Worksheet, _ seconds: Double?, row: Int, column: Int, format: CellFormat
  ) throws(XLSXError) {
    try s.write(number: seconds.map { $0 / 86_400 }, row: row, column: column, format: format)
  }

  func hours(_ seconds: Double?) -> Double? { seconds.map { $0 / 3600 } }
  func hours(_ seconds: Int64?) -> Double? { seconds.map { Double($0) / 3600 } }

  /// Writes the date-time `t` in the report's zone: "30/03/2026 10:14" in a French report (as
  /// France writes dates), ISO "2026-03-30 10:14" in English (unambiguous for en-US and en-GB).
  func date(
    _ s: Worksheet, _ t: Int64?, _ row: Int, _ column: Int, style: CellStyle? = nil
  ) throws(XLSXError) {
    try s.write(
      date: t, offset: t.map { zone.offset(atUTC: $0) } ?? 0, row: row, column: column,
      style: style ?? dateTimeStyle)
  }

  /// The style of ``date(_:_:_:_:style:)``'s date-times.
  var dateTimeStyle: CellStyle {
    CellStyle(numberFormat: l.t(CellStyle.dateTimeFormat, "dd/mm/yyyy hh:mm"))
  }

  /// Writes the date-time `t` in the report's zone, as ``date(_:_:_:_:style:)``, in a resolved
  /// format (a long table resolves its formats once).
  func date(
    _ s: Worksheet, _ t: Int64?, _ row: Int, _ column: Int, format: CellFormat
  ) throws(XLSXError) {
    try s.write(
      date: t, offset: t.map { zone.offset(atUTC: $0) } ?? 0, row: row, column: column,
      format: format)
  }

  func headers(_ s: Worksheet, _ names: [String], row: Int, from column: Int = 0) throws(XLSXError)
  {
    try s.writeHeaderRow(names, row: row, from: column)
  }

  /// Every sheet's paper, header (the report's title and period left, the sheet right) and
  /// footer (page N of M, centred).
  func printPages(paper: Worksheet.Paper) throws(XLSXError) {
    // A literal "&" is "&&" in Excel's header codes.
    let title = "\(l.title) — \(l.periodName(c.period))".split(
      separator: "&", omittingEmptySubsequences: false
    ).joined(separator: "&&")
    let n = ReportWriter.printedRows
    let limited: String = l.t(
      "&LFirst \(n) rows printed: filter the sheet and print the selection",
      "&L\(n) premières lignes imprimées\u{00A0}: filtrez et imprimez la sélection")
    for sheet in workbook.worksheets {
      try sheet.setPrintPage(
        paper: paper, header: "&L\(title)&R&A",
        footer: (sheet.printArea != nil ? limited : "") + l.t("&RPage &P of &N", "&RPage &P sur &N")
      )
    }
  }

  /// A small whole number such as a level, centred (it sits between text columns).
  static let centered = CellStyle(horizontal: .center)

  /// Category rows first, the total last (as the content orders them).
  func categoryRows<T>(_ rows: [T], group: (T) -> RowGroup) -> (categories: [T], total: T?) {
    (rows.filter { group($0) != .total }, rows.first { group($0) == .total })
  }
}
