/// Shell-style path globs: `*` (any characters but `/`), `?` (one character but `/`),
/// `**/` (any folders, including none), `**` (anything) and `{a,b}` alternatives.
public struct Glob: Sendable, Hashable {
  /// The pattern as written.
  public let pattern: String
  private let alternatives: [[Substring]]

  /// Creates a glob.
  public init(_ pattern: String) {
    self.pattern = pattern
    alternatives = Self.expand(pattern).map {
      $0.split(separator: "/", omittingEmptySubsequences: false)
    }
  }

  /// Whether a pattern names one path, with no wildcard or alternative (`run.sh`).
  public static func isLiteral(_ pattern: String) -> Bool {
    !pattern.contains { "*?{[".contains($0) }
  }

  /// Whether `path` (with `/` separators, relative) matches.
  public func matches(_ path: String) -> Bool {
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    return alternatives.contains { Self.match($0[...], segments[...]) }
  }

  /// Expands the first `{a,b}` group (recursively, so every group) into separate patterns.
  static func expand(_ pattern: String) -> [String] {
    guard let open = pattern.firstIndex(of: "{"),
      let close = pattern[open...].firstIndex(of: "}")
    else { return [pattern] }
    let head = pattern[..<open]
    let tail = pattern[pattern.index(after: close)...]
    let options = pattern[pattern.index(after: open)..<close].split(
      separator: ",", omittingEmptySubsequences: false)
    return options.flatMap { expand(String(head) + $0 + tail) }
  }

  private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>)
    -> Bool
  {
    guard let head = pattern.first else { return path.isEmpty }
    if head == "**" {
      let rest = pattern.dropFirst()
      if rest.isEmpty { return true }
      var remaining = path
      while true {
        if match(rest, remaining) { return true }
        guard !remaining.isEmpty else { return false }
        remaining = remaining.dropFirst()
      }
    }
    guard let segment = path.first, segmentMatches(Array(head.utf8), Array(segment.utf8)) else {
      return false
    }
    return match(pattern.dropFirst(), path.dropFirst())
  }

  /// `*` and `?` within one path segment (byte-wise; `?` matches one UTF-8 byte).
  private static func segmentMatches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
    var p = 0
    var t = 0
    var star = -1
    var mark = 0
    while t < text.count {
      if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] {
        p += 1
        t += 1
      } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
        star = p
        mark = t
        p += 1
      } else if star >= 0 {
        p = star + 1
        mark += 1
        t = mark
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
    return p == pattern.count
  }
}
