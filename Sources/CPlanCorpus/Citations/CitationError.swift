import CPlanCore

/// Why `CitationChecker.fix` could not rewrite a pack.
public enum CitationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The pack file cannot be read.
  case unreadable(file: String)
  /// The text at a `line:` value's position is not the cited number: the file changed since the
  /// check, or the value is written through an alias or in a form cplan does not rewrite.
  case unexpectedLineText(location: SourceLocation, expected: String, found: String)
  /// Two moved results ask for different numbers at the same `line:` value.
  case conflictingFixes(location: SourceLocation)

  /// A lower-case message naming the file and position.
  public var description: String {
    switch self {
    case .unreadable(let file):
      "cannot read '\(file)'"
    case .unexpectedLineText(let location, let expected, let found):
      "\(location.description): expected the line number '\(expected)', found '\(found)'; "
        + "check the pack again before fixing it"
    case .conflictingFixes(let location):
      "\(location.description): two fixes ask for different line numbers here"
    }
  }
}
