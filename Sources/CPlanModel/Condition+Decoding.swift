import CPlanCore
import CPlanYAML

extension Condition {
  /// The keys with fixed meaning in a condition mapping.
  static let combinatorKeys = ["all-of", "any-of", "not", "framework", "runtime"]

  /// Decodes a condition mapping; other keys are dimension ids.
  static func decode(_ node: YAMLNode, _ what: String, in context: DecodeContext) -> Condition? {
    guard let pairs = node.mapping else {
      context.error(
        "wrong-type", "\(what) must be a mapping of conditions, found \(node.typeDescription)",
        at: node.start)
      return nil
    }
    var parts: [Condition] = []
    for pair in pairs {
      let key = pair.key.scalar?.text ?? ""
      let keyAt = Located(key, at: pair.key.start)
      switch key {
      case "all-of", "any-of":
        let items = context.list(pair.value, "'\(key)' in \(what)") ?? []
        let conditions = items.compactMap { decode($0, "an item of '\(key)'", in: context) }
        parts.append(key == "all-of" ? .allOf(conditions) : .anyOf(conditions))
      case "not":
        if let inner = decode(pair.value, "'not' in \(what)", in: context) {
          parts.append(.not(inner))
        }
      case "framework":
        parts.append(.framework(context.strings(pair.value, "'framework' in \(what)")))
      case "runtime":
        let names = context.strings(pair.value, "'runtime' in \(what)")
        for name in names where Runtime(rawValue: name.value) == nil {
          context.error(
            "invalid-value", "invalid runtime '\(name.value)'; expected one of: python, node",
            at: name.location,
            suggestion: Suggestion.didYouMean(name.value, in: Runtime.allCases.map(\.rawValue)))
        }
        parts.append(.runtime(names))
      default:
        if !IDPattern.token.matches(key) {
          context.error(
            "unknown-key", "unknown key '\(key)' in \(what)", at: pair.key.start,
            suggestion: Suggestion.didYouMean(key, in: combinatorKeys)
              ?? "dimension ids are tokens such as 'database'")
          continue
        }
        if let suggestion = Suggestion.closest(to: key, in: ["all-of", "any-of"]),
          Suggestion.editDistance(key, suggestion) <= 1
        {
          context.error(
            "unknown-key", "unknown key '\(key)' in \(what)", at: pair.key.start,
            suggestion: "did you mean '\(suggestion)'?")
          continue
        }
        let values = context.strings(pair.value, "'\(key)' in \(what)")
        if values.isEmpty {
          context.error("invalid-value", "'\(key)' in \(what) names no value", at: pair.value.start)
        }
        parts.append(.dimension(keyAt, values: values))
      }
    }
    if parts.count == 1 { return parts[0] }
    return .allOf(parts)
  }
}
