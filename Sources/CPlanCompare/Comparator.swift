/// Settings of a comparison.
public struct CompareOptions: Sendable, Hashable, Codable {
  /// Resamples, seed and confidence of every interval.
  public var bootstrap: Bootstrap
  /// The k of pass@k and pass^k.
  public var k: Int
  /// The metric of the paired tests, decay, recovery, marginal effects and chart.
  public var primary: Metric

  /// Creates options.
  public init(bootstrap: Bootstrap = Bootstrap(), k: Int = 3, primary: Metric = .strictAssertions) {
    self.bootstrap = bootstrap
    self.k = k
    self.primary = primary
  }
}

/// Compares each arm with the baseline over the matched tasks.
///
/// Every interval is a stratified percentile bootstrap over tasks: a replicate resamples the
/// tasks of each (agent/model, level) stratum with replacement. The level rows, the decay
/// and the recovered share of a scope come from the same replicates as the scope's own row.
public struct Comparator: Sendable {
  /// The matched arms.
  public let matched: MatchedArms
  /// The settings.
  public let options: CompareOptions

  /// Creates a comparator.
  public init(_ matched: MatchedArms, options: CompareOptions) {
    self.matched = matched
    self.options = options
  }

  /// Compares arm `index` (1 or more) with the baseline (arm 0).
  public func compare(arm index: Int) -> ArmComparison {
    let pair = PairedValues(matched: matched, arm: index)
    let base = matched.tasks[0]
    let levels = Set(base.map(\.level)).sorted()
    var rows: [ComparisonRow] = []
    var levelRows: [ComparisonRow] = []
    var decay: [DecayRow] = []
    let armName = matched.arms[index].name
    let decayLevels = (levels.first ?? 0, levels.last ?? 0)
    let overall = ScopeStatistic(
      pair: pair, levels: levels, decayLevels: decayLevels, primary: options.primary)
    let other = ScopeStatistic(
      pair: pair, levels: [], decayLevels: decayLevels, primary: options.primary)
    for group in TaskGroup.groups(for: base) where group.kind != .level {
      let members = base.indices.filter { group.contains(base[$0]) }
      let scope = group.kind == .all ? overall : other
      let label = "compare|\(armName)|\(group)"
      let replicates = options.bootstrap.replicates(
        strata: strata(members), label: label, scope.values)
      let point = scope.values(members)
      rows.append(row(group, members, pair, replicates, offset: 0))
      if group.kind == .all {
        for (position, level) in levels.enumerated() {
          let levelMembers = members.filter { base[$0].level == level }
          levelRows.append(
            row(
              .level(level), levelMembers, pair, replicates,
              offset: Metric.allCases.count * (position + 1)))
        }
      }
      if group.kind == .all || group.kind == .framework || group.kind == .agentModel {
        decay.append(
          decayRow(group, members, scope: scope, point: point, replicates: replicates))
      }
    }
    rows.insert(contentsOf: levelRows, at: 1)
    return ArmComparison(
      arm: armName, baseline: matched.arms[0].name, primary: options.primary, rows: rows,
      decay: decay)
  }

  /// The bootstrap strata of a set of tasks: one per (agent/model, level).
  func strata(_ members: [Int]) -> [[Int]] {
    var byKey: [String: [Int]] = [:]
    for i in members {
      let task = matched.tasks[0][i]
      byKey["\(task.key.agentModel)|\(task.level)", default: []].append(i)
    }
    return byKey.keys.sorted().map { byKey[$0]! }
  }

  private func row(
    _ group: TaskGroup, _ members: [Int], _ pair: PairedValues, _ replicates: [[Double?]],
    offset: Int
  ) -> ComparisonRow {
    let metrics = Metric.allCases.enumerated().map { position, metric in
      let differences = members.map { pair.difference(metric, $0) }
      let interval = options.bootstrap.interval(replicates, component: offset + position)
      return MetricDifference(
        metric: metric, baseline: 100 * (Stats.mean(members.map { pair.base(metric, $0) }) ?? 0),
        arm: 100 * (Stats.mean(members.map { pair.arm(metric, $0) }) ?? 0),
        difference: 100 * (Stats.mean(differences) ?? 0),
        standardError: Stats.standardError(differences).map { 100 * $0 },
        interval: interval.map { Interval(low: 100 * $0.low, high: 100 * $0.high) })
    }
    let wilcoxon = Wilcoxon(members.map { pair.difference(options.primary, $0) })
    let mcnemar = McNemar(
      members.map { (matched.tasks[0][$0].majorityPass, pair.armTasks[$0].majorityPass) })
    return ComparisonRow(
      group: group, tasks: members.count, metrics: metrics, wilcoxon: wilcoxon, mcnemar: mcnemar)
  }

  private func decayRow(
    _ scope: TaskGroup, _ members: [Int], scope statistic: ScopeStatistic, point: [Double?],
    replicates: [[Double?]]
  ) -> DecayRow {
    let (from, to) = statistic.decayLevels
    let first = statistic.decayOffset
    func scaled(_ component: Int, withInterval: Bool) -> Estimate? {
      guard let value = point[first + component] else { return nil }
      let interval =
        withInterval ? options.bootstrap.interval(replicates, component: first + component) : nil
      return Estimate(
        value: 100 * value,
        interval: interval.map { Interval(low: 100 * $0.low, high: 100 * $0.high) })
    }
    let ends = members.filter {
      let level = matched.tasks[0][$0].level
      return level == from || level == to
    }
    let thin = strata(ends).contains { $0.count < 2 }
    var note: String?
    if from == to {
      note = "only one level (L\(from)): no decay"
    } else if point[first] == nil {
      note = "no task at L\(from) or L\(to)"
    } else if (point[first] ?? 0) <= 0 {
      note = "the baseline does not decay: no share to recover"
    } else if thin {
      note = "a single task at L\(from) or L\(to): no interval"
    }
    return DecayRow(
      scope: scope, fromLevel: from, toLevel: to, baseline: scaled(0, withInterval: !thin),
      arm: scaled(1, withInterval: !thin), recovered: scaled(2, withInterval: !thin), note: note)
  }
}

/// Per-task values of both arms of one comparison, as fractions.
struct PairedValues: Sendable {
  let baseTasks: [TaskResult]
  let armTasks: [TaskResult]
  private let baseValues: [[Double]]
  private let armValues: [[Double]]
  private static let slots = Dictionary(
    uniqueKeysWithValues: Metric.allCases.enumerated().map { ($1, $0) })

  init(matched: MatchedArms, arm index: Int) {
    baseTasks = matched.tasks[0]
    armTasks = matched.tasks[index]
    baseValues = Metric.allCases.map { metric in matched.tasks[0].map { $0.value(metric) } }
    armValues = Metric.allCases.map { metric in matched.tasks[index].map { $0.value(metric) } }
  }

  func base(_ metric: Metric, _ i: Int) -> Double { baseValues[Self.slot(metric)][i] }
  func arm(_ metric: Metric, _ i: Int) -> Double { armValues[Self.slot(metric)][i] }
  func difference(_ metric: Metric, _ i: Int) -> Double { arm(metric, i) - base(metric, i) }

  static func slot(_ metric: Metric) -> Int { slots[metric]! }
}
