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
      let pad = String(repeating: " ", count: (level + 1) * indent)
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += pad
        write(item, into: &out, level: level + 1, indent: indent, asciiOnly: asciiOnly)
        out += index == items.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: " ", count: level * indent) + "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      let pad = String(repeating: " ", count: (level + 1) * indent)
      out += "{\n"
      for (index, (key, item)) in pairs.enumerated() {
        out += pad + quote(key, asciiOnly: asciiOnly) + ": "
        write(item, into: &out, level: level + 1, indent: indent, asciiOnly: asciiOnly)
        out += index == pairs.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: " ", count: level * indent) + "}"
    }
  }

  /// A JSON string literal as Python writes it (`/` is not escaped). Works on UTF-8 bytes:
  /// prompts are tens of kilobytes.
  public static func quote(_ text: String, asciiOnly: Bool) -> String {
    var out: [UInt8] = [0x22]
    out.reserveCapacity(text.utf8.count + 64)
    let hexDigits = Array("0123456789abcdef".utf8)
    func escape(_ value: UInt32) {
      out += [0x5C, 0x75]
      for shift in stride(from: 12, through: 0, by: -4) {
        out.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
      }
    }
    var utf8 = text.utf8.makeIterator()
    while let byte = utf8.next() {
      switch byte {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, 0x6E]
      case 0x0D: out += [0x5C, 0x72]
      case 0x09: out += [0x5C, 0x74]
      case 0x08: out += [0x5C, 0x62]
      case 0x0C: out += [0x5C, 0x66]
      case 0..<0x20: escape(UInt32(byte))
      case 0x7F: if asciiOnly { escape(0x7F) } else { out.append(byte) }
      case 0x20..<0x7F: out.append(byte)
      default:
        guard asciiOnly else {
          out.append(byte)
          continue
        }
        // Decode one multi-byte scalar and write it as \uXXXX (a surrogate pair above U+FFFF).
        let count = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
        var scalar = UInt32(byte & (byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F))
        for _ in 0..<count {
          guard let next = utf8.next() else { break }
          scalar = (scalar << 6) | UInt32(next & 0x3F)
        }
        if scalar > 0xFFFF {
          let v = scalar - 0x10000
          escape(0xD800 + (v >> 10))
          escape(0xDC00 + (v & 0x3FF))
        } else {
          escape(scalar)
        }
      }
    }
    out.append(0x22)
    return String(decoding: out, as: UTF8.self)
  }


}
