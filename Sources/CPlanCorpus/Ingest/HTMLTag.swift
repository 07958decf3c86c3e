/// One HTML tag found in a byte buffer.
struct HTMLTag {
  /// Lower-cased name; `!--` for a comment, `!doctype` for a declaration.
  var name: String
  /// Whether it is a closing tag `</name>`.
  var closing: Bool
  /// Offset of its `<`.
  var start: Int
  /// Offset just past its `>`.
  var end: Int

  /// Reads the tag at `index` (a `<`); nil when the `<` starts no tag.
  init?(_ bytes: [UInt8], at index: Int) {
    guard index + 1 < bytes.count else { return nil }
    var cursor = index + 1
    if bytes[cursor] == 0x21 && cursor + 2 < bytes.count && bytes[cursor + 1] == 0x2D
      && bytes[cursor + 2] == 0x2D
    {
      self.init(name: "!--", closing: false, start: index, end: cursor + 3)
      return
    }
    let closing = bytes[cursor] == 0x2F
    if closing { cursor += 1 }
    var nameBytes: [UInt8] = []
    if cursor < bytes.count && bytes[cursor] == 0x21 {
      nameBytes.append(0x21)
      cursor += 1
    }
    while cursor < bytes.count && (isLetter(bytes[cursor]) || isDigit(bytes[cursor])) {
      nameBytes.append(isLetter(bytes[cursor]) ? bytes[cursor] | 0x20 : bytes[cursor])
      cursor += 1
    }
    guard !nameBytes.isEmpty, nameBytes != [0x21] else { return nil }
    var quote: UInt8 = 0
    let limit = min(bytes.count, index + 4_096)  // a tag longer than this is text
    while cursor < limit {
      let byte = bytes[cursor]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == 0x22 || byte == 0x27 {
        quote = byte
      } else if byte == 0x3E {
        break
      }
      cursor += 1
    }
    guard cursor < limit else { return nil }
    self.init(
      name: String(decoding: nameBytes, as: UTF8.self), closing: closing, start: index,
      end: cursor + 1)
  }

  private init(name: String, closing: Bool, start: Int, end: Int) {
    self.name = name
    self.closing = closing
    self.start = start
    self.end = end
  }

  /// The index just past `terminator` after this tag, or the end of the buffer.
  func skip(to terminator: StaticString, in bytes: [UInt8]) -> Int {
    let pattern = Array(
      UnsafeBufferPointer(
        start: terminator.utf8Start, count: terminator.utf8CodeUnitCount))
    var index = end
    while index + pattern.count <= bytes.count {
      if bytes[index] == pattern[0] && Array(bytes[index..<(index + pattern.count)]) == pattern {
        return index + pattern.count
      }
      index += 1
    }
    return bytes.count
  }

  /// The index just past this element's closing tag `</name>`, or the end of the buffer.
  func skipElement(in bytes: [UInt8]) -> Int {
    guard !closing else { return end }
    let name = Array(name.utf8)
    var index = end
    while index + name.count + 2 < bytes.count {
      if bytes[index] == 0x3C && bytes[index + 1] == 0x2F {
        var matches = true
        for offset in 0..<name.count where bytes[index + 2 + offset] | 0x20 != name[offset] {
          matches = false
          break
        }
        let after = bytes[index + 2 + name.count]
        if matches && !isLetter(after) && !isDigit(after), let tag = HTMLTag(bytes, at: index) {
          return tag.end
        }
      }
      index += 1
    }
    return bytes.count
  }

  /// Where the closing tag ending at `close` starts (`close` itself when there is none).
  static func closingStart(_ bytes: [UInt8], _ lower: Int, _ close: Int) -> Int {
    guard close <= bytes.count, close > lower, bytes[close - 1] == 0x3E else { return close }
    var index = close - 1
    while index > lower && bytes[index] != 0x3C { index -= 1 }
    return bytes[index] == 0x3C ? index : close
  }

  /// The value of an attribute of this tag.
  func attribute(_ attribute: String, in bytes: [UInt8]) -> String? {
    Self.attribute(Array(attribute.utf8), bytes, start, end)
  }

  private static func attribute(_ name: [UInt8], _ bytes: [UInt8], _ lower: Int, _ upper: Int)
    -> String?
  {
    var index = lower + 1
    while index + name.count + 1 < upper {
      if isSpace(bytes[index]) || bytes[index] == 0x0A {
        var matches = true
        for offset in 0..<name.count where bytes[index + 1 + offset] | 0x20 != name[offset] {
          matches = false
          break
        }
        let equals = index + 1 + name.count
        if matches && bytes[equals] == 0x3D && equals + 1 < upper {
          var valueStart = equals + 1
          let quote = bytes[valueStart]
          var valueEnd: Int
          if quote == 0x22 || quote == 0x27 {
            valueStart += 1
            valueEnd = valueStart
            while valueEnd < upper && bytes[valueEnd] != quote { valueEnd += 1 }
          } else {
            valueEnd = valueStart
            while valueEnd < upper && !isSpace(bytes[valueEnd]) && bytes[valueEnd] != 0x3E {
              valueEnd += 1
            }
          }
          guard valueEnd > valueStart else { return nil }
          return String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
        }
      }
      index += 1
    }
    return nil
  }

  /// The text of `lower..<upper` with tags removed and entities decoded, plus the `id` or
  /// `name` of the first anchor inside it.
  static func innerText(_ bytes: [UInt8], _ lower: Int, _ upper: Int, keepLines: Bool = false)
    -> (text: [UInt8], anchor: String?)
  {
    var out = PlainWriter()
    var anchor: String?
    var index = lower
    while index < upper {
      let byte = bytes[index]
      if byte == 0x3C, let tag = HTMLTag(bytes, at: index), tag.end <= upper {
        if anchor == nil && !tag.closing && tag.name == "a" {
          anchor =
            attribute(Array("id".utf8), bytes, tag.start, tag.end)
            ?? attribute(Array("name".utf8), bytes, tag.start, tag.end)
        }
        index = tag.end
      } else if byte == 0x26, let end = HTMLEntities.decode(bytes, index, upper, into: &out) {
        index = end
      } else {
        if keepLines {
          if byte != 0x0D { out.bytes.append(byte) }
        } else {
          out.byte(byte)
        }
        index += 1
      }
    }
    if !keepLines { out.finish() }
    return (out.bytes, anchor)
  }

  /// The language named by a `language-x` or `lang-x` class in `lower..<upper`.
  static func languageClass(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> String? {
    let prefixes: [[UInt8]] = [Array("language-".utf8), Array("lang-".utf8)]
    var index = lower
    while index < upper {
      for prefix in prefixes
      where bytes[index] == 0x6C && index + prefix.count < upper
        && Array(bytes[index..<(index + prefix.count)]) == prefix
      {
        var end = index + prefix.count
        while end < upper && (isWordByte(bytes[end]) || bytes[end] == 0x2D || bytes[end] == 0x2B) {
          end += 1
        }
        return String(decoding: bytes[(index + prefix.count)..<end], as: UTF8.self)
      }
      index += 1
    }
    return nil
  }
}
