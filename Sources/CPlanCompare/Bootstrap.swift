/// A seeded, stratified percentile bootstrap: each replicate draws, with replacement, as many
/// items from every stratum as it holds, so the design (tasks per level) is kept.
public struct Bootstrap: Sendable, Hashable, Codable {
  /// Replicates per statistic.
  public var resamples: Int
  /// The seed; with `label`, it fixes every replicate.
  public var seed: UInt64
  /// The confidence level of intervals.
  public var confidence: Double

  /// Creates a bootstrap.
  public init(resamples: Int = 10_000, seed: UInt64 = 20_260_501, confidence: Double = 0.95) {
    self.resamples = resamples
    self.seed = seed
    self.confidence = confidence
  }

  /// The statistic's values over the replicates.
  /// - Parameters:
  ///   - strata: groups of item indices resampled separately; empty strata are ignored.
  ///   - label: names the statistic, so its replicates do not depend on other statistics.
  ///   - statistic: computes the values of one replicate from its item indices.
  public func replicates(
    strata: [[Int]], label: String, _ statistic: ([Int]) -> [Double?]
  ) -> [[Double?]] {
    var generator = SeededGenerator(seed: seed, label: label)
    let total = strata.map(\.count).reduce(0, +)
    var draw = [Int](repeating: 0, count: total)
    var out: [[Double?]] = []
    out.reserveCapacity(resamples)
    for _ in 0..<resamples {
      var position = 0
      for stratum in strata where !stratum.isEmpty {
        for _ in stratum.indices {
          draw[position] = stratum[generator.index(below: stratum.count)]
          position += 1
        }
      }
      out.append(statistic(draw))
    }
    return out
  }

  /// The percentile interval of one component of the replicates, ignoring replicates where
  /// it is undefined; nil when fewer than half are defined.
  public func interval(_ replicates: [[Double?]], component: Int) -> Interval? {
    let values = replicates.compactMap { $0[component] }
    guard !values.isEmpty, values.count * 2 >= replicates.count else { return nil }
    let tail = (1 - confidence) / 2
    guard let low = Stats.quantile(values, tail), let high = Stats.quantile(values, 1 - tail)
    else { return nil }
    return Interval(low: low, high: high)
  }
}

/// A confidence interval.
public struct Interval: Sendable, Hashable, Codable {
  /// Lower bound.
  public var low: Double
  /// Upper bound.
  public var high: Double

  /// Creates an interval.
  public init(low: Double, high: Double) {
    self.low = low
    self.high = high
  }

  /// Whether the interval holds a value.
  public func contains(_ value: Double) -> Bool { low <= value && value <= high }
}
