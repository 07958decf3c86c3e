/// Converts the 1-based line and column of a YAML position into a byte offset of the file.
///
/// Positions come from libyaml, which reads the file without its UTF-8 byte order mark, counts
/// columns in Unicode scalars and treats CR LF, LF, CR, NEL, LS and PS as line breaks; this
/// conversion does the same, so multi-byte characters before a value and CRLF files work.
struct TextOffsets {
  private let bytes: [UInt8]
  private let base: Int

  /// Prepares the conversion for a file's bytes.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    base = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  /// The byte offset of the position, or nil when the file has no such line or column.
  func offset(line: Int, column: Int) -> Int? {
    guard line >= 1, column >= 1 else { return nil }
    var index = base
    var current = 1
    while current < line {
      guard index < bytes.count else { return nil }
      if let width = breakWidth(at: index) {
        index += width
        current += 1
      } else {
        index += 1
      }
    }
    for _ in 1..<column {
      guard index < bytes.count, breakWidth(at: index) == nil else { return nil }
      index += 1
      while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
    }
    return index <= bytes.count ? index : nil
  }

  /// The length of the line break at `index`, or nil when there is none.
  private func breakWidth(at index: Int) -> Int? {
    func byte(_ offset: Int) -> UInt8? {
      index + offset < bytes.count ? bytes[index + offset] : nil
    }
    switch bytes[index] {
    case 0x0A: return 1
    case 0x0D: return byte(1) == 0x0A ? 2 : 1
    case 0xC2: return byte(1) == 0x85 ? 2 : nil
    case 0xE2: return byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9) ? 3 : nil
    default: return nil
    }
  }
}
