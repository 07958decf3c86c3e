/// The formats of documentation files that cplan ingests.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
  /// reStructuredText (Sphinx), including Django's `.txt` docs.
  case restructuredText = "rst"
  /// Markdown (MkDocs flavour with `{#id}` heading ids and FastAPI's `{* path *}` includes).
  case markdown = "md"
  /// HTML.
  case html
  /// Plain text with no markup.
  case text = "txt"
}

/// One section of a documentation file: a heading and the prose and code below it, up to the
/// next heading of the same or a higher level.
public struct CorpusSection: Sendable, Hashable, Codable {
  /// Corpus id, e.g. `django-5.2`.
  public var corpus: String
  /// Path of the file inside the corpus folder, with `/` separators.
  public var path: String
  /// The headings from the document title down to this section's own.
  public var headings: [String]
  /// The label or id that links here: `.. _label:`, a directive target such as
  /// `setting-APPEND_SLASH` for `.. setting:: APPEND_SLASH`, a Markdown `{#id}`, an HTML `id`.
  public var anchor: String?
  /// First line of the section (1-based, its heading line).
  public var startLine: Int
  /// Last line of the section (1-based, inclusive).
  public var endLine: Int
  /// The prose, as paragraphs of plain words (markup reduced), each with its first line.
  public var paragraphs: [Paragraph]
  /// Code blocks, kept apart from the prose: searchable, never mined as prose.
  public var code: [CodeBlock]

  /// Creates a section.
  public init(
    corpus: String, path: String, headings: [String], anchor: String?, startLine: Int,
    endLine: Int, paragraphs: [Paragraph], code: [CodeBlock]
  ) {
    self.corpus = corpus
    self.path = path
    self.headings = headings
    self.anchor = anchor
    self.startLine = startLine
    self.endLine = endLine
    self.paragraphs = paragraphs
    self.code = code
  }

  /// The prose as one string, paragraphs separated by blank lines.
  public var text: String { paragraphs.map(\.text).joined(separator: "\n\n") }

  /// `corpus:path:line`.
  public var citation: String { "\(corpus):\(path):\(startLine)" }
}

/// A paragraph of prose in plain words.
public struct Paragraph: Sendable, Hashable, Codable {
  /// The source line of its first word (1-based).
  public var line: Int
  /// Plain text; a source line break stays a `\n`, so line numbers can be recovered.
  public var text: String

  /// Creates a paragraph.
  public init(line: Int, text: String) {
    self.line = line
    self.text = text
  }
}

/// A block of code or a literal example.
public struct CodeBlock: Sendable, Hashable, Codable {
  /// Its language when stated (`python`, `console`…).
  public var language: String?
  /// The code itself, verbatim.
  public var text: String
  /// The source line where it starts (1-based).
  public var line: Int
  /// For an included example (FastAPI's `{* path *}`), the path of the included file.
  public var includedFrom: String?

  /// Creates a code block.
  public init(language: String?, text: String, line: Int, includedFrom: String? = nil) {
    self.language = language
    self.text = text
    self.line = line
    self.includedFrom = includedFrom
  }
}

extension CorpusSection {
  /// The most text one indexed section holds. FTS5 builds a snippet in time quadratic in the
  /// hits of one row, so a huge section (a one-line 50 MB file) would make a search run for
  /// minutes; no section of the shipped corpora comes near it (the largest is 52 KB).
  public static let maxIndexedBytes = 64 << 10

  /// The section cut into consecutive sections of at most `maxBytes` of text each, between
  /// paragraphs and code blocks, and inside a paragraph too long on its own (at a space when
  /// there is one); each part keeps the headings and anchor, and starts at its first line.
  public func bounded(maxBytes: Int = CorpusSection.maxIndexedBytes) -> [CorpusSection] {
    let size = paragraphs.reduce(0) { $0 + $1.text.utf8.count } + code.reduce(0) { $0 + $1.text.utf8.count }
    guard size > maxBytes else { return [self] }
    enum Piece { case prose(Paragraph), code(CodeBlock) }
    var pieces: [(line: Int, size: Int, piece: Piece)] = []
    for paragraph in paragraphs {
      for part in Self.cut(paragraph, maxBytes: maxBytes) {
        pieces.append((part.line, part.text.utf8.count, .prose(part)))
      }
    }
    for block in code { pieces.append((block.line, block.text.utf8.count, .code(block))) }
    pieces.sort { $0.line < $1.line }
    var parts: [CorpusSection] = []
    var current = CorpusSection(
      corpus: corpus, path: path, headings: headings, anchor: anchor, startLine: startLine,
      endLine: endLine, paragraphs: [], code: [])
    var used = 0
    for item in pieces {
      if used + item.size > maxBytes, used > 0 {
        current.endLine = max(current.startLine, item.line - 1)
        parts.append(current)
        current = CorpusSection(
          corpus: corpus, path: path, headings: headings, anchor: anchor, startLine: item.line,
          endLine: endLine, paragraphs: [], code: [])
        used = 0
      }
      switch item.piece {
      case .prose(let paragraph): current.paragraphs.append(paragraph)
      case .code(let block): current.code.append(block)
      }
      used += item.size
    }
    parts.append(current)
    return parts
  }

  /// A paragraph in parts of at most `maxBytes`, each with the line it starts on.
  private static func cut(_ paragraph: Paragraph, maxBytes: Int) -> [Paragraph] {
    var utf8 = paragraph.text.utf8[...]
    guard utf8.count > maxBytes else { return [paragraph] }
    var parts: [Paragraph] = []
    var line = paragraph.line
    while !utf8.isEmpty {
      var end = utf8.index(utf8.startIndex, offsetBy: min(maxBytes, utf8.count))
      if end < utf8.endIndex {
        // Back to a space, and never inside a UTF-8 sequence.
        if let space = utf8[utf8.startIndex..<end].lastIndex(of: 0x20), space > utf8.startIndex {
          end = utf8.index(after: space)
        }
        while end > utf8.startIndex, end < utf8.endIndex, utf8[end] & 0xC0 == 0x80 {
          end = utf8.index(before: end)
        }
      }
      let text = String(decoding: utf8[..<end], as: UTF8.self)
      parts.append(Paragraph(line: line, text: text))
      line += text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      utf8 = utf8[end...]
    }
    return parts
  }
}
