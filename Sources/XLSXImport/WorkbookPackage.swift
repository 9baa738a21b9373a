import CLibXML2
import CSVImport
import Foundation
import ZIPFoundation

/// The ZIP package of a workbook: its entries by name, and each part streamed through an XML
/// handler as it inflates, under ``WorkbookLimits``.
final class WorkbookPackage {
  let path: String
  /// The name for messages.
  let displayName: String
  private let archive: Archive
  /// Entries by lower-cased name (OPC part names are case-insensitive).
  private var entries: [String: Entry] = [:]

  let limits: WorkbookLimits
  /// How the parts are read: the byte scanner (libxml2 where it bails), or libxml2 alone.
  let reading: XMLReading
  /// The parts libxml2 read again after the scanner, and why (for the tests).
  private(set) var replays: [String] = []

  init(
    path: String, displayName: String, data: Data?, limits: WorkbookLimits,
    reading: XMLReading = .scanner
  ) throws(CSVError) {
    self.limits = limits
    self.reading = reading
    self.path = path
    self.displayName = displayName
    do {
      if let data {
        // ZIPFoundation's in-memory archive traps on some damaged packages (and leaks); its
        // file-backed reader reports them as errors. So bytes in memory go through a temporary
        // file, unlinked at once: the open handle keeps it readable, nothing is left behind.
        archive = try WorkbookPackage.fileBackedArchive(data, displayName: displayName)
      } else {
        archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
      }
    } catch {
      throw WorkbookPackage.damaged(displayName, "\(error)")
    }
    var count = 0
    for entry in archive {
      count += 1
      let key = entry.path.lowercased()
      if entries[key] == nil { entries[key] = entry }
      if count > limits.maxEntries {
        throw CSVError.workbook(
          WorkbookProblem(
            path: displayName, code: XLSXCode.inflateCap,
            message:
              "the package holds more than \(limits.maxEntries) parts, more than any "
              + "workbook this tool reads; open it in Excel or LibreOffice and save it again"))
      }
    }
    if entries.isEmpty { throw WorkbookPackage.damaged(displayName, "no entry could be read") }
  }

  /// Writes `data` to an unlinked temporary file and opens it as a read-only archive.
  private static func fileBackedArchive(_ data: Data, displayName: String) throws -> Archive {
    let dir =
      ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    let url = URL(fileURLWithPath: dir).appendingPathComponent(
      "escalation-stdin-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).xlsx")
    do {
      try data.write(to: url, options: .withoutOverwriting)
    } catch {
      throw CSVError.readFailed(
        path: displayName,
        reason: "cannot keep the workbook read from standard input in \(dir) (\(error)); "
          + "save it to a file and pass its path")
    }
    defer { unlink(url.path) }
    return try Archive(url: url, accessMode: .read)
  }

  /// Whether the package holds a part `name` (without a leading `/`).
  func has(_ name: String) -> Bool { entries[WorkbookPackage.key(name)] != nil }

  private static func key(_ name: String) -> String {
    (name.hasPrefix("/") ? String(name.dropFirst()) : name).lowercased()
  }

  /// Streams part `name` through a handler `make(nil)` gives (throws ``CSVError/workbook(_:)``
  /// for a damaged entry, malformed XML or a part past `cap` bytes once inflated) and returns
  /// it. `sheet` positions the errors. With ``XMLReading/scanner``, a part the byte scanner does
  /// not read to the end (a construct outside its subset, malformed XML, a damaged entry) is
  /// read again from its start by libxml2 into `make(first)`, which says what is wrong: so
  /// records and findings are libxml2's, and a sheet handler skips the records already given.
  func parse<H: XMLHandler>(
    _ name: String, cap: Int64, sheet: String? = nil, _ make: (H?) -> H
  ) throws -> H {
    guard let entry = entries[WorkbookPackage.key(name)] else {
      throw CSVError.workbook(
        WorkbookProblem(
          path: displayName, sheet: sheet, code: XLSXCode.missingPart,
          message: "the part \(name) is missing from the package; \(WorkbookPackage.resave)"))
    }
    if entry.uncompressedSize > UInt64(cap) { throw capError(name, cap, sheet) }
    let first = make(nil)
    guard reading == .scanner else {
      try parseWithLibXML2(entry, name, cap: cap, sheet: sheet, handler: first)
      return first
    }
    let scanner = XMLByteScanner(handler: first)
    do {
      try inflate(entry, cap: cap) { try scanner.feed($0) }
      try scanner.finish()
      return first
    } catch  where first.failure != nil {
      throw first.failure!  // what the handler raised (a cell past the limits, a record refused)
    } catch {
      replays.append("\(name): \((error as? XMLScanBail)?.reason ?? "\(error)")")
      let second = make(first)
      try parseWithLibXML2(entry, name, cap: cap, sheet: sheet, handler: second)
      return second
    }
  }

  /// Inflates `entry` in chunks into `feed`, under `cap`, and compares its CRC-32.
  private func inflate(
    _ entry: Entry, cap: Int64, _ feed: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    var inflated: Int64 = 0
    var crc: UInt = 0
    // ZIPFoundation's CRC is skipped (its Linux loop was a tenth of an import's time and
    // `extract(_:consumer:)` does not compare it): zlib's, compared below.
    _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { data in
      inflated += Int64(data.count)
      if inflated > cap { throw CapExceeded() }
      try data.withUnsafeBytes { bytes in
        if let p = bytes.baseAddress, bytes.count > 0 {
          crc = crc32(crc, p.assumingMemoryBound(to: UInt8.self), UInt32(bytes.count))
        }
        try feed(bytes)
      }
    }
    if entry.checksum != 0 && UInt32(truncatingIfNeeded: crc) != entry.checksum {
      throw Archive.ArchiveError.invalidCRC32
    }
  }

  /// The reference reader: libxml2's push parser.
  private func parseWithLibXML2(
    _ entry: Entry, _ name: String, cap: Int64, sheet: String?, handler: XMLHandler
  ) throws {
    let parser: XMLPushParser
    do {
      parser = try XMLPushParser(handler: handler)
    } catch {
      throw CSVError.readFailed(path: displayName, reason: error.message)
    }
    do {
      try inflate(entry, cap: cap) { try parser.feed($0) }
      try parser.finish()
    } catch let e as CSVError {
      throw e
    } catch  where handler.failure != nil {
      throw handler.failure!  // what the record handler threw (a log that cannot be imported)
    } catch is CapExceeded {
      throw capError(name, cap, sheet)
    } catch let e as XMLSyntaxError {
      throw CSVError.workbook(
        WorkbookProblem(
          path: displayName, sheet: sheet, code: XLSXCode.malformedXML,
          message:
            "the part \(name) is not well-formed XML (line \(e.line), column \(e.column): "
            + "\(e.message)); \(WorkbookPackage.resave)"))
    } catch {
      throw WorkbookPackage.damaged(displayName, "part \(name): \(error)", sheet: sheet)
    }
  }

  private struct CapExceeded: Error {}

  private func capError(_ name: String, _ cap: Int64, _ sheet: String?) -> CSVError {
    CSVError.workbook(
      WorkbookProblem(
        path: displayName, sheet: sheet, code: XLSXCode.inflateCap,
        message:
          "the part \(name) inflates past \(cap >> 20) MiB, the most this tool reads from one "
          + "part (a damaged file or a ZIP bomb); split the data or save it as CSV"))
  }

  static let resave =
    "the workbook is damaged or was not written by a spreadsheet program; open it in Excel or "
    + "LibreOffice and save it again as .xlsx, or save it as CSV UTF-8"

  static func damaged(_ name: String, _ detail: String, sheet: String? = nil) -> CSVError {
    CSVError.workbook(
      WorkbookProblem(
        path: name, sheet: sheet, code: XLSXCode.damagedZIP,
        message:
          "the file starts as a ZIP archive (an .xlsx workbook) but the archive cannot be read "
          + "(\(detail)); it may be truncated or still being copied; \(resave)"))
  }
}

/// How the XML parts of a workbook are read.
enum XMLReading: Sendable {
  /// ``XMLByteScanner``, and libxml2 for a part it gives back.
  case scanner
  /// libxml2's push parser only: the reference the scanner is tested against.
  case libxml2
}

/// Limits on what a workbook may ask of the reader (documented in the README).
public struct WorkbookLimits: Sendable {
  /// The largest sheet part, inflated: 4 GiB (a million rows of a wide log take about 400 MiB).
  public var sheetPartBytes: Int64 = 4 << 30
  /// The largest shared-strings part, inflated: 2 GiB (the strings are kept in memory).
  public var sharedStringsBytes: Int64 = 2 << 30
  /// The largest other part (workbook, relationships, styles, content types): 64 MiB.
  public var smallPartBytes: Int64 = 64 << 20
  /// The most entries in the package.
  public var maxEntries = 100_000

  public init() {}

  /// Excel's sheet limits.
  public static let maxRows = 1_048_576
  public static let maxColumns = 16_384
}

/// The codes of workbook problems.
public enum XLSXCode {
  /// A spreadsheet format this tool does not read (`.xls`, `.ods`, another ZIP): exit 2.
  public static let unsupportedFormat = "XLSX001"
  /// The ZIP archive cannot be read (truncated, damaged entry, bad checksum).
  public static let damagedZIP = "XLSX002"
  /// A part the workbook refers to is missing.
  public static let missingPart = "XLSX003"
  /// A part is not well-formed XML, or says something no workbook says.
  public static let malformedXML = "XLSX004"
  /// A part inflates past the cap (zip bomb), or too many entries.
  public static let inflateCap = "XLSX005"
  /// A cell or row past Excel's limits, or cells out of order.
  public static let sheetLimits = "XLSX006"
  /// `--sheet` names no worksheet of the workbook: exit 2.
  public static let noSuchSheet = "XLSX007"
  /// Note: the sheet read, when the workbook has several.
  public static let sheetRead = "XLSX101"
  /// Note: hidden rows or columns were read.
  public static let hiddenRead = "XLSX102"
  /// Warning: a cell holds an Excel error value (`#N/A`, `#REF!`, …).
  public static let errorValue = "XLSX103"
}
