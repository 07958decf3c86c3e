/// The database constraint: evidence of the prescribed engine, and none of the other. Django's
/// default `django.db.backends.sqlite3` setting is tolerated (reported as a note) when it is the
/// only SQLite evidence and PostgreSQL is configured.
public struct DatabaseVerifier: Sendable {
  /// The prescribed engine.
  public var expected: DatabaseEngine

  /// Creates the verifier.
  public init(expected: DatabaseEngine) { self.expected = expected }

  /// Verifies evidence found in a workspace (see `EvidenceScanner`).
  public func verify(_ evidence: [EvidenceItem]) -> VerifierOutcome {
    let wanted = evidence.filter { $0.subject == .database(expected) }
    let other = evidence.filter { $0.subject == .database(expected.other) }
    var findings: [Finding] = []
    if wanted.isEmpty {
      findings.append(
        Finding(
          ruleID: BuiltInRule.databaseMissing.id, severity: .error,
          message: "no evidence of the prescribed database '\(expected.rawValue)': no driver "
            + "import, dependency, connection url, django backend or engine setting"))
    }
    let tolerated =
      expected == .postgres && !wanted.isEmpty && !other.isEmpty
      && other.allSatisfy { $0.kind == .djangoBackend }
    var reported = Set<String>()
    for item in other where reported.insert("\(item.path) \(item.label)").inserted {
      findings.append(
        tolerated
          ? Finding(
            ruleID: BuiltInRule.databaseOther.id, severity: .note,
            message:
              "django's default backend '\(item.value)' is tolerated: postgres is configured",
            path: item.path, line: item.line)
          : Finding(
            ruleID: BuiltInRule.databaseOther.id, severity: .error,
            message: "evidence of '\(expected.other.rawValue)', not the prescribed "
              + "'\(expected.rawValue)': \(item.label)", path: item.path, line: item.line))
    }
    let summary =
      "\(expected.rawValue): \(Self.describe(wanted)); \(expected.other.rawValue): "
      + Self.describe(other) + (tolerated ? " (django default, tolerated)" : "")
    return VerifierOutcome(
      id: "database", title: "database '\(expected.rawValue)'", summary: summary,
      evidence: (wanted + other).map(\.evidence), findings: findings)
  }

  /// `none`, or the count and the first few places.
  static func describe(_ items: [EvidenceItem], limit: Int = 3) -> String {
    guard !items.isEmpty else { return "none" }
    let shown = items.prefix(limit).map { "\($0.path):\($0.line) \($0.label)" }
    let more = items.count > limit ? ", +\(items.count - limit) more" : ""
    return shown.joined(separator: ", ") + more
  }
}
