import CPlanYAML
import Foundation

/// One security scheme and the exact way a client presents its credentials.
public struct SecuritySchemeDigest: Sendable, Hashable {
  /// The scheme's key under `components.securitySchemes`, e.g. `Token`.
  public var name: String
  /// The scheme type: `apiKey`, `http`, `oauth2`, `openIdConnect` or `mutualTLS`.
  public var type: String
  /// For `apiKey`: where the key goes (`header`, `query`, `cookie`).
  public var location: String?
  /// For `apiKey`: the header, query or cookie name, e.g. `Authorization`.
  public var parameterName: String?
  /// For `http`: the scheme, e.g. `bearer`.
  public var scheme: String?
  /// The word before the credential, e.g. `Token` or `Bearer`, when the spec states one.
  public var prefix: String?
  /// How credentials are sent, e.g. `Authorization: Token <jwt>`.
  public var format: String
  /// The scheme's pointer, e.g. `#/components/securitySchemes/Token`.
  public var pointer: String
}

extension SecuritySchemeDigest {
  /// Reads one scheme; nil when it has no `type`.
  init?(name: String, node: YAMLNode, pointer: String) {
    guard let type = node["type"]?.scalar?.text else { return nil }
    self.name = name
    self.type = type
    self.pointer = pointer
    location = node["in"]?.scalar?.text
    parameterName = node["name"]?.scalar?.text
    scheme = node["scheme"]?.scalar?.text
    prefix = nil
    format = "credentials as described by the scheme"
    let jwt = node["bearerFormat"]?.scalar?.text.lowercased() == "jwt"
    switch (type, scheme?.lowercased(), location) {
    case ("apiKey", _, "header"):
      let header = parameterName ?? "Authorization"
      let example = node["description"]?.scalar.flatMap {
        Self.example(in: $0.text, header: header)
      }
      prefix = example?.prefix
      format = example.map { "\(header): \($0.prefix) \($0.placeholder)" } ?? "\(header): <key>"
    case ("apiKey", _, "query"): format = "query parameter \(parameterName ?? "?")=<key>"
    case ("apiKey", _, "cookie"): format = "Cookie: \(parameterName ?? "?")=<key>"
    case ("http", "bearer", _):
      prefix = "Bearer"
      format = "Authorization: Bearer \(jwt ? "<jwt>" : "<token>")"
    case ("http", "basic", _):
      prefix = "Basic"
      format = "Authorization: Basic <base64 of user:password>"
    case ("http", _, _):
      prefix = scheme
      format = "Authorization: \(scheme ?? "?") <credentials>"
    case ("oauth2", _, _), ("openIdConnect", _, _):
      prefix = "Bearer"
      format = "Authorization: Bearer <access token>"
    case ("mutualTLS", _, _): format = "a client TLS certificate"
    default: break
    }
  }

  /// The prefix word and placeholder of an example credential in a scheme's description: an
  /// indented or back-quoted line such as `Token xxxxxx.yyyyyyy.zzzzzz`, optionally preceded by
  /// the header name and a colon.
  static func example(in text: String, header: String) -> (prefix: String, placeholder: String)? {
    var candidates: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("    ") || line.hasPrefix("\t") {
        candidates.append(line.trimmingCharacters(in: .whitespaces))
      }
      let quoted = line.split(separator: "`", omittingEmptySubsequences: false)
      candidates += stride(from: 1, to: quoted.count - 1, by: 2).map { String(quoted[$0]) }
    }
    for candidate in candidates {
      var text = Substring(candidate)
      if text.lowercased().hasPrefix(header.lowercased() + ":") {
        text = text.dropFirst(header.count + 1)
      }
      let words = text.split(separator: " ")
      guard words.count == 2, words[0].allSatisfy({ $0.isASCII && $0.isLetter }) else { continue }
      let credential = words[1]
      let isJWT = credential.split(separator: ".", omittingEmptySubsequences: false).count == 3
      guard isJWT || credential.hasPrefix("<") || credential.hasPrefix("{") else { continue }
      return (String(words[0]), isJWT ? "<jwt>" : "<token>")
    }
    return nil
  }
}
