/// FNV-1a, 64-bit: a fast content fingerprint for change detection (not for security).
public enum FastHash {
  /// The hash of bytes as 16 hex digits.
  public static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    let text = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - text.count) + text
  }

  /// The hash of a byte array.
  public static func hex(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBytes { hex($0) }
  }

  /// The hash of a string's UTF-8 bytes.
  public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }
}
