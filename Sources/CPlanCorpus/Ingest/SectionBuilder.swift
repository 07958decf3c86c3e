/// What prose belongs to: a heading, an object directive, or the text before the first heading.
struct SectionOwner {
  /// Unique per file; 0 is the text before the first heading.
  var id: Int
  /// Heading path of the owner's sections.
  var headings: [String]
  /// Anchor of the owner's sections.
  var anchor: String?

  /// The owner of the text before the first heading.
  static let preamble = SectionOwner(id: 0, headings: [], anchor: nil)
}

/// Collects the sections of one file in source order. Sections partition the file: each ends
/// where the next one starts (trailing blank lines dropped). When prose resumes for an owner
/// after another section (the text after a directive's indented body), a continuation section
/// with the owner's headings and anchor starts at that prose.
struct SectionBuilder {
  private struct Draft {
    var owner: Int
    var headings: [String]
    var anchor: String?
    var start: Int
    var physicalStart: Int
    var paragraphs: [Paragraph] = []
    var code: [CodeBlock] = []
  }

  private var drafts: [Draft] = []
  private var nextID = 1

  /// A new owner with a unique id.
  mutating func makeOwner(headings: [String], anchor: String?) -> SectionOwner {
    defer { nextID += 1 }
    return SectionOwner(id: nextID, headings: headings, anchor: anchor)
  }

  /// Opens a section for `owner` at 1-based `line`; `physicalStart` is where its first line
  /// (an overline or a label before the heading) sits.
  mutating func open(_ owner: SectionOwner, line: Int, physicalStart: Int? = nil) {
    var first = min(physicalStart ?? line, line)
    if let previous = drafts.last { first = max(first, previous.start + 1) }
    drafts.append(
      Draft(
        owner: owner.id, headings: owner.headings, anchor: owner.anchor, start: line,
        physicalStart: first))
  }

  /// Adds a paragraph to the owner's open section, opening a continuation when needed.
  mutating func add(_ paragraph: Paragraph, to owner: SectionOwner) {
    prepare(owner, line: paragraph.line)
    drafts[drafts.count - 1].paragraphs.append(paragraph)
  }

  /// Adds a code block to the owner's open section, opening a continuation when needed.
  mutating func add(_ code: CodeBlock, to owner: SectionOwner) {
    prepare(owner, line: code.line)
    drafts[drafts.count - 1].code.append(code)
  }

  private mutating func prepare(_ owner: SectionOwner, line: Int) {
    if let last = drafts.last, last.owner == owner.id { return }
    if owner.id == 0 && drafts.isEmpty {
      open(owner, line: 1)
    } else {
      open(owner, line: line)
    }
  }

  /// The finished sections; the text before the first heading is kept only when it has content.
  func finish(lines: SourceLines, corpus: String, path: String) -> [CorpusSection] {
    var sections: [CorpusSection] = []
    sections.reserveCapacity(drafts.count)
    let lineCount = max(lines.count, 1)
    for (index, draft) in drafts.enumerated() {
      if draft.owner == 0 && draft.paragraphs.isEmpty && draft.code.isEmpty { continue }
      let start = min(max(draft.start, 1), lineCount)
      var end = index + 1 < drafts.count ? drafts[index + 1].physicalStart - 1 : lines.count
      end = min(end, lineCount)
      while end > start && lines.isBlank(end - 1) { end -= 1 }
      sections.append(
        CorpusSection(
          corpus: corpus, path: path, headings: draft.headings, anchor: draft.anchor,
          startLine: start, endLine: max(end, start), paragraphs: draft.paragraphs,
          code: draft.code))
    }
    return sections
  }
}
