/// Input errors of the comparison: the command exits 2 on any of them.
public enum CompareError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A results path is not a folder.
  case notAFolder(String)
  /// A results folder holds no readable generation task.
  case noTasks(String)
  /// No task is present in every arm.
  case nothingMatched
  /// Two arms share a name.
  case duplicateArm(String)
  /// A summary file cannot be used.
  case unusableSummary(String, String)

  public var description: String {
    switch self {
    case .notAFolder(let path): "'\(path)' is not a folder"
    case .noTasks(let path):
      "no generation task found under '\(path)' (expected {uv|node}/{agent}/{model}/{task}/"
        + "{date}/run_N/)"
    case .nothingMatched: "no task is present in every arm (matched by agent, model and task)"
    case .duplicateArm(let name): "arm '\(name)' is named twice"
    case .unusableSummary(let path, let reason): "cannot use '\(path)': \(reason)"
    }
  }
}
