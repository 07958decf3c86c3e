import CPlanYAML

extension SpecContext {
  /// The shape of a schema node.
  /// - Parameters:
  ///   - node: the schema, possibly a `$ref`.
  ///   - pointer: where it is.
  ///   - expand: how many levels of nesting expand component references instead of naming
  ///     them (1 expands only the outermost schema).
  func shape(of node: YAMLNode, at pointer: String, expand: Int) -> Shape {
    expanding = []
    shapeWork = 0
    let shape = build(node, at: pointer, depth: 0, expand: expand)
    if shapeWork > Self.shapeWorkLimit {
      report(
        .warning(
          "spec-schema-too-large",
          "the schema at '\(pointer)' expands to more than \(Self.shapeWorkLimit) nodes; the "
            + "rest is summarised as 'any'", at: node.start,
          suggestion: "name deep or repeated sub-schemas under components/schemas"))
    }
    return shape
  }

  private func build(_ node: YAMLNode, at pointer: String, depth: Int, expand: Int) -> Shape {
    shapeWork += 1
    guard depth < 16, shapeWork <= Self.shapeWorkLimit else { return .any }
    if depth >= expand, let ref = node["$ref"]?.scalar?.text,
      SpecContext.schemaName(of: ref) != nil
    {
      return resolve(node, at: pointer)?.schemaName.map(Shape.named) ?? .any
    }
    guard let resolved = resolve(node, at: pointer), resolved.node.mapping != nil else {
      return .any
    }
    let schema = resolved.node
    let base = resolved.pointer
    if let entered = expanding.firstIndex(where: { $0.pointer == base }) {
      // Met again while expanding it. Through a property or items it is a recursive
      // structure, named; through combinators alone it never reaches a definition.
      if expanding[entered].depth == depth {
        let chain = expanding[entered...].map(\.pointer) + [base]
        report(
          .error(
            "spec-ref-cycle",
            "schema '\(base)' is defined only through itself: "
              + chain.joined(separator: " → "), at: node.start,
            suggestion: "give one member of the oneOf/anyOf/allOf a definition of its own"))
      }
      return resolved.schemaName.map(Shape.named) ?? .any
    }
    expanding.append((base, depth))
    defer { expanding.removeLast() }
    var shape = structure(of: schema, at: base, depth: depth, expand: expand)
    if schema["nullable"]?.bool == true || typeNames(schema).contains("null") {
      shape = .nullable(shape)
    }
    return shape
  }

  private func structure(of schema: YAMLNode, at base: String, depth: Int, expand: Int) -> Shape {
    for key in ["allOf", "oneOf", "anyOf"] {
      guard let members = schema[key]?.sequence, !members.isEmpty else { continue }
      let memberBase = JSONPointer.appending(base, key)
      let shapes = members.enumerated().map { index, member in
        build(
          member, at: JSONPointer.appending(memberBase, String(index)), depth: depth,
          expand: key == "allOf" ? max(expand, depth + 1) : expand)
      }
      return key == "allOf" ? merge(shapes) : .choice(shapes)
    }
    let types = typeNames(schema).filter { $0 != "null" }
    let type = types.first
    if type == "array" || (type == nil && schema["items"] != nil) {
      guard let items = schema["items"] else { return .array(.any) }
      return .array(
        build(items, at: JSONPointer.appending(base, "items"), depth: depth + 1, expand: expand))
    }
    if type == "object" || (type == nil && schema["properties"] != nil) {
      return object(schema, at: base, depth: depth, expand: expand)
    }
    if let type, ["string", "integer", "number", "boolean"].contains(type) {
      return .scalar(type: type, format: schema["format"]?.scalar?.text)
    }
    return .any
  }

  private func object(_ schema: YAMLNode, at base: String, depth: Int, expand: Int) -> Shape {
    let required = (schema["required"]?.sequence ?? []).compactMap { $0.scalar?.text }
    var fields: [ShapeField] = []
    let propertiesBase = JSONPointer.appending(base, "properties")
    for pair in schema["properties"]?.mapping ?? [] {
      guard let name = pair.key.scalar?.text else { continue }
      let shape = build(
        pair.value, at: JSONPointer.appending(propertiesBase, name), depth: depth + 1,
        expand: expand)
      fields.append(ShapeField(name: name, isRequired: required.contains(name), shape: shape))
    }
    for name in required where !fields.contains(where: { $0.name == name }) {
      fields.append(ShapeField(name: name, isRequired: true, shape: .any))
    }
    if fields.isEmpty, let extra = schema["additionalProperties"], extra.mapping != nil {
      let value = build(
        extra, at: JSONPointer.appending(base, "additionalProperties"), depth: depth + 1,
        expand: expand)
      return .map(value)
    }
    return .object(fields)
  }

  /// `allOf` members merged: the fields of every object member, first occurrence winning.
  private func merge(_ shapes: [Shape]) -> Shape {
    var fields: [ShapeField] = []
    var sawObject = false
    for shape in shapes {
      guard case .object(let memberFields) = shape else { continue }
      sawObject = true
      for field in memberFields {
        if let index = fields.firstIndex(where: { $0.name == field.name }) {
          fields[index].isRequired = fields[index].isRequired || field.isRequired
        } else {
          fields.append(field)
        }
      }
    }
    if sawObject { return .object(fields) }
    return shapes.count == 1 ? shapes[0] : .choice(shapes)
  }

  /// `type` as a list: OpenAPI 3.0 writes one name, 3.1 may write several.
  private func typeNames(_ schema: YAMLNode) -> [String] {
    if let list = schema["type"]?.sequence { return list.compactMap { $0.scalar?.text } }
    return schema["type"]?.scalar.map { [$0.text] } ?? []
  }
}
