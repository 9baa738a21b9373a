/// `[Content_Types].xml`: the part that holds the workbook.
final class ContentTypesHandler: XMLHandler {
  /// Part name → content type, from the `Override` elements.
  var overrides: [(part: String, type: String)] = []

  override func start(_ name: UnsafePointer<UInt8>, _ a: XMLAttributes) {
    guard XMLText.equals(name, "Override"), let part = a.string("PartName"),
      let type = a.string("ContentType")
    else { return }
    if overrides.count < 100_000 { overrides.append((part, type)) }
  }

  /// The workbook part (`xl/workbook.xml` as Excel writes it), if the package declares one.
  var workbookPart: String? {
    overrides.first {
      $0.type.hasPrefix("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main")
        || $0.type.hasPrefix("application/vnd.ms-excel.sheet.macroEnabled.main")
        || $0.type.hasPrefix(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main")
        || $0.type.hasPrefix("application/vnd.ms-excel.template.macroEnabled.main")
    }?.part
  }
}

/// One sheet as the workbook lists it.
public struct WorkbookSheet: Sendable, Equatable {
  public var name: String
  /// The relationship id of its part.
  var relationship: String
  /// `hidden` or `veryHidden` sheets are not read by default.
  public var hidden: Bool
}

/// `xl/workbook.xml`: the sheets in tab order and the date system.
final class WorkbookHandler: XMLHandler {
  var sheets: [WorkbookSheet] = []
  var date1904 = false

  override func start(_ name: UnsafePointer<UInt8>, _ a: XMLAttributes) {
    if XMLText.equals(name, "sheet"), sheets.count < 100_000 {
      let state = a.string("state") ?? "visible"
      sheets.append(
        WorkbookSheet(
          name: a.string("name") ?? "Sheet\(sheets.count + 1)", relationship: a.string("id") ?? "",
          hidden: state != "visible"))
    } else if XMLText.equals(name, "workbookPr") {
      let v = a.string("date1904") ?? "false"
      date1904 = v == "1" || v == "true"
    }
  }
}

/// A `.rels` part: relationship id → target and type.
final class RelationshipsHandler: XMLHandler {
  var targets: [String: (target: String, type: String)] = [:]

  override func start(_ name: UnsafePointer<UInt8>, _ a: XMLAttributes) {
    guard XMLText.equals(name, "Relationship"), let id = a.string("Id"),
      let target = a.string("Target"), targets.count < 100_000
    else { return }
    targets[id] = (target, a.string("Type") ?? "")
  }

  /// The first target whose type ends with `/suffix`.
  func target(ofType suffix: String) -> String? {
    targets.values.filter { $0.type.hasSuffix("/" + suffix) }.map(\.target).min()
  }

  /// `target` resolved against the folder of the part `base` (`xl/workbook.xml` → `xl/`).
  static func resolve(_ target: String, from base: String) -> String {
    if target.hasPrefix("/") { return String(target.dropFirst()) }
    var parts = base.split(separator: "/", omittingEmptySubsequences: true).dropLast().map(
      String.init)
    for p in target.split(separator: "/") {
      if p == ".." {
        if !parts.isEmpty { parts.removeLast() }
      } else if p != "." {
        parts.append(String(p))
      }
    }
    return parts.joined(separator: "/")
  }
}

/// `xl/styles.xml`: which cell formats (`s` index of a cell) are dates.
final class StylesHandler: XMLHandler {
  private var customDate: [Int: Bool] = [:]
  private var inCellXfs = false
  /// Per cell format index: whether its number format is a date or time.
  var isDate: [Bool] = []

  override func start(_ name: UnsafePointer<UInt8>, _ a: XMLAttributes) {
    if XMLText.equals(name, "numFmt") {
      if let id = a.value("numFmtId").flatMap(XMLText.integer), let code = a.string("formatCode"),
        customDate.count < 100_000
      {
        customDate[id] = DateFormats.isDateFormat(code)
      }
    } else if XMLText.equals(name, "cellXfs") {
      inCellXfs = true
    } else if inCellXfs && XMLText.equals(name, "xf") && isDate.count < WorkbookLimits.maxStyles {
      let id = a.value("numFmtId").flatMap(XMLText.integer) ?? 0
      isDate.append(customDate[id] ?? DateFormats.isBuiltInDate(id))
    }
  }

  override func end(_ name: UnsafePointer<UInt8>) {
    if XMLText.equals(name, "cellXfs") { inCellXfs = false }
  }
}

extension WorkbookLimits {
  /// The most cell formats read from `styles.xml` (Excel allows 64,000).
  static var maxStyles: Int { 65_536 }
}

/// `xl/sharedStrings.xml`: every string, rich-text runs joined, phonetic runs left out, kept
/// in one byte buffer.
final class SharedStringsHandler: XMLHandler {
  var bytes: [UInt8] = []
  var ends: [Int] = []
  private var inText = false
  private var inPhonetic = false

  override func start(_ name: UnsafePointer<UInt8>, _ a: XMLAttributes) {
    switch name[0] {
    case UInt8(ascii: "t") where name[1] == 0:
      inText = !inPhonetic
    case UInt8(ascii: "r") where XMLText.equals(name, "rPh"):
      inPhonetic = true
    case UInt8(ascii: "s") where XMLText.equals(name, "sst"):
      if let n = a.value("uniqueCount").flatMap(XMLText.integer) {
        ends.reserveCapacity(min(n, 1 << 22))
      }
    default: break
    }
  }

  override func end(_ name: UnsafePointer<UInt8>) {
    switch name[0] {
    case UInt8(ascii: "t") where name[1] == 0: inText = false
    case UInt8(ascii: "r") where XMLText.equals(name, "rPh"): inPhonetic = false
    case UInt8(ascii: "s") where XMLText.equals(name, "si"): ends.append(bytes.count)
    default: break
    }
  }

  override func characters(_ p: UnsafePointer<UInt8>, _ count: Int) {
    if inText { bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: count)) }
  }
}
