#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Mutable parse state, kept behind a pointer so that the callbacks (which run for every field)
/// pay no dynamic exclusivity checks.
struct ParseState {
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
  /// The lenient quote flags of the record being delivered (see ``CSVRecord``).
  var looseQuoteField = 0
  var unclosedQuoteField = 0

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
final class ParseContext {
  let name: String
  let options: CSVReadOptions
  let body: (borrowing CSVRecord) throws -> Void
  /// Copies of the option limits, read for every field.
  let maxFieldBytes: Int
  let maxFields: Int
  var parser: LibCSVParser!
  let state: UnsafeMutablePointer<ParseState>
  /// The error raised inside a callback.
  var failure: Error?

  /// The byte scanner, when it can stand in for libcsv (see ``feed(_:isLast:)``).
  var scanner: RecordScanner?
  /// Bytes with doubled quotes undone, for a quoted field.
  var unescaped: [UInt8] = []
  /// A record read with lenient quotes: its fields' bytes and their end offsets.
  var lenientBytes: [UInt8] = []
  var lenientEnds: [Int] = []

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
    scanner?.deallocate()
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

  func fail(_ error: Error) {
    failure = error
    state.pointee.failed = true
  }

  /// Feeds UTF-8 text to libcsv.
  func feedLibCSV(_ text: UnsafeBufferPointer<UInt8>) throws {
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
    fed(text)
  }

  /// Notes `text` as fed: the column of the next byte on its line, for a decoding error.
  func fed(_ text: UnsafeBufferPointer<UInt8>) {
    guard let base = text.baseAddress else { return }
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
      s.pointee.looseQuoteField = 0
      s.pointee.unclosedQuoteField = 0
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
      ends: UnsafeBufferPointer(start: ends, count: fields),
      looseQuoteField: s.pointee.looseQuoteField, unclosedQuoteField: s.pointee.unclosedQuoteField)
    do {
      try body(record)
    } catch {
      fail(error)
    }
  }
}

// The context outlives `csv_parse` (the caller holds it), so the callbacks borrow it without a
// retain/release pair per field.
let fieldCallback: LibCSVParser.FieldCallback = { data, count, ctx in
  Unmanaged<ParseContext>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { $0.field(data, count) }
}

let recordCallback: LibCSVParser.RecordCallback = { c, ctx in
  Unmanaged<ParseContext>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { $0.recordEnd(c) }
}
