/// Decodes HTML character references: the common named ones and numeric ones.
enum HTMLEntities {
  private static let named: [String: UInt32] = [
    "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0x20,
    "mdash": 0x2014, "ndash": 0x2013, "hellip": 0x2026, "copy": 0xA9, "reg": 0xAE,
    "trade": 0x2122, "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D,
    "laquo": 0xAB, "raquo": 0xBB, "times": 0xD7, "middot": 0xB7, "bull": 0x2022,
    "rarr": 0x2192, "larr": 0x2190, "check": 0x2713,
  ]

  /// Decodes the reference starting with `&` at `index` (before `upper`) into `out`.
  /// - Returns: the index just past the reference, or nil when it is not one (write the `&`).
  static func decode<Source: ByteSource>(
    _ bytes: Source, _ index: Int, _ upper: Int, into out: inout PlainWriter
  ) -> Int? {
    var end = index + 1
    while end < upper && end - index <= 12 && bytes[end] != 0x3B {
      guard isWordByte(bytes[end]) || bytes[end] == 0x23 else { return nil }
      end += 1
    }
    guard end < upper, bytes[end] == 0x3B, end > index + 1 else { return nil }
    let scalar: UInt32
    if bytes[index + 1] == 0x23 {
      guard let value = number(bytes, index + 2, end) else { return nil }
      scalar = value
    } else {
      let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
      guard let value = named[name] else { return nil }
      scalar = value
    }
    let decoded = Unicode.Scalar(scalar) ?? "\u{FFFD}"
    if decoded == " " || decoded == "\u{A0}" {
      out.space()
    } else {
      for unit in String(decoded).utf8 { out.byte(unit) }
    }
    return end + 1
  }

  private static func number<Source: ByteSource>(_ bytes: Source, _ lower: Int, _ upper: Int)
    -> UInt32?
  {
    guard lower < upper else { return nil }
    var value: UInt32 = 0
    if bytes[lower] | 0x20 == 0x78 {
      guard lower + 1 < upper else { return nil }
      for index in (lower + 1)..<upper {
        let byte = bytes[index]
        let digit: UInt32
        if isDigit(byte) {
          digit = UInt32(byte - 0x30)
        } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66 {
          digit = UInt32((byte | 0x20) - 0x61 + 10)
        } else {
          return nil
        }
        value = value &* 16 &+ digit
        if value > 0x10FFFF { return 0xFFFD }
      }
    } else {
      for index in lower..<upper {
        guard isDigit(bytes[index]) else { return nil }
        value = value &* 10 &+ UInt32(bytes[index] - 0x30)
        if value > 0x10FFFF { return 0xFFFD }
      }
    }
    return value
  }
}
