/// The HTTP methods of an OpenAPI path item, in the order operations are listed.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable, Codable {
  case get, put, post, delete, options, head, patch, trace

  /// The upper-case method name, e.g. `POST`.
  public var name: String { rawValue.uppercased() }
}

/// Whether an operation needs credentials.
public enum AuthRequirement: String, Sendable, Hashable, CaseIterable, Codable {
  /// Every security alternative names a scheme.
  case required
  /// A `{}` alternative allows anonymous calls, or the operation's text says auth is optional.
  case optional
  /// No security applies.
  case none
}

/// The contract of one operation, as the spec states it.
public struct OperationDigest: Sendable, Hashable {
  /// The method.
  public var method: HTTPMethod
  /// The path as the spec writes it, without any prefix, e.g. `/users/login`.
  public var path: String
  /// The spec's `operationId`, if any.
  public var operationID: String?
  /// The spec's `summary`, if any.
  public var summary: String?
  /// Whether credentials are needed.
  public var auth: AuthRequirement
  /// The security requirements that apply, each naming the schemes used together; the
  /// anonymous `{}` alternative is left out (it makes `auth` optional).
  public var securityAlternatives: [[String]]
  /// Where the auth requirement is stated: a `security` list, or the text that calls auth
  /// optional; nil when nothing states it.
  public var authPointer: String?
  /// Path-level and operation-level parameters, in spec order.
  public var parameters: [ParameterDigest]
  /// The request body, if the operation takes one.
  public var requestBody: RequestBodyDigest?
  /// The lowest documented 2xx response.
  public var success: ResponseDigest?
  /// The documented 4xx and 5xx responses, by status.
  public var errors: [ResponseDigest]
  /// The operation's pointer, e.g. `#/paths/~1users~1login/post`.
  public var pointer: String

  /// Every scheme the operation accepts, in the order the spec names them.
  public var securitySchemes: [String] {
    var names: [String] = []
    for name in securityAlternatives.joined() where !names.contains(name) { names.append(name) }
    return names
  }

  /// The path with a route prefix, e.g. `/api` + `/users/login` → `/api/users/login`.
  /// - Parameter prefix: the prefix; nil or empty leaves the path unchanged.
  public func fullPath(prefix: String?) -> String {
    var base = prefix ?? ""
    while base.hasSuffix("/") { base.removeLast() }
    if !base.isEmpty, !base.hasPrefix("/") { base = "/" + base }
    return base + (path.hasPrefix("/") ? path : "/" + path)
  }

  /// `METHOD /prefix/path`, e.g. `POST /api/users/login`.
  /// - Parameter prefix: the route prefix, if any.
  public func label(prefix: String?) -> String { "\(method.name) \(fullPath(prefix: prefix))" }
}

/// One parameter of an operation.
public struct ParameterDigest: Sendable, Hashable {
  /// The name.
  public var name: String
  /// Where it goes: `path`, `query`, `header` or `cookie`.
  public var location: String
  /// Whether it must be sent (path parameters always must).
  public var isRequired: Bool
  /// Its schema's shape.
  public var shape: Shape
  /// The schema's `default`, as written.
  public var defaultValue: String?
  /// The schema's `minimum`, as written.
  public var minimum: String?
  /// The schema's `maximum`, as written.
  public var maximum: String?
  /// Where it is defined (after following `$ref`).
  public var pointer: String
}

/// The request body of an operation.
public struct RequestBodyDigest: Sendable, Hashable {
  /// Whether the body must be sent.
  public var isRequired: Bool
  /// The media type described, preferring `application/json`.
  public var mediaType: String?
  /// The body's shape, when a schema is given.
  public var shape: Shape?
  /// Dotted paths of required fields, e.g. `user`, `user.email`.
  public var requiredFields: [String]
  /// Where it is defined (after following `$ref` when it resolves).
  public var pointer: String
  /// False when a broken or external `$ref` hides the body.
  public var isResolved: Bool
}

/// One documented response of an operation.
public struct ResponseDigest: Sendable, Hashable {
  /// The status key as written, e.g. `200`, `4XX`.
  public var status: String
  /// The media type described, preferring `application/json`; nil when no content is given.
  public var mediaType: String?
  /// The body's shape, when a schema is given.
  public var shape: Shape?
  /// The response's pointer within the operation.
  public var pointer: String
  /// Where the body's schema is defined (after following `$ref`), if any.
  public var schemaPointer: String?
  /// False when a broken or external `$ref` hides the response.
  public var isResolved: Bool
}
