import Foundation

/// Finds sentences in documentation prose that state a convention or a default behaviour, as
/// candidates for rule packs.
///
/// Only paragraphs are read, never code blocks. A sentence is a candidate when it holds one of
/// the `NormativeCue`s and has between `minimumWords` and `maximumWords` words; its score is the
/// section's relevance × the cue's weight, with up to 10% more for shorter sentences, halved
/// for a sentence ending in `:` (it introduces a list or code the statement lacks). Near
/// duplicates (word sets with Jaccard similarity ≥ 0.8, or one sentence inside another) are
/// merged into the best-scored one, which lists the others in `alsoAt`.
public struct ConventionMiner: Sendable {
  /// Sentences with fewer words are dropped.
  public var minimumWords = 6
  /// Sentences with more words are dropped.
  public var maximumWords = 60
  /// Word-set similarity at or above which two candidates are merged.
  public var duplicateThreshold = 0.8

  /// Creates a miner with the default limits (6 to 60 words, duplicates at 0.8).
  public init() {}

  /// The best candidates of the given sections.
  /// - Parameters:
  ///   - sections: corpus sections, in any order (the output does not depend on it).
  ///   - relevance: how relevant a section is to the pack being built; sections scored 0 or
  ///     less are skipped.
  ///   - limit: the most candidates returned (after merging duplicates).
  /// - Returns: candidates by score descending, then corpus, path and line.
  public func candidates(
    from sections: [CorpusSection], relevance: (CorpusSection) -> Double, limit: Int
  ) -> [Candidate] {
    guard limit > 0 else { return [] }
    var found: [Candidate] = []
    for section in sections {
      let weight = relevance(section)
      guard weight > 0, weight.isFinite else { continue }
      found += candidates(in: section, relevance: weight)
    }
    found.sort { $0.ranksBefore($1) }
    return NearDuplicates(threshold: duplicateThreshold).merge(found, limit: limit)
  }

  /// The best candidates of ranked search hits (`CorpusIndex.sections(matching:)`): a
  /// section's relevance is its BM25 rank relative to the best hit's, at least 0.05.
  public func candidates(
    fromHits found: [(section: CorpusSection, rank: Double)], limit: Int
  ) -> [Candidate] {
    let ranks = Dictionary(
      found.map { ("\($0.section.path):\($0.section.startLine)", $0.rank) },
      uniquingKeysWith: { a, _ in a })
    let best = found.map(\.rank).min() ?? -1
    return candidates(
      from: found.map(\.section),
      relevance: { section in
        let rank = ranks["\(section.path):\(section.startLine)"] ?? 0
        return best < 0 ? max(0.05, rank / best) : 1
      }, limit: limit)
  }

  /// Every candidate sentence of one section, unranked and unmerged.
  func candidates(in section: CorpusSection, relevance: Double) -> [Candidate] {
    var found: [Candidate] = []
    for paragraph in section.paragraphs {
      for sentence in SentenceSplitter.sentences(in: paragraph.text) {
        let words = QuoteNormalizer.key(sentence.text).split(separator: " ").map(String.init)
        guard words.count >= minimumWords, words.count <= maximumWords,
          let cue = NormativeCue.strongest(in: words)
        else { continue }
        let span = Double(max(1, maximumWords - minimumWords))
        let brevity = 1 + 0.1 * Double(maximumWords - words.count) / span
        let introducesList = sentence.text.hasSuffix(":") ? 0.5 : 1
        let score =
          (relevance * cue.weight * brevity * introducesList * 1_000_000).rounded() / 1_000_000
        found.append(
          Candidate(
            statement: Self.collapse(sentence.text), corpus: section.corpus, path: section.path,
            line: paragraph.line + sentence.lineOffset, quote: sentence.text,
            headings: section.headings, cue: cue.name, score: score))
      }
    }
    return found
  }

  /// The text with every run of whitespace turned into one space, trimmed.
  static func collapse(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
