import CPlanCore

/// The report as tables, for Markdown, CSV and LaTeX.
extension ComparisonReport {
  /// The settings and arms as sentences, for the top of a Markdown report.
  public var preamble: [String] {
    let names = arms.map { "'\($0.name)' (\($0.root))" }.joined(separator: ", ")
    var lines = [
      "Arms: \(names); \(matchedTasks) tasks matched by agent, model and task.",
      "Primary metric: \(settings.primary.title). Intervals: \(Int(settings.confidence * 100))% "
        + "stratified percentile bootstrap over tasks, \(settings.resamples) resamples, "
        + "seed \(settings.seed).",
      "Compliance: \(settings.compliance)"
        + (settings.verified ? "." : "; strict A% equals A%."),
      "Runs without a usable Newman report: "
        + (settings.missingReport == .fail ? "counted as failed." : "excluded."),
    ]
    lines.append("Per-task and per-run values: --format csv or json.")
    if !issues.isEmpty {
      lines.append("\(issues.count) issue\(issues.count == 1 ? "" : "s") listed at the end.")
    }
    return lines
  }

  /// Every table of the report; the long per-task and per-run tables only when asked for
  /// (CSV and JSON carry them, Markdown and LaTeX do not).
  public func tables(units: Bool = false) -> [ReportTable] {
    [armsTable, aggregatesTable, differencesTable, testsTable, decayTable, marginalTable]
      + (units ? [tasksTable, runsTable] : []) + [issuesTable]
  }

  private var armsTable: ReportTable {
    var table = ReportTable(
      id: "arms", title: "Arms",
      columns: [
        .init("results", csv: "root"), .init("tasks", csv: "tasks"), .init("runs", csv: "runs"),
        .init("matched tasks", csv: "matched_tasks"),
        .init("compliant", csv: "compliant"), .init("violating", csv: "violating"),
        .init("unknown", csv: "unknown"), .init("no constraints", csv: "not_applicable"),
      ])
    for arm in arms {
      let counts = Compliance.allCases.map { CellFormat.count(arm.compliance[$0.rawValue] ?? 0) }
      table.rows.append(
        .init(
          arm: arm.name, group: "", metric: "",
          cells: [
            CellFormat.text(arm.root), CellFormat.count(arm.tasks), CellFormat.count(arm.runs),
            CellFormat.count(arm.matchedTasks),
          ] + counts))
    }
    return table
  }

  private var aggregatesTable: ReportTable {
    let k = settings.k
    var table = ReportTable(
      id: "aggregates", title: "Each arm over its own tasks",
      note: "Means over tasks, each task weighing the same; pass@\(k) and pass^\(k) are the "
        + "unbiased estimators 1 − C(n−c,\(k))/C(n,\(k)) and C(c,\(k))/C(n,\(k)).",
      columns: [
        .init("tasks", csv: "tasks"), .init("runs", csv: "runs"),
        .init("successes", csv: "successes"), .init("A%", csv: "a"),
        .init("strict A%", csv: "strict_a"), .init("pass@1", csv: "pass_at_1"),
        .init("pass@\(k)", csv: "pass_at_k"), .init("pass^\(k)", csv: "pass_power_k"),
      ])
    for arm in arms {
      for a in arm.aggregates {
        table.rows.append(
          .init(
            arm: arm.name, group: a.group.description, metric: "",
            cells: [
              CellFormat.count(a.tasks), CellFormat.count(a.runs), CellFormat.count(a.successes),
              CellFormat.percent(a.assertionRate), CellFormat.percent(a.strictAssertionRate),
              CellFormat.percent(a.passAt1), CellFormat.percent(a.passAtK),
              CellFormat.percent(a.passPowerK),
            ]))
      }
    }
    return table
  }

  private var differencesTable: ReportTable {
    var table = ReportTable(
      id: "differences", title: "Differences from the baseline over matched tasks",
      note: "Δ = arm − baseline in percentage points; SE = sd/√n of the task differences.",
      columns: [
        .init("tasks", csv: "tasks"), .init("baseline", csv: "baseline"),
        .init("arm", csv: "arm"), .init("Δ", csv: "difference"), .init("SE", csv: "se"),
        .init("95% CI", csv: ["ci_low", "ci_high"]),
      ])
    for comparison in comparisons {
      for row in comparison.rows {
        for m in row.metrics {
          table.rows.append(
            .init(
              arm: comparison.arm, group: row.group.description, metric: m.metric.title,
              cells: [
                CellFormat.count(row.tasks), CellFormat.percent(m.baseline),
                CellFormat.percent(m.arm), CellFormat.percent(m.difference, signed: true),
                CellFormat.decimal(m.standardError), CellFormat.interval(m.interval),
              ]))
        }
      }
    }
    return table
  }

  private var testsTable: ReportTable {
    var table = ReportTable(
      id: "tests", title: "Paired tests over matched tasks",
      note: "Wilcoxon signed-rank on the task differences of \(settings.primary.title) "
        + "(W = min(W+, W−), n non-zero differences; exact for n ≤ 25 without ties, else "
        + "normal with tie and continuity corrections); exact McNemar on per-task majority "
        + "pass.",
      columns: [
        .init("tasks", csv: "tasks"), .init("W", csv: "wilcoxon_w"),
        .init("n", csv: "wilcoxon_n"), .init("p", csv: "wilcoxon_p"),
        .init("method", csv: "wilcoxon_method"), .init("both pass", csv: "mcnemar_both"),
        .init("baseline only", csv: "mcnemar_baseline_only"),
        .init("arm only", csv: "mcnemar_arm_only"), .init("neither", csv: "mcnemar_neither"),
        .init("McNemar p", csv: "mcnemar_p"),
      ])
    for comparison in comparisons {
      for row in comparison.rows {
        let w = row.wilcoxon
        let m = row.mcnemar
        table.rows.append(
          .init(
            arm: comparison.arm, group: row.group.description, metric: "",
            cells: [
              CellFormat.count(row.tasks), CellFormat.decimal(w.statistic), CellFormat.count(w.n),
              CellFormat.pValue(w.p), CellFormat.text(w.method.rawValue),
              CellFormat.count(m.bothPass), CellFormat.count(m.baselineOnly),
              CellFormat.count(m.armOnly), CellFormat.count(m.neither), CellFormat.pValue(m.p),
            ]))
      }
    }
    return table
  }
}

extension ComparisonReport {
  /// The report in a format.
  /// - Throws: an encoding error for JSON (not expected: every value is finite or nil).
  public func render(_ format: ReportFormat) throws -> String {
    let title = "cplan compare: " + arms.map(\.name).joined(separator: " vs ")
    switch format {
    case .md: return TableRenderer.markdown(tables(), title: title, preamble: preamble)
    case .csv: return TableRenderer.csv(tables(units: true))
    case .latex: return TableRenderer.latex(tables(), title: title)
    case .json: return try JSONOutput.encode(self)
    }
  }
}
