import CPlanCorpus
import CPlanModel

/// One documentation excerpt chosen for a prompt.
public struct Excerpt: Sendable, Hashable {
  /// The section.
  public var section: CorpusSection
  /// The query that found it (the constraint it serves).
  public var query: String
  /// BM25 rank (lower is better).
  public var rank: Double
  /// The excerpt's prose, cut to the retriever's size.
  public var text: String
}

/// Chooses documentation excerpts for the retrieval arms: for each active constraint (and the
/// framework itself) the best sections of the manifest's corpora, de-duplicated, within budget.
public struct Retriever: Sendable {
  /// The index searched.
  public let index: CorpusIndex
  /// Sections taken per query.
  public var perQuery: Int
  /// Characters kept of each section's prose.
  public var excerptCharacters: Int
  /// Estimated tokens of all excerpts together.
  public var budget: Int
  /// The estimator of `budget`.
  public var estimator: any TokenEstimator

  /// Creates a retriever.
  public init(
    index: CorpusIndex, perQuery: Int = 2, excerptCharacters: Int = 900, budget: Int = 2500,
    estimator: any TokenEstimator = ByteTokenEstimator()
  ) {
    self.index = index
    self.perQuery = perQuery
    self.excerptCharacters = excerptCharacters
    self.budget = budget
    self.estimator = estimator
  }

  /// The queries for a variant: one for the framework, one per set dimension.
  public static func queries(for manifest: Manifest, variant: Variant, packs: [RulePack])
    -> [String]
  {
    let topics = Set(packs.flatMap { $0.rules.map(\.topic) })
    var queries = ["\(manifest.framework) " + (topics.isEmpty
      ? "routing request response settings" : topics.map(\.rawValue).sorted().joined(separator: " "))]
    for assignment in variant.assignments {
      guard let value = assignment.value, let dimension = manifest.dimension(assignment.dimension),
        let chosen = dimension.value(value)
      else { continue }
      queries.append("\(manifest.framework) \(chosen.label) \(dimension.id) configuration")
    }
    return queries
  }

  /// The excerpts for a variant, best first, within budget.
  /// - Throws: `CorpusIndexError`.
  public func excerpts(for manifest: Manifest, variant: Variant, packs: [RulePack]) throws
    -> [Excerpt]
  {
    let corpora = manifest.corpora.map(\.value)
    var seen: Set<String> = []
    var chosen: [Excerpt] = []
    for query in Self.queries(for: manifest, variant: variant, packs: packs) {
      var taken = 0
      for (section, rank) in try index.sections(matching: query, corpora: corpora, limit: 12)
      where taken < perQuery && !section.paragraphs.isEmpty {
        guard seen.insert(section.citation).inserted else { continue }
        chosen.append(Excerpt(section: section, query: query, rank: rank, text: cut(section.text)))
        taken += 1
      }
    }
    var total = 0
    return chosen.filter { excerpt in
      let cost = estimator.tokens(in: excerpt.text) + 20
      guard total + cost <= budget else { return false }
      total += cost
      return true
    }
  }

  private func cut(_ text: String) -> String {
    guard text.count > excerptCharacters else { return text }
    let prefix = text.prefix(excerptCharacters)
    let end = prefix.lastIndex(where: { $0 == "." || $0 == "\n" }) ?? prefix.endIndex
    return String(prefix[..<end]) + (end == prefix.endIndex ? "…" : ". …")
  }
}
