import CPlanCore

/// Versioned, cited convention statements for one framework, library, database or architecture.
public struct RulePack: Sendable {
  /// The file it was read from.
  public var file: String
  /// Kebab-case id, named by manifests.
  public var id: String
  /// Where the id was written.
  public var idLocation: SourceLocation
  /// Semantic version of the pack's content.
  public var version: String
  /// One line.
  public var title: String
  /// Longer description.
  public var description: String?
  /// Which manifests the pack fits (always, when absent).
  public var applies: Condition
  /// The application whose API contract the pack states (e.g. `conduit`), nil for framework,
  /// library, database and architecture packs; only such a pack may use the application's
  /// vocabulary.
  public var application: String?
  /// Default corpus of the rules' sources.
  public var corpus: String?
  /// The rules, in file order.
  public var rules: [Rule]
}

/// How binding a rule is.
public enum RuleSeverity: String, Sendable, CaseIterable, Codable, Comparable {
  case must
  case should
  case note

  private var rank: Int {
    switch self {
    case .must: 0
    case .should: 1
    case .note: 2
    }
  }

  /// `must` sorts first.
  public static func < (lhs: RuleSeverity, rhs: RuleSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// What a rule is about; the case order is the order of topics in a plan.
public enum Topic: String, Sendable, CaseIterable, Codable, Comparable {
  case files, packaging, startup, settings, routing, request, auth, validation, errors
  case serialization, contract, architecture, database, schema, orm, sessions, transactions
  case migrations, async, pipeline

  /// Plan order.
  public static func < (lhs: Topic, rhs: Topic) -> Bool { lhs.rank < rhs.rank }

  /// The position in `allCases`, computed once.
  private static let ranks: [Topic: Int] = Dictionary(
    uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })

  private var rank: Int { Self.ranks[self]! }

  /// The topic a manifest dimension's statements belong to: `architecture`, `database` and `orm`
  /// are topics of their own, a dimension named after another topic maps to it, and any other
  /// dimension is a setting.
  public static func of(dimension: String) -> Topic {
    Topic(rawValue: dimension) ?? .settings
  }
}

/// What fails when an agent ignores a rule; the planner weighs statements by it.
public enum Breakage: String, Sendable, CaseIterable, Codable {
  /// The server never starts or never answers: every test fails.
  case noStart = "no-start"
  /// Valid requests are refused (wrong route, status, parsing or authentication).
  case rejectsValid = "rejects-valid"
  /// The server answers, with wrong data or a wrong shape: a silent logic error.
  case wrongResult = "wrong-result"
  /// A constraint of the variant is broken, which fails its static verification.
  case violatesConstraint = "violates-constraint"
  /// Nothing a test sees: maintainability, security hygiene or style.
  case hygiene

  /// The share of a run lost when it happens, from 0 to 1.
  public var weight: Double {
    switch self {
    case .noStart: 1.0
    case .violatesConstraint: 0.8
    case .rejectsValid: 0.6
    case .wrongResult: 0.5
    case .hygiene: 0.05
    }
  }
}

/// How likely an agent is to get a rule wrong when the prompt does not state it.
public enum Likelihood: String, Sendable, CaseIterable, Codable {
  case high, medium, low

  /// The estimated probability of the mistake.
  public var probability: Double {
    switch self {
    case .high: 0.5
    case .medium: 0.2
    case .low: 0.05
    }
  }
}

/// One explicit, checkable convention statement.
public struct Rule: Sendable {
  /// Kebab-case id, unique across all loaded packs.
  public var id: String
  /// Where the id was written.
  public var idLocation: SourceLocation
  /// The id of the pack holding it.
  public var packID: String
  /// When the rule applies.
  public var when: Condition
  /// How binding it is.
  public var severity: RuleSeverity
  /// What it is about.
  public var topic: Topic
  /// The statement itself, imperative.
  public var statement: String
  /// Why it matters, and why an agent gets it wrong.
  public var rationale: String?
  /// What fails when it is ignored; nil when the pack does not say.
  public var breaks: Breakage?
  /// How likely an agent is to miss it unprompted; nil when the pack does not say.
  public var likelihood: Likelihood?
  /// Where it is documented.
  public var sources: [RuleSource]
  /// Rules it contradicts.
  public var conflicts: [Located<String>]
  /// Statements it says more precisely (rule ids, or derived ids such as
  /// `spec-implies-invalid-input`): where both would reach a plan, this one stays.
  public var replaces: [Located<String>] = []
  /// Former ids.
  public var deprecatedAliases: [String]
  /// A static check of generated code.
  public var check: RuleCheck?
  /// Code that passes and fails the check.
  public var examples: RuleExamples?
}

/// Where a rule's statement is documented.
public enum RuleSource: Sendable, Hashable {
  /// A passage of a local documentation corpus.
  case corpus(corpus: String, path: String, line: Int, quote: String, location: SourceLocation)
  /// A web page, not checked locally.
  case url(url: String, section: String?, location: SourceLocation)
}

/// The kinds of static check a rule can carry.
public enum CheckKind: String, Sendable, CaseIterable, Codable {
  case requireFile = "require-file"
  case requirePattern = "require-pattern"
  case forbidPattern = "forbid-pattern"
  case forbidImport = "forbid-import"
}

/// A static check of generated code.
public struct RuleCheck: Sendable, Hashable {
  /// What kind of check.
  public var kind: CheckKind
  /// Glob of the files it looks at.
  public var files: String?
  /// Regular expression, for pattern checks.
  public var pattern: String?
  /// Required file, for `require-file`.
  public var path: String?
  /// Forbidden module, for `forbid-import`.
  public var module: String?
  /// Message of a finding.
  public var message: String?
  /// The roles of the files it reads (`application`, `test`, `migration`, `tooling`, `docs`);
  /// nil for application code only.
  public var roles: [String]?

  /// The file roles a check can name.
  public static let roleNames = ["application", "test", "migration", "tooling", "docs"]

  /// Creates a check.
  public init(
    kind: CheckKind, files: String? = nil, pattern: String? = nil, path: String? = nil,
    module: String? = nil, message: String? = nil, roles: [String]? = nil
  ) {
    self.roles = roles
    self.kind = kind
    self.files = files
    self.pattern = pattern
    self.path = path
    self.module = module
    self.message = message
  }
}

/// Example files that pass and fail a rule's check.
public struct RuleExamples: Sendable, Hashable {
  /// Files the check accepts.
  public var pass: [ExampleFile]
  /// Files the check rejects.
  public var fail: [ExampleFile]
}

/// One example file.
public struct ExampleFile: Sendable, Hashable {
  /// Its path in the generated tree.
  public var path: String
  /// Its content.
  public var content: String
  /// Where it was written.
  public var location: SourceLocation
}
