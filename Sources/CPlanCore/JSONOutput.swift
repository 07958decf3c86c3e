import Foundation

/// Serializes JSON deterministically: sorted keys, two-space indentation, trailing newline.
public enum JSONOutput {
  /// Serializes a JSON-compatible value (dictionaries, arrays, strings, numbers, booleans, NSNull).
  /// - Throws: `EncodingError.invalidValue` when the value holds something JSON cannot represent.
  public static func string(_ value: Any) throws -> String {
    PythonJSON.encode(try convert(value), asciiOnly: false, indent: 2) + "\n"
  }

  /// Converts plain Swift values into an ordered JSON value with sorted object keys.
  public static func convert(_ value: Any) throws -> PythonJSON.Value {
    // Containers first: asking a dictionary whether it is an array bridges it through
    // NSDictionary on Linux, which dominated large index files.
    switch value {
    case let object as [String: Any]:
      return .object(try object.keys.sorted().map { ($0, try convert(object[$0]!)) })
    case let items as [Any]: return .array(try items.map(convert))
    case let text as String: return .string(text)
    case let flag as Bool: return .bool(flag)
    case let number as Int: return .int(number)
    case let number as Double: return .double(number)
    case is NSNull: return .null
    case let optional as Any? where optional == nil: return .null
    default:
      throw EncodingError.invalidValue(
        value, .init(codingPath: [], debugDescription: "not a JSON value: \(type(of: value))"))
    }
  }

  /// Encodes an `Encodable` value deterministically.
  public static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }
}
