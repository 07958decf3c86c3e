import CPlanCore
import Foundation

extension YAMLNode {
  /// The scalar, if this node is one.
  public var scalar: YAMLScalar? {
    if case .scalar(let s) = value { return s }
    return nil
  }

  /// The entries, if this node is a mapping.
  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = value { return pairs }
    return nil
  }

  /// The items, if this node is a sequence.
  public var sequence: [YAMLNode]? {
    if case .sequence(let items) = value { return items }
    return nil
  }

  private var forcedString: Bool { tag == "tag:yaml.org,2002:str" }

  /// Whether the node is a YAML null: an empty plain scalar, `~` or `null`.
  public var isNull: Bool {
    guard let s = scalar, s.style == .plain, !forcedString else { return false }
    return s.text.isEmpty || s.text == "~" || s.text == "null" || s.text == "Null"
      || s.text == "NULL"
  }

  /// The boolean, if the node is the plain scalar `true` or `false` (no other spelling counts).
  public var bool: Bool? {
    guard let s = scalar, s.style == .plain, !forcedString else { return nil }
    switch s.text {
    case "true": return true
    case "false": return false
    default: return nil
    }
  }

  /// The integer, if the node is a plain scalar made of an optional sign and decimal digits.
  public var int: Int? {
    guard let s = scalar, s.style == .plain, !forcedString else { return nil }
    var digits = Substring(s.text)
    if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(s.text)
  }

  /// The number, if the node is a plain scalar that reads as a decimal number.
  public var double: Double? {
    guard let s = scalar, s.style == .plain, !forcedString,
      let first = s.text.utf8.first, (0x30...0x39).contains(first) || "+-.".utf8.contains(first)
    else { return nil }
    if let i = int { return Double(i) }
    guard s.text.contains(where: { $0.isNumber }),
      s.text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) })
    else { return nil }
    return Double(s.text)
  }

  /// The text, if the node is a scalar that resolves to a string (quoted, block, or a plain
  /// scalar that is not null, a boolean or a number).
  public var string: String? {
    guard let s = scalar else { return nil }
    if s.style != .plain || forcedString { return s.text }
    if isNull || bool != nil || double != nil { return nil }
    return s.text
  }

  /// A short phrase naming the node's type, for messages: "a mapping", "an integer", "'yes'".
  public var typeDescription: String {
    switch value {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let s):
      if isNull { return "null" }
      if bool != nil { return "a boolean" }
      if int != nil { return "an integer" }
      if double != nil { return "a number" }
      return s.style == .plain ? "the string '\(s.text)'" : "a string"
    }
  }

  /// The value of the first entry whose key is `key`, if this is a mapping.
  public subscript(key: String) -> YAMLNode? {
    mapping?.first { $0.key.scalar?.text == key }?.value
  }

  /// The key node of the entry named `key`, if this is a mapping.
  public func keyNode(_ key: String) -> YAMLNode? {
    mapping?.first { $0.key.scalar?.text == key }?.key
  }

  /// Converts the node into a JSON-compatible value (for schema checks and JSON output).
  public var jsonValue: Any {
    switch value {
    case .sequence(let items): return items.map(\.jsonValue)
    case .mapping(let pairs):
      var object: [String: Any] = [:]
      for pair in pairs { object[pair.key.scalar?.text ?? ""] = pair.value.jsonValue }
      return object
    case .scalar(let s):
      if isNull { return NSNull() }
      if let b = bool { return b }
      if let i = int { return i }
      if let d = double { return d }
      return s.text
    }
  }
}
