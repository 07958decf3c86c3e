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
