extension HarnessTask {
  /// Where a section goes in a prompt.
  public enum Placement: Sendable, Hashable {
    /// At the start of the line that holds exactly this markdown heading, by default
    /// `## Mandatory Files` (the generation prompts' section listing the files to write).
    case beforeHeading(String = "## Mandatory Files")
    /// After the end of the prompt, for prompts without the anchor, such as feature tasks.
    case append

    /// The heading generation prompts are augmented before.
    public static let defaultHeading = "## Mandatory Files"
    /// Before `defaultHeading`.
    public static let standard = Placement.beforeHeading(defaultHeading)
  }

  /// Inserts a section into a prompt, leaving the prompt's own text as it was.
  ///
  /// The section is first trimmed: leading blank lines and all trailing whitespace are dropped,
  /// so it starts at its first non-blank line and ends without a newline.
  ///
  /// - `.beforeHeading(h)`: `h` (trimmed) must be a markdown ATX heading (1 to 6 `#`, a space,
  ///   text). Exactly one line of the prompt must equal it, ignoring trailing spaces, tabs and
  ///   `\r`. With `prefix` the prompt up to that line's first character and `rest` the prompt from
  ///   there, the result is `prefix + section + "\n\n" + rest`.
  /// - `.append`: the result is `prompt + separator + section + "\n"`, where `separator` is the
  ///   fewest newlines (0 to 2) that leave one blank line between the prompt's last line and the
  ///   section; an empty prompt gets no separator. The prompt is thus always a prefix of the
  ///   result.
  /// - Parameters:
  ///   - section: the text to insert, e.g. a plan rendered as markdown.
  ///   - prompt: the prompt.
  ///   - placement: where the section goes.
  ///   - file: the task file, for messages.
  /// - Throws: `HarnessError.emptySection`, `.invalidAnchor`, `.anchorNotFound` (listing the
  ///   prompt's headings of the anchor's level) or `.ambiguousAnchor`; the section is never
  ///   appended in place of a missing anchor.
  public static func insert(
    _ section: String, into prompt: String, placement: Placement, file: String = "<prompt>"
  ) throws -> String {
    let body = trimmedSection(section)
    guard !body.isEmpty else { throw HarnessError.emptySection(file: file) }
    switch placement {
    case .append:
      guard !prompt.isEmpty else { return body + "\n" }
      let newlines = prompt.reversed().prefix { $0 == "\n" || $0 == "\r\n" }.count
      return prompt + String(repeating: "\n", count: max(0, 2 - newlines)) + body + "\n"
    case .beforeHeading(let heading):
      let anchor = heading.trimmingWhitespace()
      guard let level = headingLevel(anchor[...]) else {
        throw HarnessError.invalidAnchor(heading, file: file)
      }
      let scalars = prompt.unicodeScalars
      var matches: [String.Index] = []
      var headings: [String] = []
      for line in scalars.split(separator: "\n", omittingEmptySubsequences: false) {
        let text = String(Substring(line)).trimmingTrailingWhitespace()
        if text == anchor { matches.append(line.startIndex) }
        if headingLevel(text[...]) == level { headings.append(text) }
      }
      guard let start = matches.first else {
        throw HarnessError.anchorNotFound(anchor, file: file, headings: headings)
      }
      guard matches.count == 1 else {
        throw HarnessError.ambiguousAnchor(anchor, file: file, count: matches.count)
      }
      return String(Substring(scalars[..<start])) + body + "\n\n"
        + String(Substring(scalars[start...]))
    }
  }

  /// The section without leading blank lines and trailing whitespace.
  static func trimmedSection(_ section: String) -> String {
    guard let first = section.firstIndex(where: { !$0.isWhitespace }) else { return "" }
    let lineStart =
      section[..<first].lastIndex(where: \.isNewline)
      .map { section.index(after: $0) } ?? section.startIndex
    var body = section[lineStart...]
    while let last = body.last, last.isWhitespace { body.removeLast() }
    return String(body)
  }

  /// The level of a markdown ATX heading line (`## Title` is 2), or nil.
  static func headingLevel(_ line: Substring) -> Int? {
    let level = line.prefix { $0 == "#" }.count
    guard (1...6).contains(level) else { return nil }
    let rest = line.dropFirst(level)
    guard let space = rest.first, space == " " || space == "\t" else { return nil }
    return rest.contains { !$0.isWhitespace } ? level : nil
  }
}

extension String {
  /// The string without leading and trailing whitespace.
  fileprivate func trimmingWhitespace() -> String {
    String(drop(while: \.isWhitespace)).trimmingTrailingWhitespace()
  }

  /// The string without trailing whitespace (spaces, tabs, `\r`, newlines).
  fileprivate func trimmingTrailingWhitespace() -> String {
    var text = self[...]
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
  }
}
