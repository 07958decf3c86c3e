/// What matches a task across arms: agent, model and harness task name.
public struct TaskKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The agent folder, e.g. `mini_swe_sdk`.
  public var agent: String
  /// The model folder, e.g. `gpt-5.4`.
  public var model: String
  /// The task folder: the harness task name, e.g. `flask-openapi-sqlite`.
  public var task: String

  /// Creates a key.
  public init(agent: String, model: String, task: String) {
    self.agent = agent
    self.model = model
    self.task = task
  }

  /// `agent/model`.
  public var agentModel: String { "\(agent)/\(model)" }

  /// `agent/model/task`.
  public var description: String { "\(agent)/\(model)/\(task)" }

  public static func < (lhs: TaskKey, rhs: TaskKey) -> Bool {
    (lhs.agent, lhs.model, lhs.task) < (rhs.agent, rhs.model, rhs.task)
  }
}
