/// The ORM constraint: evidence of the prescribed ORM (imports, constructor, runtime
/// dependency) in application code; migrations, tests and dev-only dependencies decide nothing.
public struct ORMVerifier: Sendable {
  /// The prescribed ORM.
  public var expected: ORMKind

  /// Creates the verifier.
  public init(expected: ORMKind) { self.expected = expected }

  /// Verifies evidence found in a workspace (see `EvidenceScanner`).
  public func verify(_ evidence: [EvidenceItem]) -> VerifierOutcome {
    let wanted = evidence.filter { $0.subject == .orm(expected) && $0.decides }
    let aside = evidence.filter { $0.subject == .orm(expected) && !$0.decides }
    var findings: [Finding] = []
    if wanted.isEmpty {
      let how =
        expected == .sqlalchemy
        ? "no 'sqlalchemy' import or dependency"
        : "no 'sequelize' import, require, constructor or dependency"
      findings.append(
        Finding(
          ruleID: BuiltInRule.ormMissing.id, severity: .error,
          message: "no evidence of the prescribed orm '\(expected.rawValue)' in application "
            + "code: \(how)" + DatabaseVerifier.onlyElsewhere(aside)))
    }
    return VerifierOutcome(
      id: "orm", title: "orm '\(expected.rawValue)'",
      summary: "\(expected.rawValue): " + DatabaseVerifier.describe(wanted),
      evidence: wanted.map(\.evidence), findings: findings)
  }
}
