import CPlanCore

/// Converts byte offsets of UTF-8 text into 1-based line and character columns.
struct TextPosition {
  let bytes: [UInt8]
  let file: String

  /// The location of the byte at `offset` (columns count characters, not bytes).
  func location(ofByte offset: Int) -> SourceLocation {
    var line = 1
    var column = 1
    var index = 0
    let end = min(offset, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte == 0x0D {
        if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
          // CRLF counts as one line break, at the LF.
        } else {
          line += 1
          column = 1
        }
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return SourceLocation(file: file, line: line, column: column)
  }

  /// For each line as libyaml counts them (it also breaks lines at U+0085, U+2028 and U+2029,
  /// which editors do not), the line as an editor counts it (0-based) and the characters
  /// already on that line before it; nil when the text has none of those three.
  static func libyamlLines(_ bytes: [UInt8]) -> [(line: Int, columnOffset: Int)]? {
    func isExtraBreak(_ i: Int) -> Int {
      if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { return 2 }
      if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80,
        bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9
      {
        return 3
      }
      return 0
    }
    guard bytes.indices.contains(where: { (bytes[$0] == 0xC2 || bytes[$0] == 0xE2) && isExtraBreak($0) > 0 })
    else { return nil }
    var map: [(line: Int, columnOffset: Int)] = [(0, 0)]
    var line = 0
    var characters = 0
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      if byte == 0x0A || byte == 0x0D {
        if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
        line += 1
        characters = 0
        map.append((line, 0))
        i += 1
        continue
      }
      let width = isExtraBreak(i)
      if width > 0 {
        characters += 1
        map.append((line, characters))
        i += width
        continue
      }
      if byte & 0xC0 != 0x80 { characters += 1 }
      i += 1
    }
    return map
  }

  /// The offset of the first byte that is not valid UTF-8, or nil when all of it is.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      var need = 0
      var minimum: UInt32 = 0
      var scalar: UInt32 = 0
      if b & 0xE0 == 0xC0 {
        need = 1
        minimum = 0x80
        scalar = UInt32(b & 0x1F)
      } else if b & 0xF0 == 0xE0 {
        need = 2
        minimum = 0x800
        scalar = UInt32(b & 0x0F)
      } else if b & 0xF8 == 0xF0 {
        need = 3
        minimum = 0x10000
        scalar = UInt32(b & 0x07)
      } else {
        return i
      }
      for k in 1...need {
        guard i + k < n else { return i }
        let c = bytes[i + k]
        guard c & 0xC0 == 0x80 else { return i }
        scalar = (scalar << 6) | UInt32(c & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
      i += need + 1
    }
    return nil
  }
}
