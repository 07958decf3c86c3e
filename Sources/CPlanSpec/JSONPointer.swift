import Foundation

/// Builds and reads JSON pointers (RFC 6901) in their URI-fragment form, such as
/// `#/paths/~1users~1login/post`.
///
/// Built pointers escape `~` as `~0` and `/` as `~1` and are not percent-encoded, so they stay
/// readable; pointers read from `$ref` values are percent-decoded first, as RFC 6901 section 6
/// asks of fragments.
public enum JSONPointer {
  /// The pointer of the whole document.
  public static let root = "#"

  /// Escapes one reference token: `~` becomes `~0`, then `/` becomes `~1`.
  /// - Parameter token: a mapping key or sequence index.
  public static func escape(_ token: String) -> String {
    token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
  }

  /// Reverses `escape`: `~1` becomes `/`, then `~0` becomes `~`.
  /// - Parameter token: an escaped reference token.
  public static func unescape(_ token: String) -> String {
    token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
  }

  /// The pointer made of unescaped tokens, e.g. `["paths", "/users"]` → `#/paths/~1users`.
  /// - Parameter tokens: the keys and indices from the root.
  public static func make(_ tokens: [String]) -> String {
    tokens.reduce(root) { appending($0, $1) }
  }

  /// A pointer extended by one unescaped token.
  /// - Parameters:
  ///   - pointer: the parent pointer.
  ///   - token: the key or index to add.
  public static func appending(_ pointer: String, _ token: String) -> String {
    "\(pointer)/\(escape(token))"
  }

  /// The unescaped tokens of a local pointer such as `#/components/schemas/User`, or nil when
  /// the text is not a local (`#…`) pointer.
  /// - Parameter pointer: a `$ref` value or a pointer built by `make`.
  public static func tokens(of pointer: String) -> [String]? {
    guard pointer.hasPrefix("#") else { return nil }
    let raw = String(pointer.dropFirst())
    let body = raw.removingPercentEncoding ?? raw
    if body.isEmpty { return [] }
    guard body.hasPrefix("/") else { return nil }
    return body.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
      .map { unescape(String($0)) }
  }
}
