/// A component schema that responses use, spelled out once.
public struct SchemaDigest: Sendable, Hashable {
  /// Its name under `components.schemas`, e.g. `User`.
  public var name: String
  /// Its fields, in property order.
  public var fields: [ShapeField]
  /// Its pointer, e.g. `#/components/schemas/User`.
  public var pointer: String
}
