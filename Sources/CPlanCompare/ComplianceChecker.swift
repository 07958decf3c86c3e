import Foundation

/// Decides whether an agent's patch complies with the constraints its task names (the harness's
/// static verifiers: architecture, database, ORM). Injected into `ResultsReader`, so the
/// comparison does not depend on how verification is done.
public protocol ComplianceChecker {
  /// Whether `patch` complies with the constraints of `task`.
  /// - Parameters:
  ///   - patch: the run's `*.patch` file.
  ///   - task: the harness task name, e.g. `flask-openapi-clean_architecture-sqlite`.
  /// - Returns: true or false, or nil when it cannot tell (unknown, or no patch to read).
  func compliant(patch: URL, task: String) -> Bool?

  /// Whether this checker verifies anything; false for `AssumeCompliant`. A checker that
  /// verifies makes a constrained run without a patch non-compliant, as the harness does.
  var verifies: Bool { get }

  /// One line for the report, e.g. `cplan verify` or `not verified`.
  var label: String { get }
}

extension ComplianceChecker {
  /// Checkers verify unless they say otherwise.
  public var verifies: Bool { true }

  /// The checker's type name.
  public var label: String { String(describing: type(of: self)) }
}

/// The default checker: verifies nothing, so every run counts as compliant and strict A%
/// equals A%. Reports say so.
public struct AssumeCompliant: ComplianceChecker, Sendable {
  /// Creates the checker.
  public init() {}

  /// Always nil: compliance is unknown.
  public func compliant(patch: URL, task: String) -> Bool? { nil }

  /// False: nothing is verified.
  public var verifies: Bool { false }

  /// Says that runs were not verified.
  public var label: String { "not verified: every run assumed compliant" }
}

/// What is known of a run's compliance.
public enum Compliance: String, Sendable, Hashable, Codable, CaseIterable {
  /// The checker said the patch complies.
  case compliant
  /// The checker said it does not, or a verifying checker had no patch to read.
  case violating
  /// The checker could not tell; the run is assumed compliant.
  case unknown
  /// The task has no constraints, so there is nothing to verify (as in the harness).
  case notApplicable = "not-applicable"

  /// Whether the run counts as compliant: every case but `violating`.
  public var countsAsCompliant: Bool { self != .violating }
}
