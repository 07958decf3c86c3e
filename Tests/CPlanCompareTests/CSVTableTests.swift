import Foundation
import Testing

@testable import CPlanCompare

@Suite("rfc 4180 csv")
struct CSVTableTests {
  @Test("quoted fields keep commas, doubled quotes and line breaks")
  func quoted() throws {
    let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n"
    let table = try CSVTable(parsing: text)
    #expect(table.header == ["a", "b", "c"])
    #expect(table.records.count == 2)
    #expect(table.records[0].fields == ["1", "x, y", "say \"hi\""])
    #expect(table.records[1].fields == ["2", "two\nlines", ""])
    #expect(table.records[0].line == 2)
    #expect(table.records[1].line == 3)
  }

  @Test("records after a quoted line break start on the right line")
  func lines() throws {
    let table = try CSVTable(parsing: "h\n\"a\nb\nc\"\n\nd\n")
    #expect(table.records.map(\.line) == [2, 6])
    #expect(table.records.map(\.fields) == [["a\nb\nc"], ["d"]])
  }

  @Test("a byte order mark and a missing final line break are fine")
  func bom() throws {
    let table = try CSVTable(parsing: "\u{FEFF}x,y\n1,2")
    #expect(table.header == ["x", "y"])
    #expect(table.records.first?.fields == ["1", "2"])
  }

  @Test(
    "malformed csv is reported with its line",
    arguments: [
      ("h\n1,\"open\n", CSVError.unterminatedQuote(line: 2)),
      ("h\n1,a\"b\n", CSVError.quoteInUnquotedField(line: 2)),
      ("h\n\"a\"b,c\n", CSVError.textAfterQuote(line: 2)),
      ("", CSVError.empty),
    ])
  func malformed(text: String, error: CSVError) {
    #expect(throws: error) { try CSVTable(parsing: text) }
  }
}

@Suite("newman reports")
struct NewmanReportTests {
  static let header =
    "iteration,collectionName,requestName,method,url,status,code,responseTime,responseSize,"
    + "executed,failed,skipped,totalAssertions,executedCount,failedCount,skippedCount\n"

  @Test("counts are summed over rows, empty cells counting as zero")
  func sums() throws {
    let text =
      Self.header
      + "1,C,\"Login, then\nfetch\",POST,http://x,OK,200,5,9,\"a, b\",\"c\",,3,2,1,0\n"
      + "1,C,List,GET,http://x,OK,200,5,9,\"a\",,\"s\",4,3,,1\n"
    let report = try NewmanReport(table: try CSVTable(parsing: text))
    #expect(report.assertions == 7)
    #expect(report.passed == 5)
    #expect(report.failed == 1)
    #expect(report.skipped == 1)
    #expect(report.rows == 2)
    #expect(report.malformedRows.isEmpty)
  }

  @Test("malformed rows are skipped whole and listed with their line")
  func malformedRows() throws {
    let text =
      Self.header
      + "1,C,A,GET,u,OK,200,5,9,a,,,2,2,0,0\n"
      + "1,C,B,GET,u,OK,200,5,9,a,,,ten,1,0,0\n"
      + "1,C,\"C\nD\",GET,u,OK,200\n"
      + "1,C,E,GET,u,OK,200,5,9,a,,,3,-1,0,0\n"
    let report = try NewmanReport(table: try CSVTable(parsing: text))
    #expect(report.assertions == 2)
    #expect(report.passed == 2)
    #expect(report.malformedRows.map(\.line) == [3, 4, 6])
    #expect(report.malformedRows[0].reason == "'totalAssertions' is 'ten', not a count")
    #expect(report.malformedRows[1].reason == "expected 16 fields, found 7")
  }

  @Test("a report without its count columns is unusable")
  func missingColumns() {
    #expect(throws: NewmanReportError.missingColumns(["executedCount", "failedCount"])) {
      try NewmanReport(table: try CSVTable(parsing: "totalAssertions,x\n1,2\n"))
    }
  }

  @Test("skippedCount is optional")
  func optionalSkipped() throws {
    let text = "totalAssertions,executedCount,failedCount\n5,5,0\n"
    let report = try NewmanReport(table: try CSVTable(parsing: text))
    #expect(report.assertions == 5)
    #expect(report.skipped == 0)
  }
}
