import CPlanModel

/// What a harness task asks for: framework, runtime and constraints, inferred the way the
/// constraint-decay harness infers them.
public struct TaskTarget: Sendable, Hashable {
  /// The two families of harness task.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// Generate a service from scratch (`dockerFolder` `uv` or `node`).
    case generation
    /// Extend an existing repository (`dockerFolder` names the framework).
    case feature
  }

  /// The framework, e.g. `django` or `hono`.
  public var framework: String
  /// The runtime the task runs on.
  public var runtime: Runtime
  /// The spec token of a generation task's name (`openapi`); nil for feature tasks.
  public var spec: String?
  /// The constraint tokens in name order, e.g. `["clean_architecture", "postgres"]`; empty when
  /// unconstrained, and always empty for feature tasks.
  public var constraints: [String]
  /// Generation or feature implementation.
  public var kind: Kind

  /// The constraint level: the number of constraint tokens.
  public var level: Int { constraints.count }

  /// Creates a target.
  /// - Parameters:
  ///   - framework: the framework.
  ///   - runtime: its runtime.
  ///   - spec: the spec token, for generation tasks.
  ///   - constraints: the constraint tokens.
  ///   - kind: generation or feature.
  public init(
    framework: String, runtime: Runtime, spec: String?, constraints: [String], kind: Kind
  ) {
    self.framework = framework
    self.runtime = runtime
    self.spec = spec
    self.constraints = constraints
    self.kind = kind
  }

  /// The name token that stands for "no constraints".
  public static let unconstrainedToken = "unconstrained"

  /// The runtime of every framework the paper covers.
  public static let frameworkRuntimes: [String: Runtime] = [
    "aiohttp": .python, "django": .python, "fastapi": .python, "flask": .python,
    "express": .node, "fastify": .node, "hono": .node, "koa": .node,
  ]

  /// Feature-task docker folders whose name is not the framework's.
  public static let dockerFolderAliases: [String: String] = ["honojs": "hono"]

  /// Infers the target from a task's name and docker folder.
  ///
  /// A generation task (`dockerFolder` `uv` → python, `node` → node) is named
  /// `{framework}-{spec}-{constraints joined by '-'}`; the harness splits the name on `-`, takes
  /// the first part as framework and the parts after the second as constraints, and reads a lone
  /// `unconstrained` as none. Names with fewer than three parts, empty parts, or `unconstrained`
  /// beside other tokens are rejected. A feature task's `dockerFolder` is its framework
  /// (`honojs` meaning `hono`), its runtime follows the framework, its name is not parsed and it
  /// has no constraints.
  /// - Parameters:
  ///   - name: the task's `name`.
  ///   - dockerFolder: the task's `dockerFolder`.
  ///   - file: the file, for messages.
  /// - Throws: `HarnessError.unknownDockerFolder` or `HarnessError.unparseableName`.
  public static func infer(name: String, dockerFolder: String, file: String) throws -> TaskTarget {
    if let runtime = Runtime.allCases.first(where: { $0.dockerFolder == dockerFolder }) {
      return try generation(name: name, runtime: runtime, file: file)
    }
    let framework = dockerFolderAliases[dockerFolder] ?? dockerFolder
    guard let runtime = frameworkRuntimes[framework] else {
      throw HarnessError.unknownDockerFolder(dockerFolder, file: file)
    }
    return TaskTarget(
      framework: framework, runtime: runtime, spec: nil, constraints: [], kind: .feature)
  }

  private static func generation(name: String, runtime: Runtime, file: String) throws
    -> TaskTarget
  {
    let parts = name.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    func reject(_ reason: String) -> HarnessError {
      .unparseableName(name, file: file, reason: reason)
    }
    guard parts.count >= 3 else {
      throw reject("expected '{framework}-{spec}-{constraints}', found \(parts.count) part(s)")
    }
    if let empty = parts.firstIndex(of: "") {
      throw reject("part \(empty + 1) is empty")
    }
    var constraints = Array(parts[2...])
    if constraints == [unconstrainedToken] {
      constraints = []
    } else if constraints.contains(unconstrainedToken) {
      throw reject("'\(unconstrainedToken)' cannot stand beside constraints")
    }
    return TaskTarget(
      framework: parts[0], runtime: runtime, spec: parts[1], constraints: constraints,
      kind: .generation)
  }
}
