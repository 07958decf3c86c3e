/// Encodes a string as a JSON literal exactly as Python's `json.dumps` does.
///
/// Both modes escape `"` and `\` as `\"` and `\\`, the controls U+0008, U+0009, U+000A, U+000C
/// and U+000D as `\b`, `\t`, `\n`, `\f` and `\r`, and every other control below U+0020 as
/// `\u00xx` (lower-case hexadecimal). `/` is never escaped. With `asciiOnly` (Python's default
/// `ensure_ascii=True`) every scalar outside U+0020…U+007E, U+007F included, is written as
/// `\uxxxx`, and scalars beyond U+FFFF as a UTF-16 surrogate pair; otherwise they are written as
/// raw UTF-8.
enum PythonJSONString {
  /// The literal, quotes included, as UTF-8 bytes.
  /// - Parameters:
  ///   - string: the value.
  ///   - asciiOnly: whether to escape every non-ASCII scalar (`ensure_ascii=True`).
  static func encode(_ string: String, asciiOnly: Bool) -> [UInt8] {
    var output: [UInt8] = [UInt8(ascii: "\"")]
    output.reserveCapacity(string.utf8.count + 16)
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += Array("\\\"".utf8)
      case "\\": output += Array("\\\\".utf8)
      case "\n": output += Array("\\n".utf8)
      case "\r": output += Array("\\r".utf8)
      case "\t": output += Array("\\t".utf8)
      case "\u{08}": output += Array("\\b".utf8)
      case "\u{0C}": output += Array("\\f".utf8)
      case "\u{00}"..."\u{1F}": appendEscape(UInt32(scalar.value), to: &output)
      case "\u{20}"..."\u{7E}": output.append(UInt8(scalar.value))
      default:
        if !asciiOnly {
          output += Array(String(Character(scalar)).utf8)
        } else if scalar.value <= 0xFFFF {
          appendEscape(scalar.value, to: &output)
        } else {
          let offset = scalar.value - 0x10000
          appendEscape(0xD800 + (offset >> 10), to: &output)
          appendEscape(0xDC00 + (offset & 0x3FF), to: &output)
        }
      }
    }
    output.append(UInt8(ascii: "\""))
    return output
  }

  private static func appendEscape(_ value: UInt32, to output: inout [UInt8]) {
    output += Array("\\u\(hex(value, width: 4))".utf8)
  }
}
