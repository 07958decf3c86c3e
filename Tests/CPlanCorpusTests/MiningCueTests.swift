import Testing

@testable import CPlanCorpus

@Suite struct MiningCueTests {
  static let cued: [(String, String)] = [
    ("A handler must return a response object to its caller.", "must"),
    ("A handler must not write to the socket directly.", "must not"),
    ("A secret key is required for signed session cookies.", "required"),
    ("The signed cookie engine requires a secret key.", "requires"),
    ("By default the router matches every path exactly.", "by default"),
    ("The default is an empty list of allowed origins.", "default is"),
    ("The timeout defaults to thirty seconds for each request.", "defaults to"),
    ("The framework automatically closes the connection after the response.", "automatically"),
    ("Each handler implicitly runs inside one database transaction.", "implicitly"),
    ("The cache is consulted only if a backend is configured.", "only if"),
    ("Requests are rejected unless they carry a valid token.", "unless"),
    ("The body parser raises ValueError for malformed input.", "raises"),
    ("The item view returns 404 when the item does not exist.", "returns 4xx/5xx"),
    ("The item view returns a 422 for a body that fails validation.", "returns 4xx/5xx"),
    ("An unknown method gets the HTTP status code 405 from the router.", "http status 4xx/5xx"),
    ("A missing token ends in an HTTP 401 for the client.", "http status 4xx/5xx"),
    ("The positional signature is deprecated and goes away next year.", "deprecated"),
    ("Streaming uploads are not supported by the test client.", "not supported"),
    ("Handlers should validate the body before saving anything.", "should"),
    ("The router never strips the trailing slash from paths.", "never"),
    ("Responses always carry a content length header from the server.", "always"),
    ("A session cookie cannot hold more than four kilobytes.", "cannot"),
    ("Any extra keys in the settings module will be ignored.", "will be ignored"),
  ]

  @Test(arguments: cued)
  func sentenceWithACueIsACandidate(sentence: String, cue: String) throws {
    let found = MiningFixtures.mine([MiningFixtures.section(sentence)])
    let candidate = try #require(found.first, "no candidate for '\(sentence)'")
    #expect(found.count == 1)
    #expect(candidate.cue == cue)
    #expect(candidate.statement == sentence && candidate.quote == sentence)
  }

  @Test(arguments: [
    "The router reads the path and then calls the handler.",
    "The list view returns 200 with every item on the page.",
    "Mustard and mustache are not cues at all here.",
    "Defaulting values by hand is a common pattern in views.",
    "The handler's status code ends up in the access log file.",
    "Mustnot is not a word and neither is shouldbe here.",
  ])
  func sentenceWithoutACueIsNotACandidate(sentence: String) {
    #expect(MiningFixtures.mine([MiningFixtures.section(sentence)]).isEmpty)
  }

  @Test func strongestCueWinsAndCuesMatchWholeWordsCaseInsensitively() throws {
    let found = MiningFixtures.mine([
      MiningFixtures.section("You SHOULD know that the handler MUST answer every request.")
    ])
    #expect(found.first?.cue == "must")
  }

  @Test func sentencesOutsideTheWordLimitsAreDropped() {
    let short = "Handlers must answer quickly."
    let long =
      "Handlers must answer " + Array(repeating: "very", count: 60).joined(separator: " ")
      + " quickly."
    let six = "Handlers must answer every request quickly."
    let found = MiningFixtures.mine([MiningFixtures.section("\(short) \(long) \(six)")])
    #expect(found.map(\.statement) == [six])
  }
}
