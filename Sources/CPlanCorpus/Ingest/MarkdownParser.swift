import Foundation

/// Parses Markdown (MkDocs and FastAPI flavour) into sections.
///
/// ATX headings open sections, anchored by their `{#id}` or the slug of their title. Fenced
/// and indented code goes to code blocks; FastAPI include markers (`{* path hl[3] *}`,
/// `{!path!}`) become code blocks holding the included file. Admonitions (`/// note | Title`,
/// `!!! note "Title"`), content tabs and HTML blocks stay prose; front matter, HTML comments and
/// link reference definitions are skipped. In MDX (`.mdx`), top-level `import`/`export` lines
/// and the lines of JSX component tags (`<Alert type="info">`, `</Alert>`, `<Card … />`) are
/// skipped too; what a component wraps stays prose, and code blocks stay code.
struct MarkdownParser {
  let lines: SourceLines
  /// Whether the file is MDX.
  var isMDX = false
  var builder = SectionBuilder()
  var paragraph = ParagraphAccumulator(format: .markdown)
  var owner = SectionOwner.preamble
  var includes: IncludeResolver
  private var stack: [(level: Int, title: String)] = []
  /// Content column of the list item being read, if any.
  private var listContent: Int?
  /// Content column of the `!!!` admonition or `===` tab being read, if any.
  private var nestedContent: Int?

  init(lines: SourceLines, includes: IncludeResolver) {
    self.lines = lines
    self.includes = includes
  }

  /// The sections of a Markdown file.
  static func sections(
    lines: SourceLines, corpus: String, path: String, includeRoot: URL?
  ) -> [CorpusSection] {
    var parser = MarkdownParser(
      lines: lines, includes: IncludeResolver(root: includeRoot, documentPath: path))
    parser.isMDX = path.lowercased().hasSuffix(".mdx")
    parser.parse()
    return parser.builder.finish(lines: lines, corpus: corpus, path: path)
  }

  mutating func parse() {
    var index = frontMatterEnd()
    var previousBlank = true
    while index < lines.count {
      let line = lines[index]
      if line.isBlank {
        paragraph.flush(builder: &builder, owner: owner)
        previousBlank = true
        index += 1
        continue
      }
      if let nested = nestedContent, line.indent < nested { nestedContent = nil }
      let listItem = listItemContent(line)
      if let list = listContent, previousBlank, line.indent < list, listItem == nil {
        listContent = nil
      }
      let base = max(listContent ?? 0, nestedContent ?? 0)
      let next = block(at: index, previousBlank: previousBlank, codeIndent: base + 4)
      if next > index {
        index = next
        previousBlank = false
        continue
      }
      if let listItem {
        paragraph.flush(builder: &builder, owner: owner)
        listContent = listItem
      }
      paragraph.add(
        lines.bytes, line.text..<line.trimmedEnd, line: index + 1, builder: &builder,
        owner: owner)
      previousBlank = false
      index += 1
    }
    paragraph.flush(builder: &builder, owner: owner)
  }

  /// Reads the block starting at `index` when it is not a paragraph line.
  /// - Returns: the line after the block, or `index` for a paragraph line.
  private mutating func block(at index: Int, previousBlank: Bool, codeIndent: Int) -> Int {
    let line = lines[index]
    let bytes = lines.bytes
    if let fence = fenceRun(index) {
      paragraph.flush(builder: &builder, owner: owner)
      return fencedCode(at: index, fence: fence)
    }
    if previousBlank && line.indent >= codeIndent {
      return indentedCode(at: index, indent: codeIndent)
    }
    if let heading = MarkdownHeading(lines: lines, index: index) {
      paragraph.flush(builder: &builder, owner: owner)
      openHeading(heading, line: index + 1)
      return index + 1
    }
    guard let first = line.text < line.trimmedEnd ? bytes[line.text] : nil else { return index }
    switch first {
    case 0x7B:
      if let code = includes.codeBlock(bytes, line.text, line.trimmedEnd, line: index + 1) {
        paragraph.flush(builder: &builder, owner: owner)
        builder.add(code, to: owner)
        return index + 1
      }
    case 0x2F:
      if let title = MarkdownBlocks.slashAdmonitionTitle(bytes, line.text, line.trimmedEnd) {
        paragraph.flush(builder: &builder, owner: owner)
        addTitle(title, line: index + 1)
        return index + 1
      }
    case 0x21, 0x3F, 0x3D:
      if let title = MarkdownBlocks.indentedAdmonitionTitle(bytes, line.text, line.trimmedEnd) {
        paragraph.flush(builder: &builder, owner: owner)
        addTitle(title, line: index + 1)
        nestedContent = line.indent + 4
        return index + 1
      }
    case 0x3C:
      if lines.hasPrefix(index, "<!--") {
        paragraph.flush(builder: &builder, owner: owner)
        return MarkdownBlocks.commentEnd(lines, from: index)
      }
      if isMDX, let end = MDXBlocks.componentTagEnd(lines, from: index) {
        paragraph.flush(builder: &builder, owner: owner)
        return end
      }
    case 0x65, 0x69:  // `export`, `import`
      if isMDX, line.indent == 0, let end = MDXBlocks.moduleStatementEnd(lines, from: index) {
        paragraph.flush(builder: &builder, owner: owner)
        return end
      }
    case 0x3A:
      if lines.hasPrefix(index, "::: ") {  // mkdocstrings: API docs rendered from code
        paragraph.flush(builder: &builder, owner: owner)
        var end = index + 1
        while end < lines.count && (lines[end].isBlank || lines[end].indent > line.indent) {
          end += 1
        }
        return end
      }
    case 0x5B, 0x2A:
      if MarkdownBlocks.isReferenceDefinition(bytes, line.text, line.trimmedEnd) {
        paragraph.flush(builder: &builder, owner: owner)
        return index + 1
      }
    default:
      break
    }
    return index
  }

  private mutating func addTitle(_ title: Range<Int>, line: Int) {
    guard !title.isEmpty else { return }
    paragraph.add(lines.bytes, title, line: line, builder: &builder, owner: owner)
    paragraph.flush(builder: &builder, owner: owner)
  }

  private mutating func openHeading(_ heading: MarkdownHeading, line: Int) {
    while let last = stack.last, last.level >= heading.level { stack.removeLast() }
    stack.append((heading.level, heading.title))
    owner = builder.makeOwner(headings: stack.map(\.title), anchor: heading.anchor)
    builder.open(owner, line: line)
    listContent = nil
    nestedContent = nil
  }

  /// The first line after YAML front matter (`---` … `---` at the top), or 0.
  private func frontMatterEnd() -> Int {
    guard lines.count > 1, lines.hasPrefix(0, "---"), lines[0].trimmedEnd - lines[0].text == 3
    else { return 0 }
    for index in 1..<lines.count {
      let line = lines[index]
      if line.indent == 0 && line.trimmedEnd - line.text == 3
        && (lines.hasPrefix(index, "---") || lines.hasPrefix(index, "..."))
      {
        return index + 1
      }
    }
    return 0
  }

  /// The content column of a list item (`- `, `* `, `+ `, `1. `, `1) `), if the line starts one.
  private func listItemContent(_ line: SourceLine) -> Int? {
    guard !line.isBlank else { return nil }
    let bytes = lines.bytes
    let first = bytes[line.text]
    var index = line.text
    if first == 0x2D || first == 0x2A || first == 0x2B {
      index += 1
    } else {
      while index < line.trimmedEnd && index - line.text < 9 && isDigit(bytes[index]) { index += 1 }
      guard index > line.text, index < line.trimmedEnd,
        bytes[index] == 0x2E || bytes[index] == 0x29
      else { return nil }
      index += 1
    }
    guard index == line.trimmedEnd || isSpace(bytes[index]) else { return nil }
    let markerEnd = index
    let content = PlainText.skipSpaces(bytes, index, line.trimmedEnd)
    let spaces = content - markerEnd
    let width = (spaces >= 1 && spaces <= 4 ? spaces : 1) + (markerEnd - line.text)
    return line.indent + width
  }

  /// The fence character and run length when line `index` opens a fenced code block.
  private func fenceRun(_ index: Int) -> (character: UInt8, length: Int)? {
    let line = lines[index]
    let bytes = lines.bytes
    let first = bytes[line.text]
    guard first == 0x60 || first == 0x7E else { return nil }
    var end = line.text
    while end < line.trimmedEnd && bytes[end] == first { end += 1 }
    guard end - line.text >= 3 else { return nil }
    if first == 0x60 {
      for offset in end..<line.trimmedEnd where bytes[offset] == 0x60 { return nil }
    }
    return (first, end - line.text)
  }

  private mutating func fencedCode(at index: Int, fence: (character: UInt8, length: Int)) -> Int {
    let line = lines[index]
    let bytes = lines.bytes
    let language = MarkdownBlocks.fenceLanguage(bytes, line.text + fence.length, line.trimmedEnd)
    var close = index + 1
    while close < lines.count {
      let candidate = lines[close]
      if !candidate.isBlank && bytes[candidate.text] == fence.character {
        var end = candidate.text
        while end < candidate.trimmedEnd && bytes[end] == fence.character { end += 1 }
        if end == candidate.trimmedEnd && end - candidate.text >= fence.length { break }
      }
      close += 1
    }
    var text: [UInt8] = []
    var first = index + 1
    while first < close && lines[first].isBlank { first += 1 }
    lines.appendDedented((index + 1)..<close, columns: line.indent, to: &text)
    guard !text.isEmpty else { return min(close + 1, lines.count) }
    builder.add(
      CodeBlock(
        language: language, text: String(decoding: text, as: UTF8.self),
        line: first < close ? first + 1 : index + 1),
      to: owner)
    return min(close + 1, lines.count)
  }

  private mutating func indentedCode(at index: Int, indent: Int) -> Int {
    paragraph.flush(builder: &builder, owner: owner)
    var end = index
    while end < lines.count && (lines[end].isBlank || lines[end].indent >= indent) { end += 1 }
    var text: [UInt8] = []
    lines.appendDedented(index..<end, columns: lines.minimumIndent(index..<end), to: &text)
    builder.add(
      CodeBlock(language: nil, text: String(decoding: text, as: UTF8.self), line: index + 1),
      to: owner)
    return end
  }
}
