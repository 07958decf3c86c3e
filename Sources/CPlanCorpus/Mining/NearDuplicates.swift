/// Merges candidates that say nearly the same thing, keeping the first of each group.
struct NearDuplicates {
  /// Jaccard similarity of word sets at or above which two candidates are duplicates.
  var threshold: Double

  private struct Kept {
    var candidate: Candidate
    var words: Set<String>
    var key: String
  }

  /// Keeps at most `limit` candidates of `ranked` (already in output order); every later
  /// candidate that duplicates a kept one, including those past the limit, becomes one of its
  /// `alsoAt` citations instead.
  func merge(_ ranked: [Candidate], limit: Int) -> [Candidate] {
    var kept: [Kept] = []
    for candidate in ranked {
      let key = " " + QuoteNormalizer.key(candidate.quote) + " "
      let words = Set(key.split(separator: " ").map(String.init))
      if let index = kept.firstIndex(where: { isDuplicate($0, words: words, key: key) }) {
        kept[index].candidate.alsoAt.append(candidate.citation)
        kept[index].candidate.alsoAt += candidate.alsoAt
      } else if kept.count < limit {
        kept.append(Kept(candidate: candidate, words: words, key: key))
      }
    }
    return kept.map(\.candidate)
  }

  private func isDuplicate(_ kept: Kept, words: Set<String>, key: String) -> Bool {
    let smaller = min(kept.words.count, words.count)
    let larger = max(kept.words.count, words.count)
    if larger > 0, Double(smaller) / Double(larger) >= threshold {
      let shared = kept.words.intersection(words).count
      let union = kept.words.count + words.count - shared
      if union > 0, Double(shared) / Double(union) >= threshold { return true }
    }
    guard kept.words.isSubset(of: words) || words.isSubset(of: kept.words) else { return false }
    return kept.key.contains(key) || key.contains(kept.key)
  }
}
