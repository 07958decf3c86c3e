/// How list operations page their results.
public struct PaginationDigest: Sendable, Hashable {
  /// The paging query parameters (limit, offset, page, per_page…), first definition of each.
  public var parameters: [ParameterDigest]
  /// The operations that take them, as `METHOD /path` without prefix.
  public var operations: [String]
  /// Where the parameters are defined: their common parent, e.g. `#/components/parameters`.
  public var pointer: String
}
