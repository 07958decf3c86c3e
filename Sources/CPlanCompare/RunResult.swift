/// One run of one task: `{date}/run_N/` with its Newman report and patch.
public struct RunResult: Sendable, Hashable, Codable {
  /// The run folder's name, e.g. `run_1`.
  public var name: String
  /// The run folder's path.
  public var folder: String
  /// The Newman report's counts; nil when the report is missing or unusable (the run then
  /// counts as a failed run with no assertions, as in the harness).
  public var report: NewmanReport?
  /// The patch's path, if the run has one.
  public var patch: String?
  /// What the compliance checker said.
  public var compliance: Compliance

  /// Creates a run.
  public init(
    name: String, folder: String, report: NewmanReport?, patch: String?, compliance: Compliance
  ) {
    self.name = name
    self.folder = folder
    self.report = report
    self.patch = patch
    self.compliance = compliance
  }

  /// Total assertions (0 without a report).
  public var assertions: Int { report?.assertions ?? 0 }
  /// Passed assertions.
  public var passed: Int { report?.passed ?? 0 }
  /// Failed assertions.
  public var failed: Int { report?.failed ?? 0 }

  /// A% as a fraction: passed / assertions, 0 when there are none.
  public var assertionRate: Double {
    assertions > 0 ? Double(passed) / Double(assertions) : 0
  }

  /// Whether the behavioural tests passed: some assertions, none failed.
  public var testsPassed: Bool { assertions > 0 && failed == 0 }

  /// Whether the run counts as compliant with its task's constraints.
  public var compliant: Bool { compliance.countsAsCompliant }

  /// Strict A%: A% zeroed when the run is not compliant.
  public var strictAssertionRate: Double { compliant ? assertionRate : 0 }

  /// Success: the tests passed and the run is compliant.
  public var success: Bool { testsPassed && compliant }
}
