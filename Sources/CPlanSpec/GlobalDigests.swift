/// How list operations page their results.
public struct PaginationDigest: Sendable, Hashable {
  /// The paging query parameters (limit, offset, page, per_page…), first definition of each.
  public var parameters: [ParameterDigest]
  /// The operations that take them, as `METHOD /path` without prefix.
  public var operations: [String]
  /// Where the parameters are defined: their common parent, e.g. `#/components/parameters`.
  public var pointer: String
}

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

/// A component schema that responses use, spelled out once.
public struct SchemaDigest: Sendable, Hashable {
  /// Its name under `components.schemas`, e.g. `User`.
  public var name: String
  /// Its fields, in property order.
  public var fields: [ShapeField]
  /// Its pointer, e.g. `#/components/schemas/User`.
  public var pointer: String
}
