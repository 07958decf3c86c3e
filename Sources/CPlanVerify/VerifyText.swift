import CPlanCore
import Foundation

/// Plain-text renderings of verification reports.
public enum VerifyText {
  /// One line per finding: `file:line:1: error: message [rule]` (`input: …` for a finding about
  /// the whole input, `input:line:1: …` for a line of the patch itself, `file: …` when the line
  /// is unknown).
  public static func findings(_ report: VerificationReport) -> String {
    report.findings.map { finding in
      let place: String
      switch (finding.path, finding.line) {
      case (let path?, let line?): place = "\(path):\(line):1"
      case (let path?, nil): place = path
      case (nil, let line?): place = "\(report.input):\(line):1"
      case (nil, nil): place = report.input
      }
      return "\(place): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]\n"
    }.joined()
  }

  /// One report: its findings, one line per verifier, and the verdict.
  public static func single(_ report: VerificationReport) -> String {
    var out = findings(report)
    for outcome in report.outcomes {
      out += "\(outcome.title): \(outcome.statusWord) - \(outcome.summary)\n"
    }
    out += verdictLine(report) + "\n"
    return out
  }

  /// Several reports: each one's findings under a header, then a table of task, run, verdict
  /// and findings, and the totals.
  public static func many(_ reports: [VerificationReport]) -> String {
    var out = ""
    for report in reports where !report.findings.isEmpty {
      out += "== \(report.input) (\(report.target)): \(report.verdict)\n"
      out += findings(report)
    }
    if !out.isEmpty { out += "\n" }
    let rows = reports.map { report -> [String] in
      let rules = Array(Set(report.findings.filter { $0.severity == .error }.map(\.ruleID)))
        .sorted()
      return [
        report.target, report.run?.label ?? report.input, report.verdict, counts(report),
        rules.isEmpty ? "-" : rules.joined(separator: ","),
      ]
    }
    out += table(header: ["task", "run", "verdict", "findings", "failed rules"], rows: rows)
    let passed = reports.filter(\.passed).count
    out +=
      "\(reports.count) input\(reports.count == 1 ? "" : "s"): \(passed) passed, "
      + "\(reports.count - passed) failed\n"
    return out
  }

  /// `passed: INPUT (TASK): 0 errors, 1 warning; 3 verifiers, 12 files`.
  public static func verdictLine(_ report: VerificationReport) -> String {
    "\(report.verdict): \(report.input) (\(report.target)): \(counts(report)); "
      + plural(report.outcomes.count, "verifier") + ", " + plural(report.fileCount, "file")
  }

  /// `2 errors, 1 warning` (notes only when there are some).
  static func counts(_ report: VerificationReport) -> String {
    let notes = report.count(.note)
    return plural(report.count(.error), "error") + ", " + plural(report.count(.warning), "warning")
      + (notes > 0 ? ", " + plural(notes, "note") : "")
  }

  static func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
  }

  /// Left-aligned columns separated by two spaces.
  static func table(header: [String], rows: [[String]]) -> String {
    var widths = header.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        index == cells.count - 1
          ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
      }.joined(separator: "  ") + "\n"
    }
    return line(header) + rows.map(line).joined()
  }
}
