import CPlanCore

/// A YAML node that remembers where it came from.
public struct YAMLNode: Sendable {
  /// What the node holds.
  public indirect enum Value: Sendable {
    /// A scalar and the way it was written.
    case scalar(YAMLScalar)
    /// A block or flow sequence.
    case sequence([YAMLNode])
    /// A block or flow mapping, in document order, without duplicate keys.
    case mapping([YAMLPair])
  }

  /// The node's content.
  public var value: Value
  /// Where the node starts in its file.
  public var start: SourceLocation
  /// Where the node ends (exclusive).
  public var end: SourceLocation
  /// The explicit tag, e.g. `tag:yaml.org,2002:str`, if any.
  public var tag: String?

  /// Creates a node.
  public init(_ value: Value, start: SourceLocation, end: SourceLocation, tag: String? = nil) {
    self.value = value
    self.start = start
    self.end = end
    self.tag = tag
  }

  /// The file the node was read from.
  public var file: String { start.file }
}

/// A scalar's text and style.
public struct YAMLScalar: Sendable, Hashable {
  /// How the scalar was written.
  public enum Style: String, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  /// The scalar's text after YAML unescaping and folding.
  public var text: String
  /// How it was written.
  public var style: Style

  /// Creates a scalar.
  public init(text: String, style: Style) {
    self.text = text
    self.style = style
  }
}

/// One key-value entry of a mapping.
public struct YAMLPair: Sendable {
  /// The key node (always a scalar in a loaded document).
  public var key: YAMLNode
  /// The value node.
  public var value: YAMLNode

  /// Creates an entry.
  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
