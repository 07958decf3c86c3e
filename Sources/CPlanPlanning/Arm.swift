import Foundation

/// How a prompt is augmented in an experiment.
public enum Arm: String, Sendable, CaseIterable, Codable {
  /// No augmentation.
  case baseline
  /// The plan as an explicit-constraints section.
  case planned
  /// Retrieved documentation excerpts.
  case rag
  /// The plan and the excerpts.
  case plannedRag = "planned+rag"

  /// Whether the arm includes the plan section.
  public var includesPlan: Bool { self == .planned || self == .plannedRag }

  /// Whether the arm needs a documentation corpus.
  public var needsCorpus: Bool { self == .rag || self == .plannedRag }

  /// Parses a comma-separated list such as `baseline,planned`.
  /// - Throws: `RenderError.unknownArm` for a name that is not an arm.
  public static func list(_ text: String) throws -> [Arm] {
    var arms: [Arm] = []
    for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      guard let arm = Arm(rawValue: name) else { throw RenderError.unknownArm(name) }
      if !arms.contains(arm) { arms.append(arm) }
    }
    return arms
  }
}

/// Problems while rendering prompts.
public enum RenderError: Error, CustomStringConvertible, Sendable {
  /// An arm name that is not one of baseline, planned, rag, planned+rag.
  case unknownArm(String)
  /// A retrieval arm asked for while no documentation corpus is wired in.
  case armNeedsCorpus(Arm)
  /// The spec file cannot be read.
  case unreadableSpec(String)

  public var description: String {
    switch self {
    case .unknownArm(let name):
      "unknown arm '\(name)'; expected baseline, planned, rag or planned+rag"
    case .armNeedsCorpus(let arm):
      "arm '\(arm.rawValue)' retrieves documentation excerpts and needs an indexed corpus: "
        + "run 'cplan corpus index --corpora DIR' first, or use baseline or planned"
    case .unreadableSpec(let path): "cannot read the spec '\(path)'"
    }
  }
}
