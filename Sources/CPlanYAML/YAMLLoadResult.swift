import CPlanCore

/// What loading one YAML file gives: its root node (when it could be built) and every problem.
public struct YAMLLoadResult: Sendable {
  /// The file's path as given.
  public var file: String
  /// The document's root, or nil when the file could not be read as one document.
  public var root: YAMLNode?
  /// Problems found while reading, in file order.
  public var diagnostics: [Diagnostic]

  /// Creates a result.
  public init(file: String, root: YAMLNode?, diagnostics: [Diagnostic]) {
    self.file = file
    self.root = root
    self.diagnostics = diagnostics
  }
}
