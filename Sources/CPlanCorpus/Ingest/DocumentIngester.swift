import Foundation

/// Splits documentation files (reStructuredText, Markdown, HTML, plain text) into sections of
/// plain prose and code, each with its heading path, anchor and line range.
///
/// Sections partition a file: a section runs from its heading line to the line before the next
/// section (of any level), trailing blank lines dropped. Text before the first heading is a
/// section with no headings, kept only when it holds prose or code. Ingestion never fails:
/// broken markup degrades to prose, invalid UTF-8 is replaced, and an empty file has no
/// sections.
public enum DocumentIngester {
  /// The format of a documentation file, from its extension.
  ///
  /// `.rst` and `.txt` are reStructuredText (Django writes its docs as `.txt`), `.md`, `.mdx` and
  /// `.markdown` Markdown, `.html` and `.htm` HTML; anything else (`.py` include targets,
  /// images, scripts) is not a document. Use ``format(ofPath:contents:)`` to tell a plain-text
  /// `.txt` apart.
  /// - Parameter path: the file's path or name.
  /// - Returns: the format, or nil when the file is not a document.
  public static func format(ofPath path: String) -> DocumentFormat? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "rst", "rest", "txt": return .restructuredText
    case "md", "mdx", "markdown": return .markdown
    case "html", "htm": return .html
    default: return nil
    }
  }

  /// The format of a documentation file, from its extension and, for `.txt`, its contents: a
  /// `.txt` with reStructuredText heading underlines, directives or labels is
  /// reStructuredText, any other `.txt` plain text.
  ///
  /// Store this format with the file's sections: ``PlainText/reduce(_:format:)-swift.type.method``
  /// needs the same format to compare quotes with the file's lines.
  /// - Parameters:
  ///   - path: the file's path or name.
  ///   - contents: the file's bytes.
  /// - Returns: the format, or nil when the file is not a document.
  public static func format(ofPath path: String, contents: [UInt8]) -> DocumentFormat? {
    guard let format = format(ofPath: path) else { return nil }
    guard format == .restructuredText, path.lowercased().hasSuffix(".txt") else { return format }
    return FormatSniffer.looksLikeRST(contents) ? .restructuredText : .text
  }

  /// The sections of one documentation file.
  /// - Parameters:
  ///   - bytes: the file's contents (any encoding; invalid UTF-8 is replaced).
  ///   - path: the file's path inside the corpus, with `/` separators.
  ///   - corpus: the corpus id, e.g. `django-5.2`.
  ///   - format: how to read the file, usually ``format(ofPath:contents:)``.
  ///   - includeRoot: the corpus folder, to resolve FastAPI's `{* path *}` includes; nil leaves
  ///     them unresolved (empty code blocks naming the target).
  /// - Returns: the sections in source order.
  public static func sections(
    of bytes: [UInt8], path: String, corpus: String, format: DocumentFormat, includeRoot: URL?
  ) -> [CorpusSection] {
    let lines = SourceLines(bytes)
    guard lines.count > 0 else { return [] }
    let sections: [CorpusSection]
    switch format {
    case .restructuredText:
      sections = RSTParser.sections(lines: lines, corpus: corpus, path: path)
    case .markdown:
      sections = MarkdownParser.sections(
        lines: lines, corpus: corpus, path: path, includeRoot: includeRoot)
    case .html:
      sections = HTMLParser.sections(lines: lines, corpus: corpus, path: path)
    case .text:
      sections = textSections(lines: lines, corpus: corpus, path: path)
    }
    return sections.flatMap { $0.bounded() }
  }

  /// Plain text: one section named after the file, paragraphs split on blank lines.
  static func textSections(lines: SourceLines, corpus: String, path: String) -> [CorpusSection] {
    var builder = SectionBuilder()
    var paragraph = ParagraphAccumulator(format: .text)
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let owner = builder.makeOwner(headings: [name], anchor: nil)
    builder.open(owner, line: 1)
    for index in 0..<lines.count {
      let line = lines[index]
      if line.isBlank {
        paragraph.flush(builder: &builder, owner: owner)
      } else {
        paragraph.add(
          lines.bytes, line.text..<line.trimmedEnd, line: index + 1, builder: &builder,
          owner: owner)
      }
    }
    paragraph.flush(builder: &builder, owner: owner)
    return builder.finish(lines: lines, corpus: corpus, path: path)
  }
}
