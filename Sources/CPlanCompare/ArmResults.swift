import CPlanCore

/// One arm's results: its tasks, what was skipped, and how compliance was decided.
public struct ArmResults: Sendable {
  /// The arm's name, e.g. `baseline`.
  public var name: String
  /// The results folder.
  public var root: String
  /// The tasks read, sorted by key.
  public var tasks: [TaskResult]
  /// What was skipped or incomplete while reading.
  public var diagnostics: [Diagnostic]
  /// The compliance checker's label.
  public var checker: String
  /// Whether the checker verifies anything.
  public var verified: Bool

  /// Creates an arm.
  public init(
    name: String, root: String, tasks: [TaskResult], diagnostics: [Diagnostic], checker: String,
    verified: Bool
  ) {
    self.name = name
    self.root = root
    self.tasks = tasks
    self.diagnostics = diagnostics
    self.checker = checker
    self.verified = verified
  }

  /// Runs by compliance.
  public var complianceCounts: [Compliance: Int] {
    var counts: [Compliance: Int] = [:]
    for run in tasks.flatMap(\.runs) { counts[run.compliance, default: 0] += 1 }
    return counts
  }

  /// The arm's aggregates over its own tasks, per group.
  /// - Parameter k: the k of pass@k and pass^k.
  public func aggregates(k: Int) -> [GroupAggregate] {
    TaskGroup.groups(for: tasks, everyAgentModel: true).map { group in
      GroupAggregate(group: group, tasks: tasks.filter(group.contains), k: k)
    }
  }
}

/// Means over the tasks of one group (each task weighs the same, as in the paper's tables);
/// rates are in percent.
public struct GroupAggregate: Sendable, Hashable, Codable {
  /// The group.
  public var group: TaskGroup
  /// Tasks in the group.
  public var tasks: Int
  /// Runs in the group.
  public var runs: Int
  /// Successful runs.
  public var successes: Int
  /// Mean A%.
  public var assertionRate: Double
  /// Mean strict A%.
  public var strictAssertionRate: Double
  /// Mean pass@1.
  public var passAt1: Double
  /// The k of pass@k and pass^k.
  public var k: Int
  /// Mean pass@k.
  public var passAtK: Double
  /// Mean pass^k.
  public var passPowerK: Double

  /// Aggregates tasks.
  public init(group: TaskGroup, tasks list: [TaskResult], k: Int) {
    func mean(_ values: [Double]) -> Double { 100 * (Stats.mean(values) ?? 0) }
    self.group = group
    tasks = list.count
    runs = list.map(\.runCount).reduce(0, +)
    successes = list.map(\.successes).reduce(0, +)
    assertionRate = mean(list.map(\.assertionRate))
    strictAssertionRate = mean(list.map(\.strictAssertionRate))
    passAt1 = mean(list.map(\.passAt1))
    self.k = k
    passAtK = mean(list.map { $0.passAt(k: k) })
    passPowerK = mean(list.map { $0.passPower(k: k) })
  }
}
