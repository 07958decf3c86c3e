/// What one bootstrap replicate of a scope computes, in one pass over its tasks: the mean
/// difference of each metric, the same per level (for the `all` scope), then the baseline's
/// decay, the arm's decay and the recovered share, all as fractions.
struct ScopeStatistic: Sendable {
  let pair: PairedValues
  let members: [Int]
  let levels: [Int]
  let decayLevels: (Int, Int)
  let primary: Metric

  init(
    pair: PairedValues, members: [Int], levels: [Int], decayLevels: (Int, Int), primary: Metric
  ) {
    self.pair = pair
    self.members = members
    self.levels = levels
    self.decayLevels = decayLevels
    self.primary = primary
  }

  private var metricCount: Int { Metric.allCases.count }

  /// Where the decay components start: baseline decay, arm decay, recovered share.
  var decayOffset: Int { metricCount * (levels.count + 1) }

  /// The components for tasks `draw` (indices into the matched tasks, repeats allowed).
  func values(_ draw: [Int]) -> [Double?] {
    let metrics = Metric.allCases
    var sums = [Double](repeating: 0, count: metricCount * (levels.count + 1))
    var counts = [Int](repeating: 0, count: levels.count + 1)
    var ends = (baseFrom: 0.0, baseTo: 0.0, armFrom: 0.0, armTo: 0.0, from: 0, to: 0)
    for i in draw {
      let level = pair.baseTasks[i].level
      let slot = levels.firstIndex(of: level).map { $0 + 1 }
      counts[0] += 1
      if let slot { counts[slot] += 1 }
      for (m, metric) in metrics.enumerated() {
        let d = pair.difference(metric, i)
        sums[m] += d
        if let slot { sums[slot * metricCount + m] += d }
      }
      if level == decayLevels.0 {
        ends.baseFrom += pair.base(primary, i)
        ends.armFrom += pair.arm(primary, i)
        ends.from += 1
      }
      if level == decayLevels.1 {
        ends.baseTo += pair.base(primary, i)
        ends.armTo += pair.arm(primary, i)
        ends.to += 1
      }
    }
    var out: [Double?] = sums.enumerated().map { index, sum in
      let count = counts[index / metricCount]
      return count > 0 ? sum / Double(count) : nil
    }
    if ends.from > 0, ends.to > 0 {
      let base = ends.baseFrom / Double(ends.from) - ends.baseTo / Double(ends.to)
      let arm = ends.armFrom / Double(ends.from) - ends.armTo / Double(ends.to)
      out += [base, arm, base > 0 ? (base - arm) / base : nil]
    } else {
      out += [nil, nil, nil]
    }
    return out
  }
}
