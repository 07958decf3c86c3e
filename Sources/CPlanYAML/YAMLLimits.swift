/// Caps that keep a hostile or broken document from using unbounded time or memory.
public struct YAMLLimits: Sendable {
  /// The largest file read, in bytes.
  public var maxFileBytes: Int
  /// The deepest nesting of sequences and mappings.
  public var maxDepth: Int
  /// The most nodes that aliases may add to the document when expanded.
  public var maxAliasExpansion: Int
  /// The most scalars, sequences and mappings a document may hold. The largest shipped file
  /// (a pack) has about 6,000; a million tiny keys within 8 MiB would hold half a gigabyte.
  public var maxNodes: Int

  /// Creates limits.
  public init(
    maxFileBytes: Int = 8 << 20, maxDepth: Int = 64, maxAliasExpansion: Int = 100_000,
    maxNodes: Int = 200_000
  ) {
    self.maxFileBytes = maxFileBytes
    self.maxDepth = maxDepth
    self.maxAliasExpansion = maxAliasExpansion
    self.maxNodes = maxNodes
  }

  /// The limits used unless a caller asks otherwise: 8 MiB, depth 64, 100,000 alias nodes,
  /// 200,000 nodes.
  public static let standard = YAMLLimits()
}
