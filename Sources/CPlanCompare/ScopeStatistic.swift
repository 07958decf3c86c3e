/// What one bootstrap replicate of a scope computes, in one pass over its tasks: the mean
/// difference of each metric, the same per level (for the `all` scope), then the baseline's
/// decay, the arm's decay and the recovered share, all as fractions.
struct ScopeStatistic: Sendable {
  let levels: [Int]
  let decayLevels: (Int, Int)
  private let metricCount = Metric.allCases.count
  /// `differences[m][i]`: arm − baseline of metric m for matched task i.
  private let differences: [[Double]]
  /// 1 + the position of task i's level in `levels`, or 0 when not listed.
  private let levelSlot: [Int]
  private let taskLevel: [Int]
  private let basePrimary: [Double]
  private let armPrimary: [Double]

  init(pair: PairedValues, levels: [Int], decayLevels: (Int, Int), primary: Metric) {
    self.levels = levels
    self.decayLevels = decayLevels
    let indices = pair.baseTasks.indices
    differences = Metric.allCases.map { metric in indices.map { pair.difference(metric, $0) } }
    taskLevel = pair.baseTasks.map(\.level)
    levelSlot = taskLevel.map { level in levels.firstIndex(of: level).map { $0 + 1 } ?? 0 }
    basePrimary = indices.map { pair.base(primary, $0) }
    armPrimary = indices.map { pair.arm(primary, $0) }
  }

  /// Where the decay components start: baseline decay, arm decay, recovered share.
  var decayOffset: Int { metricCount * (levels.count + 1) }

  /// The components for tasks `draw` (indices into the matched tasks, repeats allowed).
  func values(_ draw: [Int]) -> [Double?] {
    var sums = [Double](repeating: 0, count: metricCount * (levels.count + 1))
    var counts = [Int](repeating: 0, count: levels.count + 1)
    var baseFrom = 0.0
    var baseTo = 0.0
    var armFrom = 0.0
    var armTo = 0.0
    var from = 0
    var to = 0
    for i in draw {
      let slot = levelSlot[i]
      counts[0] += 1
      if slot > 0 { counts[slot] += 1 }
      for m in 0..<metricCount {
        let d = differences[m][i]
        sums[m] += d
        if slot > 0 { sums[slot * metricCount + m] += d }
      }
      let level = taskLevel[i]
      if level == decayLevels.0 {
        baseFrom += basePrimary[i]
        armFrom += armPrimary[i]
        from += 1
      }
      if level == decayLevels.1 {
        baseTo += basePrimary[i]
        armTo += armPrimary[i]
        to += 1
      }
    }
    var out: [Double?] = sums.enumerated().map { index, sum in
      let count = counts[index / metricCount]
      return count > 0 ? sum / Double(count) : nil
    }
    if from > 0, to > 0 {
      let base = baseFrom / Double(from) - baseTo / Double(to)
      let arm = armFrom / Double(from) - armTo / Double(to)
      out += [base, arm, base > 0 ? (base - arm) / base : nil]
    } else {
      out += [nil, nil, nil]
    }
    return out
  }
}
