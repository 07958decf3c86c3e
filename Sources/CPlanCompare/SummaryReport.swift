import CPlanCore

/// What `cplan compare --summary` reports: the per-level table of a harness summary file and
/// whether its runtime, global and constraint_type rows follow from its framework rows.
public struct SummaryReport: Sendable, Encodable {
  /// One row of the per-level table, as the file reports it (rates in percent).
  public struct LevelRow: Sendable, Hashable, Codable {
    /// `agent/model`.
    public var configuration: String
    /// `all`, or a runtime (`node`, `uv`).
    public var scope: String
    /// The level, or nil for all levels.
    public var level: Int?
    /// Runs.
    public var executed: Int
    /// Successful runs.
    public var succeeded: Int
    /// pass@1, in percent.
    public var passAt1: Double?
    /// A%, in percent.
    public var assertionRate: Double?
    /// Strict A%, in percent.
    public var strictAssertionRate: Double?
    /// Whether the row agrees with its recomputation; nil when it was not checked.
    public var agrees: Bool?
  }

  /// The file.
  public var file: String
  /// The per-level table: global rows, then runtime rows, each by level then overall.
  public var levels: [LevelRow]
  /// Every recomputed row.
  public var checks: [SummaryCheck]
  /// Values compared.
  public var checkedValues: Int
  /// Values that disagree.
  public var mismatches: Int
  /// Skipped rows and unknown frameworks.
  public var issues: [Diagnostic]

  /// Checks a summary table.
  public init(_ table: SummaryTable) {
    file = table.file
    let (checks, diagnostics) = SummaryCheck.checks(table)
    self.checks = checks
    checkedValues = checks.map(\.values.count).reduce(0, +)
    mismatches = checks.flatMap(\.values).filter { !$0.agrees }.count
    issues = table.diagnostics + diagnostics
    let verdicts = Dictionary(
      checks.map {
        ("\($0.agent)/\($0.model)|\($0.granularity)|\($0.group)|\($0.level ?? -1)", $0.agrees)
      },
      uniquingKeysWith: { $0 && $1 })
    let scoped = table.rows.filter { $0.granularity == "global" || $0.granularity == "runtime" }
    levels = scoped.sorted { a, b in
      if a.agentModel != b.agentModel { return a.agentModel < b.agentModel }
      if a.granularity != b.granularity { return a.granularity == "global" }
      if a.group != b.group { return a.group < b.group }
      return (a.level ?? Int.max) < (b.level ?? Int.max)
    }.map { row in
      LevelRow(
        configuration: row.agentModel, scope: row.granularity == "global" ? "all" : row.group,
        level: row.level, executed: row.executed, succeeded: row.succeeded,
        passAt1: row.rates["pass_at_1"].map { 100 * $0 },
        assertionRate: row.rates["passed_assertions_perc"].map { 100 * $0 },
        strictAssertionRate: row.rates["strict_assertions_perc"].map { 100 * $0 },
        agrees: verdicts["\(row.agentModel)|\(row.granularity)|\(row.group)|\(row.level ?? -1)"])
    }
  }

  /// Whether every checked value agrees.
  public var agrees: Bool { mismatches == 0 }

  /// The tables of the report.
  public var tables: [ReportTable] {
    var levelTable = ReportTable(
      id: "levels", title: "Per-level table",
      note: "As reported by the file, in percent; 'agrees' says whether the row follows from "
        + "the framework rows to 4 decimals.",
      keyTitles: ("agent/model", "scope", "level"),
      columns: [
        .init("runs", csv: "n_executed"), .init("successes", csv: "n_succeeded"),
        .init("pass@1", csv: "pass_at_1"), .init("A%", csv: "a"),
        .init("strict A%", csv: "strict_a"), .init("agrees", csv: "agrees"),
      ])
    for row in levels {
      levelTable.rows.append(
        .init(
          arm: row.configuration, group: row.scope, metric: row.level.map { "L\($0)" } ?? "all",
          cells: [
            CellFormat.count(row.executed), CellFormat.count(row.succeeded),
            CellFormat.percent(row.passAt1, digits: 2),
            CellFormat.percent(row.assertionRate, digits: 2),
            CellFormat.percent(row.strictAssertionRate, digits: 2),
            CellFormat.text(row.agrees.map { $0 ? "yes" : "NO" } ?? "not checked"),
          ]))
    }
    var checkTable = ReportTable(
      id: "checks", title: "Recomputed rows",
      note: "Each row recomputed from the rows beneath it, weighting by n_executed; "
        + "\(checkedValues - mismatches) of \(checkedValues) values agree to 4 decimals.",
      keyTitles: ("agent/model", "row", "level"),
      columns: [
        .init("line", csv: "line"), .init("from", csv: "source"),
        .init("values", csv: "values"), .init("largest |difference|", csv: "max_difference"),
        .init("agrees", csv: "agrees"),
      ])
    var mismatchTable = ReportTable(
      id: "mismatches", title: "Values that disagree",
      keyTitles: ("agent/model", "row", "column"),
      columns: [
        .init("line", csv: "line"), .init("reported", csv: "reported"),
        .init("recomputed", csv: "recomputed"),
      ])
    for check in checks {
      let name = "\(check.agent)/\(check.model)"
      let row = "\(check.granularity) \(check.group)"
      let level = check.level.map { "L\($0)" } ?? "all"
      let largest = check.values.map { abs($0.recomputed - $0.reported) }.max() ?? 0
      checkTable.rows.append(
        .init(
          arm: name, group: row, metric: level,
          cells: [
            CellFormat.count(check.line), CellFormat.text(check.source),
            CellFormat.count(check.values.count),
            .init(display: String(format: "%.5f", largest), raw: [String(format: "%.6f", largest)]),
            CellFormat.text(check.agrees ? "yes" : "NO"),
          ]))
      for value in check.values where !value.agrees {
        mismatchTable.rows.append(
          .init(
            arm: name, group: "\(row) \(level)", metric: value.column,
            cells: [
              CellFormat.count(check.line),
              .init(
                display: String(format: "%.4f", value.reported),
                raw: [CellFormat.raw(value.reported)]),
              .init(
                display: String(format: "%.6f", value.recomputed),
                raw: [String(format: "%.6f", value.recomputed)]),
            ]))
      }
    }
    return [levelTable, checkTable, mismatchTable, ReportTable.issues(issues)]
  }

  /// The report in a format.
  public func render(_ format: ReportFormat) throws -> String {
    let title = "cplan compare --summary: \(file)"
    let verdict =
      agrees
      ? "All \(checkedValues) recomputed values agree with the file to 4 decimals."
      : "\(mismatches) of \(checkedValues) recomputed values disagree with the file."
    switch format {
    case .md: return TableRenderer.markdown(tables, title: title, preamble: [verdict])
    case .csv: return TableRenderer.csv(tables)
    case .latex: return TableRenderer.latex(tables, title: title)
    case .json: return try JSONOutput.encode(self)
    }
  }
}
