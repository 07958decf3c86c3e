@testable import CPlanCorpus

/// Hand-built corpus sections for the mining tests.
enum MiningFixtures {
  /// A section of one file.
  static func section(
    _ paragraphs: [Paragraph], path: String = "docs/guide.txt", corpus: String = "demo-1.0",
    headings: [String] = ["Guide", "Handlers"], code: [CodeBlock] = []
  ) -> CorpusSection {
    let last = paragraphs.map { $0.line + $0.text.count(where: \.isNewline) }.max() ?? 1
    return CorpusSection(
      corpus: corpus, path: path, headings: headings, anchor: nil,
      startLine: max(1, (paragraphs.first?.line ?? 2) - 1), endLine: last, paragraphs: paragraphs,
      code: code)
  }

  /// A section holding one paragraph at `line`.
  static func section(
    _ text: String, line: Int = 10, path: String = "docs/guide.txt", corpus: String = "demo-1.0",
    headings: [String] = ["Guide", "Handlers"]
  ) -> CorpusSection {
    section([Paragraph(line: line, text: text)], path: path, corpus: corpus, headings: headings)
  }

  /// The candidates of sections, all of relevance 1.
  static func mine(_ sections: [CorpusSection], limit: Int = 100) -> [Candidate] {
    ConventionMiner().candidates(from: sections, relevance: { _ in 1 }, limit: limit)
  }
}
