import Foundation
import Testing

@testable import CPlanCompare

@Suite("interval calibration")
struct CoverageTests {
  /// Twelve independent synthetic experiments held in memory: the estimates average to the
  /// truth and the 95% intervals cover it in most of them.
  @Test("intervals cover the true effects across seeds")
  func coverage() throws {
    let truths: [String: Double] = [
      "all": 100 * 0.20 / 3 * 1.7, "L0": 0, "L3": 20, "recovered": 200.0 / 3,
    ]
    var estimates: [String: [Double]] = [:]
    var covered = 0
    var checked = 0
    for s in 0..<12 {
      var tree = SyntheticTree()
      tree.models = ["m"]
      tree.seed = UInt64(100 + s)
      var baseline = KnownEffects.baseline
      baseline.seed = UInt64(500 + s)
      var planned = KnownEffects.planned
      planned.seed = UInt64(900 + s)
      let matched = try MatchedArms([tree.results(baseline), tree.results(planned)])
      let options = CompareOptions(bootstrap: Bootstrap(resamples: 400, seed: UInt64(s)))
      let comparison = Comparator(matched, options: options).compare(arm: 1)
      var found: [String: Estimate] = [:]
      for row in comparison.rows {
        if let m = row.metric(.strictAssertions) {
          found[row.group.description] = Estimate(value: m.difference, interval: m.interval)
        }
      }
      found["recovered"] = comparison.decay.first { $0.scope == .all }?.recovered
      for (name, truth) in truths {
        let estimate = try #require(found[name])
        estimates[name, default: []].append(estimate.value)
        checked += 1
        if estimate.interval?.contains(truth) == true { covered += 1 }
      }
    }
    #expect(Double(covered) / Double(checked) >= 0.85, "covered \(covered) of \(checked)")
    for (name, values) in estimates {
      let mean = Stats.mean(values)!
      let tolerance = name == "recovered" ? 8.0 : 2.0
      #expect(abs(mean - truths[name]!) < tolerance, "\(name): mean \(mean)")
    }
  }
}
