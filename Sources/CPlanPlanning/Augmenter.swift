import CPlanCore
import CPlanHarness
import CPlanModel
import Foundation

/// Problems augmenting harness tasks.
public enum AugmentError: Error, CustomStringConvertible, Sendable {
  /// No loaded manifest has the task's framework and runtime.
  case noManifest(task: String, framework: String, runtime: String)
  /// The manifest has no variant with the task's constraints.
  case noVariant(task: String, manifest: String, constraints: [String])

  public var description: String {
    switch self {
    case .noManifest(let task, let framework, let runtime):
      "\(task): no manifest for framework '\(framework)' on \(runtime); add one with --manifests"
    case .noVariant(let task, let manifest, let constraints):
      "\(task): manifest '\(manifest)' has no variant with constraints "
        + "'\(constraints.isEmpty ? "unconstrained" : constraints.joined(separator: "-"))'"
    }
  }
}

/// Rewrites the paper's harness tasks for one arm: every field but the prompt stays byte for byte;
/// the planned arm inserts the plan section into the prompt.
public struct Augmenter: Sendable {
  /// The session holding the manifests to plan with.
  public let session: PlanningSession
  /// The arm.
  public let arm: Arm
  /// Where the plan goes in the prompt.
  public let placement: HarnessTask.Placement

  /// Creates an augmenter.
  public init(session: PlanningSession, arm: Arm, placement: HarnessTask.Placement = .standard) {
    self.session = session
    self.arm = arm
    self.placement = placement
  }

  /// The manifest and variant a task is planned with.
  /// - Throws: `AugmentError` when no manifest or variant matches.
  public func resolve(_ task: HarnessTask) throws -> (Manifest, Variant) {
    let target = task.target
    guard
      let manifest = session.constraints.manifests.first(where: {
        $0.framework == target.framework && $0.runtime == target.runtime
      })
    else {
      throw AugmentError.noManifest(
        task: task.path, framework: target.framework, runtime: target.runtime.rawValue)
    }
    guard let variant = manifest.variants.first(where: { $0.constraints == target.constraints })
    else {
      throw AugmentError.noVariant(
        task: task.path, manifest: manifest.id, constraints: target.constraints)
    }
    return (manifest, variant)
  }

  /// The task's bytes for this arm, and the plan used.
  /// - Throws: `AugmentError`, `HarnessError` (e.g. a missing anchor) or `RenderError`.
  public func augment(_ task: HarnessTask) throws -> (data: Data, plan: Plan?) {
    if arm == .baseline { return (task.data, nil) }
    let (manifest, variant) = try resolve(task)
    var sections: [String] = []
    var plan: Plan?
    if arm.includesPlan {
      // The task's own prompt is the base: what it already says is not restated.
      plan = try session.plan(manifest, variant, base: BasePrompt([task.prompt]))
      sections.append(try session.renderer.planSection(plan!))
    }
    if let excerpts = try session.excerpts(manifest, variant, arm: arm), !excerpts.isEmpty {
      sections.append(try session.renderer.excerptsSection(excerpts))
    }
    guard !sections.isEmpty else { return (task.data, plan) }
    let section = sections.joined(separator: "\n\n")
    return (try task.augmented(with: section, placement: placement), plan)
  }

  /// The task files at a path: the file itself, or a folder's `.json` files (recursively, sorted),
  /// each with the path to mirror under the output folder.
  public static func taskFiles(at path: String) -> [(file: String, relative: String)] {
    FileWalk.files(at: path, extensions: ["json"]).map { ($0.path, $0.relative) }
  }

}
