import Foundation
import Testing

@testable import CPlanCompare

@Suite("statistics")
struct StatisticsTests {
  @Test(
    "pass@k is the unbiased estimator",
    arguments: [
      (n: 10, c: 2, k: 3, expected: 1 - 56.0 / 120),  // 1 − C(8,3)/C(10,3)
      (n: 3, c: 1, k: 3, expected: 1.0),
      (n: 3, c: 0, k: 3, expected: 0.0),
      (n: 10, c: 3, k: 1, expected: 0.3),
      (n: 5, c: 2, k: 2, expected: 0.7),  // 1 − 3/10
      (n: 2, c: 1, k: 3, expected: 1.0),  // fewer runs than k: any success
      (n: 0, c: 0, k: 1, expected: 0.0),
    ])
  func passAtK(n: Int, c: Int, k: Int, expected: Double) {
    #expect(abs(PassAtK.passAt(k: k, n: n, c: c) - expected) < 1e-12)
  }

  @Test(
    "pass^k is C(c,k)/C(n,k)",
    arguments: [
      (n: 5, c: 3, k: 2, expected: 0.3),
      (n: 3, c: 3, k: 3, expected: 1.0),
      (n: 3, c: 2, k: 3, expected: 0.0),
      (n: 10, c: 5, k: 3, expected: 10.0 / 120),
      (n: 2, c: 2, k: 3, expected: 1.0),  // fewer runs than k: all succeeded
      (n: 2, c: 1, k: 3, expected: 0.0),
    ])
  func passPowerK(n: Int, c: Int, k: Int, expected: Double) {
    #expect(abs(PassAtK.passPower(k: k, n: n, c: c) - expected) < 1e-12)
  }

  @Test("wilcoxon exact p matches scipy for small n")
  func wilcoxonExact() {
    let eight = Wilcoxon([0.5, -1.2, 2.3, 3.1, -0.4, 1.7, 2.9, 0.8])
    #expect(eight.method == .exact)
    #expect(eight.statistic == 5)
    #expect(eight.n == 8)
    #expect(abs(eight.p - 0.078125) < 1e-12)
    let five = Wilcoxon([1, 2, 3, 4, 5])
    #expect(five.statistic == 0)
    #expect(abs(five.p - 0.0625) < 1e-12)
    let signed: [Double] = (1...25).map { (i: Int) -> Double in
      let sign: Double = i % 2 == 0 ? 1 : -1
      return 0.1 * Double(i) * sign
    }
    let alternating = Wilcoxon(signed)
    #expect(alternating.method == .exact)
    #expect(alternating.statistic == 156)
    #expect(abs(alternating.p - 0.8739878535270691) < 1e-9)
  }

  @Test("wilcoxon exact distribution sums to one")
  func wilcoxonDistribution() {
    #expect(abs(Wilcoxon.exactCDF(55, n: 10) - 1) < 1e-12)
    #expect(abs(Wilcoxon.exactCDF(0, n: 10) - 1.0 / 1024) < 1e-15)
    #expect(Wilcoxon.exactCDF(-1, n: 4) == 0)
  }

  @Test("wilcoxon normal approximation with ties and zeros matches scipy")
  func wilcoxonNormal() {
    let tied = Wilcoxon([1, -2, 2, 3, 3, 3, -4, 5, 6, 0])
    #expect(tied.method == .normal)
    #expect(tied.ties)
    #expect(tied.zeros == 1)
    #expect(tied.n == 9)
    #expect(tied.statistic == 9.5)
    #expect(abs(tied.p - 0.13690647995474453) < 1e-9)
    let thirty: [Double] = [
      0.845584, 1.321618, 0.830437, -0.803157, 1.405356, 0.946375, -0.036953, 1.081118,
      0.864572, 0.794132, 0.528422, 1.046713, -0.236454, 0.33709, 0.017881, 1.098846, 0.539722,
      0.207543, -0.281908, 0.242808, 0.508142, 0.224397, 1.794064, 1.506724, -2.211162,
      -1.389013, 0.325228, 0.07781, 0.713643, 0.717322,
    ]
    let large = Wilcoxon(thirty)
    #expect(large.method == .normal)
    #expect(large.statistic == 89)
    #expect(abs(large.p - 0.0032686681663885225) < 1e-9)
  }

  @Test("wilcoxon of no differences is p = 1")
  func wilcoxonEmpty() {
    #expect(Wilcoxon([]).p == 1)
    #expect(Wilcoxon([0, 0, 0]).p == 1)
    #expect(Wilcoxon([0, 0, 0]).zeros == 3)
  }

  @Test("exact mcnemar is a two-sided binomial test of discordant pairs")
  func mcnemar() {
    let pairs =
      [(true, false)] + Array(repeating: (false, true), count: 9)
      + Array(repeating: (true, true), count: 4) + [(false, false)]
    let test = McNemar(pairs.map { (baseline: $0.0, arm: $0.1) })
    #expect(test.baselineOnly == 1)
    #expect(test.armOnly == 9)
    #expect(test.bothPass == 4)
    #expect(test.neither == 1)
    #expect(abs(test.p - 0.021484375) < 1e-12)
    let other = McNemar(
      (Array(repeating: (true, false), count: 3) + Array(repeating: (false, true), count: 9))
        .map { (baseline: $0.0, arm: $0.1) })
    #expect(abs(other.p - 0.14599609375) < 1e-12)
    #expect(McNemar([(baseline: true, arm: true)]).p == 1)
    #expect(McNemar(Array(repeating: (baseline: true, arm: false), count: 5)).p == 0.0625)
  }

  @Test("quantiles interpolate like numpy")
  func quantiles() {
    let values = [1.0, 2, 3, 4, 10]
    #expect(Stats.quantile(values, 0.5) == 3)
    #expect(abs(Stats.quantile(values, 0.9)! - 7.6) < 1e-12)
    #expect(Stats.quantile(values, 0) == 1)
    #expect(Stats.quantile(values, 1) == 10)
    #expect(abs(Stats.standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])! - 2.138089935299395) < 1e-12)
    #expect(abs(Stats.normalCDF(1.959963984540054) - 0.975) < 1e-12)
  }

  @Test("the bootstrap is determined by its seed and label")
  func bootstrapDeterminism() {
    let values = (0..<40).map { Double($0 % 7) - 2.5 }
    func interval(seed: UInt64, label: String) -> Interval? {
      let bootstrap = Bootstrap(resamples: 1_000, seed: seed)
      let replicates = bootstrap.replicates(strata: [Array(0..<20), Array(20..<40)], label: label) {
        [Stats.mean($0.map { values[$0] })]
      }
      return bootstrap.interval(replicates, component: 0)
    }
    let first = interval(seed: 1, label: "x")
    #expect(first != nil)
    #expect(first == interval(seed: 1, label: "x"))
    #expect(first != interval(seed: 2, label: "x"))
    #expect(first != interval(seed: 1, label: "y"))
    #expect(first!.contains(Stats.mean(values)!))
  }

  @Test("the generator's sequence is fixed")
  func generator() {
    var generator = SeededGenerator(seed: 1234567)
    // SplitMix64 reference outputs for seed 1234567.
    #expect(generator.next() == 6_457_827_717_110_365_317)
    #expect(generator.next() == 3_203_168_211_198_807_973)
    var indices = SeededGenerator(seed: 3)
    let draws = (0..<1_000).map { _ in indices.index(below: 7) }
    #expect(draws.allSatisfy { (0..<7).contains($0) })
    #expect(Set(draws).count == 7)
  }

  @Test("a stratified resample keeps every stratum's size")
  func stratified() {
    let bootstrap = Bootstrap(resamples: 50, seed: 5)
    let strata = [[0, 1, 2], [3], [4, 5, 6, 7]]
    let replicates = bootstrap.replicates(strata: strata, label: "s") { draw in
      [
        Double(draw.filter { $0 < 3 }.count), Double(draw.filter { $0 == 3 }.count),
        Double(draw.filter { $0 > 3 }.count),
      ]
    }
    #expect(replicates.allSatisfy { $0 == [3, 1, 4] })
  }
}
