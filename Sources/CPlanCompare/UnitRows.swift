/// One task of one arm as the report lists it (rates in percent).
public struct TaskRow: Sendable, Hashable, Codable {
  /// The arm.
  public var arm: String
  /// Agent, model and task name.
  public var key: TaskKey
  /// The framework.
  public var framework: String
  /// The constraint level.
  public var level: Int
  /// The date folder read.
  public var date: String
  /// Runs (n).
  public var runs: Int
  /// Successful runs (c).
  public var successes: Int
  /// Mean A%.
  public var assertionRate: Double
  /// Mean strict A%.
  public var strictAssertionRate: Double
  /// pass@1.
  public var passAt1: Double
  /// pass@k.
  public var passAtK: Double
  /// pass^k.
  public var passPowerK: Double
  /// Whether every arm has the task.
  public var matched: Bool

  /// Describes a task.
  public init(arm: String, task: TaskResult, k: Int, matched: Bool) {
    self.arm = arm
    key = task.key
    framework = task.framework
    level = task.level
    date = task.date
    runs = task.runCount
    successes = task.successes
    assertionRate = 100 * task.assertionRate
    strictAssertionRate = 100 * task.strictAssertionRate
    passAt1 = 100 * task.passAt1
    passAtK = 100 * task.passAt(k: k)
    passPowerK = 100 * task.passPower(k: k)
    self.matched = matched
  }
}

/// One run of one arm as the report lists it (rates in percent).
public struct RunRow: Sendable, Hashable, Codable {
  /// The arm.
  public var arm: String
  /// Agent, model and task name.
  public var key: TaskKey
  /// The run folder's name.
  public var run: String
  /// Whether a usable Newman report was found.
  public var hasReport: Bool
  /// Total assertions.
  public var assertions: Int
  /// Passed assertions.
  public var passed: Int
  /// Failed assertions.
  public var failed: Int
  /// A%.
  public var assertionRate: Double
  /// Whether the behavioural tests passed.
  public var testsPassed: Bool
  /// What the compliance checker said.
  public var compliance: Compliance
  /// Strict A%.
  public var strictAssertionRate: Double
  /// Whether the run succeeded.
  public var success: Bool

  /// Describes a run.
  public init(arm: String, key: TaskKey, run: RunResult) {
    self.arm = arm
    self.key = key
    self.run = run.name
    hasReport = run.report != nil
    assertions = run.assertions
    passed = run.passed
    failed = run.failed
    assertionRate = 100 * run.assertionRate
    testsPassed = run.testsPassed
    compliance = run.compliance
    strictAssertionRate = 100 * run.strictAssertionRate
    success = run.success
  }
}

extension ComparisonReport {
  /// Every task as a table (CSV and JSON only: it is long).
  var tasksTable: ReportTable {
    var table = ReportTable(
      id: "tasks", title: "Tasks", keyTitles: ("arm", "task", "metric"),
      columns: [
        .init("framework", csv: "framework"), .init("level", csv: "level"),
        .init("date", csv: "date"), .init("runs", csv: "runs"),
        .init("successes", csv: "successes"), .init("A%", csv: "a"),
        .init("strict A%", csv: "strict_a"), .init("pass@1", csv: "pass_at_1"),
        .init("pass@k", csv: "pass_at_k"), .init("pass^k", csv: "pass_power_k"),
        .init("matched", csv: "matched"),
      ])
    for row in tasks {
      table.rows.append(
        .init(
          arm: row.arm, group: row.key.description, metric: "",
          cells: [
            CellFormat.text(row.framework), CellFormat.count(row.level),
            CellFormat.text(row.date), CellFormat.count(row.runs),
            CellFormat.count(row.successes), CellFormat.percent(row.assertionRate),
            CellFormat.percent(row.strictAssertionRate), CellFormat.percent(row.passAt1),
            CellFormat.percent(row.passAtK), CellFormat.percent(row.passPowerK),
            CellFormat.text(row.matched ? "yes" : "no"),
          ]))
    }
    return table
  }

  /// Every run as a table (CSV and JSON only: it is long).
  var runsTable: ReportTable {
    var table = ReportTable(
      id: "runs", title: "Runs", keyTitles: ("arm", "run", "metric"),
      columns: [
        .init("report", csv: "has_report"), .init("assertions", csv: "assertions"),
        .init("passed", csv: "passed"), .init("failed", csv: "failed"),
        .init("A%", csv: "a"), .init("tests passed", csv: "tests_passed"),
        .init("compliance", csv: "compliance"), .init("strict A%", csv: "strict_a"),
        .init("success", csv: "success"),
      ])
    func flag(_ value: Bool) -> ReportTable.Cell { CellFormat.text(value ? "yes" : "no") }
    for row in runs {
      table.rows.append(
        .init(
          arm: row.arm, group: "\(row.key)/\(row.run)", metric: "",
          cells: [
            flag(row.hasReport), CellFormat.count(row.assertions), CellFormat.count(row.passed),
            CellFormat.count(row.failed), CellFormat.percent(row.assertionRate),
            flag(row.testsPassed), CellFormat.text(row.compliance.rawValue),
            CellFormat.percent(row.strictAssertionRate), flag(row.success),
          ]))
    }
    return table
  }
}
