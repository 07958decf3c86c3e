/// The body that error responses share.
public struct ErrorBodyDigest: Sendable, Hashable {
  /// Its shape, e.g. `{"errors": {"body": [string]}}`.
  public var shape: Shape
  /// The error statuses documented with this body, e.g. `422`.
  public var statuses: [String]
  /// The error statuses documented without any body, e.g. `401`.
  public var statusesWithoutBody: [String]
  /// Where its schema is defined.
  public var pointer: String
}
