import Foundation

/// Writes mined candidates as a rule pack a maintainer edits into a real one.
///
/// The pack format has no status key, so the skeleton marks itself and every rule as a
/// candidate with `# status: candidate` comments. Every rule gets `severity: should`, a topic
/// guessed from its words, the sentence as its statement and its citations as sources; the
/// output loads with `ConstraintLoader` without errors when `packID` is kebab-case.
public enum PackSkeleton {
  /// The skeleton as YAML.
  /// - Parameters:
  ///   - candidates: the candidates, in the order their rules should appear.
  ///   - packID: the pack's kebab-case id; rule ids are `<packID>-candidate-NNN`.
  ///   - corpus: the pack's default corpus, when there is one.
  public static func yaml(_ candidates: [Candidate], packID: String, corpus: String?) -> String {
    var lines = [
      "# status: candidate",
      "# Conventions mined by cplan; none is reviewed yet. For each rule: rewrite the statement",
      "# as an instruction, check its severity and topic, add a 'when' condition if it does not",
      "# always apply, and delete it when it is not a convention. Drop the status comments once",
      "# a rule is reviewed.",
      "cplan: 1",
      "id: \(YAMLQuoting.scalar(packID))",
      "version: 0.1.0",
      "title: "
        + YAMLQuoting.doubleQuoted(
          corpus.map { "Candidate conventions mined from '\($0)'" }
            ?? "Candidate conventions for '\(packID)'"),
    ]
    if let corpus { lines.append("corpus: \(YAMLQuoting.scalar(corpus))") }
    if candidates.isEmpty {
      lines.append("rules: []")
    } else {
      lines.append("rules:")
      let width = max(3, String(candidates.count).count)
      for (index, candidate) in candidates.enumerated() {
        lines += rule(candidate, id: ruleID(packID, index + 1, width: width))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The candidates as JSON objects for `--format json`, with their future rule ids.
  /// - Parameters:
  ///   - candidates: the candidates, in output order.
  ///   - packID: the pack id the rule ids are built from.
  public static func json(_ candidates: [Candidate], packID: String) -> [[String: Any]] {
    let width = max(3, String(candidates.count).count)
    return candidates.enumerated().map { index, candidate in
      var object = candidate.jsonValue
      object["id"] = ruleID(packID, index + 1, width: width)
      return object
    }
  }

  private static func ruleID(_ packID: String, _ number: Int, width: Int) -> String {
    let digits = String(number)
    return "\(packID)-candidate-" + String(repeating: "0", count: width - digits.count) + digits
  }

  private static func rule(_ candidate: Candidate, id: String) -> [String] {
    var about = [
      "status: candidate", "score " + String(format: "%.3f", candidate.score),
      "cue '\(candidate.cue)'",
    ]
    if !candidate.headings.isEmpty { about.append(candidate.headings.joined(separator: " > ")) }
    var lines = [
      "  # " + YAMLQuoting.comment(about.joined(separator: " · ")),
      "  - id: \(YAMLQuoting.scalar(id))",
      "    severity: should",
      "    topic: \(TopicGuesser.topic(for: candidate))",
      "    statement: \(YAMLQuoting.doubleQuoted(candidate.statement))",
      "    sources:",
    ]
    for citation in [candidate.citation] + candidate.alsoAt {
      lines += [
        "      - corpus: \(YAMLQuoting.scalar(citation.corpus))",
        "        path: \(YAMLQuoting.scalar(citation.path))",
        "        line: \(citation.line)",
        "        quote: \(YAMLQuoting.doubleQuoted(ConventionMiner.collapse(citation.quote)))",
      ]
    }
    return lines
  }
}
