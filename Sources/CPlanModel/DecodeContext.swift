import CPlanCore
import CPlanYAML

/// Collects diagnostics while typed values are decoded from positioned YAML nodes.
///
/// Every reader reports its own problem (wrong type, invalid value…) and returns nil, so that
/// decoding goes on and one pass finds every problem in a file.
final class DecodeContext {
  private(set) var diagnostics: [Diagnostic] = []

  func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  func error(_ code: String, _ message: String, at location: SourceLocation,
    suggestion: String? = nil, notes: [Diagnostic.Note] = [])
  {
    report(.error(code, message, at: location, suggestion: suggestion, notes: notes))
  }

  /// At most this many unknown keys of one mapping are reported one by one.
  static let unknownKeysShown = 50

  /// Reads a mapping whose keys must come from `known`; reports unknown and missing keys.
  /// - Parameters:
  ///   - node: the node that should be a mapping.
  ///   - what: how messages name it, e.g. "manifest" or "rule 'x'".
  ///   - known: every key the format defines here.
  ///   - required: the keys that must be present.
  func fields(_ node: YAMLNode, _ what: String, known: [String], required: [String] = [])
    -> Fields?
  {
    guard let pairs = node.mapping else {
      error("wrong-type", "\(what) must be a mapping, found \(node.typeDescription)", at: node.start)
      return nil
    }
    var unknown = 0
    for pair in pairs {
      let key = pair.key.scalar?.text ?? ""
      guard !known.contains(key) else { continue }
      unknown += 1
      // A file of unknown keys is one mistake, not hundreds of thousands of findings.
      if unknown <= Self.unknownKeysShown {
        error(
          "unknown-key", "unknown key '\(key)' in \(what)", at: pair.key.start,
          suggestion: Suggestion.didYouMean(key, in: known))
      } else if unknown == Self.unknownKeysShown + 1 {
        let more = pairs.count(where: { !known.contains($0.key.scalar?.text ?? "") })
          - Self.unknownKeysShown
        error(
          "unknown-key", "\(more) more unknown keys in \(what) are not listed",
          at: pair.key.start, suggestion: "known keys: " + known.joined(separator: ", "))
      }
    }
    for key in required where node[key] == nil {
      error("missing-key", "missing required key '\(key)' in \(what)", at: node.start)
    }
    return Fields(node: node)
  }

  /// The node's text, or nil after reporting a wrong type.
  func string(_ node: YAMLNode?, _ what: String) -> String? {
    guard let node else { return nil }
    if let text = node.string { return text }
    // A plain `1.0` or `true` written where text is expected is still text to the user.
    if let scalar = node.scalar, !node.isNull, node.bool == nil { return scalar.text }
    error("wrong-type", "\(what) must be a string, found \(node.typeDescription)", at: node.start)
    return nil
  }

  /// Non-empty text, or nil after reporting.
  func text(_ node: YAMLNode?, _ what: String) -> String? {
    guard let value = string(node, what) else { return nil }
    if !value.contains(where: { !$0.isWhitespace }) {
      error("invalid-value", "\(what) must not be empty", at: node!.start)
      return nil
    }
    return value
  }

  /// An integer within `range`, or nil after reporting.
  func int(_ node: YAMLNode?, _ what: String, in range: ClosedRange<Int>? = nil) -> Int? {
    guard let node else { return nil }
    guard let value = node.int else {
      let quoted = node.scalar.map { $0.style != .plain && Int($0.text) != nil } ?? false
      error(
        "wrong-type", "\(what) must be an integer, found \(node.typeDescription)", at: node.start,
        suggestion: quoted ? "remove the quotes" : nil)
      return nil
    }
    if let range, !range.contains(value) {
      error(
        "invalid-value",
        "\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)",
        at: node.start)
      return nil
    }
    return value
  }

  /// Text that must match a pattern such as `IDPattern.kebab`, or nil after reporting.
  func identifier(_ node: YAMLNode?, _ what: String, _ pattern: IDPattern) -> String? {
    guard let node, let value = string(node, what) else { return nil }
    guard pattern.matches(value) else {
      error(
        "invalid-value", "\(what) '\(value)' is not \(pattern.description)", at: node.start,
        suggestion: pattern.suggestion(for: value))
      return nil
    }
    return value
  }

  /// One of a closed set of values, or nil after reporting with a did-you-mean suggestion.
  func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode?, _ what: String) -> T?
  where T.RawValue == String {
    guard let node, let value = string(node, what) else { return nil }
    if let result = T(rawValue: value) { return result }
    let allowed = T.allCases.map(\.rawValue)
    error(
      "invalid-value",
      "invalid \(what) '\(value)'; expected one of: \(allowed.joined(separator: ", "))",
      at: node.start, suggestion: Suggestion.didYouMean(value, in: allowed))
    return nil
  }

  /// The items of a list, or nil after reporting.
  func list(_ node: YAMLNode?, _ what: String) -> [YAMLNode]? {
    guard let node else { return nil }
    if let items = node.sequence { return items }
    error("wrong-type", "\(what) must be a list, found \(node.typeDescription)", at: node.start)
    return nil
  }

  /// A string or a list of strings, each with its position.
  func strings(_ node: YAMLNode?, _ what: String) -> [Located<String>] {
    guard let node else { return [] }
    if node.sequence == nil {
      return string(node, what).map { [Located($0, at: node.start)] } ?? []
    }
    return (list(node, what) ?? []).compactMap { item in
      string(item, "each item of \(what)").map { Located($0, at: item.start) }
    }
  }
}

/// The entries of a mapping being decoded.
struct Fields {
  let node: YAMLNode
  subscript(key: String) -> YAMLNode? { node[key] }
}
