import CPlanCore
import CPlanYAML

/// The version of cplan's YAML formats that this build reads.
public enum FormatVersion {
  /// The newest format version understood.
  public static let current = 1

  /// Checks the `cplan:` key of a file's root mapping; returns false when the file must not be
  /// decoded further.
  static func check(_ root: YAMLNode, in context: DecodeContext) -> Bool {
    guard let node = root["cplan"] else {
      context.error(
        "missing-key", "missing required key 'cplan' (the format version)", at: root.start,
        suggestion: "start the file with 'cplan: \(current)'")
      return true
    }
    guard let version = context.int(node, "'cplan' (the format version)") else { return true }
    if version > current || version < 1 {
      context.error(
        "unsupported-version",
        "format version \(version) is not supported; this cplan reads version \(current)",
        at: node.start,
        suggestion: version > current ? "upgrade cplan" : "use 'cplan: \(current)'")
      return false
    }
    return true
  }
}
