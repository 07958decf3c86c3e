import CPlanCore

/// Decay, marginal effects and issues as tables.
extension ComparisonReport {
  var decayTable: ReportTable {
    let from = comparisons.first?.decay.first?.fromLevel ?? 0
    let to = comparisons.first?.decay.first?.toLevel ?? 0
    var table = ReportTable(
      id: "decay", title: "Decay L\(from)→L\(to) and the share recovered",
      note: "Decay = mean \(settings.primary.title) at L\(from) − at L\(to), in points; "
        + "recovered = (baseline decay − arm decay) / baseline decay, in percent, from the same "
        + "bootstrap replicates as the differences.",
      keyTitles: ("arm", "scope", "metric"),
      columns: [
        .init("baseline decay", csv: "baseline_decay"),
        .init("95% CI", csv: ["baseline_decay_ci_low", "baseline_decay_ci_high"]),
        .init("arm decay", csv: "arm_decay"),
        .init("95% CI", csv: ["arm_decay_ci_low", "arm_decay_ci_high"]),
        .init("recovered %", csv: "recovered"),
        .init("95% CI", csv: ["recovered_ci_low", "recovered_ci_high"]),
        .init("note", csv: "note"),
      ])
    for comparison in comparisons {
      for row in comparison.decay {
        table.rows.append(
          .init(
            arm: comparison.arm, group: row.scope.description, metric: "",
            cells: [
              CellFormat.percent(row.baseline?.value), CellFormat.interval(row.baseline?.interval),
              CellFormat.percent(row.arm?.value), CellFormat.interval(row.arm?.interval),
              CellFormat.percent(row.recovered?.value),
              CellFormat.interval(row.recovered?.interval), CellFormat.text(row.note ?? ""),
            ]))
      }
    }
    return table
  }

  var marginalTable: ReportTable {
    var table = ReportTable(
      id: "marginal", title: "Marginal effect of each constraint",
      note: "Mean of \(settings.primary.title)(with) − \(settings.primary.title)(without) over "
        + "matched variant pairs that differ by that constraint alone, in points; change = the "
        + "arm's effect minus the baseline's on the same pairs.",
      keyTitles: ("arm", "constraint", "metric"),
      columns: [
        .init("pairs", csv: "pairs"), .init("effect", csv: "effect"), .init("SD", csv: "sd"),
        .init("SE", csv: "se"), .init("change", csv: "change"), .init("SE", csv: "change_se"),
        .init("95% CI", csv: ["change_ci_low", "change_ci_high"]),
      ])
    for effect in marginal {
      for armEffect in effect.arms {
        let change = effect.changes.first { $0.arm == armEffect.arm }
        table.rows.append(
          .init(
            arm: armEffect.arm, group: effect.constraint, metric: "",
            cells: [
              CellFormat.count(effect.pairs), CellFormat.percent(armEffect.mean, signed: true),
              CellFormat.decimal(armEffect.standardDeviation),
              CellFormat.decimal(armEffect.standardError),
              change.map { CellFormat.percent($0.mean, signed: true) } ?? CellFormat.text(""),
              CellFormat.decimal(change?.standardError),
              change.map { CellFormat.interval($0.interval) } ?? .init(display: "", raw: ["", ""]),
            ]))
      }
    }
    return table
  }

  var issuesTable: ReportTable {
    ReportTable.issues(issues)
  }
}

extension ReportTable {
  /// Diagnostics as a table: code, severity, location, message.
  public static func issues(_ diagnostics: [Diagnostic]) -> ReportTable {
    var table = ReportTable(
      id: "issues", title: "Skipped, incomplete, unmatched and unbalanced",
      note: "Nothing is dropped silently: every run or task left out or unevenly run is here.",
      keyTitles: ("arm", "code", "metric"),
      columns: [
        .init("severity", csv: "severity"), .init("location", csv: "location"),
        .init("message", csv: "message"),
      ])
    for diagnostic in diagnostics {
      table.rows.append(
        .init(
          arm: "", group: diagnostic.code, metric: "",
          cells: [
            CellFormat.text(diagnostic.severity.rawValue),
            CellFormat.text(diagnostic.location.description), CellFormat.text(diagnostic.message),
          ]))
    }
    return table
  }
}
