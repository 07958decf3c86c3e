import CPlanCore
import Foundation
import GRDB

/// One ranked search result.
public struct SearchHit: Sendable, Hashable {
  /// Corpus id.
  public var corpus: String
  /// Path in the corpus.
  public var path: String
  /// The section's first line.
  public var line: Int
  /// The section's last line.
  public var endLine: Int
  /// The heading path.
  public var headings: [String]
  /// The section's anchor, if any.
  public var anchor: String?
  /// A snippet with matches between `[` and `]`.
  public var snippet: String
  /// BM25 rank (lower is better).
  public var rank: Double

  /// `corpus:path:line`.
  public var citation: String { "\(corpus):\(path):\(line)" }
}

extension CorpusIndex {
  /// The FTS5 query for free text: each word quoted (so no word is read as an operator), all
  /// required; nil when the text has no word.
  static func matchQuery(_ text: String, any: Bool = false) -> String? {
    var words: [String] = []
    var current = ""
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    guard !words.isEmpty else { return nil }
    return words.map { "\"\($0)\"" }.joined(separator: any ? " OR " : " ")
  }

  /// Ranked sections matching every word of `query` (or, when none does, any word).
  /// - Parameters:
  ///   - query: free text.
  ///   - corpus: restrict to one corpus id.
  ///   - limit: how many hits at most.
  public func search(_ query: String, corpus: String? = nil, limit: Int = 10) throws -> [SearchHit]
  {
    guard let all = Self.matchQuery(query) else { return [] }
    let hits = try search(match: all, corpus: corpus, limit: limit)
    if !hits.isEmpty { return hits }
    guard let any = Self.matchQuery(query, any: true), any != all else { return [] }
    return try search(match: any, corpus: corpus, limit: limit)
  }

  /// Ranks first (rowid and BM25 only), then builds snippets for the hits alone: computing
  /// `snippet()` inside the ranked query would run it for every matching row.
  private func search(match: String, corpus: String?, limit: Int) throws -> [SearchHit] {
    let filter = corpus == nil ? "" : "AND corpus = ?"
    var arguments: StatementArguments = [match]
    if let corpus { arguments += [corpus] }
    arguments += [limit]
    return try read { db in
      let ranked = try Row.fetchAll(
        db,
        sql: """
          SELECT rowid, bm25(section, 4.0, 1.0, 0.3) AS rank FROM section
          WHERE section MATCH ? \(filter) ORDER BY rank, rowid LIMIT ?
          """, arguments: arguments)
      let detail = try db.makeStatement(
        sql: """
          SELECT corpus, path, start_line, end_line, headings, anchor,
            snippet(section, 1, '[', ']', '…', 16) AS snippet
          FROM section WHERE section MATCH ? AND rowid = ?
          """)
      return try ranked.compactMap { hit -> SearchHit? in
        let rowid: Int64 = hit["rowid"]
        guard let row = try Row.fetchOne(detail, arguments: [match, rowid]) else { return nil }
        let headings: String = row["headings"]
        return SearchHit(
          corpus: row["corpus"], path: row["path"], line: row["start_line"],
          endLine: row["end_line"],
          headings: headings.isEmpty ? [] : headings.components(separatedBy: " > "),
          anchor: row["anchor"], snippet: row["snippet"], rank: hit["rank"])
      }
    }
  }

  /// Whole sections (paragraphs with their lines, code) for the best matches of `query`.
  public func sections(matching query: String, corpus: String? = nil, limit: Int = 20) throws
    -> [(section: CorpusSection, rank: Double)]
  {
    try sections(matching: query, corpora: corpus.map { [$0] } ?? [], limit: limit)
  }

  /// Whole sections for the best matches of `query` in any of `corpora` (all when empty).
  public func sections(matching query: String, corpora: [String], limit: Int) throws
    -> [(section: CorpusSection, rank: Double)]
  {
    guard let match = Self.matchQuery(query, any: true) else { return [] }
    let filter =
      corpora.isEmpty
      ? "" : "AND corpus IN (" + corpora.map { _ in "?" }.joined(separator: ", ") + ")"
    var arguments: StatementArguments = [match]
    for corpus in corpora { arguments += [corpus] }
    arguments += [limit]
    return try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT corpus, path, start_line, end_line, headings, anchor, body, code, lines,
            bm25(section, 4.0, 1.0, 0.3) AS rank
          FROM section WHERE section MATCH ? \(filter)
          ORDER BY rank, corpus, path, start_line LIMIT ?
          """, arguments: arguments
      ).map { row in (Self.section(row), row["rank"]) }
    }
  }

  /// Rebuilds a section from its row.
  static func section(_ row: Row) -> CorpusSection {
    let body: String = row["body"]
    let lines: String = row["lines"]
    let numbers = lines.split(separator: " ").compactMap { Int($0) }
    let texts = body.isEmpty ? [] : body.components(separatedBy: "\n\n")
    let paragraphs = zip(numbers, texts).map { Paragraph(line: $0.0, text: $0.1) }
    let headings: String = row["headings"]
    let code: String = row["code"]
    return CorpusSection(
      corpus: row["corpus"], path: row["path"],
      headings: headings.isEmpty ? [] : headings.components(separatedBy: " > "),
      anchor: row["anchor"], startLine: row["start_line"], endLine: row["end_line"],
      paragraphs: paragraphs,
      code: code.isEmpty ? [] : [CodeBlock(language: nil, text: code, line: row["start_line"])])
  }
}
