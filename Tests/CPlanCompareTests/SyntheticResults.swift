import CPlanCompare
import Foundation

/// Writes harness results trees whose true effects are known.
///
/// Every framework gets the paper's 10 variants. A run succeeds (all assertions pass) with
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

/// The tree's shape and its deliberate defects.
struct SyntheticTree {
  static let frameworks = [
    "aiohttp", "django", "express", "fastapi", "fastify", "flask", "hono", "koa",
  ]
  static let python: Set<String> = ["aiohttp", "django", "fastapi", "flask"]
  static let agent = "mini_swe_sdk"
  static let model = "gpt-test"
  static let date = "2026-05-01"

  var runs = 3
  var assertionsPerRequest = 10
  var requests = 20
  var taskNoise = 0.08
  var runNoise = 0.05
  var seed: UInt64 = 7

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
    "\(framework)-openapi-" + (constraints.isEmpty ? "unconstrained" : constraints.joined(separator: "-"))
  }

  /// The folder of one task's runs.
  static func taskFolder(_ root: URL, _ framework: String, _ constraints: [String]) -> URL {
    root.appendingPathComponent(python.contains(framework) ? "uv" : "node")
      .appendingPathComponent(agent).appendingPathComponent(model)
      .appendingPathComponent(taskName(framework, constraints)).appendingPathComponent(date)
  }

  /// Writes an arm's tree under `root`.
  func write(_ arm: SyntheticArm, to root: URL) throws {
    for framework in Self.frameworks {
      for constraints in Self.variants(framework) {
        let task = Self.taskName(framework, constraints)
        var taskGenerator = SeededGenerator(seed: seed, label: "task|\(task)")
        let taskEffect = uniform(&taskGenerator, taskNoise)
        let folder = Self.taskFolder(root, framework, constraints)
        for run in 1...runs {
          var generator = SeededGenerator(seed: arm.seed, label: "\(task)|\(run)")
          let q = arm.success(framework, constraints.count)
          let m = (arm.mean(framework, constraints.count) - q) / (1 - q)
          let passedAll = Double(generator.next() >> 11) / Double(1 << 53) < q
          let rate = passedAll ? 1 : m + taskEffect + uniform(&generator, runNoise)
          let runFolder = folder.appendingPathComponent("run_\(run)")
          try writeRun(rate: rate, perfect: passedAll, task: task, to: runFolder)
        }
      }
    }
  }

  /// Writes one run: a Newman CSV whose assertions pass at `rate`, and a patch.
  func writeRun(rate: Double, perfect: Bool, task: String, to folder: URL) throws {
    let total = requests * assertionsPerRequest
    var passed = Int((rate * Double(total)).rounded())
    passed = perfect ? total : min(max(passed, 0), total - 1)
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
/// less for Flask; pass@1 +25 points at L3.
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
    0.30 - 0.08 * Double(level)
  }

  static let baseline = SyntheticArm(
    name: "baseline", mean: baselineMean, success: baselineSuccess, seed: 101)
  static let planned = SyntheticArm(
    name: "planned", mean: { baselineMean($0, $1) + effect($0, $1) },
    success: { baselineSuccess($0, $1) + 0.25 * Double($1) / 3 }, seed: 202)
}
