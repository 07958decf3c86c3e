import CPlanModel

/// A rendered prompt with stand-ins for the spec and the plan section.
public struct PromptSkeleton: Sendable {
  /// Stands for the plan section while the prompt renders.
  static let planSentinel = "\u{1}cplan-plan\u{1}"

  /// The tidied text, stand-ins included.
  public var text: String

  /// Whether the template shows the spec.
  public var showsSpec: Bool { text.contains(PromptRenderer.sentinel) }

  /// What the agent reads besides the plan: the text and, where the template shows it, the spec.
  public func base(specText: String) -> BasePrompt {
    BasePrompt(showsSpec ? [text, specText] : [text])
  }

  /// The final prompt: the spec verbatim and the plan section in place of their stand-ins; with
  /// no plan section the plan's stand-in goes with the blank line before it.
  public func filled(specText: String, planSection: String?) -> String {
    var result = text
    if let range = result.range(of: PromptRenderer.sentinel) {
      result.replaceSubrange(range, with: PromptContext.trimmedEnd(specText))
    }
    if let range = result.range(of: Self.planSentinel) {
      if let planSection {
        result.replaceSubrange(range, with: planSection)
      } else {
        result.removeSubrange(range)
      }
    }
    return result + "\n"
  }
}
