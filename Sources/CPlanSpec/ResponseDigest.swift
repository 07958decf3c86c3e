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
