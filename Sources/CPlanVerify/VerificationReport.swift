import CPlanCore

/// What verification found in one input.
public struct VerificationReport: Sendable {
  /// The patch or folder, as the user named it.
  public var input: String
  /// Patch or folder.
  public var kind: Workspace.Kind
  /// The task name verified against.
  public var target: String
  /// How many files exist in the result.
  public var fileCount: Int
  /// Each verifier's outcome, built-in first.
  public var outcomes: [VerifierOutcome]
  /// Every finding, in stable order.
  public var findings: [Finding]
  /// The file that findings about the whole input point at where a file is needed (SARIF):
  /// the dependency manifest (`requirements.txt`, `pyproject.toml`, `package.json`) when there
  /// is one, else the first file; nil when the input has no file.
  public var anchor: String?
  /// The results-tree run the input is, if it is one.
  public var run: ResultRun?

  /// Whether no finding is an error.
  public var passed: Bool { !findings.contains { $0.severity == .error } }

  /// `passed` or `failed`.
  public var verdict: String { passed ? "passed" : "failed" }

  /// How many findings have a severity.
  public func count(_ severity: Severity) -> Int {
    findings.filter { $0.severity == severity }.count
  }
}
