/// Parses reStructuredText (Sphinx and Django flavours) into sections, one pass over the lines.
///
/// Headings get levels in order of first appearance of each adornment style, as docutils does.
/// Labels (`.. _label:`) and content-less object directives (`.. setting:: X`) directly before
/// a heading anchor it, the closest one winning. An object directive with content opens a
/// section one level below the heading (or directive) it sits in; one without content opens a
/// section holding the prose that follows it, unless a heading comes first.
struct RSTParser {
  /// A target waiting for the element after it: a heading or an object's prose.
  struct Pending {
    var anchor: String
    /// 1-based line of the first waiting target.
    var firstLine: Int
    var object: (title: String, line: Int)?
  }

  /// The state of one block of body elements (the file, or a directive's content).
  struct Context {
    /// Directive sections opened here go one level below this owner.
    var base: SectionOwner
    /// Receives the prose of this block.
    var owner: SectionOwner
    var pending: Pending?
    let topLevel: Bool
  }

  private struct Heading {
    var titleLine: Int
    var physicalStart: Int
    var next: Int
    var style: UInt16
  }

  let lines: SourceLines
  var builder = SectionBuilder()
  var paragraph = ParagraphAccumulator(format: .restructuredText)
  var paragraphIndent = 0
  var highlight: String?
  private var styles: [UInt16] = []
  private var stack: [(level: Int, title: String)] = []

  /// Nesting deeper than this is skipped, so hostile input cannot exhaust the stack.
  static let maximumDepth = 40

  init(lines: SourceLines) {
    self.lines = lines
  }

  /// The sections of a reStructuredText file.
  static func sections(lines: SourceLines, corpus: String, path: String) -> [CorpusSection] {
    var parser = RSTParser(lines: lines)
    var context = Context(base: .preamble, owner: .preamble, pending: nil, topLevel: true)
    parser.parseBody(0..<lines.count, context: &context, depth: 0)
    return parser.builder.finish(lines: lines, corpus: corpus, path: path)
  }

  /// Parses the body elements of `range`.
  mutating func parseBody(_ range: Range<Int>, context: inout Context, depth: Int) {
    let bytes = lines.bytes
    let limit = range.upperBound
    var index = range.lowerBound
    while index < limit {
      let line = lines[index]
      if line.isBlank {
        paragraph.flush(builder: &builder, owner: context.owner)
        index += 1
        continue
      }
      if context.topLevel && !paragraph.isOpen, let heading = heading(at: index, limit: limit) {
        openHeading(heading, context: &context)
        index = heading.next
        continue
      }
      if let markup = explicitMarkupStart(line) {
        paragraph.flush(builder: &builder, owner: context.owner)
        index = explicitMarkup(
          at: index, markup: markup, indent: line.indent + markup - line.text, limit: limit,
          context: &context, depth: depth)
        continue
      }
      if !paragraph.isOpen && isDoctest(line) {
        var end = index
        while end < limit && !lines[end].isBlank { end += 1 }
        addCode(index..<end, language: "pycon", context: &context)
        index = end
        continue
      }
      if !paragraph.isOpen {
        resolvePending(&context)
        paragraphIndent = line.indent
      } else if line.indent <= paragraphIndent && startsListItem(line) {
        paragraph.flush(builder: &builder, owner: context.owner)
        paragraphIndent = line.indent
      }
      paragraph.add(
        bytes, line.text..<line.trimmedEnd, line: index + 1, builder: &builder,
        owner: context.owner)
      if lines.endsWithDoubleColon(index) && lines.isBlank(index + 1) {
        paragraph.flush(builder: &builder, owner: context.owner)
        let ownIndent = min(paragraphIndent, line.indent)
        let start = lines.nextNonBlank(from: index + 1, limit: limit)
        if start < limit && lines[start].indent > ownIndent {
          var end = start
          while end < limit && (lines[end].isBlank || lines[end].indent > ownIndent) { end += 1 }
          addCode(start..<end, language: highlight, context: &context)
          index = end
          continue
        }
      }
      index += 1
    }
    paragraph.flush(builder: &builder, owner: context.owner)
    resolvePending(&context)
  }

  /// Opens the section of a content-less object directive waiting for prose.
  mutating func resolvePending(_ context: inout Context) {
    guard let pending = context.pending else { return }
    context.pending = nil
    guard let object = pending.object else { return }
    let owner = builder.makeOwner(
      headings: context.base.headings + [object.title], anchor: pending.anchor)
    builder.open(owner, line: object.line, physicalStart: pending.firstLine)
    context.owner = owner
  }

  /// Adds the lines `range` as a code block, dedented.
  mutating func addCode(_ range: Range<Int>, language: String?, context: inout Context) {
    let first = lines.nextNonBlank(from: range.lowerBound, limit: range.upperBound)
    guard first < range.upperBound else { return }
    resolvePending(&context)
    var text: [UInt8] = []
    lines.appendDedented(range, columns: lines.minimumIndent(range), to: &text)
    builder.add(
      CodeBlock(language: language, text: String(decoding: text, as: UTF8.self), line: first + 1),
      to: context.owner)
  }

  /// Where the `..` of explicit markup starts: the line's text, or the text after a list
  /// bullet (`* .. attribute:: CASCADE`).
  private func explicitMarkupStart(_ line: SourceLine) -> Int? {
    let bytes = lines.bytes
    func isMarkup(_ start: Int) -> Bool {
      line.trimmedEnd - start >= 2 && bytes[start] == 0x2E && bytes[start + 1] == 0x2E
        && (line.trimmedEnd == start + 2 || isSpace(bytes[start + 2]))
    }
    if isMarkup(line.text) { return line.text }
    guard !paragraph.isOpen, bytes[line.text] == 0x2A || bytes[line.text] == 0x2D else {
      return nil
    }
    let content = PlainText.skipBullet(bytes, line.text, line.trimmedEnd)
    guard content > line.text, isMarkup(content) else { return nil }
    for offset in line.text..<content where bytes[offset] == 0x09 { return nil }
    return content
  }

  private func isDoctest(_ line: SourceLine) -> Bool {
    let bytes = lines.bytes
    return line.trimmedEnd - line.text >= 3 && bytes[line.text] == 0x3E
      && bytes[line.text + 1] == 0x3E && bytes[line.text + 2] == 0x3E
      && (line.trimmedEnd == line.text + 3 || isSpace(bytes[line.text + 3]))
  }

  private func startsListItem(_ line: SourceLine) -> Bool {
    let bytes = lines.bytes
    if PlainText.skipBullet(bytes, line.text, line.trimmedEnd) > line.text { return true }
    return bytes[line.text] == 0x3A
      && PlainText.fieldNameEnd(bytes, line.text, line.trimmedEnd) != nil
  }

  // MARK: Headings

  private func heading(at index: Int, limit: Int) -> Heading? {
    if let over = adornment(index), index + 2 < limit, !lines[index + 1].isBlank,
      let under = adornment(index + 2), under == over,
      lines[index].trimmedEnd - lines[index].text == lines[index + 2].trimmedEnd
        - lines[index + 2].text,
      titleLength(index + 1) <= lines[index].trimmedEnd - lines[index].text
    {
      return Heading(
        titleLine: index + 1, physicalStart: index, next: index + 3, style: 0x100 | UInt16(over))
    }
    let line = lines[index]
    guard line.indent == 0, index + 1 < limit, adornment(index) == nil,
      let under = adornment(index + 1),
      lines[index + 1].trimmedEnd - lines[index + 1].text >= titleLength(index)
    else { return nil }
    return Heading(titleLine: index, physicalStart: index, next: index + 2, style: UInt16(under))
  }

  /// The repeated punctuation character of an adornment line starting in column 0.
  private func adornment(_ index: Int) -> UInt8? {
    let line = lines[index]
    let bytes = lines.bytes
    let length = line.trimmedEnd - line.text
    guard line.indent == 0, length >= 2 else { return nil }
    let first = bytes[line.text]
    guard isASCIIPunctuation(first) else { return nil }
    if (first == 0x2E || first == 0x3A) && length < 3 { return nil }
    for offset in (line.text + 1)..<line.trimmedEnd where bytes[offset] != first { return nil }
    return first
  }

  /// The number of characters in a line's trimmed text.
  private func titleLength(_ index: Int) -> Int {
    let line = lines[index]
    var count = 0
    for offset in line.text..<line.trimmedEnd where lines.bytes[offset] & 0xC0 != 0x80 {
      count += 1
    }
    return count
  }

  private mutating func openHeading(_ heading: Heading, context: inout Context) {
    let level: Int
    if let known = styles.firstIndex(of: heading.style) {
      level = known
    } else {
      level = styles.count
      styles.append(heading.style)
    }
    let line = lines[heading.titleLine]
    var title: [UInt8] = []
    PlainText.reduce(
      lines.bytes, line.text..<line.trimmedEnd, format: .restructuredText, inline: true,
      into: &title)
    while let last = stack.last, last.level >= level { stack.removeLast() }
    stack.append((level, String(decoding: title, as: UTF8.self)))
    let owner = builder.makeOwner(headings: stack.map(\.title), anchor: context.pending?.anchor)
    builder.open(
      owner, line: heading.titleLine + 1,
      physicalStart: min(context.pending?.firstLine ?? Int.max, heading.physicalStart + 1))
    context.pending = nil
    context.base = owner
    context.owner = owner
  }
}
