import ArgumentParser
import CPlanCore
import CPlanHarness
import CPlanModel
import CPlanPlanning
import Foundation

extension CPlan {
  struct MatrixBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "matrix",
      abstract: "Time matrix and augment against a plain Python prompt generator.",
      discussion: """
        In-process, ITERATIONS times each: (1) matrix — load the manifests, plan and render every variant in the baseline and planned arms, and build the index; the baseline and the planned arm alone, whose ratio is the cost of planning; (2) augment — read the harness's generation tasks and insert the plan into each. It reports what the plan adds: estimated tokens per level (mean, min, max), statements kept and dropped, and the share of the budget used. Then runs Benchmarks/prompt_reference.py, which fills a fixed template for the baseline prompts only (no planning), on the same manifests, and reports the ratios. End-to-end wall times of one `cplan matrix` process and one reference process are reported too.

        Examples:
          cplan bench matrix
          cplan bench matrix --iterations 50 --tasks ../shared/reference/constraint-decay/tasks --format json
        """)

    @Argument(help: ArgumentHelp("Manifest files or folders.", valueName: "manifest"))
    var paths: [String] = ["Constraints/manifests/conduit"]

    @Option(help: "Folder of harness tasks whose uv/ and node/ generation tasks are augmented.")
    var tasks: String = "../shared/reference/constraint-decay/tasks"

    @Option(help: "How many times to repeat each measurement.")
    var iterations = 20

    @Option(help: "The Python reference script.")
    var reference = "Benchmarks/prompt_reference.py"

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("The planned arm's budget, or 'none'.", valueName: "tokens|none"))
    var budget: Budget = .tokens(Planner.defaultBudget)

    func validate() throws {
      guard iterations > 0 else { throw ValidationError("'--iterations' must be at least 1") }
    }

    func run() throws {
      let templates = try TemplateSet()
      func session() -> PlanningSession {
        PlanningSession(
          constraints: ConstraintLoader().load(paths: paths), planner: Planner(budget: budget.tokens),
          renderer: PromptRenderer(templates: templates))
      }
      let probe = session()
      guard !probe.constraints.manifests.isEmpty, !probe.constraints.diagnostics.hasErrors else {
        StandardError.diagnostics(probe.constraints.diagnostics)
        StandardError.write("error: the manifests must load cleanly\n")
        throw ExitCode(2)
      }
      var prompts = 0
      let matrixSeconds = try measure {
        let builder = MatrixBuilder(session: session(), arms: [.baseline, .planned], format: .text)
        let entries = try builder.entries()
        prompts = builder.files(for: entries).count - 1
      }
      var armSeconds: [Arm: Double] = [:]
      for arm in [Arm.baseline, .planned] {
        armSeconds[arm] = try measure {
          let builder = MatrixBuilder(session: session(), arms: [arm], format: .text)
          _ = builder.files(for: try builder.entries())
        }
      }
      var result: [String: Any] = [
        "iterations": iterations,
        "matrix_prompts": prompts,
        "matrix_per_iteration_ms": matrixSeconds * 1000 / Double(iterations),
        "baseline_arm_ms": armSeconds[.baseline]! * 1000 / Double(iterations),
        "planned_arm_ms": armSeconds[.planned]! * 1000 / Double(iterations),
        "ratio_planned_over_baseline": armSeconds[.planned]! / armSeconds[.baseline]!,
        "budget": budget.tokens.map { $0 as Any } ?? "none",
      ]
      let entries = try MatrixBuilder(session: session(), arms: [.baseline, .planned], format: .text)
        .entries()
      result["plans"] = PlanStatistics(entries: entries, budget: budget.tokens).jsonObject
      let taskFiles = ["uv", "node"].flatMap {
        Augmenter.taskFiles(at: (tasks as NSString).appendingPathComponent($0))
      }
      if !taskFiles.isEmpty {
        let augmentSeconds = try measure {
          let augmenter = Augmenter(session: session(), arm: .planned)
          for (file, _) in taskFiles {
            _ = try augmenter.augment(try HarnessTask.read(URL(fileURLWithPath: file)))
          }
        }
        result["augment_tasks"] = taskFiles.count
        result["augment_per_iteration_ms"] = augmentSeconds * 1000 / Double(iterations)
      }
      result["cplan_peak_rss_kib"] = Measurement.peakResidentKiB
      let manifestFiles = probe.constraints.manifests.map(\.file)
      if let python = try? Self.runJSON(
        ["python3", reference, "--iterations", "\(iterations)"] + manifestFiles)
      {
        result["reference"] = python
        if let ms = python["per_iteration_ms"] as? Double, ms > 0 {
          result["ratio_matrix_over_reference"] =
            (result["matrix_per_iteration_ms"] as! Double) / ms
        }
      }
      result["end_to_end"] = try endToEnd(manifestFiles)
      switch format {
      case .json: print(try JSONOutput.string(result), terminator: "")
      case .text: print(BenchReport.matrixText(result))
      }
    }

    private func measure(_ body: () throws -> Void) throws -> Double {
      var failure: Error?
      let seconds = Measurement.seconds(iterations: iterations) {
        do { try body() } catch { failure = error }
      }
      if let failure { throw failure }
      return seconds
    }

    /// One `cplan matrix` process into a temporary folder, and one reference process.
    private func endToEnd(_ manifests: [String]) throws -> [String: Any] {
      let out = FileManager.default.temporaryDirectory.appendingPathComponent(
        "cplan-bench-\(ProcessInfo.processInfo.processIdentifier)")
      defer { try? FileManager.default.removeItem(at: out) }
      let binary = CommandLine.arguments[0]
      let clock = ContinuousClock()
      let cplan = try clock.measure {
        _ = try Self.runJSON(
          [binary, "matrix"] + paths + ["--out", out.path, "--quiet", "--force"], expectJSON: false)
      }
      let python = try clock.measure {
        _ = try Self.runJSON(["python3", reference, "--iterations", "1"] + manifests)
      }
      return [
        "cplan_matrix_ms": Measurement.milliseconds(cplan),
        "reference_ms": Measurement.milliseconds(python),
      ]
    }

    /// Runs a reference program (through `env`), feeding `input` to its standard input, and
    /// parses the JSON object it prints; a failing program throws its exit status.
    static func runJSON(_ arguments: [String], input: String? = nil, expectJSON: Bool = true)
      throws -> [String: Any]
    {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = arguments
      let pipe = Pipe()
      let stdin = Pipe()
      process.standardOutput = pipe
      process.standardError = FileHandle.nullDevice
      if input != nil { process.standardInput = stdin }
      try process.run()
      if let input {
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
      }
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else { throw ExitCode(process.terminationStatus) }
      guard expectJSON else { return [:] }
      return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
  }
}

/// Text renderings of benchmark results.
enum BenchReport {
  static func matrixText(_ r: [String: Any]) -> String {
    func d(_ key: String) -> Double { r[key] as? Double ?? 0 }
    var lines = [
      String(format: "matrix:  %d prompts in %.1f ms (in-process, planning included)",
        r["matrix_prompts"] as? Int ?? 0, d("matrix_per_iteration_ms")),
    ]
    if let tasks = r["augment_tasks"] as? Int {
      lines.append(String(format: "augment: %d tasks in %.1f ms", tasks, d("augment_per_iteration_ms")))
    }
    if let python = r["reference"] as? [String: Any] {
      lines.append(
        String(format: "reference: %d baseline prompts in %.1f ms (Python, no planning)",
          python["prompts"] as? Int ?? 0, python["per_iteration_ms"] as? Double ?? 0))
      lines.append(String(format: "ratio:   %.2fx (cplan matrix / reference)", d("ratio_matrix_over_reference")))
    }
    if let e2e = r["end_to_end"] as? [String: Any] {
      lines.append(
        String(format: "end to end: cplan matrix process %.0f ms, reference process %.0f ms",
          e2e["cplan_matrix_ms"] as? Double ?? 0, e2e["reference_ms"] as? Double ?? 0))
    }
    lines.append(
      String(format: "arms:    baseline %.1f ms, planned %.1f ms: %.2fx (goal: at most 1.3x)",
        d("baseline_arm_ms"), d("planned_arm_ms"), d("ratio_planned_over_baseline")))
    if let plans = r["plans"] as? [String: Any] {
      lines += PlanStatistics.text(plans)
    }
    lines.append("peak RSS: \(r["cplan_peak_rss_kib"] as? Int ?? 0) KiB")
    return lines.joined(separator: "\n")
  }
}
