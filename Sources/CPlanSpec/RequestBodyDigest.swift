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
