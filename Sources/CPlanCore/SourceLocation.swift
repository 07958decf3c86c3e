/// A position in a source file: 1-based line and column (columns count characters).
public struct SourceLocation: Hashable, Sendable, Comparable, Codable {
  /// The file's path as the user named it.
  public var file: String
  /// 1-based line number.
  public var line: Int
  /// 1-based column, in characters.
  public var column: Int

  /// Creates a location.
  /// - Parameters:
  ///   - file: the file's path as the user named it.
  ///   - line: 1-based line.
  ///   - column: 1-based column.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// The start of a file.
  public static func start(of file: String) -> SourceLocation {
    SourceLocation(file: file, line: 1, column: 1)
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }
}

/// A span of source, from `start` up to (not including) `end`.
public struct SourceRange: Hashable, Sendable, Codable {
  /// Where the span starts.
  public var start: SourceLocation
  /// Where the span ends.
  public var end: SourceLocation

  /// Creates a range.
  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }
}
