import Foundation

/// Where a finding's field starts in its file, as an editor counts: the physical line and the
/// 1-based character column (Unicode code points), for SARIF's `startLine`/`startColumn`.
///
/// Findings carry the record's first line and the field number, which is what a person looks
/// for in a spreadsheet; a SARIF viewer puts its marker at a character position instead. The
/// files named by the findings are read again (standard input cannot be, so its findings keep
/// the line alone); a field after a quoted line break starts on a later physical line.
public struct SourceColumns: Sendable {
  struct Key: Hashable {
    var file: String
    var line: Int
    var field: Int
  }
  private var places: [Key: (line: Int, column: Int)] = [:]

  /// The physical line and character column of `finding`'s field, when known.
  public func position(of finding: Finding) -> (line: Int, column: Int)? {
    guard let l = finding.line, let c = finding.column else { return nil }
    return places[Key(file: finding.file, line: l, field: c)]
  }

  /// Reads each file named by `findings` (not `<stdin>`) once and locates their fields.
  public init(findings: [Finding]) {
    var wanted: [String: [Int: Set<Int>]] = [:]
    for f in findings {
      // A workbook cell has no character position: its SARIF result keeps the row alone.
      guard let l = f.line, let c = f.column, f.file != "<stdin>", f.sheet == nil else { continue }
      wanted[f.file, default: [:]][l, default: []].insert(c)
    }
    for (file, lines) in wanted {
      guard let data = FileManager.default.contents(atPath: file) else { continue }
      let bytes = SourceColumns.utf8(data)
      for (line, fieldColumns) in SourceColumns.locate(bytes, lines: lines) {
        for (field, place) in fieldColumns {
          places[Key(file: file, line: line, field: field)] = place
        }
      }
    }
  }

  /// The file as UTF-8 bytes without a byte order mark (UTF-16 files are converted).
  static func utf8(_ data: Data) -> [UInt8] {
    let b = [UInt8](data)
    if b.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(b.dropFirst(3)) }
    if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) {
      let s = String(data: data, encoding: .utf16) ?? ""
      return Array(s.utf8.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
    }
    return b
  }

  /// The delimiter of a header line: the most frequent of `,` `;` tab `|` outside quotes.
  static func delimiter(_ b: [UInt8], from start: Int) -> UInt8 {
    var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0, 0x7C: 0]
    var quoted = false
    var i = start
    while i < b.count, quoted || (b[i] != 0x0A && b[i] != 0x0D) {
      if b[i] == 0x22 {
        quoted.toggle()
      } else if !quoted, let n = counts[b[i]] {
        counts[b[i]] = n + 1
      }
      i += 1
    }
    return counts.max { a, c in a.value < c.value || (a.value == c.value && a.key > c.key) }?.key
      ?? 0x2C
  }

  /// For each wanted record line, the (physical line, character column) of each wanted field.
  static func locate(_ b: [UInt8], lines: [Int: Set<Int>]) -> [Int: [Int: (
    line: Int, column: Int
  )]] {
    var out: [Int: [Int: (line: Int, column: Int)]] = [:]
    guard let last = lines.keys.max() else { return out }
    // A first line `sep=;` names the delimiter (Excel).
    var delimiter = delimiter(b, from: 0)
    if b.starts(with: Array("sep=".utf8)), b.count > 4 { delimiter = b[4] }
    var line = 1
    var i = 0
    while i < b.count && line <= last {
      let recordLine = line
      var field = 1
      var column = 1
      var quoted = false
      var fieldStart = true
      var found: [Int: (line: Int, column: Int)] = [:]
      let want = lines[recordLine]
      // One record: ends at a line break outside quotes.
      while i < b.count {
        let c = b[i]
        if fieldStart, let want, want.contains(field) { found[field] = (line, column) }
        fieldStart = false
        if c == 0x22 {
          quoted.toggle()
        } else if !quoted && c == delimiter {
          field += 1
          fieldStart = true
        } else if c == 0x0A || c == 0x0D {
          if c == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { i += 1 }
          line += 1
          column = 0
          if !quoted {
            i += 1
            break
          }
        }
        // Count code points: every byte that does not continue a UTF-8 sequence.
        if c & 0xC0 != 0x80 { column += 1 }
        i += 1
      }
      if !found.isEmpty { out[recordLine] = found }
    }
    return out
  }
}
