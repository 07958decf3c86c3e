import CPlanCore
import Foundation

/// JSON renderings of verification reports, as plain values for `JSONOutput`.
public enum VerifyJSON {
  /// `{ok, errors, warnings, notes, inputs: [report…]}`.
  public static func object(_ reports: [VerificationReport]) -> [String: Any] {
    let findings = reports.flatMap(\.findings)
    return [
      "ok": reports.allSatisfy(\.passed),
      "errors": findings.filter { $0.severity == .error }.count,
      "warnings": findings.filter { $0.severity == .warning }.count,
      "notes": findings.filter { $0.severity == .note }.count,
      "inputs": reports.map { object($0) },
    ]
  }

  /// One report: input, kind, task, verdict, file count, run, checks with evidence, findings.
  public static func object(_ report: VerificationReport) -> [String: Any] {
    var object: [String: Any] = [
      "input": report.input,
      "kind": report.kind.rawValue,
      "task": report.target,
      "verdict": report.verdict,
      "files": report.fileCount,
      "checks": report.outcomes.map { outcome -> [String: Any] in
        [
          "id": outcome.id, "title": outcome.title, "passed": outcome.passed,
          "status": outcome.status.rawValue,
          "summary": outcome.summary, "evidence": outcome.evidence.map(evidenceObject),
        ]
      },
      "findings": report.findings.map(findingObject),
    ]
    if let run = report.run {
      object["run"] = [
        "runtime": run.runtime, "agent": run.agent, "model": run.model, "task": run.task,
        "date": run.date, "run": run.run,
      ]
    }
    return object
  }

  static func findingObject(_ finding: Finding) -> [String: Any] {
    [
      "rule": finding.ruleID, "severity": finding.severity.rawValue, "message": finding.message,
      "file": finding.path ?? NSNull(), "line": finding.line ?? NSNull(),
    ]
  }

  static func evidenceObject(_ evidence: Evidence) -> [String: Any] {
    ["label": evidence.label, "file": evidence.path, "line": evidence.line ?? NSNull()]
  }
}
