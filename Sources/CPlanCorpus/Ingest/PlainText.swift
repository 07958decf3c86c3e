/// Reduces one line of markup to plain words.
///
/// The reduction is a pure function of the line and its format, so a quoted passage can be
/// compared with a source line by reducing both: the ingester reduces every paragraph line with
/// it, and citation checks reduce the raw lines they compare against.
///
/// - reStructuredText: roles keep their text (`` :setting:`APPEND_SLASH` `` → `APPEND_SLASH`,
///   `` :class:`~a.b.Model` `` → `Model`, `` :ref:`text <label>` `` → `text`), inline literals,
///   emphasis and `` `link <url>`_ `` keep their text, `|substitution|` stays as written, a
///   trailing `::` becomes `:`, a leading field marker `:param x:` becomes `param x:`.
/// - Markdown: emphasis, code spans, links and images keep their text (an image its alt text),
///   heading markers and `{#id}` go, HTML tags go, entities are decoded.
/// - HTML: tags go, entities are decoded.
/// - All formats: list bullets and blockquote markers go, a line of only table or rule
///   punctuation (`----`, `+---+`, `|---|`) reduces to nothing, runs of spaces and tabs collapse
///   to one space, and the result is trimmed.
public enum PlainText {
  /// Reduces one line of markup to plain words.
  /// - Parameters:
  ///   - line: one source line, without its line break.
  ///   - format: the markup of the file the line comes from.
  /// - Returns: the plain words, or an empty string when the line holds no prose.
  public static func reduce(_ line: Substring, format: DocumentFormat) -> String {
    let bytes = Array(line.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    reduce(bytes, 0..<bytes.count, format: format, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Reduces one line of markup to plain words.
  /// - Parameters:
  ///   - line: one source line, without its line break.
  ///   - format: the markup of the file the line comes from.
  /// - Returns: the plain words, or an empty string when the line holds no prose.
  public static func reduce(_ line: String, format: DocumentFormat) -> String {
    reduce(line[...], format: format)
  }

  /// Appends the reduction of the bytes `range` of `bytes` to `out`; `inline` text (a title)
  /// keeps leading enumerators and trailing colons.
  static func reduce(
    _ bytes: [UInt8], _ range: Range<Int>, format: DocumentFormat, inline: Bool = false,
    into out: inout [UInt8]
  ) {
    bytes.withUnsafeBufferPointer { source in
      reduce(source, range, format: format, inline: inline, into: &out)
    }
  }

  /// Appends the reduction of the bytes `range` of `bytes` to `out`.
  static func reduce(
    _ bytes: Bytes, _ range: Range<Int>, format: DocumentFormat, inline: Bool,
    into out: inout [UInt8]
  ) {
    var writer = PlainWriter()
    swap(&writer.bytes, &out)
    writer.base = writer.bytes.count
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper && isSpace(bytes[lower]) { lower += 1 }
    while upper > lower && (isSpace(bytes[upper - 1]) || bytes[upper - 1] == 0x0D) { upper -= 1 }
    if lower < upper && !isRuleLine(bytes, lower, upper) {
      switch format {
      case .restructuredText:
        if inline {
          var scanner = RSTInlineScanner(bytes: bytes, lower: lower, upper: upper)
          scanner.scan(into: &writer)
        } else {
          reduceRST(bytes, lower, upper, into: &writer)
        }
      case .markdown:
        reduceMarkdown(bytes, lower, upper, depth: inline ? 1 : 0, into: &writer)
      case .html: reduceHTML(bytes, lower, upper, into: &writer)
      case .text: writer.text(bytes, lower, upper)
      }
    }
    writer.finish()
    swap(&writer.bytes, &out)
  }

  /// Whether a trimmed line holds only table, rule or adornment punctuation.
  static func isRuleLine<Source: ByteSource>(_ bytes: Source, _ lower: Int, _ upper: Int) -> Bool {
    for index in lower..<upper {
      switch bytes[index] {
      case 0x2D, 0x3D, 0x2B, 0x7C, 0x3A, 0x7E, 0x5E, 0x2A, 0x5F, 0x23, 0x2E, 0x20, 0x09: continue
      default: return false
      }
    }
    return true
  }

  /// Skips a list bullet (`* `, `- `, `+ `, `#. `, `1. `, `1) `, `(a) `) or line-block bar.
  static func skipBullet<Source: ByteSource>(_ bytes: Source, _ lower: Int, _ upper: Int) -> Int {
    func spaceAt(_ index: Int) -> Bool { index >= upper || isSpace(bytes[index]) }
    let first = bytes[lower]
    if first == 0x2A || first == 0x2D || first == 0x2B || first == 0x7C || first == 0xE2 {
      if first == 0xE2 {  // "•" is E2 80 A2.
        guard upper - lower >= 3, bytes[lower + 1] == 0x80, bytes[lower + 2] == 0xA2,
          spaceAt(lower + 3)
        else { return lower }
        return skipSpaces(bytes, lower + 3, upper)
      }
      return spaceAt(lower + 1) ? skipSpaces(bytes, lower + 1, upper) : lower
    }
    // Enumerators: "1. ", "12) ", "#. ", "(3) ", "(a) ".
    let parenthesized = first == 0x28
    var index = parenthesized ? lower + 1 : lower
    let enumeratorStart = index
    if index < upper && bytes[index] == 0x23 {
      index += 1
    } else if parenthesized && index < upper && isLower(bytes[index]) {
      index += 1
    } else {
      while index < upper && index - enumeratorStart < 3 && isDigit(bytes[index]) { index += 1 }
    }
    guard index > enumeratorStart, index < upper else { return lower }
    let close = bytes[index]
    let isClose = parenthesized ? close == 0x29 : (close == 0x2E || close == 0x29)
    guard isClose, spaceAt(index + 1) else { return lower }
    return skipSpaces(bytes, index + 1, upper)
  }

  static func skipSpaces<Source: ByteSource>(_ bytes: Source, _ index: Int, _ upper: Int) -> Int {
    var index = index
    while index < upper && isSpace(bytes[index]) { index += 1 }
    return index
  }

  static func reduceHTML(_ bytes: Bytes, _ lower: Int, _ upper: Int, into out: inout PlainWriter) {
    var index = lower
    while index < upper {
      let byte = bytes[index]
      if byte == 0x3C, index + 1 < upper, isTagStart(bytes[index + 1]) {
        var close = index + 1
        let limit = min(upper, index + 1_024)
        while close < limit && bytes[close] != 0x3E { close += 1 }
        if close == limit && limit < upper {  // too long for a tag: text
          out.byte(byte)
          index += 1
          continue
        }
        if tagSeparatesWords(bytes, index + 1, close) { out.space() }
        index = close + 1
      } else if byte == 0x26, let end = HTMLEntities.decode(bytes, index, upper, into: &out) {
        index = end
      } else {
        out.byte(byte)
        index += 1
      }
    }
  }

  /// Whether a tag (its bytes after `<`) breaks words apart: block tags do, inline tags
  /// (`a`, `abbr`, `code`, `em`…) do not.
  static func tagSeparatesWords<Source: ByteSource>(_ bytes: Source, _ lower: Int, _ upper: Int)
    -> Bool
  {
    var lower = lower
    if lower < upper && bytes[lower] == 0x2F { lower += 1 }
    var end = lower
    var name: UInt64 = 0
    while end < upper && end - lower < 8 && (isLetter(bytes[end]) || isDigit(bytes[end])) {
      name = name << 8 | UInt64(bytes[end] | 0x20)
      end += 1
    }
    return !inlineTags.contains(name)
  }

  private static let inlineTags: Set<UInt64> = {
    let names = [
      "a", "abbr", "b", "i", "em", "strong", "code", "span", "kbd", "sup", "sub", "small",
      "mark", "u", "s", "q", "cite", "var", "samp", "dfn", "time",
    ]
    return Set(names.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })
  }()

  static func isTagStart(_ byte: UInt8) -> Bool {
    isLetter(byte) || byte == 0x2F || byte == 0x21 || byte == 0x3F
  }
}

/// Writes plain words, collapsing runs of spaces and dropping leading and trailing spaces.
struct PlainWriter {
  var bytes: [UInt8] = []
  /// Where this line's output starts in `bytes`.
  var base = 0

  /// Writes one space unless the output is empty or already ends with one.
  @inline(__always) mutating func space() {
    if bytes.count > base && bytes[bytes.count - 1] != 0x20 { bytes.append(0x20) }
  }

  /// Writes a byte; spaces, tabs and line breaks collapse.
  @inline(__always) mutating func byte(_ byte: UInt8) {
    if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      space()
    } else {
      bytes.append(byte)
    }
  }

  /// Writes a byte range, collapsing spaces; runs of words with single spaces between them are
  /// copied at once.
  mutating func text(_ source: Bytes, _ lower: Int, _ upper: Int) {
    var index = lower
    while index < upper {
      if isBreak(source[index]) {
        space()
        index += 1
        while index < upper && isBreak(source[index]) { index += 1 }
        continue
      }
      var end = index + 1
      while end < upper {
        let byte = source[end]
        if byte == 0x20 {
          if end + 1 < upper && !isBreak(source[end + 1]) {
            end += 2
            continue
          }
          break
        }
        if byte == 0x09 || byte == 0x0A || byte == 0x0D { break }
        end += 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[index..<end]))
      index = end
    }
  }

  @inline(__always) private func isBreak(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Drops trailing spaces.
  mutating func finish() {
    while bytes.count > base && bytes[bytes.count - 1] == 0x20 { bytes.removeLast() }
  }

  /// Whether nothing was written for this line yet.
  var isEmpty: Bool { bytes.count == base }
}

/// Bytes read by the reducers and parsers.
typealias Bytes = UnsafeBufferPointer<UInt8>

/// Random access to bytes by integer offset: `[UInt8]` or `UnsafeBufferPointer<UInt8>`.
protocol ByteSource: RandomAccessCollection where Element == UInt8, Index == Int {}
extension Array: ByteSource where Element == UInt8 {}
extension UnsafeBufferPointer: ByteSource where Element == UInt8 {}

@inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
@inline(__always) func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
@inline(__always) func isLetter(_ byte: UInt8) -> Bool {
  (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
}
/// Letters, digits and any non-ASCII byte (part of a word in another script).
@inline(__always) func isWordByte(_ byte: UInt8) -> Bool {
  isLetter(byte) || isDigit(byte) || byte >= 0x80
}
