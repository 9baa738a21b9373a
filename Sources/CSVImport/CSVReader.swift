#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options for reading a CSV file.
public struct CSVReadOptions: Sendable {
  /// The field delimiter; `nil` detects it (`sep=` line, else the header line).
  public var delimiter: UInt8?
  /// Bytes read from the file at a time.
  public var blockSize: Int
  /// The largest field accepted, in bytes (UTF-8).
  public var maxFieldBytes: Int
  /// The most fields accepted in one record (Excel's column limit by default).
  public var maxFields: Int
  /// Reads the common records with the byte scanner, libcsv the rest (see ``RecordScanner``);
  /// `false` reads everything with libcsv (differential tests and fuzzing).
  var useScanner = true
  /// Reads quotes as Excel, LibreOffice and Python do where strict CSV refuses them, record by
  /// record instead of failing the file: a quote inside an unquoted field, or text right after
  /// a closing quote, is kept as written and the record says so (``CSVRecord/looseQuoteField``);
  /// a quote never closed before the end of the file ends its record at that line (the record
  /// says so: ``CSVRecord/unclosedQuoteField``) and the lines after it are read again as
  /// records. Applies to the records the byte scanner reads (all but those longer than
  /// `maxFieldBytes`, or after a delimiter that is a quote); `false`: such input is a
  /// ``CSVError`` as libcsv's strict mode reports it.
  public var lenientQuotes: Bool

  public init(
    delimiter: UInt8? = nil, blockSize: Int = 1 << 18, maxFieldBytes: Int = 32 << 20,
    maxFields: Int = 16_384, lenientQuotes: Bool = false
  ) {
    self.lenientQuotes = lenientQuotes
    self.delimiter = delimiter
    self.blockSize = max(blockSize, 64)
    self.maxFieldBytes = maxFieldBytes
    self.maxFields = maxFields
  }
}

/// What the reader found out about a file.
public struct CSVDialect: Sendable, Equatable {
  public var encoding: TextEncoding
  public var delimiter: UInt8
  /// The file started with Excel's `sep=X` line (line 1, not data).
  public var hasSepLine: Bool

  /// The delimiter as a readable name: `,` `;` `tab` `|`.
  public var delimiterName: String {
    delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter))
  }
}

/// One record of a CSV file, valid only inside the closure that receives it.
///
/// Fields are UTF-8 bytes. Trailing empty fields are not counted in `count` (Excel pads rows
/// with them); `rawCount` has them.
public struct CSVRecord {
  /// 1-based line where the record starts.
  public let line: Int
  /// 1-based line where it ends (greater than `line` when a quoted field holds line breaks).
  public let endLine: Int
  /// Number of fields, trailing empty ones excluded.
  public let count: Int
  /// Number of fields as written.
  public let rawCount: Int
  // Internal but inlinable: `bytes(_:)` runs for every field the importer reads, from another
  // module, so it must not be an opaque call.
  @usableFromInline let storage: UnsafeBufferPointer<UInt8>
  @usableFromInline let ends: UnsafeBufferPointer<Int>
  /// Where each field starts in `storage`, when the fields are not back to back (a record the
  /// scanner hands over where it stands in the text); `nil`: each starts at the previous end.
  @usableFromInline let starts: UnsafePointer<Int>?
  /// With ``CSVReadOptions/lenientQuotes``: the 1-based field where a quote was read as
  /// written (inside an unquoted field, or text after a closing quote); 0 when none.
  public let looseQuoteField: Int
  /// With ``CSVReadOptions/lenientQuotes``: the 1-based field whose opening quote is never
  /// closed (the record stops at the end of that line); 0 when none.
  public let unclosedQuoteField: Int

  package init(
    line: Int, endLine: Int, count: Int, rawCount: Int, storage: UnsafeBufferPointer<UInt8>,
    ends: UnsafeBufferPointer<Int>, starts: UnsafePointer<Int>? = nil, looseQuoteField: Int = 0,
    unclosedQuoteField: Int = 0
  ) {
    self.starts = starts
    self.looseQuoteField = looseQuoteField
    self.unclosedQuoteField = unclosedQuoteField
    self.line = line
    self.endLine = endLine
    self.count = count
    self.rawCount = rawCount
    self.storage = storage
    self.ends = ends
  }

  /// The bytes of field `i` (0-based); empty for an index past `rawCount`.
  @inlinable @inline(__always)
  public func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
    guard i >= 0 && i < rawCount else { return UnsafeBufferPointer(start: nil, count: 0) }
    let start = starts.map { $0[i] } ?? (i == 0 ? 0 : ends[i - 1])
    let end = ends[i]
    // Every field lies within `storage` (built by the reader).
    return UnsafeBufferPointer(start: storage.baseAddress.map { $0 + start }, count: end - start)
  }

  /// Field `i` (0-based) as a `String`; `""` past the end.
  public func string(_ i: Int) -> String {
    String(decoding: bytes(i), as: UTF8.self)
  }

  /// All fields as strings, trailing empty ones excluded.
  public var strings: [String] { (0..<count).map { string($0) } }

  /// The spreadsheet column of field `i` (1-based).
  public func column(_ i: Int) -> Int { i + 1 }
}

/// Reads CSV records from a file or standard input through libcsv.
///
/// The file is read in blocks, decoded to UTF-8 (see ``TextEncoding``), its delimiter detected,
/// and each non-blank record handed to the caller with the line it starts on.
///
/// ```swift
/// let reader = try CSVReader(path: "matrix.csv")
/// try reader.forEachRecord { record in print(record.line, record.string(0)) }
/// ```
public final class CSVReader {
  /// The path given (`-` for standard input).
  public let path: String
  /// The name for messages: the path, or `<stdin>`.
  public var displayName: String { source.displayName }
  /// Known once reading has started.
  public private(set) var dialect: CSVDialect?
  /// Records delivered so far (blank lines excluded).
  public private(set) var recordCount = 0

  private let source: InputSource
  private let options: CSVReadOptions
  private var used = false

  /// Opens `path` (or standard input for `-`); throws ``CSVError/cannotOpen(path:reason:)``.
  public init(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) {
    self.path = path
    self.options = options
    source = try InputSource(path: path)
  }

  /// Reads standard input, whose first bytes `prefix` were already taken (by
  /// ``InputSniffer/prefix(of:count:)``).
  public init(standardInputAfter prefix: [UInt8], options: CSVReadOptions = CSVReadOptions()) {
    self.path = "-"
    self.options = options
    source = InputSource(standardInputAfter: prefix)
  }

  /// Reads from bytes in memory; `name` is the file name used in messages.
  public init(bytes: [UInt8], name: String, options: CSVReadOptions = CSVReadOptions()) {
    self.path = name
    self.options = options
    source = InputSource(bytes: bytes, name: name)
  }

  /// Reads the whole input, calling `body` for each non-blank record in order.
  ///
  /// Throws a ``CSVError`` for unreadable or malformed input, or what `body` throws.
  /// A reader can be used once.
  public func forEachRecord(_ body: (borrowing CSVRecord) throws -> Void) throws {
    precondition(!used, "CSVReader.forEachRecord can run once")
    used = true
    try withoutActuallyEscaping(body) { body in
      let ctx = ParseContext(name: displayName, options: options, body: body)
      try run(ctx)
    }
  }

  private func run(_ ctx: ParseContext) throws {
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: options.blockSize, alignment: 8)
    defer { block.deallocate() }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(options.blockSize + options.blockSize / 2)

    // First block: fill it (pipes return short reads) to detect the encoding.
    var filled = 0
    var eof = false
    while filled < block.count {
      let n = try source.read(into: block.baseAddress! + filled, capacity: block.count - filled)
      if n == 0 {
        eof = true
        break
      }
      filled += n
    }
    let (encoding, bom) = TextDecoder.detect(
      UnsafeRawBufferPointer(rebasing: block[0..<filled]), isComplete: eof)
    var decoder = TextDecoder(encoding: encoding)
    var chunk = UnsafeRawBufferPointer(rebasing: block[bom..<filled])
    var parser: LibCSVParser?
    var pendingHead: [UInt8] = []

    // The end of the last text, a record not complete yet, put in front of the next one.
    var carry: [UInt8] = []

    while true {
      decoded.removeAll(keepingCapacity: true)
      decoded.append(contentsOf: carry)
      let outcome = decoder.decode(chunk, isLast: eof, into: &decoded)
      if parser == nil {
        // Wait for the first complete line to detect the dialect.
        pendingHead.append(contentsOf: decoded)
        if !eof && !pendingHead.contains(0x0A) && !pendingHead.contains(0x0D) && outcome == .ok {
          (chunk, eof) = try nextChunk(block)
          continue
        }
        let (dialect, skip) = detectDialect(pendingHead, encoding: encoding)
        self.dialect = dialect
        do {
          parser = try LibCSVParser(delimiter: dialect.delimiter)
        } catch {
          throw CSVError.readFailed(
            path: displayName, reason: "libcsv could not start (out of memory)")
        }
        ctx.parser = parser
        if options.useScanner && RecordScanner.canScan(delimiter: dialect.delimiter) {
          ctx.scanner = RecordScanner(
            delimiter: dialect.delimiter, maxFieldBytes: options.maxFieldBytes,
            maxFields: options.maxFields)
        }
        if skip > 0 { ctx.line = 2 }
        decoded = Array(pendingHead[skip...])
        pendingHead = []
        if skip == 0 && decoded.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
          && eof && outcome == .ok && !dialect.hasSepLine
        {
          throw CSVError.empty(path: displayName)
        }
      }
      // Mutable: the scanner undoes doubled quotes where they stand (ParseContext.feed).
      let left = try decoded.withUnsafeMutableBufferPointer {
        try ctx.feed(UnsafeBufferPointer($0), isLast: eof || outcome != .ok)
      }
      carry = Array(decoded[(decoded.count - left)...])
      switch outcome {
      case .ok: break
      case .invalidUTF8:
        throw CSVError.invalidUTF8(path: displayName, line: ctx.line, byte: ctx.bytesInLine + 1)
      case .invalidUTF16:
        throw CSVError.invalidUTF16(path: displayName, line: ctx.line)
      }
      if eof { break }
      (chunk, eof) = try nextChunk(block)
    }
    try ctx.finish()
    recordCount = ctx.records
  }

  private func nextChunk(_ block: UnsafeMutableRawBufferPointer) throws -> (
    UnsafeRawBufferPointer, Bool
  ) {
    let n = try source.read(into: block.baseAddress!, capacity: block.count)
    return (UnsafeRawBufferPointer(rebasing: block[0..<n]), n == 0)
  }

  /// Finds the delimiter from a `sep=` line or the first non-blank line with a delimiter;
  /// returns how many bytes of `head` the `sep=` line takes.
  private func detectDialect(_ head: [UInt8], encoding: TextEncoding) -> (CSVDialect, Int) {
    var end = 0
    while end < head.count && head[end] != 0x0A && head[end] != 0x0D { end += 1 }
    let first = head[0..<end]
    // Excel's `sep=;` hint.
    if first.count >= 5, first.count <= 8,
      String(decoding: first.prefix(4), as: UTF8.self).lowercased() == "sep="
    {
      let d = first[first.startIndex + 4]
      var skip = end
      if skip < head.count && head[skip] == 0x0D { skip += 1 }
      if skip < head.count && head[skip] == 0x0A { skip += 1 }
      return (
        CSVDialect(encoding: encoding, delimiter: options.delimiter ?? d, hasSepLine: true), skip
      )
    }
    if let d = options.delimiter {
      return (CSVDialect(encoding: encoding, delimiter: d, hasSepLine: false), 0)
    }
    // The first non-blank line that holds a delimiter (a title line above the header holds
    // none), among the first five non-blank lines; else the first non-blank line.
    var start = 0
    var chosen: [Int]?
    var nonBlank = 0
    while start < head.count && nonBlank < 5 && chosen == nil {
      var stop = start
      while stop < head.count && head[stop] != 0x0A && head[stop] != 0x0D { stop += 1 }
      let line = head[start..<stop]
      if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
        nonBlank += 1
        let counts = CSVReader.delimiterCounts(line)
        if counts.contains(where: { $0 > 0 }) { chosen = counts }
      }
      start = stop + 1
    }
    let counts = chosen ?? [0, 0, 0, 0]
    var best = 0
    for k in 1..<4 where counts[k] > counts[best] { best = k }
    return (
      CSVDialect(encoding: encoding, delimiter: CSVReader.candidates[best], hasSepLine: false), 0
    )
  }

  private static let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]

  /// Occurrences of `,` `;` tab `|` outside quotes in one line.
  private static func delimiterCounts(_ line: ArraySlice<UInt8>) -> [Int] {
    var counts = [0, 0, 0, 0]
    var inQuotes = false
    for b in line {
      if b == 0x22 {
        inQuotes.toggle()
      } else if !inQuotes, let k = candidates.firstIndex(of: b) {
        counts[k] += 1
      }
    }
    return counts
  }
}
