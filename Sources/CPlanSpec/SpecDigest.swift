import CPlanCore
import CPlanYAML

/// The explicit contract of an OpenAPI 3.x spec: operations, auth, paging, error body and the
/// schemas responses use, each fact with the JSON pointer it comes from.
public struct SpecDigest: Sendable, Hashable {
  /// The spec's path as given to `load(path:)`.
  public var file: String
  /// The `openapi` version, e.g. `3.0.1`.
  public var openAPIVersion: String
  /// The path of the first `servers` URL, e.g. `/api`, used when no prefix is given.
  public var basePath: String?
  /// The operations, in path order and then method order (get, put, post, delete, options,
  /// head, patch, trace).
  public var operations: [OperationDigest]
  /// The security schemes, in spec order.
  public var securitySchemes: [SecuritySchemeDigest]
  /// The paging parameters, when any operation takes some.
  public var pagination: PaginationDigest?
  /// The most common body of error responses, when any documents one.
  public var errorBody: ErrorBodyDigest?
  /// The component schemas that success responses use, directly or through other schemas, in
  /// first-use order.
  public var schemas: [SchemaDigest]

  /// Query parameter names that page a list.
  public static let pagingParameterNames = [
    "limit", "offset", "page", "per_page", "page_size", "pageSize", "perPage",
  ]

  /// Reads a spec file, YAML or JSON.
  ///
  /// The digest is nil only when the file cannot be read or is not an OpenAPI 3.x document.
  /// Broken references (`spec-unresolved-ref`, `spec-ref-cycle`) are errors that still yield a
  /// digest without the facts they hide; external references give `spec-external-ref`
  /// warnings.
  /// - Parameter path: the spec's path, used in diagnostics and provenance.
  public static func load(path: String) -> (SpecDigest?, [Diagnostic]) {
    digest(YAMLLoader.load(path: path))
  }

  /// Reads a spec from memory.
  /// - Parameters:
  ///   - text: the spec's YAML or JSON text.
  ///   - file: the name used in diagnostics and provenance.
  public static func load(string text: String, file: String) -> (SpecDigest?, [Diagnostic]) {
    digest(YAMLLoader.load(string: text, file: file))
  }

  private static func digest(_ loaded: YAMLLoadResult) -> (SpecDigest?, [Diagnostic]) {
    let start = SourceLocation.start(of: loaded.file)
    guard let root = loaded.root else {
      var diagnostics = loaded.diagnostics.map { diagnostic in
        guard diagnostic.code == "io-unreadable" || diagnostic.code == "yaml-size-limit" else {
          return diagnostic
        }
        var copy = diagnostic
        copy.code = "spec-unreadable"
        copy.message = "cannot read the spec: \(diagnostic.message)"
        return copy
      }
      if !diagnostics.hasErrors {
        diagnostics.append(.error("spec-unreadable", "cannot read the spec", at: start))
      }
      return (nil, diagnostics.sortedForOutput())
    }
    if let problem = versionProblem(root, at: start) {
      return (nil, (loaded.diagnostics + [problem]).sortedForOutput())
    }
    let context = SpecContext(root: root, file: loaded.file)
    context.checkAllReferences()
    let operations = context.operations()
    var digest = SpecDigest(
      file: loaded.file, openAPIVersion: root["openapi"]?.scalar?.text ?? "",
      basePath: basePath(root), operations: operations,
      securitySchemes: securitySchemes(root), pagination: nil, errorBody: nil, schemas: [])
    digest.pagination = pagination(of: operations)
    digest.errorBody = errorBody(of: operations)
    digest.schemas = schemas(of: operations, context: context)
    return (digest, (loaded.diagnostics + context.diagnostics).sortedForOutput())
  }

  private static func versionProblem(_ root: YAMLNode, at start: SourceLocation) -> Diagnostic? {
    guard root.mapping != nil else {
      return .error(
        "spec-not-openapi", "spec must be a mapping, found \(root.typeDescription)", at: start)
    }
    if let version = root["openapi"] {
      if version.scalar?.text.hasPrefix("3.") == true { return nil }
      let text = version.scalar?.text ?? version.typeDescription
      return .error(
        "spec-not-openapi", "unsupported OpenAPI version '\(text)'; cplan reads 3.x",
        at: version.start)
    }
    if let swagger = root.keyNode("swagger") {
      return .error(
        "spec-not-openapi", "spec is Swagger 2.0; cplan reads OpenAPI 3.x", at: swagger.start,
        suggestion: "convert it to OpenAPI 3, e.g. with swagger2openapi")
    }
    return .error(
      "spec-not-openapi", "spec has no 'openapi: 3.x' key", at: start,
      suggestion: "add 'openapi: 3.0.3' at the top level")
  }

  private static func basePath(_ root: YAMLNode) -> String? {
    guard var url = root["servers"]?.sequence?.first?["url"]?.scalar?.text,
      !url.contains("{")
    else { return nil }
    if let scheme = url.range(of: "://") {
      let rest = url[scheme.upperBound...]
      url = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
    }
    while url.hasSuffix("/") { url.removeLast() }
    return url.hasPrefix("/") && url.count > 1 ? url : nil
  }

  private static func securitySchemes(_ root: YAMLNode) -> [SecuritySchemeDigest] {
    let pairs = root["components"]?["securitySchemes"]?.mapping ?? []
    return pairs.compactMap { pair in
      guard let name = pair.key.scalar?.text else { return nil }
      return SecuritySchemeDigest(
        name: name, node: pair.value,
        pointer: JSONPointer.make(["components", "securitySchemes", name]))
    }
  }
}
