import CPlanHarness

/// One task of one arm: the runs of its latest date folder and their statistics.
public struct TaskResult: Sendable, Hashable {
  /// Agent, model and task name.
  public var key: TaskKey
  /// The runtime folder it was read from (`uv` or `node`).
  public var runtime: String
  /// Framework and constraints, parsed from the name as the harness does.
  public var target: TaskTarget
  /// The date folder used (the latest).
  public var date: String
  /// The runs, in folder-name order.
  public var runs: [RunResult]

  /// Creates a task result.
  public init(key: TaskKey, runtime: String, target: TaskTarget, date: String, runs: [RunResult]) {
    self.key = key
    self.runtime = runtime
    self.target = target
    self.date = date
    self.runs = runs
  }

  /// The framework.
  public var framework: String { target.framework }
  /// The constraint level.
  public var level: Int { target.level }
  /// The constraint tokens.
  public var constraints: [String] { target.constraints }

  /// Runs (n).
  public var runCount: Int { runs.count }
  /// Successful runs (c).
  public var successes: Int { runs.filter(\.success).count }

  /// Mean A% over runs, as a fraction.
  public var assertionRate: Double { mean(runs.map(\.assertionRate)) }
  /// Mean strict A% over runs, as a fraction.
  public var strictAssertionRate: Double { mean(runs.map(\.strictAssertionRate)) }
  /// pass@1: c / n.
  public var passAt1: Double { PassAtK.passAt(k: 1, n: runCount, c: successes) }
  /// pass@k.
  public func passAt(k: Int) -> Double { PassAtK.passAt(k: k, n: runCount, c: successes) }
  /// pass^k.
  public func passPower(k: Int) -> Double { PassAtK.passPower(k: k, n: runCount, c: successes) }
  /// Whether most runs succeeded (more than half), the unit of McNemar's test.
  public var majorityPass: Bool { 2 * successes > runCount }

  /// A task's value for a metric, as a fraction.
  public func value(_ metric: Metric) -> Double {
    switch metric {
    case .assertions: assertionRate
    case .strictAssertions: strictAssertionRate
    case .passAt1: passAt1
    }
  }

  private func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }
}

/// The per-task metrics a comparison reports.
public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
  /// A%: passed over total assertions.
  case assertions = "a"
  /// Strict A%: A% zeroed for non-compliant runs (the paper's headline A%).
  case strictAssertions = "strict-a"
  /// pass@1.
  case passAt1 = "pass@1"

  /// The column title.
  public var title: String {
    switch self {
    case .assertions: "A%"
    case .strictAssertions: "strict A%"
    case .passAt1: "pass@1"
    }
  }
}
