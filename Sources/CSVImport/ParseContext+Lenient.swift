// Lenient quotes (CSVReadOptions.lenientQuotes): the records strict CSV refuses, read as
// Excel, LibreOffice and Python's csv module read them, one record at a time.

extension ParseContext {
  enum LenientOutcome {
    /// A whole record, its fields in ``lenientBytes``/``lenientEnds``; the byte after it, its
    /// terminator (-1 at the end of the text), and the 1-based fields with a quote read as
    /// written and with a quote never closed (0: none).
    case record(next: Int, terminator: Int32, loose: Int, unclosed: Int)
    /// The text ends inside the record.
    case incomplete
    /// Over a limit (field size, field count): libcsv reads it and reports the error.
    case refused
  }

  /// Reads the record at `p[i0]` with these rules:
  /// - a field that starts with a quote runs to the next quote not doubled; text after that
  ///   closing quote, up to the delimiter or the line end, is kept as written (`"x"y` is `xy`);
  /// - a quote inside a field that does not start with one is an ordinary character
  ///   (`27" monitor`);
  /// - at the end of the text (`atEnd`), a quote never closed ends the record at the end of
  ///   its line: the field holds the rest of that line, and the next record starts on the
  ///   next line.
  func lenientRecord(_ p: UnsafePointer<UInt8>, _ i0: Int, _ end: Int, atEnd: Bool)
    -> LenientOutcome
  {
    let d = scanner!.delimiter
    let quote: UInt8 = 0x22
    var i = i0
    var loose = 0
    var unclosed = 0
    lenientBytes.removeAll(keepingCapacity: true)
    lenientEnds.removeAll(keepingCapacity: true)
    @inline(__always) func isEnd(_ c: UInt8) -> Bool { c == d || c == 0x0A || c == 0x0D }
    while true {
      let n = lenientEnds.count + 1
      guard n <= maxFields else { return .refused }
      let fieldStart = lenientBytes.count
      if i < end && p[i] == quote {
        let open = i
        var j = i + 1
        var closed = false
        while j < end {
          if p[j] == quote {
            if j + 1 < end && p[j + 1] == quote {
              lenientBytes.append(quote)
              j += 2
              continue
            }
            if j + 1 >= end && !atEnd { return .incomplete }
            closed = true
            j += 1
            break
          }
          lenientBytes.append(p[j])
          j += 1
        }
        if !closed {
          guard atEnd else { return .incomplete }
          // Never closed: the field is the rest of the quote's line, as written.
          lenientBytes.removeSubrange(fieldStart...)
          unclosed = n
          j = open + 1
          while j < end && p[j] != 0x0A && p[j] != 0x0D {
            lenientBytes.append(p[j])
            j += 1
          }
          guard lenientBytes.count - fieldStart <= maxFieldBytes else { return .refused }
          lenientEnds.append(lenientBytes.count)
          return finish(p, j, end, loose: loose, unclosed: unclosed)
        }
        i = j
        if i < end && !isEnd(p[i]) && loose == 0 { loose = n }
      }
      while i < end && !isEnd(p[i]) {
        if p[i] == quote && loose == 0 { loose = n }
        lenientBytes.append(p[i])
        i += 1
      }
      guard lenientBytes.count - fieldStart <= maxFieldBytes else { return .refused }
      lenientEnds.append(lenientBytes.count)
      guard i < end else {
        return atEnd ? finish(p, i, end, loose: loose, unclosed: unclosed) : .incomplete
      }
      if p[i] != d { return finish(p, i, end, loose: loose, unclosed: unclosed) }
      i += 1
    }
  }

  /// The record ends at `p[i]` (a line end, or the end of the text).
  private func finish(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int, loose: Int, unclosed: Int)
    -> LenientOutcome
  {
    guard i < end else {
      return .record(next: end, terminator: -1, loose: loose, unclosed: unclosed)
    }
    return .record(next: i + 1, terminator: Int32(p[i]), loose: loose, unclosed: unclosed)
  }

  /// Hands the fields of the record ``lenientRecord(_:_:_:atEnd:)`` read to ``field(_:_:)``,
  /// with its quote flags for the ``CSVRecord``.
  func deliverLenient(loose: Int, unclosed: Int) {
    state.pointee.looseQuoteField = loose
    state.pointee.unclosedQuoteField = unclosed
    var start = 0
    lenientBytes.withUnsafeMutableBytes { raw in
      for e in lenientEnds {
        field(raw.baseAddress.map { $0 + start }, e - start)
        start = e
      }
    }
  }
}
