import CPlanCore
import CPlanYAML

extension SpecContext {
  /// Every operation, in path order and then method order.
  func operations() -> [OperationDigest] {
    guard let paths = root["paths"] else {
      report(.warning("spec-no-paths", "spec has no 'paths'", at: root.start))
      return []
    }
    guard let pairs = paths.mapping else {
      report(
        .error(
          "spec-malformed", "'paths' must be a mapping, found \(paths.typeDescription)",
          at: paths.start))
      return []
    }
    var result: [OperationDigest] = []
    for pair in pairs {
      guard let path = pair.key.scalar?.text, path.hasPrefix("/") else { continue }
      let itemPointer = JSONPointer.make(["paths", path])
      guard let item = resolve(pair.value, at: itemPointer), item.node.mapping != nil else {
        continue
      }
      let shared = parameters(item.node["parameters"], at: item.pointer + "/parameters")
      for method in HTTPMethod.allCases {
        guard let node = item.node[method.rawValue], node.mapping != nil else { continue }
        let pointer = JSONPointer.appending(item.pointer, method.rawValue)
        result.append(
          operation(method, path: path, node: node, pointer: pointer, shared: shared))
      }
    }
    return result
  }

  private func operation(
    _ method: HTTPMethod, path: String, node: YAMLNode, pointer: String,
    shared: [ParameterDigest]
  ) -> OperationDigest {
    var parameters = shared
    for own in self.parameters(node["parameters"], at: pointer + "/parameters") {
      parameters.removeAll { $0.name == own.name && $0.location == own.location }
      parameters.append(own)
    }
    let auth = self.auth(of: node, at: pointer)
    let responses = self.responses(node["responses"], at: pointer + "/responses")
    let successes = responses.filter { $0.status.count == 3 && $0.status.hasPrefix("2") }
    let success =
      successes.min { (Int($0.status) ?? 299) < (Int($1.status) ?? 299) }
      ?? responses.first { $0.status.uppercased() == "2XX" }
    let errors = responses.filter { $0.status.hasPrefix("4") || $0.status.hasPrefix("5") }
      .sorted { $0.status.uppercased() < $1.status.uppercased() }
    return OperationDigest(
      method: method, path: path, operationID: node["operationId"]?.scalar?.text,
      summary: node["summary"]?.scalar?.text, auth: auth.requirement,
      securityAlternatives: auth.schemes, authPointer: auth.pointer, parameters: parameters,
      requestBody: requestBody(node["requestBody"], at: pointer + "/requestBody"),
      success: success, errors: errors, pointer: pointer)
  }

  private func auth(
    of node: YAMLNode, at pointer: String
  ) -> (requirement: AuthRequirement, schemes: [[String]], pointer: String?) {
    let own = node["security"]
    let list = own ?? root["security"]
    let listPointer = own != nil ? pointer + "/security" : "#/security"
    if let alternatives = list?.sequence, !alternatives.isEmpty {
      var schemes: [[String]] = []
      var anonymous = false
      for alternative in alternatives {
        let names = (alternative.mapping ?? []).compactMap { $0.key.scalar?.text }
        if names.isEmpty { anonymous = true } else { schemes.append(names) }
      }
      return (anonymous ? .optional : .required, schemes, listPointer)
    }
    for key in ["summary", "description"] {
      if let text = node[key]?.scalar?.text, Self.saysAuthIsOptional(text) {
        return (.optional, [], pointer + "/" + key)
      }
    }
    return (.none, [], list == nil ? nil : listPointer)
  }

  /// Whether prose such as "Auth is optional" says credentials may be left out.
  static func saysAuthIsOptional(_ text: String) -> Bool {
    let words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let phrases = [
      "auth is optional", "authentication is optional", "authorization is optional",
      "auth optional", "authentication optional", "optional auth", "optionally authenticated",
    ]
    return phrases.contains { words.contains($0) }
  }

  private func parameters(_ list: YAMLNode?, at pointer: String) -> [ParameterDigest] {
    guard let items = list?.sequence else { return [] }
    var result: [ParameterDigest] = []
    for (index, item) in items.enumerated() {
      let itemPointer = JSONPointer.appending(pointer, String(index))
      if let resolved = resolve(item, at: itemPointer), let parameter = parameter(resolved) {
        result.append(parameter)
      }
    }
    return result
  }

  private func parameter(_ resolved: Resolved) -> ParameterDigest? {
    let node = resolved.node
    guard let name = node["name"]?.scalar?.text, let location = node["in"]?.scalar?.text else {
      return nil
    }
    let schemaPointer = resolved.pointer + "/schema"
    var schema: YAMLNode?
    var shape = Shape.any
    if let schemaNode = node["schema"] {
      schema = resolve(schemaNode, at: schemaPointer)?.node
      shape = self.shape(of: schemaNode, at: schemaPointer, expand: 1)
    }
    return ParameterDigest(
      name: name, location: location,
      isRequired: location == "path" || node["required"]?.bool == true, shape: shape,
      defaultValue: schema?["default"]?.scalar?.text,
      minimum: schema?["minimum"]?.scalar?.text, maximum: schema?["maximum"]?.scalar?.text,
      pointer: resolved.pointer)
  }

  private func requestBody(_ node: YAMLNode?, at pointer: String) -> RequestBodyDigest? {
    guard let node else { return nil }
    guard let resolved = resolve(node, at: pointer) else {
      return RequestBodyDigest(
        isRequired: false, mediaType: nil, shape: nil, requiredFields: [], pointer: pointer,
        isResolved: false)
    }
    let media = self.media(resolved.node["content"], at: resolved.pointer + "/content")
    var bodyShape: Shape?
    if let schema = media?.schema, let schemaPointer = media?.schemaPointer {
      bodyShape = shape(of: schema, at: schemaPointer, expand: 2)
    }
    return RequestBodyDigest(
      isRequired: resolved.node["required"]?.bool == true, mediaType: media?.type,
      shape: bodyShape, requiredFields: bodyShape?.requiredPaths() ?? [],
      pointer: resolved.pointer, isResolved: true)
  }

  private func responses(_ node: YAMLNode?, at pointer: String) -> [ResponseDigest] {
    guard let pairs = node?.mapping else { return [] }
    var result: [ResponseDigest] = []
    for pair in pairs {
      guard let status = pair.key.scalar?.text else { continue }
      let responsePointer = JSONPointer.appending(pointer, status)
      var response = ResponseDigest(
        status: status, mediaType: nil, shape: nil, pointer: responsePointer, schemaPointer: nil,
        isResolved: true)
      let resolved = resolve(pair.value, at: responsePointer)
      response.isResolved = resolved != nil
      if let resolved,
        let media = media(resolved.node["content"], at: resolved.pointer + "/content")
      {
        response.mediaType = media.type
        if let schema = media.schema {
          response.shape = shape(of: schema, at: media.schemaPointer, expand: 1)
          response.schemaPointer = resolve(schema, at: media.schemaPointer)?.pointer
        }
      }
      result.append(response)
    }
    return result
  }

  /// The preferred media type of a `content` mapping and its schema: `application/json`, then
  /// any JSON type, then the first one.
  private func media(_ content: YAMLNode?, at pointer: String) -> Media? {
    guard let pairs = content?.mapping, !pairs.isEmpty else { return nil }
    let types = pairs.compactMap { $0.key.scalar?.text }
    guard
      let type = types.first(where: { $0 == "application/json" })
        ?? types.first(where: { $0.contains("json") }) ?? types.first,
      let entry = content?[type]
    else { return nil }
    let typePointer = JSONPointer.appending(pointer, type)
    guard let resolved = resolve(entry, at: typePointer) else {
      return Media(type: type, schema: nil, schemaPointer: typePointer)
    }
    return Media(
      type: type, schema: resolved.node["schema"], schemaPointer: resolved.pointer + "/schema")
  }
}

/// One media type of a `content` mapping.
private struct Media {
  var type: String
  var schema: YAMLNode?
  var schemaPointer: String
}
