import CPlanCore
import CPlanHarness

/// One summary row recomputed from the rows it aggregates, weighting each averaged column by
/// `n_executed` and summing the counts.
///
/// The harness averages over tasks; weighting by runs gives the same value when every task has
/// the same number of runs (as in its published file). The file rounds to 4 decimals, so a
/// recomputed value "agrees to 4 decimals" when it lies within 0.0001 of the reported one —
/// the most that rounding both the sources and the total can move it.
public struct SummaryCheck: Sendable, Hashable, Codable {
  /// One column of the row.
  public struct Value: Sendable, Hashable, Codable {
    /// The column, e.g. `pass_at_1`, or `n_executed`.
    public var column: String
    /// The file's value.
    public var reported: Double
    /// The recomputed value.
    public var recomputed: Double
    /// Whether they agree.
    public var agrees: Bool
  }

  /// The row's agent.
  public var agent: String
  /// The row's model.
  public var model: String
  /// `framework`, `runtime`, `global` or `constraint_type`.
  public var granularity: String
  /// The row's group.
  public var group: String
  /// The row's level, or nil for all levels.
  public var level: Int?
  /// The row's line in the file.
  public var line: Int
  /// What it was recomputed from, e.g. `4 framework rows`.
  public var source: String
  /// Each column compared.
  public var values: [Value]

  /// Whether every column agrees.
  public var agrees: Bool { values.allSatisfy(\.agrees) }

  /// The largest difference that still agrees to 4 decimals.
  public static let tolerance = 0.0001

  /// Checks every runtime, global and constraint_type row (and every framework row that has
  /// per-level rows) of a summary against the rows beneath it.
  /// - Returns: the checks, and warnings for frameworks of unknown runtime.
  public static func checks(_ table: SummaryTable) -> ([SummaryCheck], [Diagnostic]) {
    var checks: [SummaryCheck] = []
    var diagnostics: [Diagnostic] = []
    let configurations = Dictionary(grouping: table.rows, by: \.agentModel)
    for name in configurations.keys.sorted() {
      let rows = configurations[name]!
      let frameworks = rows.filter { $0.granularity == "framework" }
      var unknown = Set<String>()
      func runtime(_ framework: String) -> String? {
        guard let runtime = TaskTarget.frameworkRuntimes[framework] else {
          unknown.insert(framework)
          return nil
        }
        return runtime.dockerFolder
      }
      for row in rows {
        var sources: [SummaryTable.Row] = []
        var kind = "framework"
        switch row.granularity {
        case "framework" where row.level == nil:
          sources = frameworks.filter { $0.group == row.group && $0.level != nil }
          kind = "per-level framework"
        case "runtime":
          sources = frameworks.filter { $0.level == row.level && runtime($0.group) == row.group }
        case "global":
          sources = frameworks.filter { $0.level == row.level }
        case "constraint_type":
          sources = rows.filter {
            $0.granularity == "framework_constraint" && $0.level == row.level
              && $0.group.hasSuffix(":" + row.group)
          }
          kind = "framework_constraint"
        default: continue
        }
        guard !sources.isEmpty else { continue }
        checks.append(check(row, from: sources, kind: kind, columns: table.rateColumns))
      }
      for framework in unknown.sorted() {
        diagnostics.append(
          .warning(
            "unknown-framework",
            "framework '\(framework)' of '\(name)' has no known runtime; left out of runtime rows",
            at: .start(of: table.file)))
      }
    }
    return (checks, diagnostics)
  }

  private static func check(
    _ row: SummaryTable.Row, from sources: [SummaryTable.Row], kind: String, columns: [String]
  ) -> SummaryCheck {
    let weight = Double(sources.map(\.executed).reduce(0, +))
    var values: [Value] = []
    for column in columns {
      guard let reported = row.rates[column], weight > 0 else { continue }
      let sum = sources.reduce(0.0) { $0 + Double($1.executed) * ($1.rates[column] ?? 0) }
      let recomputed = sum / weight
      values.append(
        Value(
          column: column, reported: reported, recomputed: recomputed,
          agrees: abs(recomputed - reported) <= tolerance + 1e-9))
    }
    let succeeded = sources.map(\.succeeded).reduce(0, +)
    let executed = sources.map(\.executed).reduce(0, +)
    values.append(
      Value(
        column: "n_succeeded", reported: Double(row.succeeded), recomputed: Double(succeeded),
        agrees: row.succeeded == succeeded))
    values.append(
      Value(
        column: "n_executed", reported: Double(row.executed), recomputed: Double(executed),
        agrees: row.executed == executed))
    return SummaryCheck(
      agent: row.agent, model: row.model, granularity: row.granularity, group: row.group,
      level: row.level, line: row.line, source: "\(sources.count) \(kind) rows", values: values)
  }
}
