/// Tells reStructuredText from plain text by looking for its structure.
enum FormatSniffer {
  /// Whether the bytes hold a heading underline (a line of one repeated punctuation character at
  /// least as long as the text line above it, 3 or more), a directive (`.. name::`) or a label
  /// (`.. _label:`).
  static func looksLikeRST(_ bytes: [UInt8]) -> Bool {
    let lines = SourceLines(bytes)
    var previousLength = 0
    for index in 0..<lines.count {
      let line = lines[index]
      if line.isBlank {
        previousLength = 0
        continue
      }
      let length = line.trimmedEnd - line.text
      if isDirectiveOrLabel(bytes, line.text, line.trimmedEnd) { return true }
      if line.indent == 0 && length >= 3 && previousLength > 0 && length >= previousLength
        && isAdornment(bytes, line.text, line.trimmedEnd)
      {
        return true
      }
      previousLength = line.indent == 0 ? length : 0
    }
    return false
  }

  private static func isAdornment(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Bool {
    let first = bytes[lower]
    guard isASCIIPunctuation(first) else { return false }
    for index in (lower + 1)..<upper where bytes[index] != first { return false }
    return true
  }

  private static func isDirectiveOrLabel(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Bool {
    guard upper - lower >= 5, bytes[lower] == 0x2E, bytes[lower + 1] == 0x2E,
      bytes[lower + 2] == 0x20
    else { return false }
    if bytes[lower + 3] == 0x5F { return bytes[upper - 1] == 0x3A }
    var index = lower + 3
    while index + 1 < upper {
      let byte = bytes[index]
      if byte == 0x3A && bytes[index + 1] == 0x3A { return index > lower + 3 }
      guard isWordByte(byte) || byte == 0x2D || byte == 0x3A || byte == 0x5F else { return false }
      index += 1
    }
    return false
  }
}
