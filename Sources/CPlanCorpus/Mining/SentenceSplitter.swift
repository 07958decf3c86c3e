/// Splits a paragraph of plain words into sentences, remembering how many line breaks come
/// before each one so its source line can be recovered.
///
/// A sentence ends at `.`, `?` or `!` (and any closing quotes or brackets after it) followed by
/// whitespace and then an upper-case letter or an opening quote; never after a common
/// abbreviation (`e.g.`, `i.e.`, `etc.`, `vs.`, `Mr.`…), inside an ellipsis, or inside a
/// backtick-quoted span.
enum SentenceSplitter {
  /// A sentence of a paragraph.
  struct Sentence: Equatable {
    /// Its exact text, trimmed of surrounding whitespace.
    var text: String
    /// The number of line breaks in the paragraph before its first character.
    var lineOffset: Int
  }

  /// Words after which a period does not end a sentence (lower-cased, without the period).
  static let abbreviations: Set<String> = [
    "e.g", "i.e", "eg", "ie", "etc", "vs", "cf", "mr", "mrs", "ms", "dr", "no", "st", "approx",
    "fig", "al", "resp",
  ]

  private static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]
  private static let openers: Set<Character> = ["\"", "'", "“", "‘", "«", "`"]

  /// The sentences of a paragraph, in order.
  static func sentences(in paragraph: String) -> [Sentence] {
    let characters = Array(paragraph)
    var sentences: [Sentence] = []
    var start = 0
    var insideBackticks = false
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "`" { insideBackticks.toggle() }
      if !insideBackticks, let next = boundary(after: index, in: characters) {
        append(characters[start..<next], in: characters, to: &sentences)
        start = next
        index = next
        continue
      }
      index += 1
    }
    append(characters[start...], in: characters, to: &sentences)
    return sentences
  }

  /// The index where the next sentence starts, when a sentence ends at `index`.
  private static func boundary(after index: Int, in characters: [Character]) -> Int? {
    let character = characters[index]
    guard character == "." || character == "?" || character == "!" else { return nil }
    if character == "." {
      if index > 0, characters[index - 1] == "." { return nil }
      if index + 1 < characters.count, characters[index + 1] == "." { return nil }
      if abbreviations.contains(wordBefore(index, in: characters)) { return nil }
    }
    var cursor = index + 1
    while cursor < characters.count, closers.contains(characters[cursor]) { cursor += 1 }
    guard cursor < characters.count, characters[cursor].isWhitespace else { return nil }
    while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
    guard cursor < characters.count else { return nil }
    let first = characters[cursor]
    return first.isUppercase || openers.contains(first) ? cursor : nil
  }

  /// The lower-cased word ending just before `index`, without leading brackets or quotes.
  private static func wordBefore(_ index: Int, in characters: [Character]) -> String {
    var start = index
    while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
    var word = Substring(String(characters[start..<index]))
    while let first = word.first, !(first.isLetter || first.isNumber) { word = word.dropFirst() }
    return word.lowercased()
  }

  private static func append(
    _ slice: ArraySlice<Character>, in characters: [Character], to sentences: inout [Sentence]
  ) {
    guard let first = slice.firstIndex(where: { !$0.isWhitespace }),
      let last = slice.lastIndex(where: { !$0.isWhitespace })
    else { return }
    let lineOffset = characters[..<first].count(where: \.isNewline)
    sentences.append(Sentence(text: String(characters[first...last]), lineOffset: lineOffset))
  }
}
