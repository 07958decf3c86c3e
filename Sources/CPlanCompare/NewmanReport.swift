import Foundation

/// The assertion counts of one Newman CSV reporter file (`newman-run-report-*.csv`), summed
/// over its rows (one row per request).
///
/// As in the harness, an assertion counts as passed when Newman lists it as executed
/// (`executedCount`), and an empty cell counts as zero. Unlike the harness, a row whose counts
/// are not integers, or whose field count differs from the header's, is skipped as a whole and
/// reported, never half-counted.
public struct NewmanReport: Sendable, Hashable, Codable {
  /// A row that was skipped, with its line and why.
  public struct MalformedRow: Sendable, Hashable, Codable {
    /// 1-based line where the row starts.
    public var line: Int
    /// Lower-case reason.
    public var reason: String
  }

  /// Sum of `totalAssertions`.
  public var assertions: Int
  /// Sum of `executedCount`: assertions that ran and passed.
  public var passed: Int
  /// Sum of `failedCount`.
  public var failed: Int
  /// Sum of `skippedCount` (0 when the column is absent).
  public var skipped: Int
  /// Rows counted.
  public var rows: Int
  /// Rows skipped.
  public var malformedRows: [MalformedRow]

  /// The columns a report must have.
  public static let requiredColumns = ["totalAssertions", "executedCount", "failedCount"]

  /// Creates counts directly, e.g. for results held in memory.
  public init(
    assertions: Int, passed: Int, failed: Int, skipped: Int = 0, rows: Int = 0,
    malformedRows: [MalformedRow] = []
  ) {
    self.assertions = assertions
    self.passed = passed
    self.failed = failed
    self.skipped = skipped
    self.rows = rows
    self.malformedRows = malformedRows
  }

  /// Reads a report.
  /// - Parameter url: the CSV file.
  /// - Throws: `CSVError` when the file is not valid CSV, or `NewmanReportError.missingColumns`.
  public init(contentsOf url: URL) throws {
    try self.init(table: CSVTable(contentsOf: url))
  }

  /// Sums a parsed table.
  /// - Throws: `NewmanReportError.missingColumns` when a required column is absent.
  public init(table: CSVTable) throws {
    let missing = Self.requiredColumns.filter { table.column($0) == nil }
    guard missing.isEmpty else { throw NewmanReportError.missingColumns(missing) }
    let total = table.column("totalAssertions")!
    let executed = table.column("executedCount")!
    let failedColumn = table.column("failedCount")!
    let skippedColumn = table.column("skippedCount")
    assertions = 0
    passed = 0
    failed = 0
    skipped = 0
    rows = 0
    malformedRows = []
    for record in table.records {
      guard record.fields.count == table.header.count else {
        malformedRows.append(
          MalformedRow(
            line: record.line,
            reason: "expected \(table.header.count) fields, found \(record.fields.count)"))
        continue
      }
      var values: [Int] = []
      var bad: String?
      for column in [total, executed, failedColumn, skippedColumn] {
        guard let column else {
          values.append(0)
          continue
        }
        let cell = record.fields[column].trimmingCharacters(in: .whitespaces)
        if cell.isEmpty {
          values.append(0)
        } else if let value = Int(cell), (0...CountLimit.maximum).contains(value) {
          values.append(value)
        } else if let value = Int(cell), value > CountLimit.maximum {
          bad = "'\(table.header[column])' is \(value), more than \(CountLimit.maximum), the most a run can count"
          break
        } else {
          bad = "'\(table.header[column])' is '\(cell)', not a count"
          break
        }
      }
      if bad == nil, values[1] > values[0] || values[2] > values[0] {
        bad = "executedCount \(values[1]) or failedCount \(values[2]) exceeds totalAssertions \(values[0])"
      }
      if let bad {
        malformedRows.append(MalformedRow(line: record.line, reason: bad))
        continue
      }
      assertions += values[0]
      passed += values[1]
      failed += values[2]
      skipped += values[3]
      rows += 1
    }
  }
}

/// Why a Newman report cannot be used at all.
public enum NewmanReportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Required columns are absent from the header.
  case missingColumns([String])

  public var description: String {
    switch self {
    case .missingColumns(let names):
      "missing column\(names.count == 1 ? "" : "s") "
        + names.map { "'\($0)'" }.joined(separator: ", ")
    }
  }
}

/// The largest count cplan accepts in a results file: far above any real test run, and small
/// enough that sums over millions of rows cannot overflow.
public enum CountLimit {
  /// One billion.
  public static let maximum = 1_000_000_000
}
