import ArgumentParser
import CPlanCompare
import CPlanCore
import Foundation

extension ReportFormat: ExpressibleByArgument {}
extension Metric: ExpressibleByArgument {}
extension ResultsReader.MissingReportPolicy: ExpressibleByArgument {}

extension CPlan {
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare harness results of a baseline and a planned arm, or check a summary.",
      discussion: """
        Each DIR is one arm's harness results tree, {uv|node}/{agent}/{model}/{task}/{date}/run_N/, read from the latest date folder (names compared as strings). Tasks are matched by agent, model and task name. Per level, framework, constraint and agent/model the report gives each arm's A%, strict A% and pass@1; the difference with its standard error and a seeded bootstrap 95% interval over tasks; a Wilcoxon signed-rank and an exact McNemar test; each arm's L0→L3 decay and the share of the baseline's decay an arm recovers; and the marginal effect of each constraint. Unmatched, incomplete and unbalanced runs are listed on standard error and in the report. Strict A% counts a run only when 'cplan verify' finds no error in its patch (the built-in verifiers and the packs' checks, read from code, not comments); --no-verify counts every run as compliant, and the report says so.

        --summary reads the harness's global_stats.csv, recomputes its runtime,
        global and constraint_type rows from its framework rows (weighting by n_executed) and exits 1 unless every value agrees to 4 decimals.

        Exit status: 0 ok, 1 a summary mismatch (with --strict: any issue), 2 usage or input error.

        Examples:
          cplan compare --baseline res-baseline --planned res-planned
          cplan compare --baseline b --planned p --arm rag=res-rag \\
            --format csv --out compare.csv
          cplan compare --baseline b --planned p --chart decay.svg --seed 7
          cplan compare --summary global_stats.csv
        """)

    @Option(help: ArgumentHelp("The baseline arm's results folder.", valueName: "dir"))
    var baseline: String?

    @Option(help: ArgumentHelp("The planned arm's results folder.", valueName: "dir"))
    var planned: String?

    @Option(
      name: .customLong("arm"),
      help: ArgumentHelp(
        "Another arm to compare with the baseline (repeatable).", valueName: "name=dir"))
    var arms: [String] = []

    @Option(
      help: ArgumentHelp("Check a harness summary file instead.", valueName: "global_stats.csv"))
    var summary: String?

    @Option(help: "Output format: md, csv, latex or json.")
    var format: ReportFormat = .md

    @Option(help: ArgumentHelp("Write the report to a file (atomically).", valueName: "file"))
    var out: String?

    @Option(
      help: ArgumentHelp(
        "Draw the primary metric by level, per framework, as SVG.", valueName: "file.svg"))
    var chart: String?

    @Option(
      help: "The primary metric of tests, decay, marginal effects and chart: a, strict-a or pass@1."
    )
    var metric: Metric = .strictAssertions

    @Option(help: "The bootstrap seed.")
    var seed: UInt64 = 20_260_501

    @Option(help: "Bootstrap resamples.")
    var resamples: Int = 10_000

    @Option(help: "The k of pass@k and pass^k.")
    var k: Int = 3

    @Option(
      help: ArgumentHelp(
        "Runs without a usable Newman report: fail (count as failed, as the harness does) "
          + "or exclude."))
    var missingReport: ResultsReader.MissingReportPolicy = .fail

    @Flag(
      help: "Do not verify patches: count every run as compliant (strict A% then equals A%).")
    var noVerify = false

    @Flag(help: "Exit 1 when anything was skipped, incomplete, unmatched or unbalanced.")
    var strict = false

    func validate() throws {
      if summary != nil {
        guard baseline == nil, planned == nil, arms.isEmpty, chart == nil else {
          throw ValidationError("'--summary' cannot be combined with arms or '--chart'")
        }
        return
      }
      guard baseline != nil, planned != nil else {
        throw ValidationError("give '--baseline' and '--planned', or '--summary'")
      }
      guard resamples >= 100 else { throw ValidationError("'--resamples' must be at least 100") }
      guard k >= 1 else { throw ValidationError("'--k' must be at least 1") }
      _ = try extraArms()
    }

    func run() throws {
      do {
        if let summary { return try checkSummary(summary) }
        try compare()
      } catch let error as CompareError {
        StandardError.write("error: \(error)\n")
        throw ExitCode(2)
      }
    }

    private func compare() throws {
      let checker: any ComplianceChecker = noVerify ? AssumeCompliant() : VerifierCompliance()
      let reader = ResultsReader(checker: checker, missingReport: missingReport)
      let named = [("baseline", baseline!), ("planned", planned!)] + (try extraArms())
      let results = try named.map { try reader.read(arm: $0.0, at: $0.1) }
      let options = CompareOptions(
        bootstrap: Bootstrap(resamples: resamples, seed: seed), k: k, primary: metric)
      let report = try ComparisonReport(
        arms: results, options: options, missingReport: missingReport, chart: chart != nil)
      StandardError.diagnostics(report.issues)
      try emit(try report.render(format))
      if let chart, let data = report.chart {
        try write(ChartSVG.render(data), to: chart)
      }
      if strict && report.hasWarnings { throw ExitCode(1) }
    }

    private func checkSummary(_ path: String) throws {
      let report = SummaryReport(try SummaryTable(contentsOf: path))
      StandardError.diagnostics(report.issues)
      try emit(try report.render(format))
      if !report.agrees || (strict && !report.issues.isEmpty) { throw ExitCode(1) }
    }

    private func extraArms() throws -> [(String, String)] {
      try arms.map { spec in
        let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
          throw ValidationError("'--arm' takes NAME=DIR, found '\(spec)'")
        }
        guard !["baseline", "planned"].contains(parts[0]) else {
          throw ValidationError("arm name '\(parts[0])' is taken; use '--\(parts[0])'")
        }
        return (parts[0], parts[1])
      }
    }

    private func emit(_ text: String) throws {
      if let out { try write(text, to: out) } else { print(text, terminator: "") }
    }

    private func write(_ text: String, to path: String) throws {
      do {
        try AtomicFile.write(text, to: URL(fileURLWithPath: path))
      } catch {
        StandardError.write("error: cannot write '\(path)': \(IOReason.writing(path, error))\n")
        throw ExitCode(2)
      }
    }
  }
}
