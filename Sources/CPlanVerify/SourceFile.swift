import Foundation

/// One file of generated code as a check sees it: its path and the lines that count (for a
/// patch, only the added lines).
public struct SourceFile: Sendable, Hashable {
  /// Path relative to the project root, `/` separators.
  public var path: String
  /// The lines that count, each with its line number in the new file.
  public var lines: [(number: Int, text: String)]

  /// A whole file.
  public init(path: String, content: String) {
    self.path = path
    var numbered: [(Int, String)] = []
    var number = 0
    for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      numbered.append((number, line.hasSuffix("\r") ? String(line.dropLast()) : String(line)))
    }
    if numbered.last?.1 == "" { numbered.removeLast() }
    lines = numbered
  }

  /// Only some lines (e.g. a patch's added lines).
  public init(path: String, lines: [(number: Int, text: String)]) {
    self.path = path
    self.lines = lines
  }

  public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool {
    lhs.path == rhs.path && lhs.lines.map(\.number) == rhs.lines.map(\.number)
      && lhs.lines.map(\.text) == rhs.lines.map(\.text)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    for line in lines { hasher.combine(line.text) }
  }
}
