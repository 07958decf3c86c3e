import CPlanCore
import CPlanModel
import Foundation
import Testing

@testable import CPlanCorpus

@Suite struct MiningSkeletonTests {
  private func candidate(
    _ statement: String, path: String = "docs/ref/settings.txt", line: Int = 12,
    headings: [String] = ["Settings"], alsoAt: [CandidateCitation] = []
  ) -> Candidate {
    Candidate(
      statement: statement, corpus: "demo-1.0", path: path, line: line, quote: statement,
      headings: headings, cue: "must", score: 0.875, alsoAt: alsoAt)
  }

  /// Loads YAML text with cplan's own loader.
  private func load(_ yaml: String) throws -> ConstraintSet {
    let scratch = try CiteScratch()
    let path = try scratch.write("candidates.yaml", Data(yaml.utf8))
    return ConstraintLoader().load(paths: [path])
  }

  @Test func skeletonDecodesCleanlyAndKeepsEveryString() throws {
    let tricky = [
      "Handlers must return \"JSON\" bodies: {'a': 1} # not a comment",
      "- must start with a dash, & an anchor *alias !tag %percent @at `tick` | pipe > fold",
      "Back\\slash, tab\there, ünïcode “quotes” — 日本語, and a\nline break that must stay.",
      "yes",
      "  leading and trailing spaces must survive  ",
    ]
    let candidates = tricky.enumerated().map { index, text in
      candidate(
        text, line: index + 1, headings: ["Top # level", "Sub\nheading"],
        alsoAt: index == 0
          ? [CandidateCitation(corpus: "other-2.0", path: "b: c.md", line: 99, quote: "x\"y")]
          : [])
    }
    let yaml = PackSkeleton.yaml(candidates, packID: "demo-candidates", corpus: "demo-1.0")
    let set = try load(yaml)
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics)\n\(yaml)")
    let pack = try #require(set.packs.first)
    #expect(pack.id == "demo-candidates" && pack.version == "0.1.0" && pack.corpus == "demo-1.0")
    #expect(pack.rules.map(\.statement) == tricky)
    #expect(pack.rules.map(\.id) == (1...5).map { "demo-candidates-candidate-00\($0)" })
    #expect(pack.rules.allSatisfy { $0.severity == .should })
    #expect(pack.rules[0].sources.count == 2)
    guard case .corpus(let corpus, let path, let line, let quote, _) = pack.rules[0].sources[1]
    else {
      Issue.record("expected a corpus source")
      return
    }
    #expect(corpus == "other-2.0" && path == "b: c.md" && line == 99 && quote == "x\"y")
  }

  @Test func skeletonMarksItselfAndEveryRuleAsACandidate() {
    let yaml = PackSkeleton.yaml(
      [candidate("Handlers must answer every request quickly.")], packID: "demo",
      corpus: nil)
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "# status: candidate")
    #expect(lines.contains("cplan: 1") && lines.contains("version: 0.1.0"))
    #expect(lines.contains { $0.hasPrefix("  # status: candidate · score 0.875 · cue 'must'") })
    #expect(!lines.contains { $0.hasPrefix("corpus:") })
    #expect(yaml.hasSuffix("\n") && !yaml.hasSuffix("\n\n"))
  }

  @Test func emptySkeletonStillDecodes() throws {
    let yaml = PackSkeleton.yaml([], packID: "empty-pack", corpus: "demo-1.0")
    #expect(yaml.contains("rules: []"))
    let set = try load(yaml)
    #expect(!set.diagnostics.hasErrors, "\(set.diagnostics)")
    #expect(set.packs.first?.rules.isEmpty == true)
  }

  @Test func minedCandidatesMakeALoadablePack() throws {
    let sections = [
      MiningFixtures.section(
        "A request body must be valid JSON. The router never strips the trailing slash "
          + "from paths. The session cookie cannot hold more than four kilobytes of data.")
    ]
    let candidates = MiningFixtures.mine(sections)
    #expect(candidates.count == 3)
    let set = try load(PackSkeleton.yaml(candidates, packID: "mined", corpus: "demo-1.0"))
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
    #expect(set.packs.first?.rules.count == 3)
  }

  @Test(arguments: [
    ("The router redirects a path without its trailing slash.", "routing"),
    ("Every query must name the database alias it uses.", "database"),
    ("A view must raise an exception for a missing item.", "errors"),
    ("Passwords must never be logged by the authentication layer.", "auth"),
    ("The session cookie must be marked secure.", "sessions"),
    ("Each migration must be applied with the migrate command.", "migrations"),
    ("An async handler must await every coroutine it starts.", "async"),
    ("Install every dependency listed in the requirements file.", "packaging"),
    ("Responses must encode their body as JSON with the serializer.", "serialization"),
    ("Read the request headers before the body is consumed.", "request"),
    ("The lifespan handler runs once at startup.", "startup"),
    ("Keep this value small and tidy for everyone.", "settings"),
  ])
  func topicIsGuessedFromTheWords(statement: String, topic: String) {
    #expect(TopicGuesser.topic(for: candidate(statement, headings: [])) == topic)
  }

  @Test func jsonFormListsEveryField() throws {
    let found = candidate(
      "Handlers must answer every request quickly.",
      alsoAt: [CandidateCitation(corpus: "demo-1.0", path: "docs/b.txt", line: 3, quote: "q")])
    let json = PackSkeleton.json([found], packID: "demo")
    #expect(json.count == 1)
    let text = try JSONOutput.string(json)
    for key in [
      "\"id\": \"demo-candidate-001\"", "\"statement\"", "\"corpus\": \"demo-1.0\"",
      "\"line\": 12", "\"quote\"", "\"headings\"", "\"cue\": \"must\"", "\"score\": 0.875",
      "\"topic\": \"request\"", "\"alsoAt\"", "\"path\": \"docs/b.txt\"",
    ] {
      #expect(text.contains(key), "missing \(key) in \(text)")
    }
  }

  @Test func simpleTokensStayPlainAndEverythingElseIsQuoted() {
    #expect(YAMLQuoting.scalar("demo-candidate-001") == "demo-candidate-001")
    #expect(YAMLQuoting.scalar("docs/ref/settings.txt") == "docs/ref/settings.txt")
    for text in ["yes", "No", "1.0", "-x", ".hidden", "a b", "a:b", "", "ünï"] {
      #expect(YAMLQuoting.scalar(text).hasPrefix("\""), "'\(text)' should be quoted")
    }
    #expect(YAMLQuoting.doubleQuoted("a\"b\\c\n\u{2028}") == #""a\"b\\c\n\u2028""#)
  }
}
