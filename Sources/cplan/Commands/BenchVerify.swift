import ArgumentParser
import CPlanCore
import CPlanVerify
import Foundation

extension CPlan {
  struct VerifyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Verify throughput in patches per second, against a Python regex verifier.",
      discussion: """
        Generates PATCHES realistic agent patches in-process (Python and Node projects of 5-40 files for the paper's ten constraint sets, about a quarter with a planted defect), writes them to a temporary folder, then ITERATIONS times reads, parses and verifies each one on one thread, and once more in parallel on every core. Then runs Benchmarks/verify_reference.py, which does the equivalent regular-expression scan in Python over the same files, and reports both rates, their ratio, and how often each verdict matches the planted one.

        Examples:
          cplan bench verify
          cplan bench verify --patches 1000 --iterations 5 --format json
        """)

    @Option(help: "How many patches to generate.")
    var patches = 500

    @Option(help: "How many times to verify the whole set.")
    var iterations = 3

    @Option(help: "The generator's seed.")
    var seed: UInt64 = 42

    @Option(help: "The Python reference script.")
    var reference = "Benchmarks/verify_reference.py"

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
      guard patches > 0, iterations > 0 else {
        throw ValidationError("'--patches' and '--iterations' must be at least 1")
      }
    }

    func run() throws {
      let items = SyntheticPatches.generate(count: patches, seed: seed)
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "cplan-bench-verify-\(ProcessInfo.processInfo.processIdentifier)")
      defer { try? FileManager.default.removeItem(at: folder) }
      var jobs: [VerificationJob] = []
      var index: [[String: Any]] = []
      for item in items {
        let url = folder.appendingPathComponent(item.fileName)
        try AtomicFile.write(item.patch, to: url)
        index.append(["file": item.fileName, "task": item.task])
        jobs.append(
          VerificationJob(
            input: url.path, kind: .patch, target: try VerificationTarget.named(item.task)))
      }
      let indexURL = folder.appendingPathComponent("index.json")
      try AtomicFile.write(try JSONOutput.string(["patches": index]), to: indexURL)
      var verdicts: [Bool] = []
      let serial = Measurement.seconds(iterations: iterations) {
        verdicts = jobs.map { (try? $0.perform())?.passed ?? false }
      }
      let parallel = Measurement.seconds(iterations: iterations) {
        _ = VerificationBatch.run(jobs)
      }
      let bytes = items.reduce(0) { $0 + $1.patch.utf8.count }
      let expected = items.map { $0.defect == nil }
      var result: [String: Any] = [
        "patches": items.count,
        "iterations": iterations,
        "mean_files": Double(items.reduce(0) { $0 + $1.fileCount }) / Double(items.count),
        "mean_kib": Double(bytes) / 1024 / Double(items.count),
        "planted_defects": expected.filter { !$0 }.count,
        "cplan_patches_per_second": Double(items.count * iterations) / serial,
        "cplan_parallel_patches_per_second": Double(items.count * iterations) / parallel,
        "cplan_agreement": agreement(verdicts, expected),
        "cplan_peak_rss_kib": Measurement.peakResidentKiB,
      ]
      if let python = try? MatrixBench.runJSON(
        ["python3", reference, "--iterations", "\(iterations)", indexURL.path])
      {
        let theirs = python["verdicts"] as? [String: Bool] ?? [:]
        result["reference"] =
          [
            "patches_per_second": python["patches_per_second"] as? Double ?? 0,
            "peak_rss_kib": python["peak_rss_kib"] as? Int ?? 0,
            "agreement": agreement(items.map { theirs[$0.fileName] ?? false }, expected),
          ] as [String: Any]
        if let rate = python["patches_per_second"] as? Double, rate > 0 {
          result["ratio_cplan_over_reference"] =
            (result["cplan_patches_per_second"] as! Double) / rate
        }
      }
      switch format {
      case .json: print(try JSONOutput.string(result), terminator: "")
      case .text: print(text(result))
      }
    }

    private func agreement(_ verdicts: [Bool], _ expected: [Bool]) -> Double {
      Double(zip(verdicts, expected).filter { $0 == $1 }.count) / Double(max(expected.count, 1))
    }

    private func text(_ r: [String: Any]) -> String {
      func d(_ key: String, _ object: [String: Any]? = nil) -> Double {
        (object ?? r)[key] as? Double ?? 0
      }
      var lines = [
        String(
          format:
            "verify %d generated patches (%.1f files, %.1f KiB on average; "
            + "%d planted defects) x %d",
          r["patches"] as? Int ?? 0, d("mean_files"), d("mean_kib"),
          r["planted_defects"] as? Int ?? 0,
          iterations),
        String(
          format: "  cplan:     %.0f patches/s on one thread, %.0f patches/s on every core; "
            + "verdicts match the planted ones in %.1f%%, peak RSS %d KiB",
          d("cplan_patches_per_second"), d("cplan_parallel_patches_per_second"),
          d("cplan_agreement") * 100, r["cplan_peak_rss_kib"] as? Int ?? 0),
      ]
      if let python = r["reference"] as? [String: Any] {
        lines.append(
          String(
            format: "  reference: %.0f patches/s (Python regex scan); verdicts match in %.1f%%",
            d("patches_per_second", python), d("agreement", python) * 100))
        lines.append(
          String(
            format: "  ratio:     %.2fx (cplan / reference; above 1 is faster)",
            d("ratio_cplan_over_reference")))
      } else {
        lines.append("  reference: unavailable (python3 is needed)")
      }
      return lines.joined(separator: "\n")
    }
  }
}
