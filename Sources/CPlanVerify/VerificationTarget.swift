import CPlanHarness
import CPlanModel

/// What generated code is verified against: a framework, a variant of the constraint space, and
/// the pack rules (with checks) selected for it.
public struct VerificationTarget: Sendable {
  /// The harness task name, e.g. `django-openapi-clean_architecture-postgres`.
  public var name: String
  /// The framework, e.g. `django`.
  public var framework: String
  /// The runtime.
  public var runtime: Runtime
  /// The variant: a value or none for every dimension.
  public var variant: Variant
  /// The pack rules whose checks run, in pack then file order.
  public var rules: [Rule] = []

  /// The runtime of every framework the paper covers.
  public static let frameworkRuntimes = TaskTarget.frameworkRuntimes

  /// The paper's constraint tokens and the dimension values they stand for, used when no
  /// manifest is given.
  public static let paperTokens: [String: (dimension: String, value: String)] = [
    "clean_architecture": ("architecture", "clean"), "sqlite": ("database", "sqlite"),
    "postgres": ("database", "postgres"), "sqlalchemy": ("orm", "sqlalchemy"),
    "sequelize": ("orm", "sequelize"),
  ]

  /// Creates a target from parts.
  public init(name: String, framework: String, runtime: Runtime, variant: Variant) {
    self.name = name
    self.framework = framework
    self.runtime = runtime
    self.variant = variant
  }

  /// The target of a manifest's variant.
  public init(manifest: Manifest, variant: Variant) {
    self.init(
      name: variant.name, framework: manifest.framework, runtime: manifest.runtime,
      variant: variant)
  }

  /// The target of a task as the harness reads it: constraints from its name, framework from
  /// its name or (feature tasks) its docker folder.
  /// - Parameters:
  ///   - taskTarget: what the harness infers from the task.
  ///   - name: the task name.
  ///   - manifest: maps the constraint tokens to dimension values; the paper's tokens otherwise.
  /// - Throws: `VerifyError.unknownToken` for a token no dimension value has.
  public init(taskTarget: TaskTarget, name: String, manifest: Manifest? = nil) throws {
    var assignments: [Variant.Assignment]
    var lookup: [String: (dimension: String, value: String)] = Self.paperTokens
    if let manifest {
      assignments = manifest.dimensions.map { .init(dimension: $0.id, value: nil, token: nil) }
      lookup = [:]
      for dimension in manifest.dimensions {
        for value in dimension.values { lookup[value.token] = (dimension.id, value.id) }
      }
    } else {
      assignments = ["architecture", "database", "orm"].map {
        .init(dimension: $0, value: nil, token: nil)
      }
    }
    for token in taskTarget.constraints {
      guard let (dimension, value) = lookup[token],
        let index = assignments.firstIndex(where: { $0.dimension == dimension })
      else {
        throw VerifyError.unknownToken(token, name: name, known: lookup.keys.sorted())
      }
      if let earlier = assignments[index].token, earlier != token {
        let keep = [earlier, token].map { kept in
          name.split(separator: "-").filter { $0 != (kept == earlier ? token : earlier) }
            .joined(separator: "-")
        }
        throw VerifyError.contradictoryName(
          name, reason: "it names two values of '\(dimension)': '\(earlier)' and '\(token)'",
          suggestion: "keep one: '\(keep[0])' or '\(keep[1])'")
      }
      assignments[index] = .init(dimension: dimension, value: value, token: token)
    }
    let variant = Variant(
      name: name, level: assignments.filter { $0.value != nil }.count, assignments: assignments)
    try Self.checkCombination(
      variant, framework: taskTarget.framework, runtime: taskTarget.runtime, manifest: manifest)
    self.init(
      name: name, framework: taskTarget.framework, runtime: taskTarget.runtime, variant: variant)
  }

  /// The ORMs of each runtime, for names read without a manifest.
  static let ormRuntimes: [String: Runtime] = ["sqlalchemy": .python, "sequelize": .node]

  /// Rejects a combination the variant rules forbid: the manifest's `requires`, or without a
  /// manifest the paper's own: an ORM needs a database, and an ORM belongs to one runtime.
  static func checkCombination(
    _ variant: Variant, framework: String, runtime: Runtime, manifest: Manifest?
  ) throws {
    let name = variant.name
    if let manifest {
      for requirement in manifest.requires
      where requirement.condition.holds(
        for: variant, framework: framework, runtime: runtime.rawValue)
        && !requirement.then.holds(for: variant, framework: framework, runtime: runtime.rawValue)
      {
        throw VerifyError.contradictoryName(
          name, reason: requirement.message ?? "the manifest's variant rules forbid it",
          suggestion: "list the allowed names with 'cplan variants \(manifest.file)'")
      }
      return
    }
    if let orm = variant.value(of: "orm") {
      if let home = ormRuntimes[orm], home != runtime {
        throw VerifyError.contradictoryName(
          name, reason: "'\(orm)' is a \(home.rawValue) ORM and '\(framework)' runs on "
            + "\(runtime.rawValue)",
          suggestion: "use \(ormRuntimes.filter { $0.value == runtime }.keys.sorted().map { "'\($0)'" }.joined(separator: " or ")) or no ORM")
      }
      if variant.value(of: "database") == nil {
        throw VerifyError.contradictoryName(
          name, reason: "an ORM needs a database to map, and the name sets none",
          suggestion: "add 'sqlite' or 'postgres' before '\(orm)'")
      }
    }
  }

  /// The target of a harness task file.
  public init(task: HarnessTask, manifest: Manifest? = nil) throws {
    try self.init(taskTarget: task.target, name: task.name, manifest: manifest)
  }

  /// The target of a task name such as `django-openapi-clean_architecture-postgres`; the
  /// runtime follows the framework.
  /// - Throws: `VerifyError.unknownFramework`, `.invalidName` or `.unknownToken`.
  public static func named(_ name: String, manifest: Manifest? = nil) throws -> VerificationTarget {
    let framework = String(name.prefix { $0 != "-" })
    guard let runtime = manifest?.runtime ?? frameworkRuntimes[framework] else {
      throw VerifyError.unknownFramework(framework, name: name)
    }
    return try inferred(name: name, dockerFolder: runtime.dockerFolder, manifest: manifest)
  }

  /// The target of a results-tree run: its task folder read with its runtime folder (`uv`,
  /// `node`, or a feature task's framework) as the harness does.
  public static func inferred(name: String, dockerFolder: String, manifest: Manifest? = nil)
    throws -> VerificationTarget
  {
    do {
      let target = try TaskTarget.infer(name: name, dockerFolder: dockerFolder, file: name)
      return try VerificationTarget(taskTarget: target, name: name, manifest: manifest)
    } catch let error as HarnessError {
      throw VerifyError.invalidName(name, reason: error.message)
    }
  }

  /// The same target with the checked rules of `packs` that apply to it: the pack's `applies`
  /// and the rule's `when` hold for the variant, and the rule has a `check`.
  public func selecting(_ packs: [RulePack]) -> VerificationTarget {
    var copy = self
    let runtime = runtime.rawValue
    copy.rules = packs.filter {
      $0.applies.holds(for: variant, framework: framework, runtime: runtime)
    }
    .flatMap(\.rules).filter { rule in
      rule.check != nil && rule.when.holds(for: variant, framework: framework, runtime: runtime)
    }
    return copy
  }

  /// The architecture value, e.g. `clean`, or nil.
  public var architecture: String? { variant.value(of: "architecture") }
  /// The database value, e.g. `postgres`, or nil.
  public var database: String? { variant.value(of: "database") }
  /// The ORM value, e.g. `sqlalchemy`, or nil.
  public var orm: String? { variant.value(of: "orm") }
}
