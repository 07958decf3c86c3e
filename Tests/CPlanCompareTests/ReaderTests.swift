import CPlanCore
import Foundation
import Testing

@testable import CPlanCompare

@Suite("reading a results tree")
struct ReaderTests {
  private func task(_ arm: ArmResults, _ name: String, model: String = "gpt-test") -> TaskResult? {
    arm.tasks.first { $0.key.task == name && $0.key.model == model }
  }

  private func codes(_ arm: ArmResults) -> Set<String> { Set(arm.diagnostics.map(\.code)) }

  @Test("every task of both configurations is read from its latest date folder")
  func tasks() throws {
    let (baseline, planned) = (Scenario.arms[0], Scenario.arms[1])
    #expect(baseline.tasks.count == 161)  // 2 × 80, plus a task only the baseline has
    #expect(planned.tasks.count == 160)
    let express = try #require(task(baseline, Scenario.olderDate))
    #expect(express.date == SyntheticTree.date)
    #expect(express.runs.allSatisfy { $0.assertions == 200 })
    #expect(codes(baseline).contains("older-date-folders"))
    #expect(express.level == 0)
    #expect(express.framework == "express")
    #expect(express.runtime == "node")
  }

  @Test("quoted newman fields are parsed, so every complete run has all its assertions")
  func assertions() {
    let runs = Scenario.arms[0].tasks.filter { $0.key.task != Scenario.unmatchedTask }
      .flatMap(\.runs)
    #expect(runs.allSatisfy { $0.assertions == 200 && $0.passed + $0.failed == 200 })
    #expect(runs.allSatisfy { $0.report?.rows == 20 })
  }

  @Test("a run without a newman report counts as failed and is listed")
  func missingReport() throws {
    let flask = try #require(task(Scenario.arms[1], Scenario.missingReport.0))
    let run = try #require(flask.runs.first { $0.name == Scenario.missingReport.1 })
    #expect(run.report == nil)
    #expect(run.assertionRate == 0)
    #expect(!run.success)
    #expect(flask.runCount == 3)
    let listed = Scenario.arms[1].diagnostics.filter { $0.code == "missing-newman-report" }
    #expect(listed.count == 1)
    #expect(
      listed.first?.location.file.hasSuffix("flask-openapi-sqlite/2026-05-01T09-30-00/run_2")
        == true)
  }

  @Test("with --missing-report exclude the run is left out of its task")
  func excludeMissing() throws {
    let arm = try ResultsReader(missingReport: .exclude)
      .read(arm: "planned", at: Scenario.trees.planned.path)
    let flask = try #require(task(arm, Scenario.missingReport.0))
    #expect(flask.runCount == 2)
    #expect(codes(arm).contains("missing-newman-report"))
  }

  @Test("a malformed row is skipped and listed with its line")
  func malformedRow() throws {
    let listed = Scenario.arms[1].diagnostics.filter { $0.code == "malformed-newman-row" }
    #expect(listed.count == 1)
    // Header, then 20 requests of two lines each: the appended row starts on line 42.
    #expect(listed.first?.location.line == 42)
    #expect(listed.first?.message == "row skipped: 'totalAssertions' is 'ten', not a count")
    let django = try #require(task(Scenario.arms[1], Scenario.malformedRow))
    #expect(django.runs[0].assertions == 200)
    #expect(django.runs[0].report?.malformedRows.count == 1)
  }

  @Test("unmatched, unbalanced and short tasks are listed when arms are matched")
  func matching() throws {
    let matched = try MatchedArms(Scenario.arms)
    #expect(matched.keys.count == 160)
    let messages = matched.diagnostics.map { "\($0.code): \($0.message)" }
    #expect(
      messages.contains(
        "unmatched-task: task 'mini_swe_sdk/gpt-test/koa-openapi-mongodb' of arm 'baseline' is "
          + "missing from 'planned'; left out of the comparison"))
    #expect(
      messages.contains(
        "unbalanced-runs: task 'mini_swe_sdk/gpt-test/koa-openapi-sqlite' has 3 in 'baseline', "
          + "2 in 'planned'"))
    #expect(
      messages.contains(
        "fewer-runs: task 'mini_swe_sdk/gpt-test/koa-openapi-sqlite' of arm 'planned' has 2 "
          + "runs where most tasks have 3"))
  }

  @Test("feature-task folders and stray folders are listed, not read")
  func otherFolders() {
    #expect(codes(Scenario.arms[0]).contains("feature-tasks-skipped"))
    #expect(codes(Scenario.arms[1]).contains("unknown-results-folder"))
  }

  @Test("a missing folder and a folder without tasks are input errors")
  func inputErrors() throws {
    let reader = ResultsReader()
    #expect(throws: CompareError.notAFolder("/nonexistent/cplan")) {
      try reader.read(arm: "x", at: "/nonexistent/cplan")
    }
    let empty = Paths.temporary("empty")
    #expect(throws: CompareError.noTasks(empty.path)) {
      try reader.read(arm: "x", at: empty.path)
    }
  }

  @Test("runs are ordered by number")
  func runOrder() {
    let names = ["run_10", "run_2", "run_1"].sorted(by: ResultsReader.naturalOrder)
    #expect(names == ["run_1", "run_2", "run_10"])
  }
}
