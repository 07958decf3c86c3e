import ArgumentParser
import CPlanCore
import CPlanModel
import CPlanVerify
import Foundation

extension CPlan {
  struct CalibrateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "calibrate",
      abstract: "How right verify is on real, labelled backends.",
      discussion: """
        Runs the built-in verifiers on every labelled app under APPS with each task name it satisfies and violates, then again after each innocent perturbation (comments and docstrings, a test fixture, dev-only dependencies, docs, a CI file, a migration, each naming both engines and both ORMs), and the pack checks under each app's checked name. Reports the built-in verdicts' precision and recall (a violation found is a positive), every verdict a perturbation flipped, and the pack findings judged false, overall and by rule. Exit status 1 when a verdict is wrong or flipped, or a finding has no label.

        Examples:
          cplan bench calibrate ../shared/realworld-apps
          cplan bench calibrate ../shared/realworld-apps --format json
        """)

    @Argument(help: ArgumentHelp("The folder holding the labelled apps.", valueName: "apps"))
    var apps: String

    @Option(help: ArgumentHelp("The labels.", valueName: "file"))
    var labels = "Benchmarks/verify-calibration.json"

    @Option(help: ArgumentHelp("Folders of packs whose checks run.", valueName: "dir"))
    var packs: [String] = ["Constraints/packs"]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
      let set = ConstraintLoader().load(paths: packs)
      StandardError.diagnostics(set.diagnostics)
      if set.diagnostics.hasErrors { throw ExitCode(2) }
      let report: CalibrationReport
      do {
        report = try CalibrationReport.run(
          labels: try CalibrationLabels.read(labels), root: apps, packs: set.packs)
      } catch let error as VerifyError {
        StandardError.diagnostics([error.diagnostic])
        throw ExitCode(2)
      }
      switch format {
      case .text: print(text(report), terminator: "")
      case .json: print(try JSONOutput.string(json(report)), terminator: "")
      }
      if !report.wrongVerdicts.isEmpty || !report.flipped.isEmpty || !report.unlabelled.isEmpty {
        throw ExitCode(1)
      }
    }

    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    private func text(_ report: CalibrationReport) -> String {
      let apps = Set(report.verdicts.map(\.app)).count
      let falseOnes = report.packFindings.filter { $0.judgement == false }.count
      var out = "built-in verdicts: \(report.verdicts.count) on \(apps) apps; "
        + "precision \(percent(report.precision)), recall \(percent(report.recall)); "
        + "\(report.wrongVerdicts.count) wrong; "
        + "\(report.flipped.count) flipped by \(InnocentPerturbation.allCases.count) innocent perturbations\n"
      for verdict in report.wrongVerdicts {
        out += "  wrong: \(verdict.app) \(verdict.name): \(verdict.failed ? "failed" : "passed")\n"
      }
      for verdict in report.flipped {
        out += "  flipped: \(verdict.app) \(verdict.name) by "
          + verdict.flippedBy.map(\.rawValue).joined(separator: ", ") + "\n"
      }
      out += "pack findings: \(report.packFindings.count); \(falseOnes) judged false "
        + "(\(percent(report.falsePositiveRate))); \(report.unlabelled.count) unlabelled\n"
      for row in report.byRule where row.falseOnes > 0 {
        out += "  \(row.rule): \(row.falseOnes) of \(row.findings) false\n"
      }
      for finding in report.unlabelled {
        out += "  unlabelled: \(finding.app): \(finding.finding.path ?? "-"):"
          + "\(finding.finding.line.map(String.init) ?? "-") \(finding.finding.ruleID)\n"
      }
      for stale in report.missing { out += "  label without a finding: \(stale)\n" }
      return out
    }

    private func json(_ report: CalibrationReport) -> [String: Any] {
      [
        "verdicts": report.verdicts.map {
          [
            "app": $0.app, "name": $0.name, "violates": $0.violates, "failed": $0.failed,
            "flippedBy": $0.flippedBy.map(\.rawValue),
          ] as [String: Any]
        },
        "precision": report.precision, "recall": report.recall,
        "packFindings": report.packFindings.count,
        "falsePositiveRate": report.falsePositiveRate,
        "byRule": report.byRule.map {
          ["rule": $0.rule, "findings": $0.findings, "false": $0.falseOnes] as [String: Any]
        },
        "unlabelled": report.unlabelled.map {
          "\($0.app): \($0.finding.path ?? "-"):\($0.finding.line.map(String.init) ?? "-") \($0.finding.ruleID)"
        },
        "staleLabels": report.missing,
      ]
    }
  }
}
