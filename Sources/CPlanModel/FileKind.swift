import CPlanYAML

/// What a YAML file is, told from its content.
public enum FileKind: String, Sendable, Codable {
  case manifest
  case pack
  case openAPI = "openapi"
  case corpora

  /// Classifies a document root, or returns nil when it is none of the known kinds.
  public static func classify(_ root: YAMLNode) -> FileKind? {
    guard root.mapping != nil else { return nil }
    if root["rules"] != nil { return .pack }
    if root["framework"] != nil || root["dimensions"] != nil || root["instruction"] != nil {
      return .manifest
    }
    if root["openapi"] != nil || root["swagger"] != nil { return .openAPI }
    if root["corpora"] != nil { return .corpora }
    return nil
  }
}
