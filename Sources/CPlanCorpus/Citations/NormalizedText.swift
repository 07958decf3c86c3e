/// A corpus file reduced to its comparison key, remembering the source line of every character,
/// so that a quote found in the key maps back to the line where it starts.
struct NormalizedText {
  /// The key's characters (Unicode scalars).
  private(set) var scalars: [Unicode.Scalar] = []
  /// The 1-based source line of each scalar.
  private(set) var lines: [Int] = []
  /// Whether each scalar starts a word (so matches can start and end at word boundaries even
  /// when spaces are dropped).
  private(set) var wordStarts: [Bool] = []

  /// Builds the key of a file's lines (line 1 first), each reduced from its markup first.
  /// - Parameters:
  ///   - sourceLines: the file's lines, without line breaks.
  ///   - format: the markup they are written in.
  ///   - spaced: whether words stay separated by one space; when false every space is dropped,
  ///     which also matches quotes whose words were split or joined differently.
  init(sourceLines: [String], format: DocumentFormat, spaced: Bool) {
    for (index, line) in sourceLines.enumerated() {
      let key = QuoteNormalizer.key(QuoteNormalizer.reduce(line, format: format))
      guard !key.isEmpty else { continue }
      if spaced, !scalars.isEmpty {
        scalars.append(" ")
        lines.append(index + 1)
        wordStarts.append(false)
      }
      var previous: Unicode.Scalar = " "
      for scalar in key.unicodeScalars {
        defer { previous = scalar }
        guard spaced || scalar != " " else { continue }
        scalars.append(scalar)
        lines.append(index + 1)
        wordStarts.append(scalar != " " && previous == " ")
      }
    }
  }

  /// The key of a quote, in the same form as the text's.
  static func key(ofQuote quote: String, spaced: Bool) -> [Unicode.Scalar] {
    let key = QuoteNormalizer.key(quote)
    return Array(key.unicodeScalars.filter { spaced || $0 != " " })
  }

  /// Every occurrence of `pattern`, as (start line, lines covered by its opening), where the
  /// opening is its first three words in spaced form or its first 12 characters otherwise.
  /// An occurrence must start and end at word boundaries.
  func occurrences(of pattern: [Unicode.Scalar], spaced: Bool) -> [Occurrence] {
    guard !pattern.isEmpty, pattern.count <= scalars.count else { return [] }
    var found: [Occurrence] = []
    let first = pattern[0]
    let last = scalars.count - pattern.count
    var start = 0
    while start <= last {
      defer { start += 1 }
      guard scalars[start] == first else { continue }
      let after = start + pattern.count
      guard wordStarts[start], after == scalars.count || wordStarts[after] || scalars[after] == " "
      else { continue }
      var matched = true
      for offset in 1..<pattern.count where scalars[start + offset] != pattern[offset] {
        matched = false
        break
      }
      guard matched else { continue }
      found.append(
        Occurrence(
          line: lines[start],
          openingLines: lines[start]...lines[start + openingLength(pattern, spaced: spaced) - 1]))
    }
    return found
  }

  /// The number of scalars of the pattern's opening.
  private func openingLength(_ pattern: [Unicode.Scalar], spaced: Bool) -> Int {
    guard spaced else { return min(12, pattern.count) }
    var words = 0
    for (index, scalar) in pattern.enumerated() where scalar == " " {
      words += 1
      if words == 3 { return index }
    }
    return pattern.count
  }

  /// Where a quote was found.
  struct Occurrence: Equatable {
    /// The line where it starts.
    var line: Int
    /// The lines its first words are on.
    var openingLines: ClosedRange<Int>
  }
}
