import CPlanCore
import CPlanHarness
import Foundation

/// Reads one arm's harness results tree, `{runtime}/{agent}/{model}/{task}/{date}/run_N/`.
///
/// For each task only the latest date folder is read; date folders are compared as strings,
/// so `2026-05-01`, `2026-05-01T09-30-00` and `20260501-093000` order correctly as long as one
/// arm uses one format. Each `run_*` folder contributes its Newman CSV report
/// (`newman-run-report-*.csv`, the first by name when there are several) and its patch
/// (`*.patch`, likewise). Generation tasks live under the `uv` and `node` runtime folders;
/// feature-task folders (named after a framework) have no constraint level and are listed,
/// not compared. Everything skipped or incomplete becomes a diagnostic.
public struct ResultsReader {
  /// What to do with a run whose Newman report is missing or unusable.
  public enum MissingReportPolicy: String, Sendable, CaseIterable, Codable {
    /// Count it as a failed run with no assertions, as the harness does.
    case fail
    /// Leave it out of its task (its task then has fewer runs).
    case exclude
  }

  /// Decides compliance from a run's patch.
  public var checker: any ComplianceChecker
  /// The policy for missing reports.
  public var missingReport: MissingReportPolicy

  /// Creates a reader.
  /// - Parameters:
  ///   - checker: the compliance checker; `AssumeCompliant()` verifies nothing.
  ///   - missingReport: what to do with runs that have no usable report.
  public init(
    checker: any ComplianceChecker = AssumeCompliant(), missingReport: MissingReportPolicy = .fail
  ) {
    self.checker = checker
    self.missingReport = missingReport
  }

  /// The runtime folders of generation tasks.
  public static let runtimeFolders = ["node", "uv"]

  /// Reads an arm.
  /// - Parameters:
  ///   - name: the arm's name, e.g. `baseline`.
  ///   - root: the results folder.
  /// - Throws: `CompareError.notAFolder` or `CompareError.noTasks`.
  public func read(arm name: String, at root: String) throws -> ArmResults {
    let rootURL = URL(fileURLWithPath: root)
    guard Self.isFolder(rootURL) else { throw CompareError.notAFolder(root) }
    var diagnostics: [Diagnostic] = []
    var tasks: [TaskResult] = []
    for runtime in Self.folders(in: rootURL) {
      let runtimeURL = rootURL.appendingPathComponent(runtime)
      guard Self.runtimeFolders.contains(runtime) else {
        diagnostics.append(Self.unknownTopFolder(runtime, at: runtimeURL))
        continue
      }
      for agent in Self.folders(in: runtimeURL) {
        let agentURL = runtimeURL.appendingPathComponent(agent)
        for model in Self.folders(in: agentURL) {
          let modelURL = agentURL.appendingPathComponent(model)
          for task in Self.folders(in: modelURL) {
            let key = TaskKey(agent: agent, model: model, task: task)
            let url = modelURL.appendingPathComponent(task)
            if let result = readTask(key, runtime: runtime, at: url, into: &diagnostics) {
              tasks.append(result)
            }
          }
        }
      }
    }
    guard !tasks.isEmpty else { throw CompareError.noTasks(root) }
    return ArmResults(
      name: name, root: root, tasks: tasks.sorted { $0.key < $1.key }, diagnostics: diagnostics,
      checker: checker.label, verified: checker.verifies)
  }

  private func readTask(
    _ key: TaskKey, runtime: String, at url: URL, into diagnostics: inout [Diagnostic]
  ) -> TaskResult? {
    let target: TaskTarget
    do {
      target = try TaskTarget.infer(name: key.task, dockerFolder: runtime, file: url.path)
    } catch {
      diagnostics.append(
        .warning(
          "unparseable-task-name", "task '\(key.task)' is skipped: \(error)",
          at: .start(of: url.path)))
      return nil
    }
    let dates = Self.folders(in: url)
    guard let date = dates.last else {
      diagnostics.append(
        .warning("no-date-folder", "task '\(key)' has no date folder", at: .start(of: url.path)))
      return nil
    }
    if dates.count > 1 {
      let older = dates.dropLast().map { "'\($0)'" }.joined(separator: ", ")
      diagnostics.append(
        Diagnostic(
          .note, code: "older-date-folders",
          message: "task '\(key)' uses '\(date)'; older date folders ignored: \(older)",
          at: .start(of: url.path)))
    }
    let dateURL = url.appendingPathComponent(date)
    let runNames = Self.folders(in: dateURL).filter { $0.hasPrefix("run_") }
      .sorted(by: Self.naturalOrder)
    var runs: [RunResult] = []
    for runName in runNames {
      let runURL = dateURL.appendingPathComponent(runName)
      if let run = readRun(runName, at: runURL, target: target, task: key.task, &diagnostics) {
        runs.append(run)
      }
    }
    guard !runs.isEmpty else {
      diagnostics.append(
        .warning(
          "no-runs", "task '\(key)' has no usable run in '\(date)' and is skipped",
          at: .start(of: dateURL.path)))
      return nil
    }
    return TaskResult(key: key, runtime: runtime, target: target, date: date, runs: runs)
  }

  private func readRun(
    _ name: String, at url: URL, target: TaskTarget, task: String,
    _ diagnostics: inout [Diagnostic]
  ) -> RunResult? {
    let files = Self.files(in: url)
    let reports = files.filter { $0.hasPrefix("newman-run-report-") && $0.hasSuffix(".csv") }
    let patches = files.filter { $0.hasSuffix(".patch") }
    var report: NewmanReport?
    if let first = reports.first {
      let reportURL = url.appendingPathComponent(first)
      if reports.count > 1 {
        diagnostics.append(
          .warning(
            "several-newman-reports",
            "\(reports.count) newman reports in run '\(name)'; using '\(first)'",
            at: .start(of: url.path)))
      }
      report = Self.readReport(at: reportURL, into: &diagnostics)
    } else {
      diagnostics.append(
        .warning(
          "missing-newman-report",
          "run '\(name)' of '\(task)' has no newman-run-report-*.csv; "
            + (missingReport == .fail ? "counted as failed" : "excluded"),
          at: .start(of: url.path)))
    }
    if report == nil, missingReport == .exclude { return nil }
    let patch = patches.first.map { url.appendingPathComponent($0) }
    let compliance = compliance(of: patch, target: target, task: task, run: url, &diagnostics)
    return RunResult(
      name: name, folder: url.path, report: report, patch: patch?.path, compliance: compliance)
  }

  private func compliance(
    of patch: URL?, target: TaskTarget, task: String, run: URL,
    _ diagnostics: inout [Diagnostic]
  ) -> Compliance {
    guard target.level > 0 else { return .notApplicable }
    guard let patch else {
      guard checker.verifies else { return .unknown }
      diagnostics.append(
        .warning(
          "missing-patch", "constrained run of '\(task)' has no patch; counted as violating",
          at: .start(of: run.path)))
      return .violating
    }
    switch checker.compliant(patch: patch, task: task) {
    case true?: return .compliant
    case false?: return .violating
    case nil:
      if checker.verifies {
        diagnostics.append(
          .warning(
            "compliance-unknown", "compliance of '\(task)' is unknown; assumed compliant",
            at: .start(of: patch.path)))
      }
      return .unknown
    }
  }

  private static func readReport(at url: URL, into diagnostics: inout [Diagnostic])
    -> NewmanReport?
  {
    do {
      let report = try NewmanReport(contentsOf: url)
      for row in report.malformedRows {
        diagnostics.append(
          .warning(
            "malformed-newman-row", "row skipped: \(row.reason)",
            at: SourceLocation(file: url.path, line: row.line, column: 1)))
      }
      return report
    } catch {
      let line = (error as? CSVError)?.line ?? 1
      diagnostics.append(
        .warning(
          "malformed-newman-report", "unusable newman report: \(error)",
          at: SourceLocation(file: url.path, line: line, column: 1)))
      return nil
    }
  }

  private static func unknownTopFolder(_ name: String, at url: URL) -> Diagnostic {
    let framework = TaskTarget.dockerFolderAliases[name] ?? name
    if TaskTarget.frameworkRuntimes[framework] != nil {
      return Diagnostic(
        .note, code: "feature-tasks-skipped",
        message: "feature tasks in '\(name)' have no constraint level and are not compared",
        at: .start(of: url.path))
    }
    return .warning(
      "unknown-results-folder",
      "'\(name)' is not a runtime folder ('node' or 'uv') and is skipped",
      at: .start(of: url.path))
  }
}
