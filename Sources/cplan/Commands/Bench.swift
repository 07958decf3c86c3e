import ArgumentParser
import CPlanCore
import CPlanModel
import Foundation

extension CPlan {
  struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure cplan against a reference in the same run.",
      discussion: """
        Speed, size and memory are reported as ratios against a reference measured in the same run; calibrate measures how right verify is on real code. Build in release mode first.

        Examples:
          swift build -c release && .build/release/cplan bench verify
          .build/release/cplan bench calibrate ../shared/realworld-apps
        """,
      subcommands: [
        ValidateBench.self, MatrixBench.self, CorpusBench.self, VerifyBench.self,
        CalibrateBench.self, MineBench.self,
      ])
  }

  struct ValidateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Time validating every manifest and pack, against PyYAML's safe_load.",
      discussion: """
        Loads, decodes and cross-checks the files in-process ITERATIONS times, then runs Benchmarks/yaml_reference.py (PyYAML with its libyaml C loader when present) on the same files and reports the ratio. The reference only parses; cplan also decodes and checks. Peak memory is the whole process's peak resident size.

        Examples:
          cplan bench validate
          cplan bench validate Constraints --iterations 500 --format json
        """)

    @Argument(help: ArgumentHelp("Files or folders to validate.", valueName: "path"))
    var paths: [String] = ["Constraints"]

    @Option(help: "How many times to validate the whole set.")
    var iterations = 200

    @Option(help: "The Python reference script.")
    var reference = "Benchmarks/yaml_reference.py"

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
      guard iterations > 0 else { throw ValidationError("'--iterations' must be at least 1") }
    }

    func run() throws {
      let loader = ConstraintLoader()
      let first = loader.load(paths: paths)
      let files = first.files.filter { $0.kind == .manifest || $0.kind == .pack }.map(\.path)
      guard !files.isEmpty else {
        StandardError.write("error: no manifest or pack found in \(paths.joined(separator: " "))\n")
        throw ExitCode(2)
      }
      let seconds = Measurement.seconds(iterations: iterations) { _ = loader.load(paths: paths) }
      var result: [String: Any] = [
        "files": files.count,
        "iterations": iterations,
        "cplan_per_iteration_ms": seconds * 1000 / Double(iterations),
        "cplan_peak_rss_kib": Measurement.peakResidentKiB,
      ]
      if let python = try? runReference(files) {
        result["reference"] = python
        if let ms = python["per_iteration_ms"] as? Double, ms > 0 {
          result["ratio_cplan_over_reference"] = (seconds * 1000 / Double(iterations)) / ms
        }
      } else {
        result["reference"] = NSNull()
      }
      switch format {
      case .json: print(try JSONOutput.string(result), terminator: "")
      case .text: print(text(result))
      }
    }

    private func runReference(_ files: [String]) throws -> [String: Any]? {
      try MatrixBench.runJSON(["python3", reference, "--iterations", "\(iterations)"] + files)
    }

    private func text(_ r: [String: Any]) -> String {
      let ms = r["cplan_per_iteration_ms"] as? Double ?? 0
      var lines = [
        "validate \(r["files"]!) files x \(iterations) iterations",
        String(format: "  cplan:     %.3f ms per pass, peak RSS %d KiB", ms,
          r["cplan_peak_rss_kib"] as? Int ?? 0),
      ]
      if let python = r["reference"] as? [String: Any],
        let pms = python["per_iteration_ms"] as? Double
      {
        lines.append(
          String(format: "  reference: %.3f ms per pass (PyYAML %@), peak RSS %d KiB", pms,
            python["loader"] as? String ?? "?", python["peak_rss_kib"] as? Int ?? 0))
        lines.append(String(format: "  ratio:     %.2fx (cplan / reference; below 1 is faster)",
          r["ratio_cplan_over_reference"] as? Double ?? 0))
      } else {
        lines.append("  reference: unavailable (python3 with PyYAML is needed)")
      }
      return lines.joined(separator: "\n")
    }
  }
}
