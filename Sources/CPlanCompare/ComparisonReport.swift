import CPlanCore

/// Everything `cplan compare` reports, ready for any output format. Rates are in percent,
/// differences in percentage points.
public struct ComparisonReport: Sendable, Encodable {
  /// How the report was computed.
  public struct Settings: Sendable, Hashable, Codable {
    /// Bootstrap seed.
    public var seed: UInt64
    /// Bootstrap resamples.
    public var resamples: Int
    /// Interval confidence.
    public var confidence: Double
    /// The k of pass@k and pass^k.
    public var k: Int
    /// The metric of tests, decay, recovery, marginal effects and chart.
    public var primary: Metric
    /// What was done with runs lacking a usable Newman report.
    public var missingReport: ResultsReader.MissingReportPolicy
    /// The compliance checker's label.
    public var compliance: String
    /// Whether compliance was verified.
    public var verified: Bool
  }

  /// One arm as read.
  public struct ArmSummary: Sendable, Hashable, Codable {
    /// The arm's name.
    public var name: String
    /// Its results folder.
    public var root: String
    /// Tasks read.
    public var tasks: Int
    /// Runs read.
    public var runs: Int
    /// Tasks matched in every arm.
    public var matchedTasks: Int
    /// Runs by compliance (`compliant`, `violating`, `unknown`, `not-applicable`).
    public var compliance: [String: Int]
    /// Aggregates over the arm's own tasks, per group.
    public var aggregates: [GroupAggregate]
  }

  /// Settings.
  public var settings: Settings
  /// The arms, baseline first.
  public var arms: [ArmSummary]
  /// Tasks present in every arm.
  public var matchedTasks: Int
  /// Each non-baseline arm against the baseline.
  public var comparisons: [ArmComparison]
  /// Marginal constraint effects per arm.
  public var marginal: [MarginalEffect]
  /// The chart's data, when a chart was asked for.
  public var chart: ChartData?
  /// Every task of every arm.
  public var tasks: [TaskRow]
  /// Every run of every arm.
  public var runs: [RunRow]
  /// Everything skipped, incomplete, unmatched or unbalanced.
  public var issues: [Diagnostic]

  /// Builds the report.
  /// - Parameters:
  ///   - arms: the arms as read, baseline first (at least two).
  ///   - options: bootstrap, k and primary metric.
  ///   - missingReport: the reader's policy, for the record.
  ///   - chart: whether to compute the chart's data.
  /// - Throws: `CompareError.duplicateArm` or `CompareError.nothingMatched`.
  public init(
    arms: [ArmResults], options: CompareOptions,
    missingReport: ResultsReader.MissingReportPolicy, chart: Bool
  ) throws {
    let matched = try MatchedArms(arms)
    let comparator = Comparator(matched, options: options)
    settings = Settings(
      seed: options.bootstrap.seed, resamples: options.bootstrap.resamples,
      confidence: options.bootstrap.confidence, k: options.k, primary: options.primary,
      missingReport: missingReport, compliance: arms.first?.checker ?? "",
      verified: arms.allSatisfy(\.verified))
    self.arms = arms.map { arm in
      ArmSummary(
        name: arm.name, root: arm.root, tasks: arm.tasks.count,
        runs: arm.tasks.map(\.runCount).reduce(0, +), matchedTasks: matched.keys.count,
        compliance: Dictionary(
          uniqueKeysWithValues: arm.complianceCounts.map { ($0.key.rawValue, $0.value) }),
        aggregates: arm.aggregates(k: options.k))
    }
    matchedTasks = matched.keys.count
    comparisons = arms.indices.dropFirst().map { comparator.compare(arm: $0) }
    marginal = MarginalEffects.compute(matched, options: options)
    self.chart = chart ? ChartData(matched, options: options) : nil
    let matchedKeys = Set(matched.keys)
    tasks = arms.flatMap { arm in
      arm.tasks.map {
        TaskRow(arm: arm.name, task: $0, k: options.k, matched: matchedKeys.contains($0.key))
      }
    }
    runs = arms.flatMap { arm in
      arm.tasks.flatMap { task in
        task.runs.map { RunRow(arm: arm.name, key: task.key, run: $0) }
      }
    }
    issues = arms.flatMap(\.diagnostics) + matched.diagnostics
  }

  /// Whether anything was skipped, incomplete, unmatched or unbalanced (warnings or errors).
  public var hasWarnings: Bool { issues.contains { $0.severity >= .warning } }
}
