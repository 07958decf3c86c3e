/// What the chart shows: the primary metric by level for each arm, in an overall panel and one
/// panel per framework, with 95% intervals from a two-stage bootstrap (tasks of the cell, then
/// runs within each drawn task), so a cell holding one task still shows its run-to-run spread.
public struct ChartData: Sendable, Hashable, Codable {
  /// One arm's value at one level.
  public struct Point: Sendable, Hashable, Codable {
    /// The level.
    public var level: Int
    /// Mean over the cell's tasks, in percent; nil when the cell is empty.
    public var value: Double?
    /// The bootstrap interval, in percent.
    public var interval: Interval?
    /// Tasks in the cell.
    public var tasks: Int
  }

  /// One arm's line.
  public struct Series: Sendable, Hashable, Codable {
    /// The arm.
    public var arm: String
    /// One point per level.
    public var points: [Point]
  }

  /// One panel.
  public struct Panel: Sendable, Hashable, Codable {
    /// The title: `all frameworks` or the framework.
    public var title: String
    /// One series per arm, baseline first.
    public var series: [Series]
  }

  /// The metric shown.
  public var metric: Metric
  /// The levels on the x axis.
  public var levels: [Int]
  /// The overall panel, then one per framework.
  public var panels: [Panel]

  /// Builds the chart's data from matched arms.
  public init(_ matched: MatchedArms, options: CompareOptions) {
    metric = options.primary
    let base = matched.tasks[0]
    levels = Set(base.map(\.level)).sorted()
    let frameworks = Set(base.map(\.framework)).sorted()
    let scopes: [(String, (TaskResult) -> Bool)] =
      [("all frameworks", { _ in true })]
      + frameworks.map { name in (name, { $0.framework == name }) }
    let levels = self.levels
    let metric = self.metric
    panels = scopes.map { title, includes in
      let series = matched.arms.indices.map { a in
        let points = levels.map { level -> Point in
          let cell = matched.tasks[a].filter { includes($0) && $0.level == level }
          let label = "chart|\(matched.arms[a].name)|\(title)|L\(level)"
          return Self.point(cell, level: level, metric: metric, label: label, options.bootstrap)
        }
        return Series(arm: matched.arms[a].name, points: points)
      }
      return Panel(title: title, series: series)
    }
  }

  private static func point(
    _ cell: [TaskResult], level: Int, metric: Metric, label: String, _ bootstrap: Bootstrap
  ) -> Point {
    let runValues = cell.map { task in task.runs.map { runValue($0, metric) } }
    guard !cell.isEmpty else { return Point(level: level, value: nil, interval: nil, tasks: 0) }
    let value = Stats.mean(cell.map { $0.value(metric) }) ?? 0
    var generator = SeededGenerator(seed: bootstrap.seed, label: label)
    var replicates: [[Double?]] = []
    replicates.reserveCapacity(bootstrap.resamples)
    for _ in 0..<bootstrap.resamples {
      var total = 0.0
      for _ in cell.indices {
        let runs = runValues[generator.index(below: cell.count)]
        var sum = 0.0
        for _ in runs.indices { sum += runs[generator.index(below: runs.count)] }
        total += sum / Double(runs.count)
      }
      replicates.append([total / Double(cell.count)])
    }
    let interval = bootstrap.interval(replicates, component: 0)
    return Point(
      level: level, value: 100 * value,
      interval: interval.map { Interval(low: 100 * $0.low, high: 100 * $0.high) },
      tasks: cell.count)
  }

  /// A run's value for a metric: its A%, strict A%, or 1 for a success.
  static func runValue(_ run: RunResult, _ metric: Metric) -> Double {
    switch metric {
    case .assertions: run.assertionRate
    case .strictAssertions: run.strictAssertionRate
    case .passAt1: run.success ? 1 : 0
    }
  }
}
