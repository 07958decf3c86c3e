import Foundation
import Testing

@testable import CPlanCompare

@Suite("harness summary files")
struct SummaryTests {
  @Test(
    "the reference global_stats.csv: runtime, global and constraint rows follow to 4 decimals",
    .enabled(if: Reference.isAvailable))
  func reference() throws {
    let table = try SummaryTable(contentsOf: try #require(Reference.globalStats).path)
    #expect(table.rows.count == 92)
    #expect(table.diagnostics.isEmpty)
    let report = SummaryReport(table)
    #expect(report.agrees, "\(report.mismatches) mismatches")
    #expect(report.issues.isEmpty)
    let recomputed = Set(report.checks.map { "\($0.granularity)|\($0.group)|\($0.level ?? -1)" })
    for row in table.rows where ["runtime", "global", "constraint_type"].contains(row.granularity) {
      #expect(recomputed.contains("\(row.granularity)|\(row.group)|\(row.level ?? -1)"))
    }
    // 10 runtime, 5 global, 5 constraint_type and 8 framework rows, 7 values each.
    #expect(report.checks.count == 28)
    #expect(report.checkedValues == 196)
    let global = report.levels.filter { $0.scope == "all" }
    #expect(global.map(\.level) == [0, 1, 2, 3, nil])
    let l3 = try #require(global.first { $0.level == 3 })
    #expect(l3.executed == 48)
    #expect(l3.succeeded == 31)
    #expect(abs(try #require(l3.passAt1) - 64.58) < 1e-9)
    #expect(abs(try #require(l3.assertionRate) - 80.04) < 1e-9)
    #expect(global.allSatisfy { $0.agrees == true })
  }

  @Test("a consistent summary agrees everywhere")
  func consistent() throws {
    let path = Paths.fixtures.appendingPathComponent("summary-consistent.csv").path
    let report = SummaryReport(try SummaryTable(contentsOf: path))
    #expect(report.agrees)
    #expect(report.checks.count == 2 + 6 + 3 + 2)
    #expect(
      report.levels.map { "\($0.scope) \($0.level.map(String.init) ?? "all")" } == [
        "all 0", "all 1", "all all", "node 0", "node 1", "node all", "uv 0", "uv 1", "uv all",
      ])
  }

  @Test("mismatches are found by row and column, malformed rows are listed")
  func mismatch() throws {
    let path = Paths.fixtures.appendingPathComponent("summary-mismatch.csv").path
    let table = try SummaryTable(contentsOf: path)
    #expect(table.diagnostics.map(\.code) == ["malformed-summary-row"])
    #expect(table.diagnostics.first?.location.line == 23)
    let report = SummaryReport(table)
    #expect(!report.agrees)
    #expect(report.mismatches == 2)
    let wrong = report.checks.flatMap { check in
      check.values.filter { !$0.agrees }.map {
        "\(check.granularity) \(check.group) \(check.line) \($0.column)"
      }
    }
    #expect(
      wrong.sorted() == [
        "global all 16 passed_assertions_perc", "runtime uv 9 n_executed",
      ])
    let markdown = try report.render(.md)
    #expect(markdown.contains("2 of 91 recomputed values disagree with the file."))
    #expect(
      markdown.contains("| mini_swe_sdk/m-test | global all L1 | passed_assertions_perc | 16 |"))
  }

  @Test("a file without the summary columns is unusable")
  func unusable() throws {
    let url = Paths.temporary("summary").appendingPathComponent("x.csv")
    try Data("a,b\n1,2\n".utf8).write(to: url)
    #expect(throws: CompareError.self) { try SummaryTable(contentsOf: url.path) }
  }
}
