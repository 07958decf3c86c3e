import CPlanCore
import CPlanYAML

extension Manifest {
  static func decodeDimensions(_ node: YAMLNode, in context: DecodeContext) -> [Dimension]? {
    guard let items = context.list(node, "'dimensions'") else { return nil }
    var seen: [String: SourceLocation] = [:]
    var dimensions: [Dimension] = []
    for item in items {
      guard
        let fields = context.fields(
          item, "a dimension", known: ["id", "label", "values"], required: ["id", "values"]),
        let id = context.identifier(fields["id"], "dimension id", .token)
      else { continue }
      if [Condition.noneValue, Condition.anyValue, "framework", "runtime"].contains(id) {
        context.error(
          "invalid-value", "'\(id)' is reserved and cannot name a dimension",
          at: fields["id"]!.start)
        continue
      }
      if let first = seen[id] {
        context.error(
          "duplicate-id", "dimension '\(id)' is declared twice", at: fields["id"]!.start,
          notes: [.init("first declared here", at: first)])
        continue
      }
      seen[id] = fields["id"]!.start
      let label = context.string(fields["label"], "'label'") ?? id
      guard let valueNodes = context.list(fields["values"], "'values' of dimension '\(id)'")
      else { continue }
      if valueNodes.isEmpty {
        context.error(
          "invalid-value", "dimension '\(id)' has no values", at: fields["values"]!.start)
      }
      let values = decodeValues(valueNodes, dimension: id, in: context)
      dimensions.append(Dimension(id: id, label: label, values: values, location: item.start))
    }
    return dimensions
  }

  private static func decodeValues(
    _ nodes: [YAMLNode], dimension: String, in context: DecodeContext
  ) -> [DimensionValue] {
    var seenIDs: [String: SourceLocation] = [:]
    var seenTokens: [String: SourceLocation] = [:]
    var values: [DimensionValue] = []
    for node in nodes {
      var value: DimensionValue?
      if node.mapping != nil {
        guard
          let fields = context.fields(
            node, "a value of dimension '\(dimension)'",
            known: ["id", "token", "label", "description"], required: ["id"]),
          let id = context.identifier(fields["id"], "value id", .token)
        else { continue }
        let token = fields["token"].flatMap { context.identifier($0, "token", .token) } ?? id
        value = DimensionValue(
          id: id, token: token, label: context.string(fields["label"], "'label'") ?? id,
          description: context.string(fields["description"], "'description'"))
      } else if let id = context.identifier(node, "value id", .token) {
        value = DimensionValue(id: id, token: id, label: id, description: nil)
      }
      guard let value else { continue }
      if [Condition.noneValue, Condition.anyValue].contains(value.id) {
        context.error(
          "invalid-value", "'\(value.id)' is reserved and cannot name a value", at: node.start)
        continue
      }
      if let first = seenIDs[value.id] ?? seenTokens[value.token] {
        context.error(
          "duplicate-id", "value '\(value.id)' of dimension '\(dimension)' is declared twice",
          at: node.start, notes: [.init("first declared here", at: first)])
        continue
      }
      seenIDs[value.id] = node.start
      seenTokens[value.token] = node.start
      values.append(value)
    }
    return values
  }
}
