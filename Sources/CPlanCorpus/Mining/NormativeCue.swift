/// A phrase that marks a sentence as normative (must, should, never…) or as describing what a
/// library does by itself (by default, automatically, raises…).
public struct NormativeCue: Sendable, Hashable {
  /// How the cue is matched against a sentence's lower-cased words.
  enum Pattern: Sendable, Hashable {
    /// These words, consecutively.
    case phrase([String])
    /// These words, then an HTTP error status (`404`, `5xx`…) within `within` further words.
    case status(after: [String], within: Int)
  }

  /// The cue as shown to people, e.g. `must not` or `returns 4xx/5xx`.
  public var name: String
  /// How strongly it suggests a convention worth stating: 1 strong, 0.75 medium, 0.5 weak.
  public var weight: Double
  let pattern: Pattern

  /// Every cue, strongest first; among cues of equal weight the first listed wins.
  public static let all: [NormativeCue] = [
    .init("must not", 1, .phrase(["must", "not"])),
    .init("must", 1, .phrase(["must"])),
    .init("required", 1, .phrase(["required"])),
    .init("requires", 1, .phrase(["requires"])),
    .init("by default", 1, .phrase(["by", "default"])),
    .init("raises", 1, .phrase(["raises"])),
    .init("returns 4xx/5xx", 1, .status(after: ["returns"], within: 4)),
    .init("http status 4xx/5xx", 1, .status(after: ["status", "code"], within: 2)),
    .init("http status 4xx/5xx", 1, .status(after: ["http"], within: 1)),
    .init("defaults to", 0.75, .phrase(["defaults", "to"])),
    .init("default is", 0.75, .phrase(["default", "is"])),
    .init("will be ignored", 0.75, .phrase(["will", "be", "ignored"])),
    .init("not supported", 0.75, .phrase(["not", "supported"])),
    .init("cannot", 0.75, .phrase(["cannot"])),
    .init("never", 0.75, .phrase(["never"])),
    .init("automatically", 0.75, .phrase(["automatically"])),
    .init("implicitly", 0.75, .phrase(["implicitly"])),
    .init("only if", 0.75, .phrase(["only", "if"])),
    .init("should", 0.5, .phrase(["should"])),
    .init("unless", 0.5, .phrase(["unless"])),
    .init("always", 0.5, .phrase(["always"])),
    .init("deprecated", 0.5, .phrase(["deprecated"])),
  ]

  init(_ name: String, _ weight: Double, _ pattern: Pattern) {
    self.name = name
    self.weight = weight
    self.pattern = pattern
  }

  /// The strongest cue in a sentence's words, or nil when it has none.
  /// - Parameters:
  ///   - words: the sentence's lower-cased words (letters and digits only).
  static func strongest(in words: [String]) -> NormativeCue? {
    let present = Set(words)
    return all.first { present.contains($0.firstWord) && $0.matches(words) }
  }

  /// The word every match starts with.
  private var firstWord: String {
    switch pattern {
    case .phrase(let phrase), .status(let phrase, _): phrase.first ?? ""
    }
  }

  /// Whether the cue occurs in the words (whole words only).
  func matches(_ words: [String]) -> Bool {
    switch pattern {
    case .phrase(let phrase):
      return Self.positions(of: phrase, in: words).first != nil
    case .status(let phrase, let within):
      return Self.positions(of: phrase, in: words).contains { end in
        words[end..<min(words.count, end + within)].contains(where: Self.isErrorStatus)
      }
    }
  }

  /// The index after each occurrence of `phrase` in `words`.
  private static func positions(of phrase: [String], in words: [String]) -> [Int] {
    guard !phrase.isEmpty, words.count >= phrase.count else { return [] }
    return (0...(words.count - phrase.count)).compactMap { start in
      words[start..<start + phrase.count].elementsEqual(phrase) ? start + phrase.count : nil
    }
  }

  /// `400`–`599`, or a class such as `4xx`.
  private static func isErrorStatus(_ word: String) -> Bool {
    let characters = Array(word)
    guard characters.count == 3, characters[0] == "4" || characters[0] == "5" else { return false }
    if characters[1] == "x", characters[2] == "x" { return true }
    return characters[1].isASCII && characters[1].isNumber && characters[2].isASCII
      && characters[2].isNumber
  }
}
