import CPlanCompare
import Foundation

/// The standard synthetic experiment, written once per test process: baseline and planned
/// trees with known effects and every kind of defect the reader must list.
enum Scenario {
  /// Defects, by where they are.
  static let olderDate = "express-openapi-unconstrained"
  static let missingReport = ("flask-openapi-sqlite", "run_2")
  static let malformedRow = "django-openapi-postgres"
  static let shortTask = "koa-openapi-sqlite"
  static let unmatchedTask = "koa-openapi-mongodb"

  /// The two trees.
  static let trees: (baseline: URL, planned: URL) = {
    let root = Paths.temporary("scenario")
    let baseline = root.appendingPathComponent("baseline")
    let planned = root.appendingPathComponent("planned")
    let tree = SyntheticTree()
    do {
      try tree.write(KnownEffects.baseline, to: baseline)
      try tree.write(KnownEffects.planned, to: planned)
      try addDefects(tree, baseline: baseline, planned: planned)
    } catch {
      fatalError("cannot write the synthetic trees: \(error)")
    }
    return (baseline, planned)
  }()

  /// The options the tests use: fewer resamples than the default, for speed.
  static let options = CompareOptions(bootstrap: Bootstrap(resamples: 2_000, seed: 11))

  /// The arms as read.
  static let arms: [ArmResults] = {
    let reader = ResultsReader()
    do {
      return [
        try reader.read(arm: "baseline", at: trees.baseline.path),
        try reader.read(arm: "planned", at: trees.planned.path),
      ]
    } catch {
      fatalError("cannot read the synthetic trees: \(error)")
    }
  }()

  /// The report, chart included.
  static let report: ComparisonReport = {
    do {
      return try ComparisonReport(arms: arms, options: options, missingReport: .fail, chart: true)
    } catch {
      fatalError("cannot compare the synthetic trees: \(error)")
    }
  }()

  private static func addDefects(_ tree: SyntheticTree, baseline: URL, planned: URL) throws {
    let manager = FileManager.default
    // An older date folder with a failing run: it must be ignored.
    let express = SyntheticTree.taskFolder(baseline, "express", [])
    let older = express.deletingLastPathComponent().appendingPathComponent("2026-04-30T18-00-00")
    try tree.writeRun(passed: 0, task: olderDate, to: older.appendingPathComponent("run_0"))
    // A run without its Newman report.
    let flask = SyntheticTree.taskFolder(planned, "flask", ["sqlite"])
    let run = flask.appendingPathComponent(missingReport.1)
    for file in try manager.contentsOfDirectory(atPath: run.path) where file.hasSuffix(".csv") {
      try manager.removeItem(at: run.appendingPathComponent(file))
    }
    // A malformed row appended to a report.
    let django = SyntheticTree.taskFolder(planned, "django", ["postgres"])
      .appendingPathComponent("run_0")
    let report = try manager.contentsOfDirectory(atPath: django.path).first {
      $0.hasSuffix(".csv")
    }!
    let handle = try FileHandle(forWritingTo: django.appendingPathComponent(report))
    handle.seekToEndOfFile()
    handle.write(Data("1,Conduit,Broken,GET,http://x,OK,200,1,1,\"a, b\",,,ten,1,0,0\n".utf8))
    try handle.close()
    // A task with one run fewer in the planned arm.
    let koa = SyntheticTree.taskFolder(planned, "koa", ["sqlite"])
    try manager.removeItem(at: koa.appendingPathComponent("run_2"))
    // A task only the baseline has.
    let extra = SyntheticTree.taskFolder(baseline, "koa", ["mongodb"])
    try tree.writeRun(passed: 100, task: unmatchedTask, to: extra.appendingPathComponent("run_0"))
    // A feature-task folder and a stray folder: listed, not read.
    let feature = baseline.appendingPathComponent(
      "express/\(SyntheticTree.agent)/x/hard-focused-task-001")
    try manager.createDirectory(at: feature, withIntermediateDirectories: true)
    try manager.createDirectory(
      at: planned.appendingPathComponent("notes"), withIntermediateDirectories: true)
  }
}
