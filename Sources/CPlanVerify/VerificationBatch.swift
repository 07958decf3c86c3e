import CPlanCore
import Foundation

/// One input to verify: a patch or folder, the target it is verified against, and the
/// results-tree run it is (if any).
public struct VerificationJob: Sendable {
  /// The patch or folder.
  public var input: String
  /// Whether the input is a patch or a folder.
  public var kind: Workspace.Kind
  /// What it is verified against.
  public var target: VerificationTarget
  /// The results-tree run, when the input comes from one.
  public var run: ResultRun?
  /// Read the patch as applied in reverse.
  public var reverse: Bool
  /// The folder a patch applies to, for `require-*` checks (`--base`).
  public var base: String?
  /// Which folder names place code in which layer.
  public var layers: LayerMap = .standard

  /// Creates a job.
  public init(
    input: String, kind: Workspace.Kind, target: VerificationTarget, run: ResultRun? = nil,
    reverse: Bool = false, base: String? = nil, layers: LayerMap = .standard
  ) {
    self.base = base
    self.layers = layers
    self.input = input
    self.kind = kind
    self.target = target
    self.run = run
    self.reverse = reverse
  }

  /// Reads the input and verifies it.
  /// - Throws: `VerifyError.unreadable`.
  public func perform() throws -> VerificationReport {
    let workspace =
      kind == .patch
      ? try Workspace.patch(at: input, reverse: reverse) : try Workspace.folder(at: input)
    let baseTree = try base.map { try Workspace.folder(at: $0) }
    var report = Verifier(target: target, base: baseTree, layers: layers).verify(workspace)
    report.run = run
    return report
  }
}

/// Verifies many inputs, on every core, keeping their order.
public enum VerificationBatch {
  /// The report of every job, or the error that kept it from being read, in job order.
  public static func run(_ jobs: [VerificationJob]) -> [Result<VerificationReport, VerifyError>] {
    Parallel.map(jobs.count) { index in
      do {
        return .success(try jobs[index].perform())
      } catch let error as VerifyError {
        return .failure(error)
      } catch {
        return .failure(.unreadable(jobs[index].input, reason: VerifyError.reason(error)))
      }
    }
  }
}
