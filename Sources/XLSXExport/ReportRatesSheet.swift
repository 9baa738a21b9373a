import EscalationKit

// The Escalation rates sheet: docs/metrics.md#intake-and-escalation-rates

extension ReportWriter {
  // MARK: Escalation rates

  func rates() throws(XLSXError) {
    let s = try workbook.addWorksheet(l.ratesSheet)
    try s.setPrintLayout(headerRows: 0...0)
    s.autofitColumns(minimum: 8, maximum: 48)
    let names = [
      l.category, l.opened, l.t("Reached ≥ 2", "Atteint ≥ 2"), l.t("Reached ≥ 3", "Atteint ≥ 3"),
      l.t("Reached 4", "Atteint 4"), l.t("Rate ≥ 2", "Taux ≥ 2"), l.t("Rate ≥ 3", "Taux ≥ 3"),
      l.t("Rate 4", "Taux 4"), l.t("Step 1→2", "Passage 1→2"), l.t("Step 2→3", "Passage 2→3"),
      l.t("Step 3→4", "Passage 3→4"),
    ]
    try headers(s, names, row: 0)
    var r = 1
    let (cats, total) = categoryRows(c.rates) { $0.group }
    for row in cats + (total.map { [$0] } ?? []) {
      let style: CellStyle? = row.group == .total ? CellStyle(bold: true) : nil
      try s.write(row.group.label(lang), row: r, column: 0, style: style)
      try s.write(integer: row.opened, row: r, column: 1)
      try s.write(integer: row.reached2, row: r, column: 2)
      try s.write(integer: row.reached3, row: r, column: 3)
      try s.write(integer: row.reached4, row: r, column: 4)
      for (i, v) in [row.rate2, row.rate3, row.rate4, row.step12, row.step23, row.step34]
        .enumerated()
      {
        try s.write(percent: v, row: r, column: 5 + i)
      }
      r += 1
    }
    s.freezePanes(row: 1, column: 1)
    guard !cats.isEmpty else { return }
    let last = cats.count
    try s.dataBars(CellRange(firstRow: 1, firstColumn: 5, lastRow: last, lastColumn: 7))
    let chart = try workbook.addChart(.bar)
    for (i, color) in [0x4472C4, 0xED7D31, 0xA5A5A5].enumerated() {
      try chart.addSeries(
        sheet: s, categories: .column(0, rows: 1...last), values: .column(5 + i, rows: 1...last),
        nameCell: (0, 5 + i), color: UInt32(color))
    }
    chart.setTitle(l.t("Escalation rates by category", "Taux de remontée par catégorie"))
    chart.setValueAxisNumberFormat("0%")
    chart.setValueAxisRange(minimum: 0)
    chart.reverseCategories()
    chart.setLegend(.bottom)
    try s.insert(chart, row: r + 1, column: 0, xScale: 2, yScale: 1.6)
  }
}
