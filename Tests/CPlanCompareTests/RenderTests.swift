import Foundation
import Testing

@testable import CPlanCompare

@Suite("report formats")
struct RenderTests {
  @Test("markdown has every section and says compliance was not verified")
  func markdown() throws {
    let text = try Scenario.report.render(.md)
    for heading in [
      "## Arms", "## Each arm over its own tasks", "## Differences from the baseline",
      "## Paired tests", "## Decay L0→L3", "## Marginal effect", "## Skipped, incomplete",
    ] {
      #expect(text.contains(heading), "missing \(heading)")
    }
    #expect(
      text.contains("Compliance: not verified: every run assumed compliant; strict A% equals A%."))
    #expect(text.contains("| planned | L3 | strict A% | 32 |"))
  }

  @Test("csv is one tidy table that parses back")
  func csv() throws {
    let text = try Scenario.report.render(.csv)
    let table = try CSVTable(parsing: text)
    #expect(table.header == ["table", "arm", "group", "metric", "statistic", "value"])
    #expect(table.records.allSatisfy { $0.fields.count == 6 })
    let l3 = table.records.first {
      $0.fields[0] == "differences" && $0.fields[2] == "L3" && $0.fields[3] == "strict A%"
        && $0.fields[4] == "difference"
    }
    let record = try #require(l3)
    let value = try #require(Double(record.fields[5]))
    let expected = try #require(
      Scenario.report.comparisons[0].rows.first { $0.group.description == "L3" }?
        .metric(.strictAssertions)?.difference)
    #expect(abs(value - expected) < 1e-4)
    #expect(
      Set(table.records.map { $0.fields[0] }) == [
        "arms", "aggregates", "differences", "tests", "decay", "marginal", "tasks", "runs",
        "issues",
      ])
  }

  @Test("latex is booktabs tables with escaped names")
  func latex() throws {
    let text = try Scenario.report.render(.latex)
    #expect(text.contains("\\begin{tabular}"))
    #expect(text.contains("\\toprule"))
    #expect(text.contains("clean\\_architecture"))
    #expect(text.contains("strict A\\%"))
    #expect(!text.contains("Δ"))
    #expect(text.components(separatedBy: "\\begin{table}").count - 1 == 7)
  }

  @Test("json is the report's model with finite numbers")
  func json() throws {
    let text = try Scenario.report.render(.json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "settings", "arms", "matchedTasks", "comparisons", "marginal", "chart", "tasks",
        "runs", "issues",
      ])
    let settings = try #require(object["settings"] as? [String: Any])
    #expect(settings["verified"] as? Bool == false)
    #expect(settings["primary"] as? String == "strict-a")
  }
}

@Suite("per-task and per-run rows")
struct UnitRowTests {
  @Test("every task and run of every arm is listed, with pass@k and compliance")
  func units() throws {
    let report = Scenario.report
    #expect(report.tasks.count == 161 + 160)
    #expect(report.runs.count == 481 + 479)
    #expect(report.tasks.filter { !$0.matched }.map(\.key.task) == [Scenario.unmatchedTask])
    let missing = try #require(
      report.runs.first {
        $0.arm == "planned" && $0.key.task == Scenario.missingReport.0
          && $0.key.model == "gpt-test" && $0.run == Scenario.missingReport.1
      })
    #expect(!missing.hasReport)
    #expect(missing.assertions == 0)
    #expect(!missing.success)
    #expect(report.runs.allSatisfy { $0.compliance == .unknown || $0.compliance == .notApplicable })
    let task = try #require(report.tasks.first { $0.arm == "baseline" && $0.level == 3 })
    #expect(task.runs == 3)
    #expect(task.passAtK == (task.successes > 0 ? 100 : 0))
    #expect(task.passPowerK == (task.successes == 3 ? 100 : 0))
    #expect(!(try report.render(.md)).contains("## Runs"))
  }
}
