import CPlanCore
import Foundation

/// An input that verification cannot use. Every message names the input.
public enum VerifyError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A patch, folder or task could not be read.
  case unreadable(String, reason: String)
  /// A task name's framework is not one the paper covers.
  case unknownFramework(String, name: String)
  /// A task name holds a constraint token that no dimension value has.
  case unknownToken(String, name: String, known: [String])
  /// A task name does not parse as `{framework}-{spec}-{constraints}`.
  case invalidName(String, reason: String)
  /// A task name whose constraints cannot go together: two values of one dimension, or a
  /// combination the variant rules forbid.
  case contradictoryName(String, reason: String, suggestion: String)
  /// A results-tree patch is not at `{runtime}/{agent}/{model}/{task}/{date}/run_N/`.
  case notInResultsTree(String)

  /// The input the error is about.
  public var input: String {
    switch self {
    case .unreadable(let input, _), .unknownFramework(_, let input),
      .unknownToken(_, let input, _), .invalidName(let input, _), .notInResultsTree(let input),
      .contradictoryName(let input, _, _):
      return input
    }
  }

  /// Stable kebab-case code.
  public var code: String {
    switch self {
    case .unreadable: "io-unreadable"
    case .unknownFramework: "unknown-framework"
    case .unknownToken: "unknown-constraint"
    case .invalidName: "invalid-task-name"
    case .contradictoryName: "contradictory-task-name"
    case .notInResultsTree: "not-in-results-tree"
    }
  }

  /// The message without the input: lower-case, values quoted.
  public var message: String {
    switch self {
    case .unreadable(_, let reason): return "cannot read: \(reason)"
    case .unknownFramework(let framework, _):
      let known = VerificationTarget.frameworkRuntimes.keys.sorted().joined(separator: ", ")
      return "unknown framework '\(framework)'; expected one of: \(known)"
    case .unknownToken(let token, _, let known):
      let hint = Suggestion.didYouMean(token, in: known).map { "; \($0)" } ?? ""
      return "unknown constraint '\(token)' in the task name\(hint)"
    case .invalidName(_, let reason): return "cannot read the task name: \(reason)"
    case .contradictoryName(_, let reason, _):
      return "the task name's constraints contradict each other: \(reason)"
    case .notInResultsTree:
      return "the patch is not at {runtime}/{agent}/{model}/{task}/{date}/run_N/ in a results tree"
    }
  }

  /// `input: message`.
  public var description: String { "\(input): \(message)" }

  /// The error as a diagnostic at the start of the input.
  public var diagnostic: Diagnostic {
    var diagnostic = Diagnostic.error(code, message, at: .start(of: input))
    if case .contradictoryName(_, _, let suggestion) = self { diagnostic.suggestion = suggestion }
    return diagnostic
  }

  /// A lower-case reason from a Foundation error.
  static func reason(_ error: Error) -> String {
    let text = (error as NSError).localizedFailureReason ?? error.localizedDescription
    return text.prefix(1).lowercased() + text.dropFirst()
  }
}
