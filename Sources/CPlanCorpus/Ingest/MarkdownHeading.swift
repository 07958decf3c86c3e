/// An ATX heading line of Markdown: `## Title {#id}`.
struct MarkdownHeading {
  /// 1 to 6.
  var level: Int
  /// The title reduced to plain words.
  var title: String
  /// The `{#id}` when given, else the slug of the title.
  var anchor: String

  /// Parses line `index` as an ATX heading (up to 3 spaces of indentation).
  init?(lines: SourceLines, index: Int) {
    let line = lines[index]
    guard line.indent >= 0 && line.indent <= 3 else { return nil }
    let bytes = lines.bytes
    var lower = line.text
    var upper = line.trimmedEnd
    var level = 0
    while lower < upper && bytes[lower] == 0x23 && level < 7 {
      level += 1
      lower += 1
    }
    guard level >= 1 && level <= 6, lower == upper || isSpace(bytes[lower]) else { return nil }
    lower = PlainText.skipSpaces(bytes, lower, upper)
    upper = Self.trimmedTitleEnd(bytes, lower, upper)
    var explicitID: String?
    if let attributes = Self.attributeListStart(bytes, lower, upper) {
      explicitID = Self.identifier(bytes, attributes, upper)
      upper = attributes
      while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
    }
    var out: [UInt8] = []
    PlainText.reduce(bytes, lower..<upper, format: .markdown, inline: true, into: &out)
    self.level = level
    self.title = String(decoding: out, as: UTF8.self)
    self.anchor = explicitID ?? Self.slug(out)
  }

  /// The end of a heading's text without a closing run of `#` (` ## Title ##`).
  static func trimmedTitleEnd<Source: ByteSource>(_ bytes: Source, _ lower: Int, _ upper: Int)
    -> Int
  {
    var end = upper
    while end > lower && bytes[end - 1] == 0x23 { end -= 1 }
    if end == upper { return upper }
    if end == lower { return lower }
    guard isSpace(bytes[end - 1]) else { return upper }
    while end > lower && isSpace(bytes[end - 1]) { end -= 1 }
    return end
  }

  /// Where a trailing attribute list (`{#id}`, `{ #id .class }`, `{: #id }`) starts, if any.
  static func attributeListStart<Source: ByteSource>(
    _ bytes: Source, _ lower: Int, _ upper: Int
  ) -> Int? {
    guard upper - lower >= 3, bytes[upper - 1] == 0x7D else { return nil }
    var open = upper - 2
    while open >= lower && bytes[open] != 0x7B && bytes[open] != 0x7D { open -= 1 }
    guard open >= lower, bytes[open] == 0x7B else { return nil }
    var index = PlainText.skipSpaces(bytes, open + 1, upper)
    if index < upper && bytes[index] == 0x3A {
      index = PlainText.skipSpaces(bytes, index + 1, upper)
    }
    guard index < upper, bytes[index] == 0x23 || bytes[index] == 0x2E else { return nil }
    return open
  }

  /// The `#id` inside an attribute list starting at `lower` (the `{`).
  static func identifier(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> String? {
    var index = lower
    while index < upper && bytes[index] != 0x23 { index += 1 }
    guard index < upper else { return nil }
    var end = index + 1
    while end < upper && !isSpace(bytes[end]) && bytes[end] != 0x7D { end += 1 }
    guard end > index + 1 else { return nil }
    return String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
  }

  /// The anchor MkDocs derives from a title: lower-case ASCII letters, digits, `_` and `-`,
  /// spaces and hyphen runs as one `-`, other characters dropped.
  static func slug(_ title: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(title.count)
    var pendingHyphen = false
    for byte in title {
      if isLetter(byte) || isDigit(byte) || byte == 0x5F {
        if pendingHyphen && !out.isEmpty { out.append(0x2D) }
        pendingHyphen = false
        out.append(isLetter(byte) ? byte | 0x20 : byte)
      } else if byte == 0x20 || byte == 0x2D || byte == 0x09 {
        pendingHyphen = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
