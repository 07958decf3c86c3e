import CPlanModel

/// A rendered prompt with stand-ins for the spec and the plan section.
public struct PromptSkeleton: Sendable {
  /// Stands for the plan section while the prompt renders.
  static let planSentinel = "\u{1}cplan-plan\u{1}"

  /// The tidied text, stand-ins included.
  public var text: String

  /// Whether the template shows the spec.
  public var showsSpec: Bool { Self.range(of: PromptRenderer.sentinel, in: text) != nil }

  /// What the agent reads besides the plan: the text and, where the template shows it, the spec.
  public func base(specText: String) -> BasePrompt {
    BasePrompt(showsSpec ? [text, specText] : [text])
  }

  /// The final prompt: the spec verbatim and the plan section in place of their stand-ins; with
  /// no plan section the plan's stand-in goes with the blank line before it.
  public func filled(specText: String, planSection: String?) -> String {
    var result = text
    if let range = Self.range(of: PromptRenderer.sentinel, in: result) {
      result.replaceSubrange(range, with: PromptContext.trimmedEnd(specText))
    }
    if let range = Self.range(of: Self.planSentinel, in: result) {
      if let planSection {
        result.replaceSubrange(range, with: planSection)
      } else {
        result.removeSubrange(range)
      }
    }
    return result + "\n"
  }

  /// Where a stand-in is, found on UTF-8 bytes (Foundation's search converts tens of
  /// kilobytes to UTF-16 first). Stand-ins start with U+0001, which prompts do not contain.
  static func range(of needle: String, in text: String) -> Range<String.Index>? {
    let pattern = Array(needle.utf8)
    let utf8 = text.utf8
    var index = utf8.startIndex
    while let start = utf8[index...].firstIndex(of: pattern[0]) {
      if let end = utf8.index(start, offsetBy: pattern.count, limitedBy: utf8.endIndex),
        utf8[start..<end].elementsEqual(pattern)
      {
        return start..<end
      }
      index = utf8.index(after: start)
    }
    return nil
  }
}
