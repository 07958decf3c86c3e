/// A value with its bootstrap interval. Rates are in percent (0–100) or percentage points.
public struct Estimate: Sendable, Hashable, Codable {
  /// The point estimate.
  public var value: Double
  /// The bootstrap interval, when one can be formed.
  public var interval: Interval?

  /// Creates an estimate.
  public init(value: Double, interval: Interval?) {
    self.value = value
    self.interval = interval
  }
}

/// One metric of one group: both arms' means over the matched tasks and their difference.
public struct MetricDifference: Sendable, Hashable, Codable {
  /// The metric.
  public var metric: Metric
  /// The baseline's mean, in percent.
  public var baseline: Double
  /// The compared arm's mean, in percent.
  public var arm: Double
  /// Arm minus baseline, in percentage points.
  public var difference: Double
  /// The standard error of the mean task difference (sd / √n), in points.
  public var standardError: Double?
  /// The bootstrap interval of the difference, in points.
  public var interval: Interval?
}

/// One group's comparison: each metric, and the paired tests.
public struct ComparisonRow: Sendable, Hashable, Codable {
  /// The group.
  public var group: TaskGroup
  /// Matched tasks in the group.
  public var tasks: Int
  /// A%, strict A% and pass@1.
  public var metrics: [MetricDifference]
  /// Wilcoxon signed-rank test of the primary metric's task differences.
  public var wilcoxon: Wilcoxon
  /// Exact McNemar test of per-task majority pass.
  public var mcnemar: McNemar

  /// The difference of one metric.
  public func metric(_ metric: Metric) -> MetricDifference? {
    metrics.first { $0.metric == metric }
  }
}

/// The decay from the lowest to the highest level within a scope, for both arms, and the
/// share of the baseline's decay the compared arm recovers: (baseline − arm) / baseline.
public struct DecayRow: Sendable, Hashable, Codable {
  /// All tasks, one framework or one agent/model.
  public var scope: TaskGroup
  /// The lowest level (L0).
  public var fromLevel: Int
  /// The highest level (L3).
  public var toLevel: Int
  /// The baseline's decay: mean at `fromLevel` minus mean at `toLevel`, in points.
  public var baseline: Estimate?
  /// The compared arm's decay, in points.
  public var arm: Estimate?
  /// The share of the baseline's decay recovered, in percent.
  public var recovered: Estimate?
  /// Why something is missing, if it is.
  public var note: String?
}

/// One arm compared with the baseline.
public struct ArmComparison: Sendable, Hashable, Codable {
  /// The compared arm.
  public var arm: String
  /// The baseline arm.
  public var baseline: String
  /// The metric of the tests, decay and recovery.
  public var primary: Metric
  /// One row per group.
  public var rows: [ComparisonRow]
  /// Decay and recovery per scope.
  public var decay: [DecayRow]
}

/// The marginal effect of one constraint in each arm, from matched pairs of variants that
/// differ by that constraint alone (same agent, model, framework and spec).
public struct MarginalEffect: Sendable, Hashable, Codable {
  /// One arm's effect.
  public struct ArmEffect: Sendable, Hashable, Codable {
    /// The arm.
    public var arm: String
    /// Mean of (with − without), in points.
    public var mean: Double
    /// Standard deviation of the pair differences.
    public var standardDeviation: Double?
    /// Standard error of the mean.
    public var standardError: Double?
  }

  /// An arm's effect minus the baseline's, over the same pairs.
  public struct Change: Sendable, Hashable, Codable {
    /// The arm.
    public var arm: String
    /// Mean change, in points.
    public var mean: Double
    /// Standard error.
    public var standardError: Double?
    /// Bootstrap interval over pairs.
    public var interval: Interval?
  }

  /// The constraint token.
  public var constraint: String
  /// Matched pairs.
  public var pairs: Int
  /// Each arm's effect, baseline first.
  public var arms: [ArmEffect]
  /// Each other arm's change against the baseline.
  public var changes: [Change]
}
