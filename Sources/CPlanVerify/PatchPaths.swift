/// Reads the paths of patch headers: `diff --git a/x b/x`, `--- a/x`, `+++ b/x`, `rename to x`,
/// C-quoted paths (`"a/caf\303\251.py"`) and `/dev/null`.
enum PatchPaths {
  /// The old and new paths of a `diff --git` header's rest (`a/x b/y`), prefixes removed.
  static func gitHeader(_ rest: String) -> (old: String, new: String)? {
    if rest.hasPrefix("\"") {
      guard let (first, after) = quoted(Substring(rest)) else { return nil }
      let tail = after.drop { $0 == " " }
      let second = tail.hasPrefix("\"") ? quoted(tail)?.0 : String(tail)
      guard let second else { return nil }
      return (strip(first, "a/"), strip(second, "b/"))
    }
    let bytes = Array(rest.utf8)
    // Equal halves around the middle space: `a/x b/x` (or `x x` without prefixes).
    if bytes.count % 2 == 1, bytes[bytes.count / 2] == 32 {
      let half = bytes.count / 2
      let left = bytes[..<half]
      let right = bytes[(half + 1)...]
      let prefixed =
        left.starts(with: "a/".utf8) && right.starts(with: "b/".utf8)
        && left.dropFirst(2).elementsEqual(right.dropFirst(2))
      if prefixed || left.elementsEqual(right) {
        let old = String(decoding: left, as: UTF8.self)
        let new = String(decoding: right, as: UTF8.self)
        return (strip(old, "a/"), strip(new, "b/"))
      }
    }
    if let split = rest.range(of: " b/") {
      let old = String(rest[..<split.lowerBound])
      let new = String(rest[rest.index(after: split.lowerBound)...])
      return (strip(old, "a/"), strip(new, "b/"))
    }
    if let space = rest.firstIndex(of: " ") {
      return (String(rest[..<space]), String(rest[rest.index(after: space)...]))
    }
    return nil
  }

  /// The path of a `---`/`+++` header's rest, nil for `/dev/null`; a timestamp after a tab is
  /// dropped and `prefix` (`a/` or `b/`) removed.
  static func header(_ rest: String, prefix: String) -> String? {
    var path: String
    if rest.hasPrefix("\""), let (unquoted, _) = quoted(Substring(rest)) {
      path = unquoted
    } else {
      path = String(rest.prefix { $0 != "\t" })
      while path.hasSuffix(" ") { path.removeLast() }
    }
    if path == "/dev/null" || path.isEmpty { return nil }
    return strip(path, prefix)
  }

  /// A path that may be C-quoted, unquoted.
  static func unquote(_ text: String) -> String {
    text.hasPrefix("\"") ? (quoted(Substring(text))?.0 ?? text) : text
  }

  private static func strip(_ path: String, _ prefix: String) -> String {
    path.hasPrefix(prefix) && path.count > prefix.count
      ? String(path.dropFirst(prefix.count)) : path
  }

  /// A C-quoted string at the start of `text` (escapes `\\ \" \n \t \r \a \b \f \v` and octal
  /// bytes), and what follows it.
  private static func quoted(_ text: Substring) -> (String, Substring)? {
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var index = 1
    while index < utf8.count {
      let byte = utf8[index]
      if byte == UInt8(ascii: "\"") {
        let rest = String(decoding: utf8[(index + 1)...], as: UTF8.self)
        return (String(decoding: bytes, as: UTF8.self), Substring(rest))
      }
      if byte == UInt8(ascii: "\\"), index + 1 < utf8.count {
        let next = utf8[index + 1]
        if (48...55).contains(next) {
          var value = 0
          var digits = 0
          while digits < 3, index + 1 + digits < utf8.count,
            (48...55).contains(utf8[index + 1 + digits])
          {
            value = value * 8 + Int(utf8[index + 1 + digits] - 48)
            digits += 1
          }
          bytes.append(UInt8(truncatingIfNeeded: value))
          index += 1 + digits
          continue
        }
        let escapes: [UInt8: UInt8] = [
          UInt8(ascii: "n"): 10, UInt8(ascii: "t"): 9, UInt8(ascii: "r"): 13, UInt8(ascii: "a"): 7,
          UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "v"): 11,
        ]
        bytes.append(escapes[next] ?? next)
        index += 2
        continue
      }
      bytes.append(byte)
      index += 1
    }
    return nil
  }
}
