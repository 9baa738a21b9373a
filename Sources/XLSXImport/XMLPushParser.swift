import CLibXML2

/// The attributes of a start tag as libxml2's SAX2 hands them over: five pointers per attribute
/// (local name, prefix, URI, value start, value end); values are not NUL-terminated and keep
/// entity references (decoded by ``XMLText/decode(_:)`` where it matters).
struct XMLAttributes {
  let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  let count: Int

  /// The raw value of the attribute whose local name is `name` (ASCII), if present.
  @inline(__always)
  func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
    guard let base else { return nil }
    for i in 0..<count {
      guard let local = base[i * 5], XMLText.equals(local, name) else { continue }
      guard let start = base[i * 5 + 3], let end = base[i * 5 + 4] else { return nil }
      return UnsafeBufferPointer(start: start, count: end - start)
    }
    return nil
  }

  /// The value as a `String`, entity references decoded.
  func string(_ name: StaticString) -> String? {
    value(name).map { XMLText.decode($0) }
  }
}

/// Receives the SAX events of one part; one subclass per kind of part.
class XMLHandler {
  /// The error that stopped the parse, thrown once the current chunk returns.
  var failure: (any Error)?
  /// The parser, to stop it from a callback.
  fileprivate(set) var context: xmlParserCtxtPtr?

  func start(_ name: UnsafePointer<UInt8>, _ attributes: XMLAttributes) {}
  func end(_ name: UnsafePointer<UInt8>) {}
  func characters(_ bytes: UnsafePointer<UInt8>, _ count: Int) {}

  /// Stops the parse with `error`.
  final func stop(_ error: Error) {
    if failure == nil { failure = error }
    if let context { xmlStopParser(context) }
  }
}

/// A malformed part: libxml2's message and its position in the part.
struct XMLSyntaxError: Error {
  var message: String
  var line: Int
  var column: Int
}

/// libxml2's push parser with SAX2 callbacks: the part is fed in chunks as it inflates, so no
/// part is ever held whole in memory. Entities are not substituted, nothing is fetched from the
/// network, and libxml2 prints nothing (its errors become ``XMLSyntaxError``).
final class XMLPushParser {
  private let context: xmlParserCtxtPtr
  private let handler: XMLHandler

  init(handler: XMLHandler) throws(XMLSyntaxError) {
    XMLPushParser.initialize
    self.handler = handler
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.startElementNs = startCallback
    sax.endElementNs = endCallback
    sax.characters = charactersCallback
    sax.cdataBlock = charactersCallback
    sax.serror = silentError
    let user = Unmanaged.passUnretained(handler).toOpaque()
    guard let c = xmlCreatePushParserCtxt(&sax, user, nil, 0, nil) else {
      throw XMLSyntaxError(message: "libxml2 could not start (out of memory)", line: 0, column: 0)
    }
    context = c
    xmlCtxtUseOptions(c, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
    handler.context = c
  }

  deinit {
    handler.context = nil
    xmlFreeParserCtxt(context)
  }

  private static let initialize: Void = { xmlInitParser() }()

  /// Feeds the next bytes of the part; throws what a callback raised or the syntax error.
  func feed(_ bytes: UnsafeRawBufferPointer) throws {
    var offset = 0
    // xmlParseChunk takes an Int32 size.
    repeat {
      let n = min(bytes.count - offset, 1 << 30)
      let p = bytes.baseAddress.map { $0.assumingMemoryBound(to: CChar.self) + offset }
      let rc = xmlParseChunk(context, p, Int32(n), 0)
      try check(rc)
      offset += n
    } while offset < bytes.count
  }

  /// Ends the part.
  func finish() throws {
    try check(xmlParseChunk(context, nil, 0, 1))
  }

  private func check(_ rc: Int32) throws {
    if let f = handler.failure { throw f }
    guard rc != 0 || context.pointee.wellFormed == 0 else { return }
    var message = "malformed XML"
    var line = 0
    var column = 0
    if let e = xmlCtxtGetLastError(context) {
      if let m = e.pointee.message {
        message = String(cString: m).trimmingSpaces()
      }
      line = Int(e.pointee.line)
      column = Int(e.pointee.int2)
    }
    throw XMLSyntaxError(message: message, line: line, column: column)
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var s = Substring(self)
    while let l = s.last, l == "\n" || l == " " { s.removeLast() }
    return String(s)
  }
}

private let startCallback: startElementNsSAX2Func = { ctx, local, _, _, _, _, count, _, attrs in
  guard let ctx, let local else { return }
  Unmanaged<XMLHandler>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
    $0.start(local, XMLAttributes(base: attrs, count: Int(count)))
  }
}

private let endCallback: endElementNsSAX2Func = { ctx, local, _, _ in
  guard let ctx, let local else { return }
  Unmanaged<XMLHandler>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.end(local) }
}

private let charactersCallback: charactersSAXFunc = { ctx, bytes, count in
  guard let ctx, let bytes, count > 0 else { return }
  Unmanaged<XMLHandler>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
    $0.characters(bytes, Int(count))
  }
}

private let silentError: xmlStructuredErrorFunc = { _, _ in }

/// Byte-level helpers for XML names and text.
enum XMLText {
  /// Whether the NUL-terminated `p` equals the ASCII `literal`.
  @inline(__always)
  static func equals(_ p: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
    let l = literal.utf8Start
    let n = literal.utf8CodeUnitCount
    for i in 0..<n where p[i] != l[i] { return false }
    return p[n] == 0
  }

  /// Decodes the five predefined entities and character references in an attribute value.
  static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
    guard raw.contains(0x26) else { return String(decoding: raw, as: UTF8.self) }
    let text = String(decoding: raw, as: UTF8.self)
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";") else { break }
      let name = rest[rest.index(after: amp)..<semi]
      switch name {
      case "amp": out += "&"
      case "lt": out += "<"
      case "gt": out += ">"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        var value: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
          value = UInt32(name.dropFirst())
        }
        if let v = value, let u = Unicode.Scalar(v) {
          out.unicodeScalars.append(u)
        } else {
          out += rest[amp...semi]
        }
      }
      rest = rest[rest.index(after: semi)...]
    }
    return out + rest
  }

  /// A non-negative decimal integer, or `nil` (empty, not digits, or too large).
  @inline(__always)
  static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !b.isEmpty, b.count <= 18 else { return nil }
    var v = 0
    for c in b {
      guard c >= 0x30 && c <= 0x39 else { return nil }
      v = v * 10 + Int(c - 0x30)
    }
    return v
  }
}
