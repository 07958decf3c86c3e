import CPlanCore
import CPlanYAML

/// The document being digested: resolves local `$ref`s and collects diagnostics once each.
final class SpecContext {
  /// A node reached by following a `$ref` chain.
  struct Resolved {
    /// The node at the end of the chain.
    var node: YAMLNode
    /// Its canonical pointer.
    var pointer: String
    /// The last component schema the chain passed through, e.g. `Pet` for an alias of it.
    var schemaName: String?
  }

  let root: YAMLNode
  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  private var reported: Set<String> = []
  /// The schemas being expanded while a shape is built, with the nesting depth each was
  /// entered at: a schema met again is recursion, named instead of expanded.
  var expanding: [(pointer: String, depth: Int)] = []
  /// Schema nodes built for the current shape; past `shapeWorkLimit` the rest is `any`.
  var shapeWork = 0
  /// How many schema nodes one shape may build: bounds combinator fan-out, not only depth.
  static let shapeWorkLimit = 5_000

  init(root: YAMLNode, file: String) {
    self.root = root
    self.file = file
  }

  /// Records a diagnostic unless one with the same code was already reported at its location.
  func report(_ diagnostic: Diagnostic) {
    let key = "\(diagnostic.code)@\(diagnostic.location.description)"
    if reported.insert(key).inserted { diagnostics.append(diagnostic) }
  }

  /// The node at a list of unescaped tokens from the root.
  func node(at tokens: [String]) -> YAMLNode? {
    var current = root
    for token in tokens {
      if let next = current[token] {
        current = next
      } else if let items = current.sequence, let index = Int(token), items.indices.contains(index)
      {
        current = items[index]
      } else {
        return nil
      }
    }
    return current
  }

  /// Follows `node`'s `$ref` chain, if it has one, reporting unresolved, external and cyclic
  /// references; nil when the chain ends nowhere usable.
  /// - Parameters:
  ///   - node: a node that may be a `{$ref: …}` mapping.
  ///   - pointer: where `node` is.
  func resolve(_ node: YAMLNode, at pointer: String) -> Resolved? {
    var current = Resolved(node: node, pointer: pointer, schemaName: nil)
    var visited: [String] = []
    while current.node.mapping != nil, let refNode = current.node["$ref"] {
      // A `$ref` key whose value is not a scalar is a property named `$ref`, not a reference.
      guard let ref = refNode.scalar?.text else { return current }
      guard ref.hasPrefix("#") else {
        report(
          .warning(
            "spec-external-ref",
            "external reference '\(ref)' is not followed; only local '#/…' references are",
            at: refNode.start, suggestion: "bundle the spec into one file"))
        return nil
      }
      guard let tokens = JSONPointer.tokens(of: ref), let target = self.node(at: tokens) else {
        report(
          .error(
            "spec-unresolved-ref", "reference '\(ref)' resolves to nothing in the spec",
            at: refNode.start))
        return nil
      }
      let canonical = JSONPointer.make(tokens)
      if visited.contains(canonical) {
        report(
          .error(
            "spec-ref-cycle",
            "reference '\(ref)' is part of a cycle of '$ref's that never reaches a definition",
            at: refNode.start))
        return nil
      }
      visited.append(canonical)
      current = Resolved(
        node: target, pointer: canonical,
        schemaName: SpecContext.schemaName(of: canonical) ?? current.schemaName)
    }
    return current
  }

  /// Resolves every `$ref` in the document once, so broken references are reported even in
  /// parts that no operation uses.
  func checkAllReferences() {
    var stack: [(YAMLNode, String)] = [(root, JSONPointer.root)]
    while let (node, pointer) = stack.popLast() {
      if let pairs = node.mapping {
        if node["$ref"] != nil { _ = resolve(node, at: pointer) }
        for pair in pairs.reversed() {
          let key = pair.key.scalar?.text ?? ""
          stack.append((pair.value, JSONPointer.appending(pointer, key)))
        }
      } else if let items = node.sequence {
        for (index, item) in items.enumerated().reversed() {
          stack.append((item, JSONPointer.appending(pointer, String(index))))
        }
      }
    }
  }

  /// The name of a component schema that a `$ref` text points at, e.g. `User`.
  static func schemaName(of ref: String) -> String? {
    guard let tokens = JSONPointer.tokens(of: ref), tokens.count == 3,
      tokens[0] == "components", tokens[1] == "schemas"
    else { return nil }
    return tokens[2]
  }
}
