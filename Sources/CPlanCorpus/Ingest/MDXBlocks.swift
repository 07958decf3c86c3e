/// The MDX constructs that are not documentation text: ES module statements and the tag lines
/// of JSX components.
enum MDXBlocks {
  /// The line after a JSX component tag that starts the line at `index` (`<Alert …>`,
  /// `</Alert>`, `<Card … />`, attributes possibly spanning lines up to the closing `>`), or nil
  /// when the line does not start with a component tag (an uppercase name after `<` or `</`).
  static func componentTagEnd(_ lines: SourceLines, from index: Int) -> Int? {
    let line = lines[index]
    let bytes = lines.bytes
    var position = line.text + 1
    if position < line.trimmedEnd, bytes[position] == 0x2F { position += 1 }
    guard position < line.trimmedEnd, (0x41...0x5A).contains(bytes[position]) else { return nil }
    // The tag ends at the first `>` outside quotes and braces, on this line or a later one.
    var quote: UInt8?
    var depth = 0
    var current = index
    var offset = position
    while current < lines.count {
      let text = lines[current]
      if current > index { offset = text.text }
      while offset < text.trimmedEnd {
        let byte = bytes[offset]
        if let open = quote {
          if byte == open { quote = nil }
        } else if byte == 0x22 || byte == 0x27 || byte == 0x60 {
          quote = byte
        } else if byte == 0x7B {
          depth += 1
        } else if byte == 0x7D {
          depth = max(0, depth - 1)
        } else if byte == 0x3E, depth == 0 {
          return current + 1
        }
        offset += 1
      }
      current += 1
    }
    return lines.count
  }

  /// The line after a top-level `import …` or `export …` statement starting at `index`
  /// (through the line that closes its braces), or nil when the line is prose that merely
  /// starts with those letters.
  static func moduleStatementEnd(_ lines: SourceLines, from index: Int) -> Int? {
    guard lines.hasPrefix(index, "import ") || lines.hasPrefix(index, "export ") else {
      return nil
    }
    let bytes = lines.bytes
    var depth = 0
    var current = index
    while current < lines.count {
      let line = lines[current]
      for offset in line.text..<line.trimmedEnd {
        if bytes[offset] == 0x7B { depth += 1 }
        if bytes[offset] == 0x7D { depth = max(0, depth - 1) }
      }
      current += 1
      if depth == 0 { return current }
    }
    return current
  }
}
