import Foundation

/// The Wilcoxon signed-rank test of paired differences (two-sided), dropping zero differences.
public struct Wilcoxon: Sendable, Hashable, Codable {
  /// How the p value was obtained.
  public enum Method: String, Sendable, Hashable, Codable {
    /// The exact null distribution (n ≤ 25, no ties).
    case exact
    /// The normal approximation with tie and continuity corrections.
    case normal
  }

  /// W = min(W+, W−), as scipy.stats.wilcoxon reports it.
  public var statistic: Double
  /// Sum of the ranks of positive differences.
  public var positiveRankSum: Double
  /// Sum of the ranks of negative differences.
  public var negativeRankSum: Double
  /// Non-zero differences (the test's n).
  public var n: Int
  /// Zero differences, dropped.
  public var zeros: Int
  /// Whether some absolute differences tie.
  public var ties: Bool
  /// Exact or normal.
  public var method: Method
  /// The z score of the normal approximation.
  public var z: Double?
  /// The two-sided p value.
  public var p: Double

  /// The largest n for which the exact distribution is used.
  public static let exactLimit = 25

  /// Tests differences; values closer to zero than 1e-12 count as zero, and absolute values
  /// closer than 1e-12 as ties.
  /// - Parameter differences: one difference per pair (arm minus baseline).
  public init(_ differences: [Double]) {
    let epsilon = 1e-12
    let nonZero = differences.filter { abs($0) > epsilon }
    zeros = differences.count - nonZero.count
    n = nonZero.count
    let order = nonZero.indices.sorted { abs(nonZero[$0]) < abs(nonZero[$1]) }
    var ranks = [Double](repeating: 0, count: n)
    var tieSizes: [Int] = []
    var start = 0
    while start < n {
      var end = start
      while end + 1 < n,
        abs(abs(nonZero[order[end + 1]]) - abs(nonZero[order[start]])) <= epsilon
      {
        end += 1
      }
      let rank = Double(start + end + 2) / 2
      for i in start...end { ranks[order[i]] = rank }
      if end > start { tieSizes.append(end - start + 1) }
      start = end + 1
    }
    ties = !tieSizes.isEmpty
    positiveRankSum = zip(nonZero, ranks).filter { $0.0 > 0 }.map(\.1).reduce(0, +)
    negativeRankSum = zip(nonZero, ranks).filter { $0.0 < 0 }.map(\.1).reduce(0, +)
    statistic = min(positiveRankSum, negativeRankSum)
    if n == 0 {
      method = .exact
      z = nil
      p = 1
    } else if n <= Self.exactLimit && !ties {
      method = .exact
      z = nil
      p = min(1, 2 * Self.exactCDF(Int(statistic.rounded()), n: n))
    } else {
      method = .normal
      let nd = Double(n)
      let mean = nd * (nd + 1) / 4
      let correction = tieSizes.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / 48
      let sd = (nd * (nd + 1) * (2 * nd + 1) / 24 - correction).squareRoot()
      let score = sd > 0 ? max(0, abs(positiveRankSum - mean) - 0.5) / sd : 0
      z = score
      p = sd > 0 ? min(1, erfc(score / 2.0.squareRoot())) : 1
    }
  }

  /// P(W+ ≤ w) under the null for n untied ranks: subsets of {1…n} whose sum is at most w,
  /// over 2^n.
  public static func exactCDF(_ w: Int, n: Int) -> Double {
    guard w >= 0 else { return 0 }
    let maxSum = n * (n + 1) / 2
    var counts = [Double](repeating: 0, count: maxSum + 1)
    counts[0] = 1
    if n > 0 {
      for rank in 1...n {
        for sum in stride(from: maxSum, through: rank, by: -1) {
          counts[sum] += counts[sum - rank]
        }
      }
    }
    let upTo = counts[0...min(w, maxSum)].reduce(0, +)
    return upTo / pow(2, Double(n))
  }
}

/// The exact McNemar test on paired pass/fail outcomes: a two-sided binomial test of the
/// discordant pairs against one half.
public struct McNemar: Sendable, Hashable, Codable {
  /// Pairs where both pass.
  public var bothPass: Int
  /// Pairs where only the baseline passes.
  public var baselineOnly: Int
  /// Pairs where only the compared arm passes.
  public var armOnly: Int
  /// Pairs where neither passes.
  public var neither: Int
  /// The two-sided p value.
  public var p: Double

  /// Tests pairs of outcomes.
  /// - Parameter pairs: (baseline passed, arm passed) per task.
  public init(_ pairs: [(baseline: Bool, arm: Bool)]) {
    bothPass = pairs.filter { $0.baseline && $0.arm }.count
    baselineOnly = pairs.filter { $0.baseline && !$0.arm }.count
    armOnly = pairs.filter { !$0.baseline && $0.arm }.count
    neither = pairs.filter { !$0.baseline && !$0.arm }.count
    let discordant = baselineOnly + armOnly
    p =
      discordant == 0
      ? 1 : min(1, 2 * Stats.binomialHalfCDF(min(baselineOnly, armOnly), n: discordant))
  }
}
