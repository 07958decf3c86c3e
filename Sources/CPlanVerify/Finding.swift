import CPlanCore

/// One violation of a constraint or a rule, at a file and line of the generated code.
public struct Finding: Sendable, Hashable {
  /// The rule broken: a built-in id (`cplan-…`) or a pack rule's id.
  public var ruleID: String
  /// Error (the run fails), warning or note.
  public var severity: Severity
  /// What is wrong: lower-case, values quoted.
  public var message: String
  /// The file in the generated project, or nil when the finding is about the input itself.
  public var path: String?
  /// The line in the file (the new file's line, for a patch), when known; with no `path`, a line
  /// of the patch itself.
  public var line: Int?

  /// Creates a finding.
  public init(
    ruleID: String, severity: Severity, message: String, path: String? = nil, line: Int? = nil
  ) {
    self.ruleID = ruleID
    self.severity = severity
    self.message = message
    self.path = path
    self.line = line
  }

  /// Stable order: file-less findings first, then by file, line, rule and message.
  static func ordered(_ lhs: Finding, _ rhs: Finding) -> Bool {
    let left = (lhs.path ?? "", lhs.line ?? 0, lhs.ruleID, lhs.message)
    let right = (rhs.path ?? "", rhs.line ?? 0, rhs.ruleID, rhs.message)
    return left < right
  }
}

/// A place in the generated code that shows something a verifier looks for, e.g. a driver
/// import or a layer folder.
public struct Evidence: Sendable, Hashable {
  /// What was found, e.g. `driver import 'asyncpg'`.
  public var label: String
  /// The file.
  public var path: String
  /// The line, or nil for a folder.
  public var line: Int?

  /// Creates evidence.
  public init(label: String, path: String, line: Int?) {
    self.label = label
    self.path = path
    self.line = line
  }

  /// `path:line label` (or `path label` for a folder).
  public var description: String {
    "\(path)\(line.map { ":\($0)" } ?? "") \(label)"
  }
}

/// What one verifier concluded: it holds, it is violated, or the input cannot tell.
public enum OutcomeStatus: String, Sendable, Hashable {
  /// No finding.
  case holds
  /// At least one finding (an error fails the input; a warning or note does not).
  case violated
  /// The input cannot tell (a patch that does not show where the evidence would be).
  case unknown
}

/// What one verifier concluded about one input.
public struct VerifierOutcome: Sendable, Hashable {
  /// The verifier: `clean-architecture`, `database`, `orm`, or a pack rule's id.
  public var id: String
  /// A title for people, e.g. `database 'postgres'`.
  public var title: String
  /// Whether it holds (no error-level finding).
  public var passed: Bool
  /// One line on what was found.
  public var summary: String
  /// Where the evidence is.
  public var evidence: [Evidence]
  /// The violations.
  public var findings: [Finding]
  /// Holds, violated or unknown.
  public var status: OutcomeStatus

  /// `passed`, `failed` (an error), `violated (warning)`, or `unknown`, for people.
  public var statusWord: String {
    switch status {
    case .holds: return "passed"
    case .unknown: return "unknown"
    case .violated:
      if !passed { return "failed" }
      let worst = findings.contains { $0.severity == .warning } ? "warning" : "note"
      return findings.isEmpty ? "passed" : "violated (\(worst))"
    }
  }

  /// Creates an outcome; it passes when no finding is an error.
  public init(
    id: String, title: String, summary: String, evidence: [Evidence] = [],
    findings: [Finding] = []
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.evidence = evidence
    self.findings = findings
    self.passed = !findings.contains { $0.severity == .error }
    self.status = findings.contains { $0.severity != .note } || !passed ? .violated : .holds
  }
}
