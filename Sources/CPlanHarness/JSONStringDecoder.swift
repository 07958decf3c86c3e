/// Decodes a JSON string literal that `JSONScanner` has already validated.
enum JSONStringDecoder {
  /// The value of a hexadecimal digit, or nil.
  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// The string a literal stands for.
  /// - Parameters:
  ///   - bytes: the document (valid UTF-8).
  ///   - span: the literal, quotes included.
  /// - Throws: `JSONSyntaxError` for a lone UTF-16 surrogate, which a Swift string cannot hold.
  static func decode(_ bytes: [UInt8], span: Range<Int>) throws -> String {
    var output: [UInt8] = []
    output.reserveCapacity(span.count)
    var index = span.lowerBound + 1
    let end = span.upperBound - 1
    while index < end {
      let byte = bytes[index]
      guard byte == UInt8(ascii: "\\") else {
        output.append(byte)
        index += 1
        continue
      }
      let code = bytes[index + 1]
      index += 2
      switch code {
      case UInt8(ascii: "b"): output.append(0x08)
      case UInt8(ascii: "f"): output.append(0x0C)
      case UInt8(ascii: "n"): output.append(0x0A)
      case UInt8(ascii: "r"): output.append(0x0D)
      case UInt8(ascii: "t"): output.append(0x09)
      case UInt8(ascii: "u"):
        let scalar = try unicodeEscape(bytes, at: &index, end: end)
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
      default: output.append(code)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Reads the four digits after `\u` at `index` (and a low surrogate's escape after a high one).
  private static func unicodeEscape(_ bytes: [UInt8], at index: inout Int, end: Int) throws
    -> Unicode.Scalar
  {
    let escapeStart = index - 2
    let first = fourDigits(bytes, at: index)
    index += 4
    if (0xDC00..<0xE000).contains(first) {
      throw JSONSyntaxError(
        offset: escapeStart, reason: "lone surrogate '\\u\(hex(first, width: 4))' in a string")
    }
    guard (0xD800..<0xDC00).contains(first) else { return Unicode.Scalar(first)! }
    guard index + 6 <= end, bytes[index] == UInt8(ascii: "\\"),
      bytes[index + 1] == UInt8(ascii: "u")
    else {
      throw JSONSyntaxError(
        offset: escapeStart, reason: "lone surrogate '\\u\(hex(first, width: 4))' in a string")
    }
    let second = fourDigits(bytes, at: index + 2)
    guard (0xDC00..<0xE000).contains(second) else {
      throw JSONSyntaxError(
        offset: escapeStart, reason: "lone surrogate '\\u\(hex(first, width: 4))' in a string")
    }
    index += 6
    return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
  }

  private static func fourDigits(_ bytes: [UInt8], at index: Int) -> UInt32 {
    bytes[index..<index + 4].reduce(0) { ($0 << 4) + (hexValue($1) ?? 0) }
  }
}
