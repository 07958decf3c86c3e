import Foundation

/// Serializes JSON deterministically: sorted keys, two-space indentation, trailing newline.
public enum JSONOutput {
  /// Serializes a JSON-compatible value (dictionaries, arrays, strings, numbers, booleans, NSNull).
  /// - Throws: when the value holds something JSON cannot represent.
  public static func string(_ value: Any) throws -> String {
    let data = try JSONSerialization.data(
      withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Encodes an `Encodable` value deterministically.
  public static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }
}
