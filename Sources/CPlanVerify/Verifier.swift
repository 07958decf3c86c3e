import CPlanCore
import CPlanModel

/// Verifies generated code against a target: the built-in verifiers of the constraints the
/// variant sets (clean architecture, database, ORM), then the check of every selected pack rule.
public struct Verifier: Sendable {
  /// What the code is verified against.
  public var target: VerificationTarget

  /// Creates a verifier.
  public init(target: VerificationTarget) { self.target = target }

  /// Verifies one workspace.
  public func verify(_ workspace: Workspace) -> VerificationReport {
    var outcomes: [VerifierOutcome] = []
    if let architecture = target.architecture {
      if architecture == "clean" {
        outcomes.append(ArchitectureVerifier().verify(workspace))
      } else {
        outcomes.append(unsupported("architecture", architecture))
      }
    }
    let needsEvidence = target.database != nil || target.orm != nil
    let evidence = needsEvidence ? EvidenceScanner.scan(workspace.files) : []
    if let database = target.database {
      outcomes.append(
        DatabaseEngine.named(database).map { DatabaseVerifier(expected: $0).verify(evidence) }
          ?? unsupported("database", database))
    }
    if let orm = target.orm {
      outcomes.append(
        ORMKind.named(orm).map { ORMVerifier(expected: $0).verify(evidence) }
          ?? unsupported("orm", orm))
    }
    for rule in target.rules {
      guard let check = rule.check else { continue }
      outcomes.append(verify(rule, check, workspace))
    }
    var findings = outcomes.flatMap(\.findings)
    // A problem of the input itself has no project file; its line is the patch's line.
    for problem in workspace.problems {
      findings.append(
        Finding(
          ruleID: BuiltInRule.inputProblem.id, severity: .warning, message: problem.message,
          line: problem.line > 0 ? problem.line : nil))
    }
    if workspace.kind == .patch, workspace.paths.isEmpty {
      findings.append(
        Finding(
          ruleID: BuiltInRule.inputProblem.id, severity: .warning,
          message: "the patch adds or changes no file"))
    }
    return VerificationReport(
      input: workspace.input, kind: workspace.kind, target: target.name,
      fileCount: workspace.paths.count, outcomes: outcomes,
      findings: findings.sorted(by: Finding.ordered), anchor: Self.anchor(workspace.paths))
  }

  /// The shallowest dependency manifest, else the first path.
  static func anchor(_ paths: [String]) -> String? {
    let manifests = ["requirements.txt", "pyproject.toml", "package.json"]
    let found = paths.filter { manifests.contains(String(PathRules.name(of: $0))) }
    return found.min { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
      ?? paths.first
  }

  private func verify(_ rule: Rule, _ check: RuleCheck, _ workspace: Workspace)
    -> VerifierOutcome
  {
    let severity = RuleDescriptor.severity(of: rule.severity)
    let violations = CheckEvaluator.violations(
      of: check, in: workspace.files, isPatch: workspace.isPatch)
    let findings = violations.map { violation in
      Finding(
        ruleID: rule.id, severity: severity, message: violation.message, path: violation.path,
        line: violation.line)
    }
    let summary =
      violations.isEmpty
      ? "\(check.kind.rawValue) holds"
      : "\(violations.count) violation\(violations.count == 1 ? "" : "s") of \(check.kind.rawValue)"
    return VerifierOutcome(
      id: rule.id, title: "rule '\(rule.id)'", summary: summary, findings: findings)
  }

  private func unsupported(_ dimension: String, _ value: String) -> VerifierOutcome {
    VerifierOutcome(
      id: dimension, title: "\(dimension) '\(value)'",
      summary: "no built-in verifier for \(dimension) '\(value)'; not checked")
  }
}
