extension SpecDigest {
  /// One line: method and path, auth, parameters, request, success and error statuses.
  func statement(for operation: OperationDigest, prefix: String?) -> String {
    var parts: [String] = []
    let schemes = operation.securityAlternatives.map { $0.joined(separator: " and ") }
      .joined(separator: " or ")
    parts.append(
      "auth: \(operation.auth.rawValue)"
        + (operation.auth == .none || schemes.isEmpty ? "" : " (\(schemes))"))
    var locations = ["path", "query", "header", "cookie"]
    for parameter in operation.parameters where !locations.contains(parameter.location) {
      locations.append(parameter.location)
    }
    for location in locations {
      let parameters = operation.parameters.filter { $0.location == location }
      guard !parameters.isEmpty else { continue }
      parts.append("\(location) " + parameters.map(Self.phrase(for:)).joined(separator: ", "))
    }
    if let body = operation.requestBody, !body.isResolved {
      parts.append("request body not known (unresolved reference)")
    } else if let body = operation.requestBody {
      var phrase = body.isRequired ? "request" : "optional request"
      if let type = body.mediaType, !type.contains("json") { phrase += " \(type)" }
      if let shape = body.shape { phrase += " \(shape.compact)" }
      parts.append(phrase)
    }
    if let success = operation.success {
      parts.append("success \(success.status) " + Self.body(of: success))
    } else {
      parts.append("no success response documented")
    }
    if !operation.errors.isEmpty {
      let statuses = operation.errors.map(\.status).joined(separator: ", ")
      let unusual = operation.errors.filter { $0.shape != nil && $0.shape != errorBody?.shape }
        .map { "\($0.status) body \(Self.body(of: $0))" }
      parts.append(
        "errors \(statuses)"
          + (unusual.isEmpty ? "" : " (\(unusual.joined(separator: "; ")))"))
    }
    return "\(operation.label(prefix: prefix)) — " + parts.joined(separator: "; ")
  }

  /// How a security scheme's credentials are sent.
  static func statement(for scheme: SecuritySchemeDigest) -> String {
    var kind = scheme.type
    if scheme.type == "apiKey" {
      kind += " in \(scheme.location ?? "?") '\(scheme.parameterName ?? "?")'"
    } else if let name = scheme.scheme {
      kind += " \(name)"
    }
    var text = "Send credentials as `\(scheme.format)` (security scheme \(scheme.name), \(kind))"
    if let prefix = scheme.prefix, prefix != "Bearer", scheme.location == "header" {
      text += "; the prefix word is '\(prefix)', not 'Bearer'"
    } else if scheme.type == "apiKey", scheme.location == "header", scheme.prefix == nil {
      text += "; the spec shows no prefix word"
    }
    return text
  }

  /// A schema's fields with their types and which are required.
  static func statement(for schema: SchemaDigest) -> String {
    let fields = schema.fields.map { field in
      field.shape.fieldLabel.map { "\(field.name): \($0)" } ?? field.name
    }
    let required = schema.fields.filter(\.isRequired).map(\.name)
    var notes: [String] = []
    if required.count == schema.fields.count {
      notes.append("all required")
    } else if required.isEmpty {
      notes.append("all optional")
    } else {
      notes.append("required: \(required.joined(separator: ", ")); the others optional")
    }
    let plain = schema.fields.filter { $0.shape.fieldLabel == nil }.count
    if plain == schema.fields.count {
      notes.append("all strings")
    } else if plain > 0 {
      notes.append("fields shown without a type are strings")
    }
    return "\(schema.name) objects in responses have the fields "
      + fields.joined(separator: ", ") + " (\(notes.joined(separator: "; ")))"
  }

  /// Which operations page and with which parameters.
  func statement(for pagination: PaginationDigest, prefix: String?) -> String {
    let names = Set(pagination.parameters.map(\.name))
    let users = operations.filter { operation in
      operation.parameters.contains { $0.location == "query" && names.contains($0.name) }
    }
    let parameters = pagination.parameters.map { parameter in
      var details = [parameter.shape.fieldLabel ?? "string"]
      details.append(parameter.defaultValue.map { "default \($0)" } ?? "no default")
      if let minimum = parameter.minimum { details.append("min \(minimum)") }
      if let maximum = parameter.maximum { details.append("max \(maximum)") }
      return "\(parameter.name) (\(details.joined(separator: ", ")))"
    }
    let list =
      parameters.count > 1
      ? parameters.dropLast().joined(separator: ", ") + " and " + parameters.last!
      : parameters.joined()
    return "Paged lists ("
      + users.map { $0.label(prefix: prefix) }.joined(separator: ", ")
      + ") take the query parameters \(list)"
  }

  /// The shared error body and the statuses without one.
  static func statement(for errorBody: ErrorBodyDigest) -> String {
    let statuses = errorBody.statuses.joined(separator: ", ")
    var text = "Error responses with status \(statuses) carry the body \(errorBody.shape.compact)"
    if !errorBody.statusesWithoutBody.isEmpty {
      text +=
        "; \(errorBody.statusesWithoutBody.joined(separator: ", ")) responses document no body"
    }
    return text
  }

  private static func phrase(for parameter: ParameterDigest) -> String {
    var details: [String] = []
    if let label = parameter.shape.fieldLabel, parameter.shape != .any { details.append(label) }
    if let value = parameter.defaultValue { details.append("default \(value)") }
    if let minimum = parameter.minimum { details.append("min \(minimum)") }
    if let maximum = parameter.maximum { details.append("max \(maximum)") }
    let name = parameter.name + (parameter.isRequired ? "" : "?")
    return details.isEmpty ? name : "\(name) (\(details.joined(separator: ", ")))"
  }

  private static func body(of response: ResponseDigest) -> String {
    guard response.isResolved else { return "(body not known: unresolved reference)" }
    if let shape = response.shape {
      if let type = response.mediaType, !type.contains("json") { return "\(type) \(shape.compact)" }
      return shape.compact
    }
    return response.mediaType.map { "with a \($0) body" } ?? "with no body"
  }
}
