import CPlanHarness
import Foundation

@testable import CPlanCompare

/// Writes harness results trees whose true effects are known.
///
/// Every framework gets the paper's 10 variants; date folders and runs are named as the harness
/// names them (`2026-05-01T09-30-00`, `run_0`…). A run succeeds (all assertions pass) with
/// probability `success`; otherwise its A% is drawn around `(mean − success) / (1 − success)`,
/// so the expected A% of a run is exactly `mean`. A task effect shared by both arms (the task's
/// difficulty) and a run effect, both uniform and centred, add noise. Every CSV has quoted
/// fields holding commas, doubled quotes and line breaks.
struct SyntheticArm: Sendable {
  /// The arm's folder name in messages.
  var name: String
  /// Expected A% of a run (fraction) by framework and level.
  var mean: @Sendable (String, Int) -> Double
  /// Chance that a run passes every assertion.
  var success: @Sendable (String, Int) -> Double
  /// Seeds the run noise; the task effect is seeded by the tree.
  var seed: UInt64
}

/// The tree's shape: frameworks, variants, configurations, runs and noise.
struct SyntheticTree {
  static let frameworks = [
    "aiohttp", "django", "express", "fastapi", "fastify", "flask", "hono", "koa",
  ]
  static let python: Set<String> = ["aiohttp", "django", "fastapi", "flask"]
  static let agent = "mini_swe_sdk"
  static let date = "2026-05-01T09-30-00"

  var models = ["gpt-test", "gpt-other"]
  var runs = 3
  var assertionsPerRequest = 10
  var requests = 20
  var taskNoise = 0.08
  var runNoise = 0.05
  var seed: UInt64 = 7

  /// One generated run.
  struct Run {
    var model: String
    var framework: String
    var constraints: [String]
    var run: Int
    var passed: Int
    var total: Int
  }

  /// The paper's 10 constraint sets, for a framework.
  static func variants(_ framework: String) -> [[String]] {
    let orm = python.contains(framework) ? "sqlalchemy" : "sequelize"
    let ca = "clean_architecture"
    return [
      [], [ca], ["sqlite"], ["postgres"], [ca, "sqlite"], [ca, "postgres"], ["sqlite", orm],
      ["postgres", orm], [ca, "sqlite", orm], [ca, "postgres", orm],
    ]
  }

  /// A task name as the harness spells it.
  static func taskName(_ framework: String, _ constraints: [String]) -> String {
    "\(framework)-openapi-"
      + (constraints.isEmpty ? "unconstrained" : constraints.joined(separator: "-"))
  }

  /// The folder of one task's runs.
  static func taskFolder(
    _ root: URL, _ framework: String, _ constraints: [String], model: String = "gpt-test"
  ) -> URL {
    root.appendingPathComponent(python.contains(framework) ? "uv" : "node")
      .appendingPathComponent(agent).appendingPathComponent(model)
      .appendingPathComponent(taskName(framework, constraints)).appendingPathComponent(date)
  }

  /// Every run of an arm.
  func generate(_ arm: SyntheticArm) -> [Run] {
    var out: [Run] = []
    let total = requests * assertionsPerRequest
    for model in models {
      for framework in Self.frameworks {
        for constraints in Self.variants(framework) {
          let task = "\(model)|\(Self.taskName(framework, constraints))"
          var taskGenerator = SeededGenerator(seed: seed, label: "task|\(task)")
          let taskEffect = uniform(&taskGenerator, taskNoise)
          let q = arm.success(framework, constraints.count)
          let m = (arm.mean(framework, constraints.count) - q) / (1 - q)
          for run in 1...runs {
            var generator = SeededGenerator(seed: arm.seed, label: "\(seed)|\(task)|\(run)")
            let perfect = Double(generator.next() >> 11) / Double(1 << 53) < q
            let rate = m + taskEffect + uniform(&generator, runNoise)
            let passed =
              perfect ? total : min(max(Int((rate * Double(total)).rounded()), 0), total - 1)
            out.append(
              Run(
                model: model, framework: framework, constraints: constraints, run: run,
                passed: passed, total: total))
          }
        }
      }
    }
    return out
  }

  /// Writes an arm's tree under `root`.
  func write(_ arm: SyntheticArm, to root: URL) throws {
    for run in generate(arm) {
      let folder = Self.taskFolder(root, run.framework, run.constraints, model: run.model)
        .appendingPathComponent("run_\(run.run - 1)")
      try writeRun(
        passed: run.passed, task: Self.taskName(run.framework, run.constraints), to: folder)
    }
  }

  /// An arm built in memory, as the reader would read its tree.
  func results(_ arm: SyntheticArm) -> ArmResults {
    let runs = Dictionary(grouping: generate(arm)) {
      "\($0.model)|\(Self.taskName($0.framework, $0.constraints))"
    }
    let tasks = runs.keys.sorted().map { key -> TaskResult in
      let list = runs[key]!
      let first = list[0]
      let name = Self.taskName(first.framework, first.constraints)
      let runtime = Self.python.contains(first.framework) ? "uv" : "node"
      let target = try! TaskTarget.infer(name: name, dockerFolder: runtime, file: name)
      let results = list.map { run in
        RunResult(
          name: "run_\(run.run - 1)", folder: "\(key)/run_\(run.run - 1)",
          report: NewmanReport(
            assertions: run.total, passed: run.passed, failed: run.total - run.passed,
            skipped: 0, rows: requests, malformedRows: []),
          patch: nil, compliance: first.constraints.isEmpty ? .notApplicable : .unknown)
      }
      return TaskResult(
        key: TaskKey(agent: Self.agent, model: first.model, task: name), runtime: runtime,
        target: target, date: Self.date, runs: results)
    }
    return ArmResults(
      name: arm.name, root: arm.name, tasks: tasks.sorted { $0.key < $1.key }, diagnostics: [],
      checker: AssumeCompliant().label, verified: false)
  }

  /// Writes one run: a Newman CSV with `passed` of its assertions passing, and a patch.
  func writeRun(passed: Int, task: String, to folder: URL) throws {
    var csv = Self.header
    var left = passed
    for request in 0..<requests {
      let here = min(assertionsPerRequest, left)
      left -= here
      csv += Self.row(request: request, passed: here, of: assertionsPerRequest)
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(csv.utf8).write(
      to: folder.appendingPathComponent("newman-run-report-2026-05-01-10-00-00-000-0.csv"))
    try Data("diff --git a/app.py b/app.py\n".utf8).write(
      to: folder.appendingPathComponent("\(Self.agent)-\(task).patch"))
  }

  static let header =
    "iteration,collectionName,requestName,method,url,status,code,responseTime,responseSize,"
    + "executed,failed,skipped,totalAssertions,executedCount,failedCount,skippedCount\n"

  /// One request row; names hold commas, quotes and a line break, as Newman writes them.
  static func row(request: Int, passed: Int, of total: Int) -> String {
    let executed = (0..<passed).map { "Status code is 200, check \($0)" }.joined(separator: ",")
    let failed = (0..<(total - passed)).map { "Body has \"\"user\"\", \($0)" }
      .joined(separator: ",")
    return "1,Conduit,\"Request \(request),\nwith a line break\",GET,"
      + "http://localhost:3000/api/articles?limit=\(request),OK,200,12,345,"
      + "\"\(executed)\",\"\(failed)\",,\(total),\(passed),\(total - passed),0\n"
  }

  private func uniform(_ generator: inout SeededGenerator, _ width: Double) -> Double {
    (Double(generator.next() >> 11) / Double(1 << 53) * 2 - 1) * width
  }
}

/// The scenario most tests use: planned +20 points at L3 and none at L0, more for Django and
/// less for Flask; pass@1 +25 points at L3. A constraint costs 10 points in the baseline and
/// 10 − 20/3 in the planned arm.
enum KnownEffects {
  static let weights = ["django": 1.5, "flask": 0.5]
  static func weight(_ framework: String) -> Double { weights[framework] ?? 1 }

  static func baselineMean(_ framework: String, _ level: Int) -> Double {
    0.80 - 0.10 * Double(level) - (["django", "fastapi"].contains(framework) ? 0.15 : 0)
  }

  static func effect(_ framework: String, _ level: Int) -> Double {
    0.20 * Double(level) / 3 * weight(framework)
  }

  static func baselineSuccess(_ framework: String, _ level: Int) -> Double {
    0.15 - 0.04 * Double(level)
  }

  static func successEffect(_ level: Int) -> Double { 0.25 * Double(level) / 3 }

  static let baseline = SyntheticArm(
    name: "baseline", mean: baselineMean, success: baselineSuccess, seed: 101)
  static let planned = SyntheticArm(
    name: "planned", mean: { baselineMean($0, $1) + effect($0, $1) },
    success: { baselineSuccess($0, $1) + successEffect($1) }, seed: 202)
}
