import Testing

@testable import CPlanCorpus

@Suite struct MiningMinerTests {
  @Test func codeBlocksAreNeverMined() {
    let section = MiningFixtures.section(
      [Paragraph(line: 3, text: "This paragraph describes the example below in plain words.")],
      code: [
        CodeBlock(
          language: "python",
          text: "# The handler must not block. It should always return.\nreturn None", line: 5)
      ])
    #expect(MiningFixtures.mine([section]).isEmpty)
  }

  @Test func lineNumbersCountLineBreaksInsideTheParagraph() {
    let text = """
      The first sentence has no cue at all, it only\ntalks. The handler must
      return a response to every request it gets. Then the router always
      logs the request path and its status. And
      the client should retry on a timeout, with a delay.
      """
    let found = MiningFixtures.mine([MiningFixtures.section(text, line: 20)])
    let lines = Dictionary(uniqueKeysWithValues: found.map { ($0.cue, $0.line) })
    #expect(lines == ["must": 21, "always": 22, "should": 23])
    let must = found.first { $0.cue == "must" }
    #expect(must?.quote == "The handler must\nreturn a response to every request it gets.")
    #expect(must?.statement == "The handler must return a response to every request it gets.")
  }

  @Test func abbreviationsEllipsesAndBackticksDoNotEndASentence() {
    let text =
      "Use a store, e.g. Redis or a database, that must survive restarts. "
      + "Pick a backend, i.e. The one you trust, that must stay up. "
      + "Wait for it... The client should then retry the same call. "
      + "Name the module `app. Settings` which must exist before startup."
    let found = MiningFixtures.mine([MiningFixtures.section(text)])
    #expect(found.count == 4)
    #expect(found.contains { $0.statement.hasPrefix("Use a store, e.g. Redis") })
    #expect(found.contains { $0.statement.hasPrefix("Pick a backend, i.e. The one") })
    #expect(found.contains { $0.statement.hasPrefix("Wait for it... The client") })
    #expect(found.contains { $0.statement.hasPrefix("Name the module `app. Settings`") })
  }

  @Test func sentencesEndAtPunctuationBeforeACapitalOrAQuote() {
    let text =
      "Is the body parsed twice? The parser must read it only once. "
      + "It works! \"Handlers\" should never read the raw stream again."
    let found = MiningFixtures.mine([MiningFixtures.section(text)])
    #expect(
      found.map(\.statement).sorted() == [
        "\"Handlers\" should never read the raw stream again.",
        "The parser must read it only once.",
      ])
  }

  @Test func nearDuplicatesMergeIntoTheBestScoredOne() throws {
    let found = MiningFixtures.mine([
      MiningFixtures.section(
        "The session cookie must be marked secure in production.", path: "docs/a.txt"),
      MiningFixtures.section(
        "The session cookie must be marked secure in production deployments.", line: 40,
        path: "docs/b.txt"),
      MiningFixtures.section(
        "Note that the session cookie must be marked secure in production.", line: 7,
        path: "docs/c.txt"),
      MiningFixtures.section(
        "A request body must be valid JSON for the parser.", path: "docs/d.txt"),
    ])
    #expect(found.count == 2)
    let kept = try #require(found.first { $0.path == "docs/a.txt" })
    #expect(kept.alsoAt.map(\.path).sorted() == ["docs/b.txt", "docs/c.txt"])
    #expect(kept.alsoAt.first { $0.path == "docs/b.txt" }?.line == 40)
  }

  @Test func duplicatesPastTheLimitStillMerge() {
    let sections = [
      MiningFixtures.section("The session cookie must be marked secure in production."),
      MiningFixtures.section(
        "The session cookie must be marked secure in every production deployment.",
        path: "docs/z.txt"),
    ]
    let found = MiningFixtures.mine(sections, limit: 1)
    #expect(found.count == 1 && found[0].alsoAt.map(\.path) == ["docs/z.txt"])
  }

  @Test func relevanceRanksCandidatesAndZeroSkipsASection() {
    let sections = [
      MiningFixtures.section("Handlers must answer every request quickly.", path: "docs/low.txt"),
      MiningFixtures.section("Routers should match every path exactly.", path: "docs/high.txt"),
      MiningFixtures.section("Views must never block the event loop.", path: "docs/off.txt"),
    ]
    let relevance: (CorpusSection) -> Double = {
      ["docs/low.txt": 0.2, "docs/high.txt": 0.9, "docs/off.txt": 0][$0.path] ?? 0
    }
    let found = ConventionMiner().candidates(from: sections, relevance: relevance, limit: 10)
    #expect(found.map(\.path) == ["docs/high.txt", "docs/low.txt"])
    #expect(found[0].score > found[1].score)
    #expect(abs(found[0].score - 0.9 * 0.5 * (1 + 0.1 * 54 / 54)) < 1e-6)
    let top = ConventionMiner().candidates(from: sections, relevance: relevance, limit: 1)
    #expect(top.map(\.path) == ["docs/high.txt"])
    #expect(ConventionMiner().candidates(from: sections, relevance: relevance, limit: 0).isEmpty)
  }

  @Test func strongerCuesAndShorterSentencesScoreHigher() {
    let found = MiningFixtures.mine([
      MiningFixtures.section("Handlers should answer every request quickly.", path: "docs/a.txt"),
      MiningFixtures.section("Handlers must answer every request quickly.", path: "docs/b.txt"),
      MiningFixtures.section(
        "Handlers must answer every single incoming request very quickly indeed.",
        path: "docs/c.txt"),
    ])
    #expect(found.map(\.path) == ["docs/b.txt", "docs/c.txt", "docs/a.txt"])
  }

  @Test func outputIsDeterministicWhateverTheSectionOrder() {
    var sections: [CorpusSection] = []
    for index in 0..<12 {
      sections.append(
        MiningFixtures.section(
          "Handler \(index) must answer request \(index) before the timeout.",
          line: 5 + index % 3, path: "docs/f\(index % 4).txt", corpus: "c\(index % 2)"))
    }
    let first = MiningFixtures.mine(sections)
    #expect(first.count == 12)
    for seed in 0..<5 {
      var shuffled = sections
      shuffled.sort { ($0.text.hashValue ^ seed) < ($1.text.hashValue ^ seed) }
      #expect(MiningFixtures.mine(shuffled.reversed()) == first)
    }
    #expect(first.map(\.corpus) == first.map(\.corpus).sorted())
    let keys = first.map { "\($0.corpus) \($0.path) \($0.line)" }
    #expect(keys == keys.sorted())
  }

  @Test func sentenceIntroducingAListScoresHalf() {
    let found = MiningFixtures.mine([
      MiningFixtures.section(
        "Every handler must define the following methods:", path: "docs/a.txt"),
      MiningFixtures.section("Every handler must define the method get.", path: "docs/b.txt"),
    ])
    #expect(found.map(\.path) == ["docs/b.txt", "docs/a.txt"])
    #expect(abs(found[1].score * 2 - found[0].score) < 1e-5)
  }
}
