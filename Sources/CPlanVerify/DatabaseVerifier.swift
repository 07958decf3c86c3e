/// The database constraint: evidence of the prescribed engine, and none of the other, in
/// application code and runtime dependencies. Evidence elsewhere (tests, migrations, CI,
/// development settings, dev-only dependencies) decides nothing; the other engine found there is
/// reported as a note. Django's default `django.db.backends.sqlite3` setting is tolerated
/// (reported as a note) when it is the only SQLite evidence and PostgreSQL is configured.
public struct DatabaseVerifier: Sendable {
  /// The prescribed engine.
  public var expected: DatabaseEngine

  /// Creates the verifier.
  public init(expected: DatabaseEngine) { self.expected = expected }

  /// Verifies evidence found in a workspace (see `EvidenceScanner`).
  public func verify(_ evidence: [EvidenceItem]) -> VerifierOutcome {
    let wanted = evidence.filter { $0.subject == .database(expected) && $0.decides }
    let other = evidence.filter { $0.subject == .database(expected.other) && $0.decides }
    let asideWanted = evidence.filter { $0.subject == .database(expected) && !$0.decides }
    let asideOther = evidence.filter { $0.subject == .database(expected.other) && !$0.decides }
    var findings: [Finding] = []
    if wanted.isEmpty {
      findings.append(
        Finding(
          ruleID: BuiltInRule.databaseMissing.id, severity: .error,
          message: "no evidence of the prescribed database '\(expected.rawValue)' in application "
            + "code: no driver import, runtime dependency, connection url, django backend or "
            + "engine setting" + Self.onlyElsewhere(asideWanted)))
    }
    var noted = Set<String>()
    for item in asideOther where noted.insert("\(item.path) \(item.label)").inserted {
      findings.append(
        Finding(
          ruleID: BuiltInRule.databaseOther.id, severity: .note,
          message: "evidence of '\(expected.other.rawValue)' in \(item.aside ?? "") does not "
            + "decide the verdict: \(item.label)", path: item.path, line: item.line))
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

  /// `; found only in test code (tests/conftest.py:3 …)`, or "" when nothing was set aside.
  static func onlyElsewhere(_ items: [EvidenceItem]) -> String {
    guard let first = items.first else { return "" }
    let reasons = Array(Set(items.compactMap(\.aside))).sorted()
    return "; found only in \(reasons.joined(separator: ", ")) (\(first.path):\(first.line) "
      + "\(first.label)\(items.count > 1 ? ", +\(items.count - 1) more" : ""))"
  }

  /// `none`, or the count and the first few places.
  static func describe(_ items: [EvidenceItem], limit: Int = 3) -> String {
    guard !items.isEmpty else { return "none" }
    let shown = items.prefix(limit).map { "\($0.path):\($0.line) \($0.label)" }
    let more = items.count > limit ? ", +\(items.count - limit) more" : ""
    return shown.joined(separator: ", ") + more
  }
}
