import CPlanCore
import CPlanModel

/// What a report says about a rule: its id, descriptions, help with citations, and level.
public struct RuleDescriptor: Sendable, Hashable {
  /// The rule id, e.g. `cplan-database-other` or a pack rule's id.
  public var id: String
  /// One line.
  public var shortDescription: String
  /// The statement.
  public var fullDescription: String
  /// The statement with its rationale and sources, as plain text.
  public var help: String
  /// The same as Markdown.
  public var helpMarkdown: String
  /// A page documenting the rule, when one is known.
  public var helpURI: String?
  /// The level of its findings.
  public var level: Severity
  /// Topic and origin, e.g. `database`, `built-in`.
  public var tags: [String]

  /// The descriptor of a pack rule: statement, rationale and sources.
  public init(rule: Rule) {
    id = rule.id
    level = Self.severity(of: rule.severity)
    tags = [rule.topic.rawValue, "pack:\(rule.packID)", rule.severity.rawValue]
    fullDescription = rule.statement
    shortDescription = Self.firstSentence(rule.statement)
    var sources: [String] = []
    var links: [String] = []
    for source in rule.sources {
      switch source {
      case .corpus(let corpus, let path, let line, let quote, _):
        sources.append("\(corpus): \(path):\(line): \"\(quote)\"")
        links.append("`\(corpus)` `\(path):\(line)`: \"\(quote)\"")
      case .url(let url, let section, _):
        sources.append(url + (section.map { " (\($0))" } ?? ""))
        links.append("<\(url)>" + (section.map { " (\($0))" } ?? ""))
        if helpURI == nil { helpURI = url }
      }
    }
    var text = rule.statement
    var markdown =
      "**\(rule.id)** (\(rule.severity.rawValue), \(rule.topic.rawValue)): "
      + rule.statement
    if let rationale = rule.rationale {
      text += "\n\nWhy: \(rationale)"
      markdown += "\n\n*Why:* \(rationale)"
    }
    if !sources.isEmpty {
      text += "\n\nSources:\n" + sources.map { "- \($0)" }.joined(separator: "\n")
      markdown += "\n\n*Sources:*\n\n" + links.map { "- \($0)" }.joined(separator: "\n")
    }
    help = text
    helpMarkdown = markdown
  }

  /// A built-in descriptor.
  init(id: String, short: String, full: String, level: Severity = .error, tags: [String]) {
    self.id = id
    shortDescription = short
    fullDescription = full
    let citation =
      "Constraint Decay: The Fragility of LLM Agents in Backend Code Generation "
      + "(arXiv 2605.06445); the static verifiers of its harness (francdente/constraint-decay, "
      + "constraint_decay/verifiers.py)"
    help = "\(full)\n\nSource: \(citation)"
    helpMarkdown = "**\(id)**: \(full)\n\n*Source:* \(citation)"
    helpURI = "https://arxiv.org/abs/2605.06445"
    self.level = level
    self.tags = tags + ["built-in"]
  }

  /// The finding level of a rule severity: `must` is an error, `should` a warning.
  public static func severity(of severity: RuleSeverity) -> Severity {
    switch severity {
    case .must: .error
    case .should: .warning
    case .note: .note
    }
  }

  private static func firstSentence(_ text: String) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    if let end = flat.range(of: ". ") { return String(flat[..<end.lowerBound]) + "." }
    return flat
  }
}

/// The rules of the built-in verifiers.
public enum BuiltInRule {
  /// Fewer than three of the four layers are folders.
  public static let architectureLayers = RuleDescriptor(
    id: "cplan-architecture-layers",
    short: "Clean architecture: at least three of the four layers are folders.",
    full: "Split the code into layer folders with common names: routes or handlers, services or "
      + "use cases, repositories or data access, models or entities; at least three of the four "
      + "must be present.", tags: ["architecture"])

  /// A lower layer imports a higher one.
  public static let architectureImports = RuleDescriptor(
    id: "cplan-architecture-imports",
    short: "Clean architecture: no layer imports a higher layer.",
    full: "A file of a lower layer never imports a higher layer: models import no other layer, "
      + "repositories import models, services import repositories and models, and only routes "
      + "import services.", tags: ["architecture"])

  /// No evidence of the prescribed database engine.
  public static let databaseMissing = RuleDescriptor(
    id: "cplan-database-missing",
    short: "Database: the prescribed engine is used.",
    full: "Use the database engine the variant prescribes, shown by its driver import, "
      + "connection URL, Django backend, Sequelize dialect or dependency declaration.",
    tags: ["database"])

  /// Evidence of the engine that was not prescribed.
  public static let databaseOther = RuleDescriptor(
    id: "cplan-database-other",
    short: "Database: no other engine is used.",
    full: "Show no driver, connection URL, backend, dialect or dependency of the engine that was "
      + "not prescribed (lock files are not read; Django's default SQLite setting is tolerated "
      + "when PostgreSQL is configured).", tags: ["database"])

  /// No evidence of the prescribed ORM.
  public static let ormMissing = RuleDescriptor(
    id: "cplan-orm-missing",
    short: "ORM: the prescribed ORM is used.",
    full: "Use the ORM the variant prescribes (SQLAlchemy for Python, Sequelize for Node), shown "
      + "by its import, constructor or dependency declaration.", tags: ["orm"])

  /// A patch that did not parse cleanly.
  public static let inputProblem = RuleDescriptor(
    id: "cplan-input",
    short: "Input: the patch or folder reads cleanly.",
    full: "The patch parses as a unified diff and every file of the folder can be read; parts "
      + "that do not are skipped.", level: .warning, tags: ["input"])

  /// Every built-in rule.
  public static let all = [
    architectureLayers, architectureImports, databaseMissing, databaseOther, ormMissing,
    inputProblem,
  ]
}
