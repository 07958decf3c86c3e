/// Writes strings as YAML scalars that read back exactly.
enum YAMLQuoting {
  /// The text as a YAML double-quoted scalar: backslashes, quotes, control characters and the
  /// characters YAML treats as line breaks (NEL, LS, PS) are escaped; the rest stays as is.
  static func doubleQuoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": output += "\\\\"
      case "\"": output += "\\\""
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}":
        output += "\\u" + hex(scalar.value, digits: 4)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
          output += "\\x" + hex(scalar.value, digits: 2)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output + "\""
  }

  /// The text as a plain scalar when it is a simple token (an id, a version-less path) that YAML
  /// reads back as the same string, else double-quoted.
  static func scalar(_ text: String) -> String {
    let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
    let letters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_".unicodeScalars)
    let allowed = letters.union("0123456789./-".unicodeScalars)
    guard let first = text.unicodeScalars.first, letters.contains(first),
      text.unicodeScalars.allSatisfy(allowed.contains), !reserved.contains(text.lowercased())
    else { return doubleQuoted(text) }
    return text
  }

  /// The text made safe for a one-line YAML comment (line breaks become spaces).
  static func comment(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      let unsafe =
        scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
        || (0x80..<0xA0).contains(scalar.value) || scalar.value >= 0xFFFE && scalar.value <= 0xFFFF
      output.unicodeScalars.append(unsafe ? " " : scalar)
    }
    return output
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
