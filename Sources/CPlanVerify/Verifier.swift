import CPlanCore
import CPlanModel

/// Verifies generated code against a target: the built-in verifiers of the constraints the
/// variant sets (clean architecture, database, ORM), then the check of every selected pack rule.
public struct Verifier: Sendable {
  /// What the code is verified against.
  public var target: VerificationTarget
  /// The tree a patch applies to (`--base`): `require-*` checks then read the whole project
  /// after the patch instead of saying unknown.
  public var base: Workspace?
  /// Which folder names place code in which layer.
  public var layers: LayerMap

  /// Creates a verifier.
  public init(target: VerificationTarget, base: Workspace? = nil, layers: LayerMap = .standard) {
    self.target = target
    self.base = base
    self.layers = layers
  }

  /// The files a check reads: with a base tree, a patch's `require-*` checks read the tree
  /// after the patch.
  private func checkedFiles(for check: RuleCheck, _ workspace: Workspace) -> [SourceFile] {
    guard let base, workspace.isPatch,
      check.kind == .requireFile || check.kind == .requirePattern
    else { return workspace.files }
    return workspace.applied(over: base)
  }

  /// Verifies one workspace.
  public func verify(_ workspace: Workspace) -> VerificationReport {
    var outcomes: [VerifierOutcome] = []
    if let architecture = target.architecture {
      if architecture == "clean" {
        outcomes.append(ArchitectureVerifier(layers: layers).verify(workspace))
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
    let result = CheckEvaluator.evaluate(
      check, in: checkedFiles(for: check, workspace), isPatch: workspace.isPatch && base == nil)
    let violations = result.violations
    let findings = violations.map { violation in
      Finding(
        ruleID: rule.id, severity: severity, message: violation.message, path: violation.path,
        line: violation.line)
    }
    let summary: String
    switch result {
    case .holds: summary = "\(check.kind.rawValue) holds"
    case .unknown(let why): summary = why
    case .violated:
      summary =
        "\(violations.count) violation\(violations.count == 1 ? "" : "s") of \(check.kind.rawValue)"
    }
    var outcome = VerifierOutcome(
      id: rule.id, title: "rule '\(rule.id)'", summary: summary, findings: findings)
    if case .unknown = result { outcome.status = .unknown }
    return outcome
  }

  private func unsupported(_ dimension: String, _ value: String) -> VerifierOutcome {
    VerifierOutcome(
      id: dimension, title: "\(dimension) '\(value)'",
      summary: "no built-in verifier for \(dimension) '\(value)'; not checked")
  }
}
