import Foundation

/// A hand-labelled development set for the miner: queries over corpora, each with the
/// convention sentences a reader of the documentation would want found
/// (`Tests/CPlanCorpusTests/Fixtures/mining-dev-set.json`).
public struct MiningDevSet: Sendable, Decodable {
  /// One query and its gold sentences.
  public struct Query: Sendable, Decodable {
    /// Stable id, e.g. `q01`.
    public var id: String
    /// The corpus searched.
    public var corpus: String
    /// What a pack author would type.
    public var query: String
    /// The rule topic it serves.
    public var topic: String?
    /// The sentences that should be found.
    public var gold: [Gold]
  }

  /// One gold sentence: where it starts and the text of that line it holds.
  public struct Gold: Sendable, Decodable {
    /// The file inside the corpus folder.
    public var path: String
    /// The line the sentence starts on (1-based).
    public var line: Int
    /// The sentence, or its part on that line.
    public var quote: String
    /// What kind of statement: default, consequence, unsupported, version, directive,
    /// imperative.
    public var `class`: String
  }

  /// The queries.
  public var queries: [Query]

  /// Reads a set from JSON.
  public static func read(_ url: URL) throws -> MiningDevSet {
    try JSONDecoder().decode(MiningDevSet.self, from: Data(contentsOf: url))
  }
}

/// Recall and precision of a ranked list of sentences against a query's gold sentences.
public struct MiningScore: Sendable, Equatable {
  /// Gold sentences found in the first 10, 25 and 50, out of all gold sentences.
  public var found10 = 0, found25 = 0, found50 = 0, gold = 0
  /// Of the first 25 sentences returned, those that are gold, and how many were returned.
  public var hits25 = 0, returned25 = 0

  public init() {}

  /// Recall at 10, 25 and 50.
  public var recall: (at10: Double, at25: Double, at50: Double) {
    let total = Double(max(gold, 1))
    return (Double(found10) / total, Double(found25) / total, Double(found50) / total)
  }

  /// Precision at 25: the share of the first 25 returned that are gold — a lower bound of the
  /// share that is actionable, since only labelled sentences count.
  public var precision25: Double { returned25 == 0 ? 0 : Double(hits25) / Double(returned25) }

  /// Adds another query's score.
  public static func + (lhs: MiningScore, rhs: MiningScore) -> MiningScore {
    var sum = lhs
    sum.found10 += rhs.found10
    sum.found25 += rhs.found25
    sum.found50 += rhs.found50
    sum.gold += rhs.gold
    sum.hits25 += rhs.hits25
    sum.returned25 += rhs.returned25
    return sum
  }

  /// The score of `ranked` (corpus path and start line of each sentence, best first) for
  /// `query`. A returned sentence matches a gold one when it is in the same file and starts on
  /// the gold line or the line before or after (sentence splitting may place the start a line
  /// apart); each gold sentence is found at most once.
  public static func of(_ ranked: [(path: String, line: Int)], for query: MiningDevSet.Query)
    -> MiningScore
  {
    var score = MiningScore()
    score.gold = query.gold.count
    var matched = Set<Int>()
    for (rank, item) in ranked.prefix(50).enumerated() {
      guard
        let index = query.gold.indices.first(where: { index in
          !matched.contains(index) && query.gold[index].path == item.path
            && abs(query.gold[index].line - item.line) <= 1
        })
      else { continue }
      matched.insert(index)
      if rank < 10 { score.found10 += 1 }
      if rank < 25 {
        score.found25 += 1
        score.hits25 += 1
      }
      score.found50 += 1
    }
    score.returned25 = min(25, ranked.count)
    return score
  }
}

/// The section-level baseline: the sentences of the best-ranked sections, in rank order and
/// then in document order — what a plain full-text search shows a pack author.
public enum SectionBaseline {
  /// The first `limit` sentences of `sections` (best first).
  public static func sentences(_ sections: [CorpusSection], limit: Int) -> [(path: String, line: Int)] {
    var out: [(path: String, line: Int)] = []
    for section in sections {
      for paragraph in section.paragraphs {
        for sentence in SentenceSplitter.sentences(in: paragraph.text) {
          out.append((section.path, paragraph.line + sentence.lineOffset))
          if out.count == limit { return out }
        }
      }
    }
    return out
  }
}
