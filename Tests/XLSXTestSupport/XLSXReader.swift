import Foundation
import XLSXExport
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A minimal XLSX reader for tests: opens the package with ZIPFoundation and reads the parts
/// with Foundation's XMLParser.
public struct XLSXReader {
  /// A cell's stored value.
  public enum Value: Equatable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case formula(String)
    case blank

    public var description: String {
      switch self {
      case .string(let s): return "string(\(s.prefix(40)))"
      case .number(let n): return "number(\(n))"
      case .formula(let f): return "formula(\(f))"
      case .blank: return "blank"
      }
    }
  }

  /// Every part of the package by name.
  public let parts: [String: Data]

  public init(path: String) throws {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    var parts: [String: Data] = [:]
    for entry in archive {
      var data = Data()
      _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
      parts[entry.path] = data
    }
    self.parts = parts
  }

  /// A part as text.
  public func text(_ name: String) -> String? {
    parts[name].map { String(decoding: $0, as: UTF8.self) }
  }

  /// Sheet names in workbook order.
  public var sheetNames: [String] {
    elements("xl/workbook.xml", named: "sheet").compactMap { $0["name"] }
  }

  /// The part path of the sheet at `index` (0-based), resolved through the workbook's rels.
  public func sheetPart(_ index: Int) -> String? {
    let sheets = elements("xl/workbook.xml", named: "sheet")
    guard index < sheets.count, let rid = sheets[index]["r:id"] else { return nil }
    let rel = elements("xl/_rels/workbook.xml.rels", named: "Relationship").first {
      $0["Id"] == rid
    }
    guard let target = rel?["Target"] else { return nil }
    return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
  }

  /// The cells of the sheet at `index`, by A1 reference.
  public func cells(sheet index: Int) -> [String: Value] {
    guard let part = sheetPart(index), let data = parts[part] else { return [:] }
    let shared = sharedStrings
    let d = SheetDelegate(shared: shared)
    let p = XMLParser(data: data)
    p.delegate = d
    _ = p.parse()
    return d.cells
  }

  /// The shared strings table.
  public var sharedStrings: [String] {
    guard let data = parts["xl/sharedStrings.xml"] else { return [] }
    let d = SharedStringsDelegate()
    let p = XMLParser(data: data)
    p.delegate = d
    _ = p.parse()
    return d.strings
  }

  /// Attributes of every element `name` in a part.
  public func elements(_ part: String, named name: String) -> [[String: String]] {
    guard let data = parts[part] else { return [] }
    let d = ElementDelegate(name: name)
    let p = XMLParser(data: data)
    p.delegate = d
    _ = p.parse()
    return d.found
  }

  /// Attributes of every element `name` in the sheet at `index`.
  public func sheetElements(_ index: Int, named name: String) -> [[String: String]] {
    guard let part = sheetPart(index) else { return [] }
    return elements(part, named: name)
  }

  /// The solid fill colour (`FFRRGGBB`) of a cell of the sheet at `index`, if any.
  public func fillColor(sheet index: Int, _ ref: String) -> String? {
    guard let c = sheetElements(index, named: "c").first(where: { $0["r"] == ref }),
      let s = c["s"].flatMap(Int.init), let data = parts["xl/styles.xml"]
    else { return nil }
    let d = StylesDelegate()
    let p = XMLParser(data: data)
    p.delegate = d
    _ = p.parse()
    guard s < d.xfFills.count, d.xfFills[s] < d.fills.count else { return nil }
    return d.fills[d.xfFills[s]]
  }

  /// Names of the parts under `prefix` (e.g. `xl/charts/`), sorted.
  public func partNames(under prefix: String) -> [String] {
    parts.keys.filter { $0.hasPrefix(prefix) }.sorted()
  }
}

private final class ElementDelegate: NSObject, XMLParserDelegate {
  let name: String
  var found: [[String: String]] = []
  init(name: String) { self.name = name }
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    if elementName == name { found.append(attributeDict) }
  }
}

private final class SharedStringsDelegate: NSObject, XMLParserDelegate {
  var strings: [String] = []
  private var current = ""
  private var inT = false
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    if elementName == "si" { current = "" }
    if elementName == "t" { inT = true }
  }
  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inT { current += string }
  }
  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    if elementName == "t" { inT = false }
    if elementName == "si" { strings.append(current) }
  }
}

private final class SheetDelegate: NSObject, XMLParserDelegate {
  let shared: [String]
  var cells: [String: XLSXReader.Value] = [:]
  private var ref = ""
  private var type = ""
  private var v = ""
  private var f: String?
  private var inline = ""
  private var inV = false
  private var inF = false
  private var inT = false

  init(shared: [String]) { self.shared = shared }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    switch elementName {
    case "c":
      ref = attributeDict["r"] ?? ""
      type = attributeDict["t"] ?? "n"
      v = ""
      f = nil
      inline = ""
    case "v": inV = true
    case "f":
      inF = true
      f = ""
    case "t": inT = true
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inV { v += string }
    if inF { f? += string }
    if inT { inline += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    switch elementName {
    case "v": inV = false
    case "f": inF = false
    case "t": inT = false
    case "c":
      if let f {
        cells[ref] = .formula(f)
      } else if type == "s", let i = Int(v), i < shared.count {
        cells[ref] = .string(TextSanitizer.decodeEscapes(shared[i]))
      } else if type == "inlineStr" {
        cells[ref] = .string(TextSanitizer.decodeEscapes(inline))
      } else if type == "str" {
        cells[ref] = .string(v)
      } else if let n = Double(v) {
        cells[ref] = .number(n)
      } else {
        cells[ref] = .blank
      }
    default: break
    }
  }
}

private final class StylesDelegate: NSObject, XMLParserDelegate {
  /// fillId of each cell format, in order.
  var xfFills: [Int] = []
  /// fgColor of each fill (nil when none).
  var fills: [String?] = []
  private var inCellXfs = false
  private var inFills = false
  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    switch elementName {
    case "cellXfs": inCellXfs = true
    case "xf" where inCellXfs: xfFills.append(attributeDict["fillId"].flatMap(Int.init) ?? 0)
    case "fills": inFills = true
    case "fill" where inFills: fills.append(nil)
    case "fgColor" where inFills: fills[fills.count - 1] = attributeDict["rgb"]
    default: break
    }
  }
  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    if elementName == "cellXfs" { inCellXfs = false }
    if elementName == "fills" { inFills = false }
  }
}
