import Foundation
import Testing

@testable import CPlanCorpus

@Suite struct MiningEvaluationTests {
  private let query = MiningDevSet.Query(
    id: "q", corpus: "c", query: "x", topic: nil,
    gold: [
      .init(path: "a.md", line: 10, quote: "", class: "default"),
      .init(path: "a.md", line: 40, quote: "", class: "consequence"),
      .init(path: "b.md", line: 5, quote: "", class: "directive"),
    ])

  @Test func recallCountsEachGoldSentenceOnceWithinOneLine() {
    var ranked: [(path: String, line: Int)] = [("a.md", 11), ("a.md", 10), ("z.md", 1)]
    ranked += Array(repeating: ("z.md", 2), count: 20) + [("b.md", 5)]
    ranked += Array(repeating: ("z.md", 3), count: 30) + [("a.md", 40)]
    let score = MiningScore.of(ranked, for: query)
    #expect(score.found10 == 1)  // a.md:11 matches line 10; a.md:10 then finds it taken
    #expect(score.found25 == 2)  // b.md:5 at rank 24
    #expect(score.found50 == 2)  // a.md:40 comes after rank 50
    #expect(score.hits25 == 2 && score.returned25 == 25)
    #expect(abs(score.recall.at25 - 2.0 / 3.0) < 1e-9)
    #expect(abs(score.precision25 - 0.08) < 1e-9)
  }

  @Test func theLabelledSetHoldsWhatItsIssueAsks() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/mining-dev-set.json")
    let set = try MiningDevSet.read(url)
    #expect(set.queries.count >= 30)
    #expect(set.queries.reduce(0) { $0 + $1.gold.count } >= 80)
    let corpora = Set(set.queries.map(\.corpus))
    for needed in ["pydantic-2.13", "fastify-5.12", "express-5", "koa-3.2", "hono", "realworld-docs"] {
      #expect(corpora.contains(needed), "\(needed)")
    }
  }
}
