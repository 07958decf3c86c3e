import CPlanCore

/// One explicit statement of a plan, with where it comes from.
public struct PlanItem: Sendable, Hashable, Codable {
  /// Stable id: the rule id, or `spec-…` / `manifest-…` for derived items.
  public var id: String
  /// What it is about; decides its group in the plan.
  public var topic: Topic
  /// How binding it is; decides its order within the group and what a budget drops first.
  public var severity: RuleSeverity
  /// The statement, imperative, in cplan's or the pack author's words.
  public var statement: String
  /// Where it comes from.
  public var provenance: Provenance
  /// What fails when it is ignored; nil when unknown.
  public var breaks: Breakage?
  /// How likely an agent is to miss it unprompted; nil when unknown.
  public var likelihood: Likelihood?
  /// Literal facts the statement conveys (a port, a path, a file name); when the base prompt
  /// already contains every one of them, the statement restates it and is left out. Empty for
  /// statements that always add something (pack rules).
  public var facts: [String]

  /// Creates an item.
  public init(
    id: String, topic: Topic, severity: RuleSeverity, statement: String, provenance: Provenance,
    breaks: Breakage? = nil, likelihood: Likelihood? = nil, facts: [String] = []
  ) {
    self.id = id
    self.topic = topic
    self.severity = severity
    self.statement = statement
    self.provenance = provenance
    self.breaks = breaks
    self.likelihood = likelihood
    self.facts = facts
  }

  /// Expected value of stating it: the share of a run lost when it is missed, times the
  /// probability of missing it, times the weight of its obligation (must 1, should 0.6,
  /// note 0.25). Unknown breakage counts as a wrong result, unknown likelihood as medium.
  public var value: Double {
    let severityWeight: Double =
      switch severity {
      case .must: 1
      case .should: 0.6
      case .note: 0.25
      }
    return (breaks ?? .wrongResult).weight * (likelihood ?? .medium).probability * severityWeight
  }
}

/// Where a plan item comes from.
public enum Provenance: Sendable, Hashable, Codable {
  /// A pack rule, with its citations.
  case rule(pack: String, version: String, rule: String, sources: [Citation])
  /// The API spec, at a JSON pointer (RFC 6901), e.g. `#/paths/~1users~1login/post`.
  case spec(file: String, pointer: String)
  /// The manifest, at a key path such as `server.port` or `files[0]`.
  case manifest(file: String, key: String)
  /// A conclusion drawn from several places of the API spec, each a JSON pointer.
  case specImplication(file: String, pointers: [String])

  /// A short human-readable citation, e.g. `django@1.0.0 django-append-slash`.
  public var label: String {
    switch self {
    case .rule(let pack, let version, let rule, _): "\(pack)@\(version) \(rule)"
    case .spec(_, let pointer): "spec \(pointer)"
    case .manifest(_, let key): "manifest \(key)"
    case .specImplication(_, let pointers):
      "spec " + pointers.prefix(3).joined(separator: ", ") + (pointers.count > 3 ? ", …" : "")
    }
  }

  /// The kind of source: `rule`, `spec` or `manifest`.
  public var kind: String {
    switch self {
    case .rule: "rule"
    case .spec, .specImplication: "spec"
    case .manifest: "manifest"
    }
  }
}

/// A rule's documentation source, as carried into a plan.
public struct Citation: Sendable, Hashable, Codable {
  /// Corpus id, for corpus sources.
  public var corpus: String?
  /// Path in the corpus.
  public var path: String?
  /// Line in that file.
  public var line: Int?
  /// The quoted words.
  public var quote: String?
  /// URL, for web sources.
  public var url: String?
  /// Section of the page.
  public var section: String?

  /// Creates a citation.
  public init(
    corpus: String? = nil, path: String? = nil, line: Int? = nil, quote: String? = nil,
    url: String? = nil, section: String? = nil
  ) {
    self.corpus = corpus
    self.path = path
    self.line = line
    self.quote = quote
    self.url = url
    self.section = section
  }

  /// `corpus:path:line` or the URL with its section.
  public var label: String {
    if let corpus, let path, let line { return "\(corpus):\(path):\(line)" }
    if let url { return section.map { "\(url) (\($0))" } ?? url }
    return "?"
  }
}

extension RuleSource {
  /// The source as a plan citation.
  public var citation: Citation {
    switch self {
    case .corpus(let corpus, let path, let line, let quote, _):
      Citation(corpus: corpus, path: path, line: line, quote: quote)
    case .url(let url, let section, _): Citation(url: url, section: section)
    }
  }
}
