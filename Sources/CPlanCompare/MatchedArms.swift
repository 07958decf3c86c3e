import CPlanCore
import Foundation

/// Arms aligned task by task: the tasks present in every arm (matched by agent, model and task
/// name), and diagnostics for every task left out or unevenly run.
public struct MatchedArms: Sendable {
  /// The arms; the first is the baseline.
  public var arms: [ArmResults]
  /// The matched keys, sorted.
  public var keys: [TaskKey]
  /// `tasks[arm][i]` is arm's task for `keys[i]`.
  public var tasks: [[TaskResult]]
  /// Unmatched tasks, uneven run counts.
  public var diagnostics: [Diagnostic]

  /// Matches arms.
  /// - Parameter arms: the baseline first, then the others.
  /// - Throws: `CompareError.duplicateArm` or `CompareError.nothingMatched`.
  public init(_ arms: [ArmResults]) throws {
    var seen = Set<String>()
    for arm in arms where !seen.insert(arm.name).inserted {
      throw CompareError.duplicateArm(arm.name)
    }
    self.arms = arms
    let maps = arms.map { arm in
      Dictionary(arm.tasks.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }
    var common = Set(maps.first?.keys.map { $0 } ?? [])
    for map in maps.dropFirst() { common.formIntersection(map.keys) }
    let sortedKeys = common.sorted()
    guard !sortedKeys.isEmpty else { throw CompareError.nothingMatched }
    keys = sortedKeys
    tasks = maps.map { map in sortedKeys.map { map[$0]! } }
    diagnostics = []
    for (index, arm) in arms.enumerated() {
      let others = arms.enumerated().filter { $0.offset != index }
      for task in arm.tasks where !common.contains(task.key) {
        let missing = others.filter { maps[$0.offset][task.key] == nil }
          .map { "'\($0.element.name)'" }
        diagnostics.append(
          .warning(
            "unmatched-task",
            "task '\(task.key)' of arm '\(arm.name)' is missing from "
              + missing.joined(separator: ", ") + "; left out of the comparison",
            at: .start(of: Self.folder(of: task, in: arm))))
      }
      diagnostics += Self.shortTasks(arm)
    }
    for (i, key) in keys.enumerated() {
      let counts = tasks.map { $0[i].runCount }
      guard Set(counts).count > 1 else { continue }
      let detail = zip(arms, counts).map { "\($1) in '\($0.name)'" }.joined(separator: ", ")
      diagnostics.append(
        .warning(
          "unbalanced-runs", "task '\(key)' has \(detail)",
          at: .start(of: Self.folder(of: tasks[0][i], in: arms[0]))))
    }
  }

  /// Warns about tasks with fewer runs than most tasks of their arm.
  private static func shortTasks(_ arm: ArmResults) -> [Diagnostic] {
    var frequency: [Int: Int] = [:]
    for task in arm.tasks { frequency[task.runCount, default: 0] += 1 }
    guard
      let usual = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key
    else { return [] }
    return arm.tasks.filter { $0.runCount < usual }.map { task in
      .warning(
        "fewer-runs",
        "task '\(task.key)' of arm '\(arm.name)' has \(task.runCount) run"
          + "\(task.runCount == 1 ? "" : "s") where most tasks have \(usual)",
        at: .start(of: folder(of: task, in: arm)))
    }
  }

  /// The task's date folder.
  static func folder(of task: TaskResult, in arm: ArmResults) -> String {
    URL(fileURLWithPath: arm.root).appendingPathComponent(task.runtime)
      .appendingPathComponent(task.key.agent).appendingPathComponent(task.key.model)
      .appendingPathComponent(task.key.task).appendingPathComponent(task.date).path
  }
}
