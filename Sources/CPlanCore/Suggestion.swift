/// Finds the closest known word to a misspelled one, for "did you mean" hints.
public enum Suggestion {
  /// The candidate nearest to `word` by edit distance, if it is near enough to be a likely typo.
  /// - Parameters:
  ///   - word: what the user wrote.
  ///   - candidates: the words that would have been valid.
  public static func closest(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      let limit = max(1, min(3, candidate.count / 3 + 1))
      guard distance <= limit else { continue }
      if best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    return best?.0
  }

  /// "did you mean 'x'?" for the closest candidate, or nil.
  public static func didYouMean(_ word: String, in candidates: [String]) -> String? {
    closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
  }

  /// Damerau-Levenshtein distance (optimal string alignment) between two strings.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = Swift.min(current[j], previous2[j - 2] + 1)
        }
      }
      previous2 = previous
      previous = current
    }
    return previous[b.count]
  }
}
