import CPlanCore

/// Encodes a string as a JSON literal exactly as Python's `json.dumps` does: see
/// `PythonJSON.quote`, whose rules (no `/` escape, lower-case `\u00xx` controls, surrogate pairs
/// with `asciiOnly`) this harness relies on to rewrite only a task's prompt.
enum PythonJSONString {
  /// The literal, quotes included, as UTF-8 bytes.
  static func encode(_ string: String, asciiOnly: Bool) -> [UInt8] {
    Array(PythonJSON.quote(string, asciiOnly: asciiOnly).utf8)
  }
}
