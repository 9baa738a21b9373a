import Glibc

/// The scanner met something outside the subset of XML it reads (a DOCTYPE, a processing
/// instruction, an entity it does not know, a name that is not ASCII, markup that is not
/// well-formed…): the part is read again from its start by libxml2, which says what it is.
struct XMLScanBail: Error {
  var reason: String
}

/// A byte scanner for the parts of a workbook, fed in chunks as the part inflates (a token cut
/// by a chunk boundary waits in a small carry buffer; no part is held whole). It sends the same
/// events as ``XMLPushParser`` (libxml2's SAX2 push parser) to the same ``XMLHandler``s: start
/// tags with their local name and raw attribute values, end tags, and text with the five
/// predefined entities, character references and line ends decoded.
///
/// It reads a strict subset of XML 1.0 with namespaces: ASCII names, attribute values without
/// `&` or control characters, UTF-8, at most ``maxDepth`` open elements, an XML declaration of
/// version 1.0 in UTF-8. It checks what libxml2 checks (nesting, well-formed names, attributes
/// and references, valid UTF-8 and characters, declared prefixes, no `]]>` in text, nothing
/// but spaces and comments around the root), and anything else throws ``XMLScanBail``, after
/// which ``WorkbookPackage`` reads the part with libxml2: so the records and findings are
/// libxml2's on every input, only faster on the ones workbooks are made of.
final class XMLByteScanner {
  static let maxDepth = 128
  static let maxName = 256
  static let maxAttributes = 64
  /// The longest token (tag, text, comment) the scanner waits for across chunks.
  static let maxToken = 1 << 20

  let handler: XMLHandler
  // The state below is touched for every tag, on one thread: dynamic exclusivity checks on it
  // would cost a quarter of the scan, so they are off (as in ``SheetHandler``).
  /// The bytes of a token cut by the end of the last chunk.
  @exclusivity(unchecked) private var carry: [UInt8] = []
  /// The position in the part of the first byte not yet scanned.
  @exclusivity(unchecked) private var position = 0
  @exclusivity(unchecked) private var phase = Phase.prolog
  private enum Phase { case prolog, content, epilog }

  /// Open elements: qualified names, each followed by a NUL, in `names`; per element the
  /// offset of its name and of its local name.
  private let names: UnsafeMutablePointer<UInt8>
  private let nameStarts: UnsafeMutablePointer<Int>
  private let localStarts: UnsafeMutablePointer<Int>
  @exclusivity(unchecked) private var depth = 0
  @exclusivity(unchecked) private var namesEnd = 0
  /// Declared namespace prefixes (`xmlns:p`) and the depth of the element that declared them.
  @exclusivity(unchecked) private var prefixes: [(prefix: [UInt8], depth: Int)] = []
  /// The depth of the innermost element that declared a prefix (0: none).
  @exclusivity(unchecked) private var declaredDepth = 0
  /// Attributes of the tag in hand: libxml2's layout (local name, prefix, URI, value start,
  /// value end), the local names copied with a NUL in `attributeNames`.
  private let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>
  private let attributeNames: UnsafeMutablePointer<UInt8>
  /// Per attribute of the tag in hand: name start, colon (or -1), name end, value start, end.
  private let spans: UnsafeMutablePointer<Int>
  /// Decoded text (entities, line ends).
  @exclusivity(unchecked) private var text: [UInt8] = []

  init(handler: XMLHandler) {
    self.handler = handler
    let perName = XMLByteScanner.maxName + 1
    names = .allocate(capacity: (XMLByteScanner.maxDepth + 1) * perName)
    attributes = .allocate(capacity: 5 * XMLByteScanner.maxAttributes)
    attributes.initialize(repeating: nil, count: 5 * XMLByteScanner.maxAttributes)
    attributeNames = .allocate(capacity: XMLByteScanner.maxAttributes * perName)
    spans = .allocate(capacity: 5 * XMLByteScanner.maxAttributes)
    nameStarts = .allocate(capacity: XMLByteScanner.maxDepth + 1)
    localStarts = .allocate(capacity: XMLByteScanner.maxDepth + 1)
    text.reserveCapacity(256)
  }

  deinit {
    names.deallocate()
    nameStarts.deallocate()
    localStarts.deallocate()
    attributes.deallocate()
    attributeNames.deallocate()
    spans.deallocate()
  }

  /// Scans the next bytes of the part; throws what the handler raised or ``XMLScanBail``.
  func feed(_ bytes: UnsafeRawBufferPointer) throws {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0
    else { return }
    var from = 0
    if !carry.isEmpty {
      // The carried token is completed with the first bytes of the chunk; tokens are scanned
      // whole or not at all, so the chunk is then scanned from the first one not consumed.
      let old = carry.count
      let head = min(bytes.count, 4096)
      carry.append(contentsOf: UnsafeBufferPointer(start: base, count: head))
      let used = try carry.withUnsafeBufferPointer {
        try scan($0.baseAddress!, $0.count, final: false)
      }
      if used < old {
        carry.removeSubrange(0..<used)
        carry.append(contentsOf: UnsafeBufferPointer(start: base + head, count: bytes.count - head))
        let more = try carry.withUnsafeBufferPointer {
          try scan($0.baseAddress!, $0.count, final: false)
        }
        carry.removeSubrange(0..<more)
        from = bytes.count
      } else {
        carry.removeAll(keepingCapacity: true)
        from = used - old
      }
    }
    if from < bytes.count {
      let used = try scan(base + from, bytes.count - from, final: false)
      carry.append(
        contentsOf: UnsafeBufferPointer(start: base + from + used, count: bytes.count - from - used)
      )
    }
    if carry.count > XMLByteScanner.maxToken { throw XMLScanBail(reason: "a token over 1 MiB") }
  }

  /// Ends the part: the root element must be closed and nothing but spaces may follow.
  func finish() throws {
    if !carry.isEmpty {
      let used = try carry.withUnsafeBufferPointer {
        try scan($0.baseAddress!, $0.count, final: true)
      }
      guard used == carry.count else { throw XMLScanBail(reason: "the part ends inside a tag") }
      carry.removeAll()
    }
    guard phase == .epilog else { throw XMLScanBail(reason: "the root element is not closed") }
  }

  @inline(__always)
  private func check() throws {
    if let f = handler.failure { throw f }
  }

  // MARK: The scan

  /// Scans `p[0..<n]` and returns how many bytes were consumed: the rest is a token the
  /// buffer does not hold whole (all of it when `final`, or the scanner bails).
  private func scan(_ p: UnsafePointer<UInt8>, _ n: Int, final: Bool) throws -> Int {
    var i = 0
    if position == 0 {
      guard let start = try XMLProlog.declaration(p, n, final: final) else { return 0 }
      i = start
    }
    defer { position += i }
    while i < n {
      if p[i] != XMLChar.lt {
        guard let j = XMLChar.find(XMLChar.lt, p, from: i, n) else {
          guard final else { return i }
          try text(p + i, n - i)
          i = n
          return i
        }
        try text(p + i, j - i)
        i = j
      }
      guard i + 1 < n else { break }
      let next: Int?
      switch p[i + 1] {
      case XMLChar.slash: next = try endTag(p, i, n)
      case XMLChar.bang: next = try XMLProlog.special(self, p, i, n, inContent: phase == .content)
      case XMLChar.question: throw XMLScanBail(reason: "a processing instruction")
      default: next = try startTag(p, i, n)
      }
      guard let next else { break }
      i = next
    }
    if final && i < n { throw XMLScanBail(reason: "the part ends inside a tag") }
    return i
  }

  /// Text between tags (`p[0..<n]`, whole): only spaces outside the root element.
  private func text(_ p: UnsafePointer<UInt8>, _ n: Int) throws {
    guard phase == .content else {
      for k in 0..<n where !XMLChar.isSpace(p[k]) {
        throw XMLScanBail(reason: "text outside the root element")
      }
      return
    }
    var k = 0
    while k < n, XMLChar.isPlainText(p[k]) { k += 1 }
    if k == n {
      handler.characters(p, n)
    } else {
      text.removeAll(keepingCapacity: true)
      try XMLChar.decodeText(p, n, into: &text)
      let count = text.count
      text.withUnsafeBufferPointer { handler.characters($0.baseAddress!, count) }
    }
    try check()
  }

  /// Text of a CDATA section: as written, line ends normalised.
  func cdata(_ p: UnsafePointer<UInt8>, _ n: Int) throws {
    guard n > 0 else { return }
    text.removeAll(keepingCapacity: true)
    try XMLChar.decodeRaw(p, n, into: &text)
    let count = text.count
    if count > 0 { text.withUnsafeBufferPointer { handler.characters($0.baseAddress!, count) } }
    try check()
  }

  // MARK: Tags

  /// An end tag at `p[i]`, which must name the innermost open element: the index after it,
  /// or `nil` if the buffer ends first.
  private func endTag(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) throws -> Int? {
    guard depth > 0 else { throw XMLScanBail(reason: "an end tag outside the root element") }
    let top = nameStarts[depth - 1]
    let length = namesEnd - 1 - top
    var j = i + 2
    guard j + length < n else { return nil }
    for k in 0..<length where p[j + k] != names[top + k] {
      throw XMLScanBail(reason: "an end tag that does not match its start tag")
    }
    j += length
    while j < n, XMLChar.isSpace(p[j]) { j += 1 }
    guard j < n else { return nil }
    guard p[j] == XMLChar.gt else { throw XMLScanBail(reason: "a malformed end tag") }
    try close()
    return j + 1
  }

  /// Ends the innermost open element.
  private func close() throws {
    handler.end(names + localStarts[depth - 1])
    while declaredDepth == depth {
      prefixes.removeLast()
      declaredDepth = prefixes.last?.depth ?? 0
    }
    depth -= 1
    namesEnd = nameStarts[depth]
    if depth == 0 { phase = .epilog }
    try check()
  }

  /// A start tag at `p[i]` (`<` then a name): the index after it, or `nil` if the buffer
  /// ends first.
  private func startTag(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) throws -> Int? {
    guard phase != .epilog else { throw XMLScanBail(reason: "a second root element") }
    guard let (nameEnd, colon) = try XMLChar.name(p, i + 1, n) else { return nil }
    var j = nameEnd
    var count = 0
    var selfClosing = false
    while true {
      let spaceStart = j
      while j < n, XMLChar.isSpace(p[j]) { j += 1 }
      guard j < n else { return nil }
      if p[j] == XMLChar.gt {
        j += 1
        break
      }
      if p[j] == XMLChar.slash {
        guard j + 1 < n else { return nil }
        guard p[j + 1] == XMLChar.gt else { throw XMLScanBail(reason: "a malformed tag") }
        j += 2
        selfClosing = true
        break
      }
      guard j > spaceStart, count < XMLByteScanner.maxAttributes else {
        throw XMLScanBail(reason: "attributes not separated by a space, or too many")
      }
      guard let after = try attribute(p, j, n, into: spans + 5 * count) else { return nil }
      count += 1
      j = after
    }
    try open(p, i + 1, nameEnd, colon, attributeCount: count)
    if selfClosing { try close() }
    return j
  }

  /// One attribute at `p[j]`: its spans stored at `s`; the index after its closing quote.
  @inline(__always)
  private func attribute(
    _ p: UnsafePointer<UInt8>, _ j: Int, _ n: Int, into s: UnsafeMutablePointer<Int>
  ) throws -> Int? {
    guard let (nameEnd, colon) = try XMLChar.name(p, j, n) else { return nil }
    var k = nameEnd
    while k < n, XMLChar.isSpace(p[k]) { k += 1 }
    guard k < n else { return nil }
    guard p[k] == XMLChar.equals else { throw XMLScanBail(reason: "an attribute without =") }
    k += 1
    while k < n, XMLChar.isSpace(p[k]) { k += 1 }
    guard k < n else { return nil }
    let quote = p[k]
    guard quote == XMLChar.quote || quote == XMLChar.apostrophe else {
      throw XMLScanBail(reason: "an attribute value without quotes")
    }
    let start = k + 1
    guard let end = try XMLChar.valueEnd(p, start, n, quote) else { return nil }
    s[0] = j
    s[1] = colon
    s[2] = nameEnd
    s[3] = start
    s[4] = end
    return end + 1
  }

  /// Opens the element named `p[start..<end]` (`colon` its prefix's end, or -1) with the
  /// attributes in `spans`: namespace declarations kept, prefixes checked, the start event sent.
  private func open(
    _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ colon: Int, attributeCount: Int
  ) throws {
    let depth = self.depth + 1
    guard depth <= XMLByteScanner.maxDepth else { throw XMLScanBail(reason: "too deep") }
    let count = attributeCount == 0 ? 0 : try prepare(p, attributeCount, depth: depth)
    if colon >= 0 { try checkPrefix(p + start, colon - start, element: true) }
    // Push the name, then send the event.
    nameStarts[depth - 1] = namesEnd
    let local = colon >= 0 ? namesEnd + colon + 1 - start : namesEnd
    localStarts[depth - 1] = local
    for k in start..<end {
      names[namesEnd] = p[k]
      namesEnd += 1
    }
    names[namesEnd] = 0
    namesEnd += 1
    self.depth = depth
    phase = .content
    handler.start(names + local, XMLAttributes(base: attributes, count: count))
    try check()
  }

  /// Keeps the namespace declarations among the `attributeCount` attributes in `spans`, checks
  /// the others (declared prefixes, no local name twice) and lays them out in `attributes`:
  /// their count.
  private func prepare(_ p: UnsafePointer<UInt8>, _ attributeCount: Int, depth: Int) throws -> Int {
    var count = 0
    for a in 0..<attributeCount {
      let s = spans + 5 * a
      if p[s[0]] == UInt8(ascii: "x"), try declaration(p, s, depth: depth) { continue }
      if a != count { (spans + 5 * count).update(from: s, count: 5) }
      count += 1
    }
    var cursor = attributeNames
    for a in 0..<count {
      let s = spans + 5 * a
      let local = s[1] >= 0 ? s[1] + 1 : s[0]
      if s[1] >= 0 { try checkPrefix(p + s[0], s[1] - s[0], element: false) }
      let length = s[2] - local
      for b in 0..<a {
        let o = spans + 5 * b
        let other = o[1] >= 0 ? o[1] + 1 : o[0]
        if o[2] - other == length && p[other] == p[local]
          && (length == 1 || memcmp(p + other, p + local, length) == 0)
        {
          throw XMLScanBail(reason: "an attribute given twice")
        }
      }
      for k in 0..<length { cursor[k] = p[local + k] }
      cursor[length] = 0
      let slot = attributes + 5 * a
      slot[0] = UnsafePointer(cursor)
      slot[3] = p + s[3]
      slot[4] = p + s[4]
      cursor += length + 1
    }
    return count
  }

  /// Whether the attribute at `s` declares a namespace (`xmlns`, `xmlns:p`), kept for `depth`.
  private func declaration(
    _ p: UnsafePointer<UInt8>, _ s: UnsafeMutablePointer<Int>, depth: Int
  ) throws -> Bool {
    let qualified = s[1] >= 0 ? s[1] : s[2]
    guard qualified - s[0] == 5, p[s[0]] == UInt8(ascii: "x"), memcmp(p + s[0], "xmlns", 5) == 0
    else { return false }
    let value = UnsafeBufferPointer(start: p + s[3], count: s[4] - s[3])
    if value.elementsEqual(XMLChar.xmlNamespace) || value.elementsEqual(XMLChar.xmlnsNamespace) {
      throw XMLScanBail(reason: "a reserved namespace")
    }
    let prefix =
      s[1] >= 0 ? Array(UnsafeBufferPointer(start: p + s[1] + 1, count: s[2] - s[1] - 1)) : []
    if !prefix.isEmpty {
      guard !value.isEmpty, prefix != Array("xml".utf8), prefix != Array("xmlns".utf8) else {
        throw XMLScanBail(reason: "a reserved or empty namespace prefix")
      }
    }
    for d in prefixes.reversed() {
      guard d.depth == depth else { break }
      if d.prefix == prefix { throw XMLScanBail(reason: "a namespace declared twice") }
    }
    prefixes.append((prefix, depth))
    declaredDepth = depth
    return true
  }

  /// Checks that the prefix `p[0..<n]` is declared (`xml` for attributes only).
  private func checkPrefix(_ p: UnsafePointer<UInt8>, _ n: Int, element: Bool) throws {
    if !element && n == 3 && memcmp(p, "xml", 3) == 0 { return }
    for d in prefixes.reversed() where !d.prefix.isEmpty && d.prefix.count == n {
      if d.prefix.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) == 0 }) { return }
    }
    throw XMLScanBail(reason: "an undeclared namespace prefix")
  }
}
