extension ParseContext {
  /// Feeds UTF-8 text: the byte scanner reads the records it is certain of, libcsv the rest;
  /// returns how many bytes at the end (a record not complete yet) the caller must put in
  /// front of the next text.
  ///
  /// libcsv only ever starts or stops at a record boundary, where its state is the same as a
  /// fresh parser's, and the scanner makes the same callbacks (``field(_:_:)``,
  /// ``recordEnd(_:)``) libcsv would, so lines, columns, records and errors are libcsv's.
  /// When `isLast`, nothing is left: the end goes to libcsv, which reports an unclosed quote.
  func feed(_ text: UnsafeBufferPointer<UInt8>, isLast: Bool) throws -> Int {
    guard let base = text.baseAddress, text.count > 0 else { return 0 }
    guard scanner != nil, parser.isIdle else {
      try feedLibCSV(text)
      return 0
    }
    let (consumed, certain) = scanRecords(base, text.count, isLast: isLast)
    if let failure { throw failure }
    let rest = text.count - consumed
    fed(UnsafeBufferPointer(rebasing: text[0..<consumed]))
    // A record longer than a block goes to libcsv instead of being scanned again and again;
    // with lenient quotes, one up to the field limit stays here (a quote never closed must
    // reach the end of the file to be told apart from a long quoted field).
    let carryLimit =
      options.lenientQuotes
      ? max(options.maxFieldBytes, options.blockSize) : max(options.blockSize, 4096)
    if rest > 0 && certain && !isLast && rest <= carryLimit { return rest }
    try feedLibCSV(UnsafeBufferPointer(rebasing: text[consumed...]))
    return 0
  }

  /// Delivers the whole records at the start of `p[0..<count]`; returns the bytes used and
  /// whether it stopped only because the text ended (not at a record libcsv must read).
  private func scanRecords(_ p: UnsafePointer<UInt8>, _ count: Int, isLast: Bool) -> (Int, Bool) {
    var i = 0
    let s = state
    // A local copy for the loop (no exclusivity check on the class property per record),
    // written back at the end: `scan` may have grown its field arrays.
    var sc = scanner!
    defer { scanner = sc }
    while i < count {
      let c = p[i]
      if c == 0x0A || c == 0x0D {
        // A line end where no record has begun (a blank line, the LF of a CRLF).
        recordEnd(Int32(c))
        i += 1
        continue
      }
      switch sc.scan(p, from: i, end: count) {
      case .incomplete:
        // At the end of the text, a quote never closed ends its record at its line.
        guard isLast && options.lenientQuotes,
          case .record(let next, let terminator, let loose, let unclosed) = lenientRecord(
            p, i, count, atEnd: true),
          loose > 0 || unclosed > 0
        else { return (i, true) }
        deliverLenient(loose: loose, unclosed: unclosed)
        recordEnd(terminator)
        i = next
        if s.pointee.failed { return (i, false) }
      case .uncertain:
        guard options.lenientQuotes else { return (i, false) }
        switch lenientRecord(p, i, count, atEnd: isLast) {
        case .incomplete: return (i, true)
        case .refused: return (i, false)
        case .record(let next, let terminator, let loose, let unclosed):
          // Nothing lenient about it: libcsv reads it as usual.
          guard loose > 0 || unclosed > 0 else { return (i, false) }
          deliverLenient(loose: loose, unclosed: unclosed)
          recordEnd(terminator)
          i = next
          if s.pointee.failed { return (i, false) }
        }
      case .record(let next, let terminator, let fields):
        deliverInPlace(p, fields, terminator, sc)
        i = next
        if s.pointee.failed { return (i, false) }
      }
    }
    return (i, true)
  }

  /// Hands a scanned record to the body where it stands in the text: what ``field(_:_:)`` for
  /// each field and ``recordEnd(_:)`` do, without copying the fields. Doubled quotes are undone
  /// in place (the text is the reader's own buffer, and a delivered record is not read again;
  /// the bytes freed at a field's end become spaces, so no line break is left behind for
  /// ``fed(_:)``). The text must be writable: ``CSVReader`` passes its decoding buffer.
  @inline(__always)
  private func deliverInPlace(
    _ p: UnsafePointer<UInt8>, _ fields: Int, _ terminator: UInt8, _ sc: RecordScanner
  ) {
    let s = state
    guard !s.pointee.failed, s.pointee.fieldCount == 0, fields > 0 else {
      deliver(p, fields, sc)
      recordEnd(Int32(terminator))
      return
    }
    let w = UnsafeMutablePointer(mutating: p)
    s.pointee.afterCR = false
    s.pointee.recordStart = s.pointee.line
    for k in 0..<fields where sc.kinds[k] != RecordScanner.plain {
      let start = sc.starts[k]
      var end = sc.ends[k]
      if sc.kinds[k] == RecordScanner.doubled {
        var o = start
        var j = start
        while j < end {
          let b = w[j]
          w[o] = b
          o += 1
          j += b == 0x22 ? 2 : 1
        }
        for g in o..<end { w[g] = 0x20 }
        end = o
        sc.ends[k] = o
      }
      s.pointee.line += ParseContext.lineBreaks(
        UnsafeBufferPointer(start: p + start, count: end - start))
    }
    // recordEnd(_:) for a record of `fields` fields ended by CR or LF.
    let endLine = s.pointee.line
    s.pointee.afterCR = terminator == 0x0D
    s.pointee.line += 1
    var count = fields
    while count > 0 && sc.ends[count - 1] == sc.starts[count - 1] { count -= 1 }
    guard count > 0 else { return }  // a record of empty fields
    s.pointee.records += 1
    let record = CSVRecord(
      line: s.pointee.recordStart, endLine: endLine, count: count, rawCount: fields,
      storage: UnsafeBufferPointer(start: p, count: sc.ends[fields - 1]),
      ends: UnsafeBufferPointer(start: sc.ends, count: fields), starts: sc.starts)
    do {
      try body(record)
    } catch {
      fail(error)
    }
  }

  /// Hands the fields of the scanned record to ``field(_:_:)`` as libcsv would.
  @inline(__always)
  private func deliver(_ p: UnsafePointer<UInt8>, _ fields: Int, _ sc: RecordScanner) {
    let raw = UnsafeMutableRawPointer(mutating: p)
    for k in 0..<fields {
      let start = sc.starts[k]
      let n = sc.ends[k] - start
      if sc.kinds[k] != RecordScanner.doubled {
        field(raw + start, n)
        continue
      }
      unescaped.removeAll(keepingCapacity: true)
      var j = start
      let end = sc.ends[k]
      while j < end {
        let b = p[j]
        unescaped.append(b)
        j += b == 0x22 ? 2 : 1
      }
      unescaped.withUnsafeMutableBytes { field($0.baseAddress, $0.count) }
    }
  }
}
