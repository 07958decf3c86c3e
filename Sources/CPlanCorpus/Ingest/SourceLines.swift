#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line of a source file as byte offsets into the file's bytes.
struct SourceLine {
  /// Offset of the first byte of the line.
  var start: Int
  /// Offset just past the line's last byte, excluding `\r\n` or `\n`.
  var end: Int
  /// Offset of the first byte that is not a space or tab (`end` when the line is blank).
  var text: Int
  /// Offset just past the last byte that is not a space or tab.
  var trimmedEnd: Int
  /// Indentation in columns, tabs expanded to multiples of 8; -1 for a blank line.
  var indent: Int

  /// Whether the line holds only spaces and tabs.
  var isBlank: Bool { indent < 0 }
}

/// The lines of one file, split once, with their indentation, so parsers work on byte ranges.
struct SourceLines {
  /// The file's bytes.
  let bytes: [UInt8]
  /// The lines, in order; index 0 is line 1.
  private(set) var lines: [SourceLine] = []

  /// Splits `bytes` on `\n`, dropping a `\r` before it; a missing final newline is fine.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    lines.reserveCapacity(bytes.count / 32 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      var start = 0
      while start < count {
        var end = count
        if let newline = memchr(buffer.baseAddress! + start, 0x0A, count - start) {
          end = buffer.baseAddress!.distance(
            to: newline.assumingMemoryBound(to: UInt8.self))
        }
        let next = end + 1
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        lines.append(Self.measure(buffer, start: start, end: end))
        start = next
      }
    }
  }

  private static func measure(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int)
    -> SourceLine
  {
    var column = 0
    var text = start
    while text < end {
      let byte = buffer[text]
      if byte == 0x20 {
        column += 1
      } else if byte == 0x09 {
        column = (column / 8 + 1) * 8
      } else {
        break
      }
      text += 1
    }
    if text == end {
      return SourceLine(start: start, end: end, text: end, trimmedEnd: end, indent: -1)
    }
    var trimmedEnd = end
    while trimmedEnd > text && (buffer[trimmedEnd - 1] == 0x20 || buffer[trimmedEnd - 1] == 0x09) {
      trimmedEnd -= 1
    }
    return SourceLine(start: start, end: end, text: text, trimmedEnd: trimmedEnd, indent: column)
  }

  /// Number of lines.
  var count: Int { lines.count }

  /// The line at a 0-based index.
  subscript(index: Int) -> SourceLine { lines[index] }

  /// Whether the line at `index` is blank (or past the end).
  func isBlank(_ index: Int) -> Bool { index >= lines.count || lines[index].isBlank }

  /// The trimmed text of a line as a string.
  func text(_ index: Int) -> String {
    let line = lines[index]
    return String(decoding: bytes[line.text..<line.trimmedEnd], as: UTF8.self)
  }

  /// Whether the trimmed text of a line starts with `prefix`.
  func hasPrefix(_ index: Int, _ prefix: StaticString) -> Bool {
    let line = lines[index]
    let count = prefix.utf8CodeUnitCount
    guard line.trimmedEnd - line.text >= count else { return false }
    let pointer = prefix.utf8Start
    for offset in 0..<count where bytes[line.text + offset] != pointer[offset] {
      return false
    }
    return true
  }

  /// Whether the trimmed text of a line ends with `::`.
  func endsWithDoubleColon(_ index: Int) -> Bool {
    let line = lines[index]
    return line.trimmedEnd - line.text >= 2 && bytes[line.trimmedEnd - 1] == 0x3A
      && bytes[line.trimmedEnd - 2] == 0x3A
  }

  /// Appends the lines `range` to `out`, each with `columns` columns of indentation removed
  /// (tabs expanded as needed), joined with `\n`, dropping trailing blank lines.
  func appendDedented(_ range: Range<Int>, columns: Int, to out: inout [UInt8]) {
    var last = range.upperBound
    while last > range.lowerBound && lines[last - 1].isBlank { last -= 1 }
    var first = range.lowerBound
    while first < last && lines[first].isBlank { first += 1 }
    guard first < last else { return }
    for index in first..<last {
      if index > first { out.append(0x0A) }
      appendDedented(line: index, columns: columns, to: &out)
    }
  }

  /// Appends one line with `columns` columns of indentation removed.
  func appendDedented(line index: Int, columns: Int, to out: inout [UInt8]) {
    let line = lines[index]
    if line.isBlank { return }
    var column = 0
    var offset = line.start
    while offset < line.text && column < columns {
      if bytes[offset] == 0x09 {
        let next = (column / 8 + 1) * 8
        if next > columns {
          // A tab straddles the cut: keep the columns past it as spaces.
          out.append(contentsOf: repeatElement(0x20, count: next - columns))
          column = next
          offset += 1
          break
        }
        column = next
      } else {
        column += 1
      }
      offset += 1
    }
    out.append(contentsOf: bytes[offset..<line.end])
  }

  /// The smallest indentation of the non-blank lines in `range`, or 0 when all are blank.
  func minimumIndent(_ range: Range<Int>) -> Int {
    var minimum = Int.max
    for index in range where lines[index].indent >= 0 && lines[index].indent < minimum {
      minimum = lines[index].indent
    }
    return minimum == Int.max ? 0 : minimum
  }

  /// The first line at or after `index` (before `limit`) that is not blank, or `limit`.
  func nextNonBlank(from index: Int, limit: Int) -> Int {
    var index = index
    while index < limit && lines[index].isBlank { index += 1 }
    return index
  }
}
