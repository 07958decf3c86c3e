import Foundation

/// Writes JSON exactly as Python's `json.dumps(value, indent=4)` does, keeping key order, so
/// files cplan writes for the paper's harness look like the harness's own.
public enum PythonJSON {
  /// A JSON value with ordered object keys.
  public indirect enum Value: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([Value])
    case object([(String, Value)])

    public static func == (lhs: Value, rhs: Value) -> Bool {
      encode(lhs, asciiOnly: true) == encode(rhs, asciiOnly: true)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(encode(self, asciiOnly: true)) }
  }

  /// Serializes with 4-space indentation and `", "`/`": "` separators, no trailing newline.
  /// - Parameters:
  ///   - value: what to write.
  ///   - asciiOnly: escape non-ASCII as `\uXXXX` (Python's default `ensure_ascii=True`).
  public static func encode(_ value: Value, asciiOnly: Bool, indent: Int = 4) -> String {
    var out = ""
    write(value, into: &out, level: 0, indent: indent, asciiOnly: asciiOnly)
    return out
  }

  private static func write(
    _ value: Value, into out: inout String, level: Int, indent: Int, asciiOnly: Bool
  ) {
    let pad = String(repeating: " ", count: (level + 1) * indent)
    let closing = String(repeating: " ", count: level * indent)
    switch value {
    case .string(let s): out += quote(s, asciiOnly: asciiOnly)
    case .int(let i): out += String(i)
    case .double(let d):
      out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : "\(d)") : "null"
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += pad
        write(item, into: &out, level: level + 1, indent: indent, asciiOnly: asciiOnly)
        out += index == items.count - 1 ? "\n" : ",\n"
      }
      out += closing + "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (index, (key, item)) in pairs.enumerated() {
        out += pad + quote(key, asciiOnly: asciiOnly) + ": "
        write(item, into: &out, level: level + 1, indent: indent, asciiOnly: asciiOnly)
        out += index == pairs.count - 1 ? "\n" : ",\n"
      }
      out += closing + "}"
    }
  }

  /// A JSON string literal as Python writes it (`/` is not escaped).
  public static func quote(_ text: String, asciiOnly: Bool) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E) {
          if scalar.value > 0xFFFF {
            let v = scalar.value - 0x10000
            out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
          } else {
            out += hex4(scalar.value)
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
  }
}
