import CPlanCore
import Foundation

/// The harness's summary file (`global_stats.csv`): one row per (agent, model, granularity,
/// group, level) with averaged metrics and run counts.
public struct SummaryTable: Sendable {
  /// One row.
  public struct Row: Sendable, Hashable {
    /// 1-based line in the file.
    public var line: Int
    /// The agent.
    public var agent: String
    /// The model.
    public var model: String
    /// `framework`, `framework_constraint`, `runtime`, `global` or `constraint_type`.
    public var granularity: String
    /// The framework, `framework:constraint`, runtime, `all` or constraint token.
    public var group: String
    /// The level, or nil for all levels.
    public var level: Int?
    /// The averaged columns by name (`pass_at_1`, `passed_assertions_perc`, …).
    public var rates: [String: Double]
    /// `n_succeeded`.
    public var succeeded: Int
    /// `n_executed`.
    public var executed: Int

    /// `agent/model`.
    public var agentModel: String { "\(agent)/\(model)" }
  }

  /// The key columns every summary has.
  public static let keyColumns = [
    "agent", "model", "granularity", "group", "n_constraints", "n_succeeded", "n_executed",
  ]

  /// The file's path as given.
  public var file: String
  /// The averaged columns, in file order (e.g. pass_at_1, pass_at_3, pass_power_3,
  /// passed_assertions_perc, strict_assertions_perc).
  public var rateColumns: [String]
  /// The rows read.
  public var rows: [Row]
  /// Rows skipped.
  public var diagnostics: [Diagnostic]

  /// Reads a summary file.
  /// - Throws: `CompareError.unusableSummary` when the file is not CSV or lacks key columns.
  public init(contentsOf path: String) throws {
    file = path
    let table: CSVTable
    do {
      table = try CSVTable(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CompareError.unusableSummary(path, "\(error)")
    }
    let missing = Self.keyColumns.filter { table.column($0) == nil }
    guard missing.isEmpty else {
      throw CompareError.unusableSummary(
        path, "missing column(s) " + missing.map { "'\($0)'" }.joined(separator: ", "))
    }
    rateColumns = table.header.filter { !Self.keyColumns.contains($0) }
    rows = []
    diagnostics = []
    for record in table.records {
      do {
        rows.append(try Self.row(record, table: table, rates: rateColumns))
      } catch let reason as RowError {
        diagnostics.append(
          .warning(
            "malformed-summary-row", "row skipped: \(reason.text)",
            at: SourceLocation(file: path, line: record.line, column: 1)))
      } catch {}
    }
  }

  private struct RowError: Error { var text: String }

  private static func row(_ record: CSVTable.Record, table: CSVTable, rates: [String]) throws
    -> Row
  {
    guard record.fields.count == table.header.count else {
      throw RowError(
        text: "expected \(table.header.count) fields, found \(record.fields.count)")
    }
    func cell(_ name: String) -> String {
      record.fields[table.column(name)!].trimmingCharacters(in: .whitespaces)
    }
    func integer(_ name: String) throws -> Int {
      guard let value = Int(cell(name)) else {
        throw RowError(text: "'\(name)' is '\(cell(name))', not an integer")
      }
      // Counts are summed across rows: a bound keeps every sum far from overflow.
      guard (0...CountLimit.maximum).contains(value) else {
        throw RowError(
          text: "'\(name)' is \(value), outside 0…\(CountLimit.maximum) for a count of runs")
      }
      return value
    }
    var level: Int?
    if !cell("n_constraints").isEmpty { level = try integer("n_constraints") }
    var values: [String: Double] = [:]
    for name in rates {
      guard let value = Double(cell(name)), value.isFinite else {
        throw RowError(text: "'\(name)' is '\(cell(name))', not a number")
      }
      values[name] = value
    }
    return Row(
      line: record.line, agent: cell("agent"), model: cell("model"),
      granularity: cell("granularity"), group: cell("group"), level: level, rates: values,
      succeeded: try integer("n_succeeded"), executed: try integer("n_executed"))
  }
}
