extension PlainText {
  /// Reduces a trimmed Markdown line (or, with `depth` > 0, the text of a link).
  static func reduceMarkdown(
    _ bytes: Bytes, _ lower: Int, _ upper: Int, depth: Int, into out: inout PlainWriter
  ) {
    var lower = lower
    var upper = upper
    if depth == 0 {
      while lower < upper && bytes[lower] == 0x3E {  // blockquote markers
        lower = skipSpaces(bytes, lower + 1, upper)
      }
      guard lower < upper else { return }
      let heading = headingMarkerEnd(bytes, lower, upper)
      if heading > lower {
        lower = heading
        upper = MarkdownHeading.trimmedTitleEnd(bytes, lower, upper)
      } else {
        lower = skipBullet(bytes, lower, upper)
      }
      upper = MarkdownHeading.attributeListStart(bytes, lower, upper) ?? upper
    }
    var scanner = MarkdownInlineScanner(bytes: bytes, lower: lower, upper: upper, depth: depth)
    scanner.scan(into: &out)
  }

  /// The index after `#`…`######` and the spaces after them, or `lower` when not a heading.
  static func headingMarkerEnd(_ bytes: Bytes, _ lower: Int, _ upper: Int) -> Int {
    var index = lower
    while index < upper && bytes[index] == 0x23 { index += 1 }
    let count = index - lower
    guard count >= 1 && count <= 6, index == upper || isSpace(bytes[index]) else { return lower }
    return skipSpaces(bytes, index, upper)
  }
}

/// Scans one line of Markdown inline markup, writing its plain words.
struct MarkdownInlineScanner {
  let bytes: Bytes
  let lower: Int
  let upper: Int
  let depth: Int
  /// Lengths of backtick runs that found no closing run: later ones will not either.
  private var failedRuns: UInt32 = 0
  /// The next `>` at or after the last tag start looked at.
  private var nextGreater = -1

  init(bytes: Bytes, lower: Int, upper: Int, depth: Int) {
    self.bytes = bytes
    self.lower = lower
    self.upper = upper
    self.depth = depth
  }

  mutating func scan(into out: inout PlainWriter) {
    var index = lower
    while index < upper {
      var run = index
      while run < upper && !Self.isMarkup(bytes[run]) { run += 1 }
      if run > index { out.text(bytes, index, run) }
      guard run < upper else { return }
      index = run
      let byte = bytes[index]
      switch byte {
      case 0x5C:
        if index + 1 < upper && isASCIIPunctuation(bytes[index + 1]) {
          out.byte(bytes[index + 1])
          index += 2
        } else {
          out.byte(byte)
          index += 1
        }
      case 0x60:
        index = codeSpan(at: index, into: &out)
      case 0x21 where index + 1 < upper && bytes[index + 1] == 0x5B:
        if let end = link(at: index + 1, into: &out) {
          index = end
        } else {
          out.byte(byte)
          index += 1
        }
      case 0x5B:
        if let end = link(at: index, into: &out) {
          index = end
        } else {
          out.byte(byte)
          index += 1
        }
      case 0x2A, 0x5F:
        index = emphasis(at: index, into: &out)
      case 0x3C:
        index = tag(at: index, into: &out)
      case 0x26:
        if let end = HTMLEntities.decode(bytes, index, upper, into: &out) {
          index = end
        } else {
          out.byte(byte)
          index += 1
        }
      default:
        out.byte(byte)
        index += 1
      }
    }
  }

  @inline(__always) private static func isMarkup(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x5C, 0x60, 0x21, 0x5B, 0x2A, 0x5F, 0x3C, 0x26: return true
    default: return false
    }
  }

  private mutating func codeSpan(at index: Int, into out: inout PlainWriter) -> Int {
    var runEnd = index
    while runEnd < upper && bytes[runEnd] == 0x60 { runEnd += 1 }
    let length = runEnd - index
    let bit: UInt32 = length < 32 ? 1 << UInt32(length) : 1
    if failedRuns & bit == 0 {
      var cursor = runEnd
      while cursor < upper {
        if bytes[cursor] != 0x60 {
          cursor += 1
          continue
        }
        var closeEnd = cursor
        while closeEnd < upper && bytes[closeEnd] == 0x60 { closeEnd += 1 }
        if closeEnd - cursor == length {
          out.text(bytes, runEnd, cursor)
          return closeEnd
        }
        cursor = closeEnd
      }
      failedRuns |= bit
    }
    return runEnd
  }

  /// Writes the text of `[text](url)`, `[text][ref]` or `[text]` at `index` (the `[`).
  /// - Returns: the index after the link, or nil when there is none.
  private func link(at index: Int, into out: inout PlainWriter) -> Int? {
    guard depth < 4, let close = matching(0x5B, 0x5D, from: index) else { return nil }
    var end = close + 1
    if end < upper && bytes[end] == 0x28 {
      guard let paren = matching(0x28, 0x29, from: end) else { return nil }
      end = paren + 1
    } else if end < upper && bytes[end] == 0x5B {
      guard let bracket = matching(0x5B, 0x5D, from: end) else { return nil }
      end = bracket + 1
    } else {
      return nil
    }
    if index + 1 < close && bytes[index + 1] == 0x5E { return end }  // footnote
    PlainText.reduceMarkdown(bytes, index + 1, close, depth: depth + 1, into: &out)
    return end
  }

  /// The index of the bracket closing the one at `index`, within a bounded distance.
  private func matching(_ open: UInt8, _ close: UInt8, from index: Int) -> Int? {
    var level = 0
    var cursor = index
    let limit = min(upper, index + 2_000)
    while cursor < limit {
      let byte = bytes[cursor]
      if byte == 0x5C {
        cursor += 2
        continue
      }
      if byte == open {
        level += 1
        if level > 32 { return nil }  // not a link: nothing nests this deep
      } else if byte == close {
        level -= 1
        if level == 0 { return cursor }
      }
      cursor += 1
    }
    return nil
  }

  private func emphasis(at index: Int, into out: inout PlainWriter) -> Int {
    let marker = bytes[index]
    var end = index
    while end < upper && bytes[end] == marker { end += 1 }
    let before: UInt8 = index > lower ? bytes[index - 1] : 0x20
    let after: UInt8 = end < upper ? bytes[end] : 0x20
    let opens = !isWordByte(before) && !isSpace(after)
    let closes = !isSpace(before) && !isWordByte(after)
    if end - index <= 3 && (opens || closes) && !(isSpace(before) && isSpace(after)) {
      return end
    }
    out.text(bytes, index, end)
    return end
  }

  /// Drops an HTML tag or comment; keeps the address of an autolink `<https://…>`.
  private mutating func tag(at index: Int, into out: inout PlainWriter) -> Int {
    if nextGreater <= index {
      nextGreater = index + 1
      while nextGreater < upper && bytes[nextGreater] != 0x3E { nextGreater += 1 }
    }
    guard index + 1 < upper, PlainText.isTagStart(bytes[index + 1]), nextGreater < upper else {
      out.byte(0x3C)
      return index + 1
    }
    var cursor = index + 1
    var quote: UInt8 = 0
    var hasSpace = false
    var hasColon = false
    let limit = min(upper, index + 1_024)
    while cursor < limit {
      let byte = bytes[cursor]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == 0x22 || byte == 0x27 {
        quote = byte
      } else if byte == 0x3E {
        break
      } else if isSpace(byte) {
        hasSpace = true
      } else if byte == 0x3A || byte == 0x40 {
        hasColon = true
      }
      cursor += 1
    }
    guard cursor < limit else {
      out.byte(0x3C)
      return index + 1
    }
    if hasColon && !hasSpace {
      out.text(bytes, index + 1, cursor)
    } else if PlainText.tagSeparatesWords(bytes, index + 1, cursor) {
      out.space()
    }
    return cursor + 1
  }
}

@inline(__always) func isASCIIPunctuation(_ byte: UInt8) -> Bool {
  (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40)
    || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
}
