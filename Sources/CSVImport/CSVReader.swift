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

  public init(
    delimiter: UInt8? = nil, blockSize: Int = 1 << 20, maxFieldBytes: Int = 32 << 20,
    maxFields: Int = 16_384
  ) {
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

  package init(
    line: Int, endLine: Int, count: Int, rawCount: Int, storage: UnsafeBufferPointer<UInt8>,
    ends: UnsafeBufferPointer<Int>
  ) {
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
    let start = i == 0 ? 0 : ends[i - 1]
    let end = ends[i]
    // `ends` is non-decreasing and within `storage` (built by the reader).
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

    while true {
      decoded.removeAll(keepingCapacity: true)
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
        if skip > 0 { ctx.line = 2 }
        decoded = Array(pendingHead[skip...])
        pendingHead = []
        if skip == 0 && decoded.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
          && eof && outcome == .ok && !dialect.hasSepLine
        {
          throw CSVError.empty(path: displayName)
        }
      }
      try decoded.withUnsafeBufferPointer { try ctx.feed($0) }
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

  /// Finds the delimiter from a `sep=` line or the first line; returns how many bytes of
  /// `head` the `sep=` line takes.
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
    let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]
    var counts = [0, 0, 0, 0]
    var inQuotes = false
    for b in first {
      if b == 0x22 {
        inQuotes.toggle()
      } else if !inQuotes, let k = candidates.firstIndex(of: b) {
        counts[k] += 1
      }
    }
    var best = 0
    for k in 1..<4 where counts[k] > counts[best] { best = k }
    return (CSVDialect(encoding: encoding, delimiter: candidates[best], hasSepLine: false), 0)
  }
}

/// Mutable parse state, kept behind a pointer so that the callbacks (which run for every field)
/// pay no dynamic exclusivity checks.
private struct ParseState {
  /// Current physical line (1-based).
  var line = 1
  /// Line where the record being read started.
  var recordStart = 1
  /// The last callback was a record end with a carriage return (a following LF is the same break).
  var afterCR = false
  /// Field bytes of the current record.
  var storage: UnsafeMutablePointer<UInt8>
  var storageCount = 0
  var storageCapacity: Int
  /// End offset of each field in `storage`.
  var ends: UnsafeMutablePointer<Int>
  var fieldCount = 0
  var endsCapacity: Int
  var records = 0
  /// Bytes of the current line fed so far, for error columns.
  var bytesInLine = 0
  /// Set when a callback failed; libcsv cannot be stopped, so later callbacks do nothing.
  var failed = false

  init() {
    storageCapacity = 4096
    storage = .allocate(capacity: storageCapacity)
    endsCapacity = 64
    ends = .allocate(capacity: endsCapacity)
  }

  /// Appends a field's bytes and returns whether they hold a CR or LF.
  ///
  /// Copies 8 bytes at a time and tests each word for the two bytes as it goes (one pass over
  /// the short fields of a log, instead of two `memchr` and a `memcpy` call).
  @inline(__always)
  mutating func append(_ data: UnsafeRawPointer, _ count: Int) -> Bool {
    if storageCount + count > storageCapacity { grow(storageCount + count) }
    let dst = UnsafeMutableRawPointer(storage + storageCount)
    var i = 0
    var found: UInt64 = 0
    let lows: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while i + 8 <= count {
      let w = data.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      dst.storeBytes(of: w, toByteOffset: i, as: UInt64.self)
      // (x - 0x01…) & ~x & 0x80… is non-zero exactly when some byte of x is zero; x is w with
      // the LF (then CR) bytes zeroed.
      let a = w ^ (lows &* 0x0A)
      let b = w ^ (lows &* 0x0D)
      found |= ((a &- lows) & ~a | (b &- lows) & ~b) & highs
      i += 8
    }
    let src = data.assumingMemoryBound(to: UInt8.self)
    let out = dst.assumingMemoryBound(to: UInt8.self)
    var tail = false
    while i < count {
      let c = src[i]
      out[i] = c
      tail = tail || c == 0x0A || c == 0x0D
      i += 1
    }
    storageCount += count
    return found != 0 || tail
  }

  private mutating func grow(_ needed: Int) {
    var c = storageCapacity * 2
    while c < needed { c *= 2 }
    let n = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
    n.update(from: storage, count: storageCount)
    storage.deallocate()
    storage = n
    storageCapacity = c
  }

  @inline(__always)
  mutating func endField() {
    if fieldCount == endsCapacity { growEnds() }
    ends[fieldCount] = storageCount
    fieldCount += 1
  }

  private mutating func growEnds() {
    let c = endsCapacity * 2
    let n = UnsafeMutablePointer<Int>.allocate(capacity: c)
    n.update(from: ends, count: fieldCount)
    ends.deallocate()
    ends = n
    endsCapacity = c
  }
}

/// State shared with the libcsv callbacks through their `void *data` argument.
///
/// Lines are counted from the callbacks alone: libcsv (with `CSV_REPALL_NL`) reports every line
/// end outside a field to the record callback with the terminating character, and line breaks
/// inside quoted fields are counted from the field's bytes.
private final class ParseContext {
  let name: String
  let options: CSVReadOptions
  let body: (borrowing CSVRecord) throws -> Void
  /// Copies of the option limits, read for every field.
  let maxFieldBytes: Int
  let maxFields: Int
  var parser: LibCSVParser!
  let state: UnsafeMutablePointer<ParseState>
  /// The error raised inside a callback.
  private var failure: Error?

  init(name: String, options: CSVReadOptions, body: @escaping (borrowing CSVRecord) throws -> Void)
  {
    self.name = name
    self.options = options
    self.body = body
    maxFieldBytes = options.maxFieldBytes
    maxFields = options.maxFields
    state = .allocate(capacity: 1)
    state.initialize(to: ParseState())
  }

  deinit {
    state.pointee.storage.deallocate()
    state.pointee.ends.deallocate()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  var line: Int {
    get { state.pointee.line }
    set { state.pointee.line = newValue }
  }
  var records: Int { state.pointee.records }
  var bytesInLine: Int { state.pointee.bytesInLine }

  private func fail(_ error: Error) {
    failure = error
    state.pointee.failed = true
  }

  /// Feeds UTF-8 text to libcsv.
  func feed(_ text: UnsafeBufferPointer<UInt8>) throws {
    guard let base = text.baseAddress, text.count > 0 else { return }
    let ctx = Unmanaged.passUnretained(self).toOpaque()
    let column = { [state] in state.pointee.fieldCount + 1 }
    do {
      try parser.parse(
        base, count: text.count, field: fieldCallback, record: recordCallback, context: ctx)
    } catch .parse {
      throw failure
        ?? CSVError.strayQuote(path: name, line: line + pendingBreaks(), column: column())
    } catch {
      throw failure
        ?? CSVError.fieldTooLarge(
          path: name, line: line, column: column(), limit: options.maxFieldBytes)
    }
    if let failure { throw failure }
    // Column of the next byte on its line, for a decoding error that may follow.
    var k = text.count
    while k > 0 && base[k - 1] != 0x0A && base[k - 1] != 0x0D { k -= 1 }
    state.pointee.bytesInLine = k == 0 ? state.pointee.bytesInLine + text.count : text.count - k
  }

  /// Line breaks inside the quoted field libcsv is still buffering.
  func pendingBreaks() -> Int {
    ParseContext.lineBreaks(parser.pendingEntry)
  }

  /// Counts CRLF, LF and lone CR as one break each.
  static func lineBreaks(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    var n = 0
    var i = 0
    let c = b.count
    while i < c {
      let x = b[i]
      if x == 0x0A {
        n += 1
      } else if x == 0x0D {
        n += 1
        if i + 1 < c && b[i + 1] == 0x0A { i += 1 }
      }
      i += 1
    }
    return n
  }

  func finish() throws {
    let ctx = Unmanaged.passUnretained(self).toOpaque()
    let s = state.pointee
    let start = s.fieldCount == 0 ? s.line : s.recordStart
    let column = s.fieldCount + 1
    do {
      try parser.finish(field: fieldCallback, record: recordCallback, context: ctx)
    } catch .parse {
      throw failure ?? CSVError.unterminatedQuote(path: name, line: start, column: column)
    } catch {
      throw failure
        ?? CSVError.fieldTooLarge(
          path: name, line: s.line, column: column, limit: options.maxFieldBytes)
    }
    if let failure { throw failure }
  }

  @inline(__always)
  func field(_ data: UnsafeMutableRawPointer?, _ count: Int) {
    let s = state
    s.pointee.afterCR = false
    if s.pointee.fieldCount == 0 { s.pointee.recordStart = s.pointee.line }
    guard !s.pointee.failed, count <= maxFieldBytes, s.pointee.fieldCount < maxFields else {
      fieldSlowPath(data, count)
      return
    }
    // Only a quoted field can hold line breaks; libcsv has already cleared its `quoted` flag
    // here, so the copy looks for them.
    if let data, count > 0, s.pointee.append(data, count) {
      s.pointee.line += ParseContext.lineBreaks(
        UnsafeBufferPointer(start: data.assumingMemoryBound(to: UInt8.self), count: count))
    }
    s.pointee.endField()
  }

  /// A field after a failure, or one over a limit: count its lines, report the first failure.
  @inline(never)
  private func fieldSlowPath(_ data: UnsafeMutableRawPointer?, _ count: Int) {
    let s = state
    if count > 0, let data, memchr(data, 0x0A, count) != nil || memchr(data, 0x0D, count) != nil {
      s.pointee.line += ParseContext.lineBreaks(
        UnsafeBufferPointer(start: data.assumingMemoryBound(to: UInt8.self), count: count))
    }
    if s.pointee.failed { return }
    if count > options.maxFieldBytes {
      fail(
        CSVError.fieldTooLarge(
          path: name, line: s.pointee.recordStart, column: s.pointee.fieldCount + 1,
          limit: options.maxFieldBytes))
      return
    }
    if s.pointee.fieldCount >= options.maxFields {
      fail(
        CSVError.tooManyFields(path: name, line: s.pointee.recordStart, limit: options.maxFields))
      return
    }
  }

  @inline(__always)
  func recordEnd(_ terminator: Int32) {
    let s = state
    let endLine = s.pointee.line
    let fields = s.pointee.fieldCount
    if terminator == 0x0A && s.pointee.afterCR && fields == 0 {
      s.pointee.afterCR = false  // the LF of a CRLF
      return
    }
    s.pointee.afterCR = terminator == 0x0D
    if terminator == 0x0A || terminator == 0x0D { s.pointee.line += 1 }
    guard fields > 0 else { return }  // a blank line
    defer {
      s.pointee.storageCount = 0
      s.pointee.fieldCount = 0
    }
    if s.pointee.failed { return }
    let ends = s.pointee.ends
    var count = fields
    while count > 0 && ends[count - 1] == (count >= 2 ? ends[count - 2] : 0) { count -= 1 }
    guard count > 0 else { return }  // a record of empty fields
    s.pointee.records += 1
    let record = CSVRecord(
      line: s.pointee.recordStart, endLine: endLine, count: count, rawCount: fields,
      storage: UnsafeBufferPointer(start: s.pointee.storage, count: s.pointee.storageCount),
      ends: UnsafeBufferPointer(start: ends, count: fields))
    do {
      try body(record)
    } catch {
      fail(error)
    }
  }
}

// The context outlives `csv_parse` (the caller holds it), so the callbacks borrow it without a
// retain/release pair per field.
private let fieldCallback: LibCSVParser.FieldCallback = { data, count, ctx in
  Unmanaged<ParseContext>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { $0.field(data, count) }
}

private let recordCallback: LibCSVParser.RecordCallback = { c, ctx in
  Unmanaged<ParseContext>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { $0.recordEnd(c) }
}
