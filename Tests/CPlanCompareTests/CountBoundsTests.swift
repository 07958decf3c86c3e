import Foundation
import Testing

@testable import CPlanCompare

/// Counts near 2^63 are rejected per row with a reason, never summed into an overflow trap;
/// impossible counts are reported too.
@Suite struct CountBoundsTests {
  @Test func hugeAndImpossibleNewmanCountsSkipTheirRows() throws {
    let text = """
      totalAssertions,executedCount,failedCount,skippedCount
      9223372036854775000,0,0,0
      9223372036854775000,0,0,0
      3,5,0,0
      4,3,1,0
      """
    let report = try NewmanReport(table: try CSVTable(parsing: text + "\n"))
    #expect(report.assertions == 4 && report.passed == 3 && report.failed == 1)
    #expect(report.rows == 1)
    #expect(report.malformedRows.map(\.line) == [2, 3, 4])
    #expect(report.malformedRows[0].reason.contains("more than 1000000000"))
    #expect(report.malformedRows[2].reason.contains("exceeds totalAssertions 3"))
  }

  @Test func aSummaryCountNearTheLimitOfIntIsASkippedRow() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-summary-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let header = "agent,model,granularity,group,n_constraints,pass_at_1,pass_at_3,pass_power_3,"
      + "passed_assertions_perc,strict_assertions_perc,n_succeeded,n_executed\n"
    let rows = [
      "a,m,framework,flask,,0.5,0.5,0.5,0.5,0.5,1,9223372036854775807",
      "a,m,framework,koa,,0.5,0.5,0.5,0.5,0.5,1,9223372036854775807",
      "a,m,framework,hono,,0.5,0.5,0.5,0.5,0.5,1,2",
    ]
    try Data((header + rows.joined(separator: "\n") + "\n").utf8).write(to: scratch)
    let table = try SummaryTable(contentsOf: scratch.path)
    #expect(table.rows.count == 1)
    #expect(table.diagnostics.map(\.location.line) == [2, 3])
    #expect(table.diagnostics.allSatisfy { $0.message.contains("outside 0…1000000000") })
    _ = SummaryReport(table)
  }
}
