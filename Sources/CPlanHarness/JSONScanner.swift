/// What a JSON value is, for messages such as "found a number".
enum JSONValueKind: String, Sendable {
  case object, array, string, number, boolean, null

  /// The kind with its article: `an object`, `a string`, `null`.
  var phrase: String {
    switch self {
    case .object: "an object"
    case .array: "an array"
    case .string: "a string"
    case .number: "a number"
    case .boolean: "a boolean"
    case .null: "null"
    }
  }
}

/// One member of the top-level object: its decoded key and where its value's bytes are.
struct JSONMember: Sendable {
  /// The key, with escapes decoded.
  var key: String
  /// The value's bytes, from its first to one past its last (a string's span holds its quotes).
  var valueSpan: Range<Int>
  /// The offset of the key's opening quote.
  var keyOffset: Int = 0
  /// What the value is.
  var kind: JSONValueKind
}

/// A syntax error at a byte offset.
struct JSONSyntaxError: Error, Sendable {
  /// Offset of the offending byte in the document.
  var offset: Int
  /// Lower-case reason.
  var reason: String
}

/// A validating JSON scanner (RFC 8259, plus Python's `NaN`, `Infinity` and `-Infinity`) that walks
/// the top-level value and records the members of a top-level object, skipping nested values.
struct JSONScanner {
  /// The top-level value of a document.
  enum TopLevel {
    /// An object, with its members in file order.
    case object([JSONMember])
    /// Any other value.
    case other(JSONValueKind)
  }

  /// Nesting deeper than this is rejected rather than risking the stack.
  static let maxDepth = 512

  private let bytes: [UInt8]
  private var index = 0

  private init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Scans a whole document.
  /// - Throws: `JSONSyntaxError` at the first byte that breaks the grammar.
  static func scan(_ bytes: [UInt8]) throws -> TopLevel {
    var scanner = JSONScanner(bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      throw JSONSyntaxError(offset: 0, reason: "the file starts with a UTF-8 byte order mark")
    }
    scanner.skipWhitespace()
    let result: TopLevel
    if scanner.peek == UInt8(ascii: "{") {
      result = .object(try scanner.topLevelMembers())
    } else {
      result = .other(try scanner.value(depth: 0))
    }
    scanner.skipWhitespace()
    guard scanner.index == bytes.count else {
      throw scanner.failure("extra data after the top-level value")
    }
    return result
  }

  private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
      index += 1
    }
  }

  private func failure(_ reason: String) -> JSONSyntaxError {
    JSONSyntaxError(offset: index, reason: reason)
  }

  /// A failure that names the byte found, or the end of input.
  private func unexpected(_ expected: String) -> JSONSyntaxError {
    guard let byte = peek else { return failure("unexpected end of input, expected \(expected)") }
    let found =
      (0x21...0x7E).contains(byte)
      ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + hex(byte, width: 2).uppercased()
    return failure("unexpected \(found), expected \(expected)")
  }

  private mutating func topLevelMembers() throws -> [JSONMember] {
    var members: [JSONMember] = []
    index += 1
    skipWhitespace()
    if peek == UInt8(ascii: "}") {
      index += 1
      return members
    }
    while true {
      skipWhitespace()
      guard peek == UInt8(ascii: "\"") else { throw unexpected("a key string") }
      let keyOffset = index
      let keySpan = try string()
      let key = try JSONStringDecoder.decode(bytes, span: keySpan)
      skipWhitespace()
      guard peek == UInt8(ascii: ":") else { throw unexpected("':' after a key") }
      index += 1
      skipWhitespace()
      let start = index
      let kind = try value(depth: 1)
      members.append(
        JSONMember(key: key, valueSpan: start..<index, keyOffset: keyOffset, kind: kind))
      guard try containerContinues(close: "}") else { return members }
    }
  }

  /// After a member or element: consumes `,` (true) or the closing bracket (false).
  private mutating func containerContinues(close: Unicode.Scalar) throws -> Bool {
    skipWhitespace()
    if peek == UInt8(ascii: ",") {
      index += 1
      return true
    }
    if peek == UInt8(ascii: close) {
      index += 1
      return false
    }
    throw unexpected("',' or '\(close)'")
  }

  private mutating func value(depth: Int) throws -> JSONValueKind {
    guard depth <= Self.maxDepth else {
      throw failure("values are nested more than \(Self.maxDepth) deep")
    }
    guard let byte = peek else { throw unexpected("a value") }
    switch byte {
    case UInt8(ascii: "{"):
      try skipObject(depth: depth)
      return .object
    case UInt8(ascii: "["):
      try skipArray(depth: depth)
      return .array
    case UInt8(ascii: "\""):
      _ = try string()
      return .string
    case UInt8(ascii: "t"): return try literal("true", .boolean)
    case UInt8(ascii: "f"): return try literal("false", .boolean)
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "N"): return try literal("NaN", .number)
    case UInt8(ascii: "I"): return try literal("Infinity", .number)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try number()
      return .number
    default: throw unexpected("a value")
    }
  }

  private mutating func skipObject(depth: Int) throws {
    index += 1
    skipWhitespace()
    if peek == UInt8(ascii: "}") {
      index += 1
      return
    }
    repeat {
      skipWhitespace()
      guard peek == UInt8(ascii: "\"") else { throw unexpected("a key string") }
      _ = try string()
      skipWhitespace()
      guard peek == UInt8(ascii: ":") else { throw unexpected("':' after a key") }
      index += 1
      skipWhitespace()
      _ = try value(depth: depth + 1)
    } while try containerContinues(close: "}")
  }

  private mutating func skipArray(depth: Int) throws {
    index += 1
    skipWhitespace()
    if peek == UInt8(ascii: "]") {
      index += 1
      return
    }
    repeat {
      skipWhitespace()
      _ = try value(depth: depth + 1)
    } while try containerContinues(close: "]")
  }

  private mutating func literal(_ word: String, _ kind: JSONValueKind) throws -> JSONValueKind {
    let utf8 = Array(word.utf8)
    guard bytes[index...].starts(with: utf8) else { throw unexpected("a value") }
    index += utf8.count
    return kind
  }

  private mutating func digits() -> Int {
    let start = index
    while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
    return index - start
  }

  private mutating func number() throws {
    if peek == UInt8(ascii: "-") {
      index += 1
      if peek == UInt8(ascii: "I") {
        _ = try literal("Infinity", .number)
        return
      }
    }
    if peek == UInt8(ascii: "0") {
      index += 1
    } else if digits() == 0 {
      throw unexpected("a digit")
    }
    if peek == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw unexpected("a digit after '.'") }
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      index += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw unexpected("a digit in the exponent") }
    }
  }

  /// Scans a string starting at its opening quote and returns its span, quotes included.
  private mutating func string() throws -> Range<Int> {
    let start = index
    index += 1
    while true {
      guard let byte = peek else {
        throw JSONSyntaxError(offset: start, reason: "unterminated string")
      }
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return start..<index
      case UInt8(ascii: "\\"):
        index += 1
        try escape()
      case 0x00..<0x20:
        throw failure("control character 0x\(hex(byte, width: 2).uppercased()) in a string")
      default:
        index += 1
      }
    }
  }

  /// Checks the escape after a backslash and moves past it.
  private mutating func escape() throws {
    guard let byte = peek else { throw unexpected("an escape") }
    if Array("\"\\/bfnrt".utf8).contains(byte) {
      index += 1
      return
    }
    guard byte == UInt8(ascii: "u") else { throw unexpected("a valid escape") }
    index += 1
    for _ in 0..<4 {
      guard let digit = peek, JSONStringDecoder.hexValue(digit) != nil else {
        throw unexpected("a hexadecimal digit in '\\u' escape")
      }
      index += 1
    }
  }
}

/// Lower-case hexadecimal, zero-padded to `width` digits.
func hex<T: BinaryInteger>(_ value: T, width: Int) -> String {
  let digits = String(value, radix: 16)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
