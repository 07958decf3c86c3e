/// A sentence of a corpus that may state a convention worth making explicit in a rule pack.
public struct Candidate: Sendable, Hashable, Codable {
  /// The sentence in plain words, whitespace collapsed.
  public var statement: String
  /// Corpus id.
  public var corpus: String
  /// File inside the corpus folder.
  public var path: String
  /// The source line where the sentence starts (1-based).
  public var line: Int
  /// The sentence exactly as it appears in its paragraph (line breaks kept).
  public var quote: String
  /// The headings of its section, from the document title down.
  public var headings: [String]
  /// The name of the strongest normative cue it contains, e.g. `must not`.
  public var cue: String
  /// Section relevance × cue weight, with a small bonus for shorter sentences.
  public var score: Double
  /// Other places that say nearly the same thing (merged near-duplicates), best first.
  public var alsoAt: [CandidateCitation]

  /// Creates a candidate.
  public init(
    statement: String, corpus: String, path: String, line: Int, quote: String,
    headings: [String], cue: String, score: Double, alsoAt: [CandidateCitation] = []
  ) {
    self.statement = statement
    self.corpus = corpus
    self.path = path
    self.line = line
    self.quote = quote
    self.headings = headings
    self.cue = cue
    self.score = score
    self.alsoAt = alsoAt
  }

  /// Its own place, as a citation.
  public var citation: CandidateCitation {
    CandidateCitation(corpus: corpus, path: path, line: line, quote: quote)
  }

  /// The candidate as a JSON object for `--format json`, with the guessed topic.
  public var jsonValue: [String: Any] {
    [
      "statement": statement, "corpus": corpus, "path": path, "line": line, "quote": quote,
      "headings": headings, "cue": cue, "score": score, "topic": TopicGuesser.topic(for: self),
      "alsoAt": alsoAt.map(\.jsonValue),
    ]
  }

  /// Whether `self` comes before `other` in the miner's output: score descending, then corpus,
  /// path, line and quote.
  func ranksBefore(_ other: Candidate) -> Bool {
    if score != other.score { return score > other.score }
    return (corpus, path, line, quote) < (other.corpus, other.path, other.line, other.quote)
  }
}

/// Where a candidate's sentence (or a near-duplicate of it) is.
public struct CandidateCitation: Sendable, Hashable, Codable {
  /// Corpus id.
  public var corpus: String
  /// File inside the corpus folder.
  public var path: String
  /// The source line where the sentence starts.
  public var line: Int
  /// The sentence as written there.
  public var quote: String

  /// Creates a citation.
  public init(corpus: String, path: String, line: Int, quote: String) {
    self.corpus = corpus
    self.path = path
    self.line = line
    self.quote = quote
  }

  /// The citation as a JSON object.
  public var jsonValue: [String: Any] {
    ["corpus": corpus, "path": path, "line": line, "quote": quote]
  }
}
