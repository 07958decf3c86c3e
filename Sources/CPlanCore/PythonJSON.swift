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
    // One byte buffer for the whole document: index files of plans run to megabytes.
    var out: [UInt8] = []
    write(value, into: &out, level: 0, indent: indent, asciiOnly: asciiOnly)
    return String(decoding: out, as: UTF8.self)
  }

  private static func write(
    _ value: Value, into out: inout [UInt8], level: Int, indent: Int, asciiOnly: Bool
  ) {
    func pad(_ level: Int) {
      out.append(contentsOf: repeatElement(0x20, count: level * indent))
    }
    switch value {
    case .string(let s): quote(s, asciiOnly: asciiOnly, into: &out)
    case .int(let i): out += String(i).utf8
    case .double(let d):
      out += (d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : "\(d)") : "null").utf8
    case .bool(let b): out += (b ? "true" : "false").utf8
    case .null: out += "null".utf8
    case .array(let items):
      if items.isEmpty {
        out += "[]".utf8
        return
      }
      out += "[\n".utf8
      for (index, item) in items.enumerated() {
        pad(level + 1)
        write(item, into: &out, level: level + 1, indent: indent, asciiOnly: asciiOnly)
        out += (index == items.count - 1 ? "\n" : ",\n").utf8
      }
      pad(level)
      out.append(0x5D)
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}".utf8
        return
      }
      out += "{\n".utf8
      for (index, (key, item)) in pairs.enumerated() {
        pad(level + 1)
        quote(key, asciiOnly: asciiOnly, into: &out)
        out += ": ".utf8
        write(item, into: &out, level: level + 1, indent: indent, asciiOnly: asciiOnly)
        out += (index == pairs.count - 1 ? "\n" : ",\n").utf8
      }
      pad(level)
      out.append(0x7D)
    }
  }

  /// A JSON string literal as Python writes it (`/` is not escaped). Works on UTF-8 bytes:
  /// prompts are tens of kilobytes.
  public static func quote(_ text: String, asciiOnly: Bool) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 64)
    quote(text, asciiOnly: asciiOnly, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the JSON string literal of `text` to `out`.
  static func quote(_ text: String, asciiOnly: Bool, into out: inout [UInt8]) {
    out.append(0x22)
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
  }


}
