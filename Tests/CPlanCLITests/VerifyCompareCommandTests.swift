import Foundation
import Testing

private let patches = "Tests/CPlanVerifyTests/Fixtures/patches"

@Suite struct VerifyCommandTests {
  @Test func violationsExitOneWithPositionsAndCodes() throws {
    let result = try CLIRunner.run([
      "verify", "\(patches)/node-layer-violation.patch", "--name",
      "express-openapi-clean_architecture-sqlite-sequelize", "--no-packs",
    ])
    #expect(result.status == 1)
    let output = result.stdout + result.stderr
    #expect(output.contains("src/models/article.ts:1:1: error:"))
    #expect(output.contains("[cplan-architecture-imports]"))
    #expect(output.contains("[cplan-database-other]"))
  }

  @Test func compliantPatchExitsZero() throws {
    let result = try CLIRunner.run([
      "verify", "\(patches)/node-clean-sqlite-sequelize.patch", "--name",
      "express-openapi-clean_architecture-sqlite-sequelize", "--no-packs",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
  }

  @Test func sarifIsVersionTwoOneZeroWithRulesAndResults() throws {
    let result = try CLIRunner.run([
      "verify", "\(patches)/python-sqlite-in-postgres.patch", "--name", "flask-openapi-postgres",
      "--format", "sarif", "--no-packs",
    ])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["version"] as? String == "2.1.0")
    let run = try #require((object["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "cplan")
    #expect(!((driver["rules"] as? [Any]) ?? []).isEmpty)
    #expect(!((run["results"] as? [Any]) ?? []).isEmpty)
  }

  @Test func unknownFrameworkIsAnInputError() throws {
    let result = try CLIRunner.run(["verify", "\(patches)/python-no-orm.patch", "--name", "djang-openapi-sqlite"])
    #expect(result.status == 2)
  }

  @Test func contradictoryNameIsAUsageErrorWithASuggestion() throws {
    let result = try CLIRunner.run([
      "verify", "\(patches)/node-clean-sqlite-sequelize.patch", "--name",
      "express-openapi-sqlite-postgres", "--no-packs",
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("[contradictory-task-name]"))
    #expect(result.stderr.contains("keep one: 'express-openapi-sqlite' or 'express-openapi-postgres'"))
  }
}

@Suite struct CompareCommandTests {
  /// A results tree for one arm: two tasks, two runs each, passing `passed` of 10 assertions.
  private func tree(_ root: String, passed: [String: [Int]]) throws {
    for (task, runs) in passed {
      for (index, count) in runs.enumerated() {
        let folder = "\(root)/uv/agent/model/\(task)/2026-01-01/run_\(index + 1)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let csv = "requestName,totalAssertions,executedCount,failedCount,skippedCount\n"
          + "All,10,\(count),\(10 - count),0\n"
        try csv.write(toFile: "\(folder)/newman-run-report-1.csv", atomically: true, encoding: .utf8)
      }
    }
  }

  @Test func comparesTwoArmsAsJSON() throws {
    let scratch = try ScratchFolder()
    try tree(scratch.child("base"), passed: [
      "flask-openapi-unconstrained": [10, 10], "flask-openapi-sqlite": [5, 6],
    ])
    try tree(scratch.child("plan"), passed: [
      "flask-openapi-unconstrained": [10, 10], "flask-openapi-sqlite": [9, 10],
    ])
    let result = try CLIRunner.run([
      "compare", "--baseline", scratch.child("base"), "--planned", scratch.child("plan"),
      "--format", "json", "--no-verify", "--resamples", "200",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) is [String: Any])
    let markdown = try CLIRunner.run([
      "compare", "--baseline", scratch.child("base"), "--planned", scratch.child("plan"),
      "--no-verify", "--resamples", "200", "--chart", scratch.child("chart.svg"),
    ])
    #expect(markdown.status == 0, "\(markdown.stderr)")
    let svg = try String(contentsOfFile: scratch.child("chart.svg"), encoding: .utf8)
    #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
  }

  @Test(.enabled(if: referencePresent, "../shared/reference is absent"))
  func summaryRowsAreRecomputed() throws {
    let csv = referenceTasks.deletingLastPathComponent().appendingPathComponent("global_stats.csv")
    let result = try CLIRunner.run(["compare", "--summary", csv.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("L3") || result.stdout.contains("| 3"))
  }
}
