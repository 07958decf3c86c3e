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
