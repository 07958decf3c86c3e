/// A set of tasks a statistic is computed over: all, one level, one framework, one constraint
/// (every task whose name carries it) or one agent/model.
public struct TaskGroup: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The kinds of group, in report order.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every task.
    case all
    /// One constraint level.
    case level
    /// One framework.
    case framework
    /// Tasks carrying one constraint token.
    case constraint
    /// One agent and model.
    case agentModel = "agent-model"
  }

  /// The kind.
  public var kind: Kind
  /// The framework, constraint token or `agent/model`; `all` or `L{n}` otherwise.
  public var name: String
  /// The level of a level group.
  public var level: Int?

  /// Every task.
  public static let all = TaskGroup(kind: .all, name: "all", level: nil)

  /// One level.
  public static func level(_ level: Int) -> TaskGroup {
    TaskGroup(kind: .level, name: "L\(level)", level: level)
  }

  /// `all`, `L3`, or `kind name`, e.g. `framework django`.
  public var description: String {
    switch kind {
    case .all, .level: name
    default: "\(kind.rawValue) \(name)"
    }
  }

  /// Whether a task belongs to the group.
  public func contains(_ task: TaskResult) -> Bool {
    switch kind {
    case .all: true
    case .level: task.level == level
    case .framework: task.framework == name
    case .constraint: task.constraints.contains(name)
    case .agentModel: task.key.agentModel == name
    }
  }

  /// The groups present among tasks, in report order: all, levels, frameworks, constraints,
  /// then agent/models (unless `everyAgentModel`, only when there are several: one would
  /// repeat `all`).
  public static func groups(
    for tasks: [TaskResult], kinds: [Kind] = Kind.allCases, everyAgentModel: Bool = false
  ) -> [TaskGroup] {
    var out: [TaskGroup] = []
    for kind in kinds {
      switch kind {
      case .all: out.append(.all)
      case .level: out += Set(tasks.map(\.level)).sorted().map(TaskGroup.level)
      case .framework:
        out += Set(tasks.map(\.framework)).sorted().map {
          TaskGroup(kind: .framework, name: $0, level: nil)
        }
      case .constraint:
        out += Set(tasks.flatMap(\.constraints)).sorted().map {
          TaskGroup(kind: .constraint, name: $0, level: nil)
        }
      case .agentModel:
        let names = Set(tasks.map(\.key.agentModel)).sorted()
        if names.count > 1 || everyAgentModel {
          out += names.map { TaskGroup(kind: .agentModel, name: $0, level: nil) }
        }
      }
    }
    return out
  }

  public static func < (lhs: TaskGroup, rhs: TaskGroup) -> Bool {
    let order = Kind.allCases
    let a = order.firstIndex(of: lhs.kind)!
    let b = order.firstIndex(of: rhs.kind)!
    if a != b { return a < b }
    if let l = lhs.level, let r = rhs.level { return l < r }
    return lhs.name < rhs.name
  }
}
