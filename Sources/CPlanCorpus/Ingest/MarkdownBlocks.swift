/// Recognizers for the Markdown block markers that are not prose.
enum MarkdownBlocks {
  /// For a FastAPI block marker (`/// note | Title`, `//// tab | Python 3.10+`, a closing
  /// `///`), the range of its title (empty when it has none, or for tabs).
  static func slashAdmonitionTitle(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Range<Int>? {
    var index = lower
    while index < upper && bytes[index] == 0x2F { index += 1 }
    guard index - lower >= 3, index == upper || isSpace(bytes[index]) else { return nil }
    let kindStart = PlainText.skipSpaces(bytes, index, upper)
    var kindEnd = kindStart
    while kindEnd < upper && !isSpace(bytes[kindEnd]) && bytes[kindEnd] != 0x7C { kindEnd += 1 }
    if kindEnd - kindStart == 3 && bytes[kindStart] | 0x20 == 0x74 && bytes[kindStart + 1] == 0x61
      && bytes[kindStart + 2] == 0x62
    {
      return upper..<upper  // "tab": its title is a Python version, not prose
    }
    var bar = kindEnd
    while bar < upper && bytes[bar] != 0x7C { bar += 1 }
    guard bar < upper else { return upper..<upper }
    return PlainText.skipSpaces(bytes, bar + 1, upper)..<upper
  }

  /// For an MkDocs admonition (`!!! note "Title"`, `??? tip`, `???+ info`) or content tab
  /// (`=== "Python"`), the range of its quoted title (empty when none, or for tabs).
  static func indentedAdmonitionTitle(_ bytes: [UInt8], _ lower: Int, _ upper: Int)
    -> Range<Int>?
  {
    let marker = bytes[lower]
    guard upper - lower >= 3, bytes[lower + 1] == marker, bytes[lower + 2] == marker else {
      return nil
    }
    var index = lower + 3
    if index < upper && bytes[index] == 0x2B { index += 1 }
    guard index < upper, isSpace(bytes[index]) else { return nil }
    if marker == 0x3D { return upper..<upper }
    var open = index
    while open < upper && bytes[open] != 0x22 { open += 1 }
    guard open < upper, bytes[upper - 1] == 0x22, upper - 1 > open else { return upper..<upper }
    return (open + 1)..<(upper - 1)
  }

  /// The line after the HTML comment starting on line `index`.
  static func commentEnd(_ lines: SourceLines, from index: Int) -> Int {
    let bytes = lines.bytes
    var cursor = index
    while cursor < lines.count {
      let line = lines[cursor]
      var offset = cursor == index ? line.text + 4 : line.text
      while offset + 3 <= line.trimmedEnd {
        if bytes[offset] == 0x2D && bytes[offset + 1] == 0x2D && bytes[offset + 2] == 0x3E {
          return cursor + 1
        }
        offset += 1
      }
      cursor += 1
    }
    return lines.count
  }

  /// Whether a line is a link reference definition `[x]: url` or an abbreviation `*[x]: text`.
  static func isReferenceDefinition(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Bool {
    var index = lower
    if bytes[index] == 0x2A { index += 1 }
    guard index < upper, bytes[index] == 0x5B else { return false }
    index += 1
    let nameStart = index
    while index < upper && bytes[index] != 0x5D { index += 1 }
    guard index > nameStart, index + 1 < upper, bytes[index + 1] == 0x3A else { return false }
    return index + 2 == upper || isSpace(bytes[index + 2])
  }

  /// The language of a fence's info string: its first word lower-cased, or the first class of
  /// an attribute list (`{ .dockerfile .annotate }`).
  static func fenceLanguage(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> String? {
    var start = PlainText.skipSpaces(bytes, lower, upper)
    guard start < upper else { return nil }
    if bytes[start] == 0x7B {
      while start < upper && bytes[start] != 0x2E && bytes[start] != 0x7D { start += 1 }
      guard start < upper, bytes[start] == 0x2E else { return nil }
      start += 1
    }
    var end = start
    while end < upper && !isSpace(bytes[end]) && bytes[end] != 0x7D && bytes[end] != 0x7B {
      end += 1
    }
    guard end > start else { return nil }
    return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
  }
}
