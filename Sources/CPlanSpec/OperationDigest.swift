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
