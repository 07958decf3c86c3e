import Foundation
import Testing

@testable import CPlanCompare

@Suite("comparison recovers known effects")
struct ComparisonTests {
  private var comparison: ArmComparison { Scenario.report.comparisons[0] }

  private func row(_ group: String) throws -> ComparisonRow {
    try #require(comparison.rows.first { $0.group.description == group })
  }

  private func strict(_ group: String) throws -> MetricDifference {
    try #require(try row(group).metric(.strictAssertions))
  }

  /// The true mean effect over a set of (framework, level) cells, in points.
  private func truth(_ cells: [(String, Int)]) -> Double {
    100 * cells.map { KnownEffects.effect($0.0, $0.1) }.reduce(0, +) / Double(cells.count)
  }

  private var allCells: [(String, Int)] {
    SyntheticTree.frameworks.flatMap { f in SyntheticTree.variants(f).map { (f, $0.count) } }
  }

  @Test("no effect at L0, +20 points at L3, each within its interval")
  func levels() throws {
    let l0 = try strict("L0")
    let l3 = try strict("L3")
    #expect(try #require(l0.interval).contains(0))
    #expect(try #require(l3.interval).contains(20))
    #expect(try #require(l3.interval).low > 0)
    for level in 1...2 {
      let expected = truth(allCells.filter { $0.1 == level })
      #expect(try #require(try strict("L\(level)").interval).contains(expected))
    }
    #expect(try #require(try strict("all").interval).contains(truth(allCells)))
    #expect(try row("L0").tasks == 16)
    #expect(try row("L3").tasks == 32)
  }

  @Test("per-framework effects are recovered: Django gains most, Flask least")
  func frameworks() throws {
    for framework in SyntheticTree.frameworks {
      let expected = truth(allCells.filter { $0.0 == framework })
      let interval = try #require(try strict("framework \(framework)").interval)
      #expect(interval.contains(expected), "framework \(framework): \(expected) not in \(interval)")
    }
    #expect(try strict("framework django").difference > strict("framework flask").difference)
  }

  @Test("pass@1 gains 25 points at L3; the paired tests see it")
  func passAt1() throws {
    let l3 = try #require(try row("L3").metric(.passAt1))
    #expect(try #require(l3.interval).contains(25))
    #expect(try row("L3").wilcoxon.p < 0.001)
    #expect(try row("L0").wilcoxon.p > 0.05)
    let all = try row("all").mcnemar
    #expect(all.armOnly > all.baselineOnly)
    #expect(all.p < 0.01)
  }

  @Test("the baseline decays 30 points, the planned arm 10: two thirds recovered")
  func decay() throws {
    let overall = try #require(comparison.decay.first { $0.scope == .all })
    #expect(overall.fromLevel == 0)
    #expect(overall.toLevel == 3)
    #expect(try #require(overall.baseline?.interval).contains(30))
    #expect(try #require(overall.arm?.interval).contains(10))
    #expect(try #require(overall.recovered?.interval).contains(200.0 / 3))
    let django = try #require(comparison.decay.first { $0.scope.name == "django" })
    #expect(django.recovered?.interval == nil)
    #expect(django.note == "a single task at L0 or L3: no interval")
  }

  @Test("a constraint costs 10 points in the baseline, 10 − 20/3 planned")
  func marginal() throws {
    let effects = Scenario.report.marginal
    #expect(
      effects.map(\.constraint) == [
        "clean_architecture", "postgres", "sequelize", "sqlalchemy", "sqlite",
      ])
    for effect in effects {
      let baseline = effect.arms[0]
      let se = try #require(baseline.standardError)
      #expect(abs(baseline.mean + 10) <= 1.96 * se, "\(effect.constraint): \(baseline.mean)")
      let change = try #require(effect.changes.first)
      #expect(
        try #require(change.interval).contains(200.0 / 30), "\(effect.constraint): \(change)")
    }
    #expect(effects.first { $0.constraint == "clean_architecture" }?.pairs == 80)
    #expect(effects.first { $0.constraint == "sqlite" }?.pairs == 32)
  }

  @Test("every defect of the trees is listed in the report")
  func issues() {
    let codes = Set(Scenario.report.issues.map(\.code))
    #expect(
      codes.isSuperset(of: [
        "older-date-folders", "missing-newman-report", "malformed-newman-row", "unmatched-task",
        "unbalanced-runs", "fewer-runs", "feature-tasks-skipped", "unknown-results-folder",
      ]))
    #expect(Scenario.report.hasWarnings)
  }

  @Test("the same seed gives the same report; another seed moves only the intervals")
  func determinism() throws {
    let again = try ComparisonReport(
      arms: Scenario.arms, options: Scenario.options, missingReport: .fail, chart: false)
    #expect(try again.render(.json) == (try reportWithoutChart().render(.json)))
    var options = Scenario.options
    options.bootstrap.seed = 12
    let other = try ComparisonReport(
      arms: Scenario.arms, options: options, missingReport: .fail, chart: false)
    let a = try #require(Scenario.report.comparisons[0].rows.first)
    let b = try #require(other.comparisons[0].rows.first)
    #expect(a.metrics.map(\.difference) == b.metrics.map(\.difference))
    #expect(a.metrics.map(\.interval) != b.metrics.map(\.interval))
  }

  @Test("a third arm identical to the baseline shows no difference")
  func thirdArm() throws {
    let copy = try ResultsReader().read(arm: "rag", at: Scenario.trees.baseline.path)
    let report = try ComparisonReport(
      arms: Scenario.arms + [copy], options: Scenario.options, missingReport: .fail,
      chart: false)
    #expect(report.comparisons.map(\.arm) == ["planned", "rag"])
    let rag = try #require(report.comparisons[1].rows.first)
    #expect(
      rag.metrics.allSatisfy { $0.difference == 0 && $0.interval == Interval(low: 0, high: 0) })
    #expect(rag.wilcoxon.p == 1)
    #expect(rag.mcnemar.p == 1)
  }

  @Test("duplicate arm names and disjoint arms are input errors")
  func errors() throws {
    #expect(throws: CompareError.duplicateArm("baseline")) {
      try MatchedArms([Scenario.arms[0], Scenario.arms[0]])
    }
    var other = Scenario.arms[1]
    other.tasks = other.tasks.map { task in
      var renamed = task
      renamed.key.model = "someone-else"
      return renamed
    }
    #expect(throws: CompareError.nothingMatched) { try MatchedArms([Scenario.arms[0], other]) }
  }

  private func reportWithoutChart() -> ComparisonReport {
    var report = Scenario.report
    report.chart = nil
    return report
  }
}
