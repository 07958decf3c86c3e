import CPlanVerify
import Foundation

/// Compliance by `cplan verify`: the built-in architecture, database and ORM verifiers of the
/// task's constraints — the same three the paper's harness applies — on the run's patch.
/// Pack rule checks are left out, so strict A% stays comparable with the harness's.
public struct VerifierCompliance: ComplianceChecker, Sendable {
  /// Creates the checker.
  public init() {}

  /// Whether the patch passes every built-in verifier of the task's constraints; nil when the
  /// task name cannot be read or the patch cannot be parsed.
  public func compliant(patch: URL, task: String) -> Bool? {
    guard let target = try? VerificationTarget.named(task),
      let workspace = try? Workspace.patch(at: patch.path)
    else { return nil }
    return Verifier(target: target).verify(workspace).passed
  }

  /// Names the checker in reports.
  public var label: String { "cplan verify (architecture, database and ORM verifiers)" }
}
