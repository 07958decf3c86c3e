import CPlanModel

extension SpecImplications {
  /// The header and the word before the credential, when the scheme documents them.
  var credentialHeader: PlanItem? {
    guard let scheme = digest.securitySchemes.first(where: { $0.prefix != nil }),
      let prefix = scheme.prefix
    else { return nil }
    let header = scheme.parameterName ?? "Authorization"
    let other = prefix.lowercased() == "bearer" ? "" : "; a `Bearer` prefix is not this API's"
    return item(
      "credential-header", .auth, .rejectsValid, .high,
      "Read the credential from the `\(header)` header written as `\(prefix) <token>`\(other).",
      pointers: [scheme.pointer])
  }

  /// Operations that accept a token without requiring one.
  var optionalAuth: PlanItem? {
    let operations = digest.operations.filter { $0.auth == .optional }
    guard !operations.isEmpty else { return nil }
    let flags = Self.distinct(
      operations.flatMap { scalarFields("boolean", in: $0.success?.shape) })
    let tail = flags.isEmpty ? "" : ", with per-caller flags (\(code(flags))) false"
    return item(
      "optional-auth", .auth, .rejectsValid, .high,
      "Serve \(list(operations)) without a token too: the token is optional there, "
        + "so answer anonymous callers normally\(tail).",
      pointers: operations.map { $0.authPointer ?? $0.pointer })
  }

  /// Operations that require a token: 401 for a missing or invalid one.
  var requiredAuth: PlanItem? {
    let operations = digest.operations.filter { $0.auth == .required }
    guard !operations.isEmpty else { return nil }
    return item(
      "required-auth", .auth, .rejectsValid, .medium,
      "On the \(operations.count) operations that require the token, answer a missing, malformed "
        + "or expired one with 401 before any other check.",
      pointers: operations.map { $0.authPointer ?? $0.pointer })
  }

  func declaring(_ status: String) -> [OperationDigest] {
    digest.operations.filter { $0.errors.contains { $0.status == status } }
  }

  /// 403: an authenticated caller that may not do it.
  var forbidden: PlanItem? {
    let operations = declaring("403")
    guard !operations.isEmpty else { return nil }
    return item(
      "forbidden", .errors, .wrongResult, .medium,
      "Answer 403 when an authenticated caller may not change the resource (declared on "
        + "\(list(operations))); 401 stays for a missing or invalid token.",
      pointers: operations.map(\.pointer))
  }

  /// 404: the resource a path parameter names does not exist.
  var notFound: PlanItem? {
    let operations = declaring("404").filter { $0.path.contains("{") }
    guard !operations.isEmpty else { return nil }
    let names = Self.distinct(
      operations.flatMap { $0.parameters.filter { $0.location == "path" }.map(\.name) })
    return item(
      "not-found", .errors, .wrongResult, .medium,
      "Answer 404 with the error body when the resource a path names (\(code(names))) does not "
        + "exist, on the \(operations.count) operations that declare it.",
      pointers: operations.map(\.pointer))
  }

  /// 422 or 400: invalid input.
  var invalidInput: PlanItem? {
    for status in ["422", "400"] {
      let operations = declaring(status).filter { $0.requestBody != nil }
      guard !operations.isEmpty else { continue }
      return item(
        "invalid-input", .validation, .wrongResult, .medium,
        "Answer \(status) with the error body when a required field is missing or empty or a "
          + "value is invalid, on the \(operations.count) operations with a body that declare it.",
        pointers: operations.map(\.pointer))
    }
    return nil
  }

  /// PUT and PATCH bodies whose fields are all optional update only what is sent.
  var partialUpdates: PlanItem? {
    let operations = digest.operations.filter { operation in
      guard operation.method == .put || operation.method == .patch,
        let body = operation.requestBody?.shape
      else { return false }
      var fields = fields(of: body)
      if let key = envelopeKey(body), let inner = fields.first(where: { $0.name == key }) {
        fields = self.fields(of: inner.shape)
      }
      return !fields.isEmpty && !fields.contains(where: \.isRequired)
    }
    guard !operations.isEmpty else { return nil }
    return item(
      "partial-update", .request, .wrongResult, .high,
      "Treat \(list(operations)) as \(operations.count == 1 ? "a partial update" : "partial updates"): "
        + "change only the fields sent, keep the others, and validate only what is present.",
      pointers: operations.map { $0.requestBody?.pointer ?? $0.pointer })
  }
}
