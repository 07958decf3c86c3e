/// Parses HTML into sections: `h1`–`h6` open sections (anchored by their `id`, or the `id` or
/// `name` of an anchor inside them), `pre` blocks become code, block elements separate
/// paragraphs, `script`, `style`, `title` and comments are dropped, entities are decoded.
struct HTMLParser {
  let lines: SourceLines
  var builder = SectionBuilder()
  var paragraph = ParagraphAccumulator(format: .text)
  var owner = SectionOwner.preamble
  private var stack: [(level: Int, title: String)] = []
  /// Decoded text of the current paragraph; `\n` kept, so lines can be numbered.
  private var text = PlainWriter()
  private var textLine = 1
  private var line = 1
  private var nextGreater = 0

  init(lines: SourceLines) {
    self.lines = lines
  }

  /// The sections of an HTML file.
  static func sections(lines: SourceLines, corpus: String, path: String) -> [CorpusSection] {
    var parser = HTMLParser(lines: lines)
    parser.parse()
    return parser.builder.finish(lines: lines, corpus: corpus, path: path)
  }

  private static let blockTags: Set<String> = [
    "p", "div", "br", "li", "ul", "ol", "table", "tr", "td", "th", "thead", "tbody", "section",
    "article", "header", "footer", "nav", "blockquote", "dl", "dt", "dd", "hr", "body", "html",
    "main", "aside", "figure", "figcaption", "form", "details", "summary", "head",
  ]

  mutating func parse() {
    let bytes = lines.bytes
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
        if !text.bytes.isEmpty { text.bytes.append(0x0A) }
        index += 1
      } else if byte == 0x3C, mayCloseTag(from: index), let tag = HTMLTag(bytes, at: index) {
        index = handle(tag)
      } else if byte == 0x26, let end = HTMLEntities.decode(bytes, index, bytes.count, into: &text)
      {
        noteText()
        index = end
      } else {
        if byte != 0x0D {
          noteText()
          text.bytes.append(byte)
        }
        index += 1
      }
    }
    flushText()
  }

  /// Whether a `>` follows `index` closely enough for a tag; remembers the next `>`, so text
  /// full of `<` stays linear.
  private mutating func mayCloseTag(from index: Int) -> Bool {
    let bytes = lines.bytes
    if nextGreater <= index {
      nextGreater = index + 1
      while nextGreater < bytes.count && bytes[nextGreater] != 0x3E { nextGreater += 1 }
    }
    return nextGreater < bytes.count && nextGreater - index <= 4_096
  }

  private mutating func noteText() {
    if text.bytes.isEmpty { textLine = line }
  }

  private mutating func handle(_ tag: HTMLTag) -> Int {
    let bytes = lines.bytes
    let end: Int
    switch tag.name {
    case "!--", "script", "style", "title":
      end = tag.name == "!--" ? tag.skip(to: "-->", in: bytes) : tag.skipElement(in: bytes)
    case "h1", "h2", "h3", "h4", "h5", "h6":
      flushText()
      end = tag.closing ? tag.end : heading(tag)
    case "pre":
      flushText()
      end = tag.closing ? tag.end : preformatted(tag)
    default:
      if Self.blockTags.contains(tag.name) {
        flushText()
      } else if PlainText.tagSeparatesWords(bytes, tag.start + 1, tag.end - 1) {
        text.space()
      }
      end = tag.end
    }
    countLines(tag.start, end)
    return end
  }

  private mutating func countLines(_ lower: Int, _ upper: Int) {
    let bytes = lines.bytes
    for index in lower..<min(upper, bytes.count) where bytes[index] == 0x0A { line += 1 }
  }

  /// Reads a heading element, opening its section. Returns the index after `</hN>`.
  private mutating func heading(_ tag: HTMLTag) -> Int {
    let bytes = lines.bytes
    let level = Int(tag.name.utf8.last! - 0x30)
    let close = tag.skipElement(in: bytes)
    let inner = HTMLTag.innerText(bytes, tag.end, HTMLTag.closingStart(bytes, tag.end, close))
    let title = String(decoding: inner.text, as: UTF8.self)
    while let last = stack.last, last.level >= level { stack.removeLast() }
    stack.append((level, title))
    owner = builder.makeOwner(
      headings: stack.map(\.title), anchor: tag.attribute("id", in: bytes) ?? inner.anchor)
    builder.open(owner, line: line)
    return close
  }

  /// Reads a `pre` element as a code block. Returns the index after `</pre>`.
  private mutating func preformatted(_ tag: HTMLTag) -> Int {
    let bytes = lines.bytes
    let close = tag.skipElement(in: bytes)
    let innerEnd = HTMLTag.closingStart(bytes, tag.end, close)
    let inner = HTMLTag.innerText(bytes, tag.end, innerEnd, keepLines: true)
    var start = tag.end
    var codeLine = line
    for index in tag.start..<tag.end where bytes[index] == 0x0A { codeLine += 1 }
    if start < innerEnd && bytes[start] == 0x0A {
      start += 1
      codeLine += 1
    }
    let language = HTMLTag.languageClass(bytes, tag.start, innerEnd)
    var code = inner.text
    while code.first == 0x0A { code.removeFirst() }
    while let last = code.last, last == 0x0A || last == 0x20 { code.removeLast() }
    if !code.isEmpty {
      builder.add(
        CodeBlock(language: language, text: String(decoding: code, as: UTF8.self), line: codeLine),
        to: owner)
    }
    return close
  }

  /// Gives the buffered text to the paragraph builder, one source line at a time.
  private mutating func flushText() {
    guard !text.bytes.isEmpty else { return }
    let bytes = text.bytes
    var lineNumber = textLine
    var start = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
      paragraph.add(bytes, start..<index, line: lineNumber, builder: &builder, owner: owner)
      lineNumber += 1
      start = index + 1
    }
    paragraph.flush(builder: &builder, owner: owner)
    text.bytes.removeAll(keepingCapacity: true)
  }
}
