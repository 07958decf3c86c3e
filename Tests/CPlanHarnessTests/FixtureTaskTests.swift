import CPlanModel
import Foundation
import Testing

@testable import CPlanHarness

/// Hand-made tasks: escapes, non-ASCII, "prompt" where it must not be touched, bad input.
struct FixtureTaskTests {
  /// Each `Fixtures/*.json` against the `json.dumps` output in `Fixtures/replaced/`.
  @Test(
    "replacing the prompt writes what json.dumps writes",
    arguments: [
      "generation-escapes.json", "generation-non-ascii.json", "feature-nested-prompt.json",
      "missing-anchor.json",
    ])
  func replacedLikePython(file: String) throws {
    let task = try Fixture.load(file)
    #expect(task.replacingPrompt(with: task.prompt) == task.data)
    #expect(task.replacingPrompt(with: Fixture.tricky) == (try Fixture.data("replaced/\(file)")))
  }

  @Test("escapes in an ASCII file are decoded and written back as \\u escapes")
  func asciiEscapes() throws {
    let task = try Fixture.load("generation-escapes.json")
    #expect(task.isASCII)
    #expect(task.prompt.hasPrefix("Say \"hello\" to C:\\path and café 😀\ttab \u{01} a/b\n\n"))
    #expect(
      task.target
        == TaskTarget(
          framework: "flask", runtime: .python, spec: "openapi", constraints: ["sqlite"],
          kind: .generation))
    let output = try task.augmented(with: "## Plan\n\n- naïve → ok")
    let text = String(decoding: output, as: UTF8.self)
    #expect(output.allSatisfy { $0 < 0x80 })
    #expect(text.contains(#"## Plan\n\n- na\u00efve \u2192 ok\n\n## Mandatory Files"#))
    #expect(try HarnessTask(data: output, path: "x").prompt.contains("naïve → ok"))
  }

  @Test("a file with raw UTF-8 keeps writing raw UTF-8")
  func nonASCII() throws {
    let task = try Fixture.load("generation-non-ascii.json")
    #expect(!task.isASCII)
    #expect(task.prompt.hasPrefix("Café — 日本語 😀 \u{2028} \"q\"\n\n"))
    #expect(task.target.constraints == ["clean_architecture", "postgres", "sequelize"])
    #expect(task.target.runtime == .node && task.target.level == 3)
    let output = try task.augmented(with: "## Plan\n\n- naïve → ok")
    let text = String(decoding: output, as: UTF8.self)
    #expect(text.contains(#"## Plan\n\n- naïve → ok\n\n## Mandatory Files"#))
  }

  @Test("\"prompt\" inside other strings and nested objects is left alone")
  func nestedPrompt() throws {
    let task = try Fixture.load("feature-nested-prompt.json")
    #expect(task.prompt == "Complete the repository by adding the missing \"prompt\" feature")
    #expect(task.description == #"Has "prompt": "fake" inside, and \"prompt\""#)
    #expect(
      task.keys == [
        "name", "description", "taskMetadata", "patch", "prompt", "dockerFolder", "repoMetadata",
      ])
    #expect(
      task.target
        == TaskTarget(
          framework: "hono", runtime: .node, spec: nil, constraints: [], kind: .feature))
    let output = task.replacingPrompt(with: "new")
    let before = try foundationObject(task.data)
    let after = try foundationObject(output)
    #expect(after["prompt"] as? String == "new")
    #expect(try canonical(before, without: ["prompt"]) == canonical(after, without: ["prompt"]))
    let text = String(decoding: output, as: UTF8.self)
    #expect(text.contains(#""prompt": "nested prompt""#))
    #expect(text.contains(#"{'prompt': 'in a python repr'}"#))
  }

  @Test("a missing anchor is an error that lists the prompt's headings of its level")
  func missingAnchor() throws {
    let task = try Fixture.load("missing-anchor.json")
    let expected = HarnessError.anchorNotFound(
      "## Mandatory Files", file: "missing-anchor.json",
      headings: ["## Requirements", "## Server Configuration"])
    #expect(throws: expected) { try task.augmented(with: "## Plan") }
    #expect(
      expected.description
        == "missing-anchor.json: heading '## Mandatory Files' not found in the prompt; its '##' "
        + "headings are '## Requirements', '## Server Configuration'")
    #expect(
      throws: HarnessError.anchorNotFound(
        "#### Nope", file: "missing-anchor.json", headings: [])
    ) {
      try task.augmented(with: "## Plan", placement: .beforeHeading("#### Nope"))
    }
    let other = try task.insertingSection("### Plan", placement: .beforeHeading("### Details"))
    #expect(other.contains("- Use django.\n\n\n### Plan\n\n### Details\n"))
  }

  /// Malformed files and the exact error each gives.
  static let malformed: [(String, HarnessError)] = {
    func at(_ file: String, _ line: Int, _ column: Int, _ reason: String) -> (String, HarnessError)
    {
      (file, .notJSON(file: "malformed/\(file)", line: line, column: column, reason: reason))
    }
    func file(_ name: String, _ error: (String) -> HarnessError) -> (String, HarnessError) {
      (name, error("malformed/\(name)"))
    }
    return [
      at("truncated.json", 3, 15, "unterminated string"),
      at("trailing-comma.json", 5, 1, "unexpected '}', expected a key string"),
      at("byte-order-mark.json", 1, 1, "the file starts with a UTF-8 byte order mark"),
      at("invalid-utf8.json", 3, 19, "invalid UTF-8"),
      at("raw-newline-in-string.json", 3, 24, "control character 0x0A in a string"),
      at("lone-surrogate.json", 3, 18, "lone surrogate '\\ud83d' in a string"),
      file("top-level-array.json") { .notAnObject(file: $0, found: "an array") },
      file("missing-prompt.json") { .missingKey("prompt", file: $0) },
      file("prompt-not-string.json") {
        .notAString("prompt", file: $0, found: "a number", line: 3, column: 15)
      },
      file("name-null.json") { .notAString("name", file: $0, found: "null", line: 2, column: 13) },
      file("unknown-docker-folder.json") { .unknownDockerFolder("python", file: $0) },
      file("duplicate-escaped-key.json") { .duplicateKey("prompt", file: $0, line: 4, column: 5) },
      file("name-two-parts.json") {
        .unparseableName(
          "django-openapi", file: $0,
          reason: "expected '{framework}-{spec}-{constraints}', found 2 part(s)")
      },
    ]
  }()

  @Test("malformed input gives a precise error", arguments: malformed)
  func malformedInput(file: String, expected: HarnessError) throws {
    #expect(throws: expected) { try Fixture.load("malformed/\(file)") }
    #expect(expected.description.hasPrefix("malformed/\(file)"))
  }

  @Test("an unreadable file names its path")
  func unreadable() {
    #expect {
      try HarnessTask.read(URL(fileURLWithPath: "/nonexistent/task.json"))
    } throws: { error in
      guard case HarnessError.unreadable(let file, _) = error else { return false }
      return file == "/nonexistent/task.json"
    }
  }
}

/// Messages: the file first, lower-case, no trailing period; diagnostics carry the position.
struct HarnessErrorTests {
  static let errors: [HarnessError] = [
    .unreadable(file: "f.json", reason: "no such file"),
    .notJSON(file: "f.json", line: 2, column: 3, reason: "unterminated string"),
    .notAnObject(file: "f.json", found: "an array"),
    .duplicateKey("prompt", file: "f.json"),
    .missingKey("prompt", file: "f.json"),
    .notAString("name", file: "f.json", found: "null"),
    .unknownDockerFolder("python", file: "f.json"),
    .unparseableName("django", file: "f.json", reason: "found 1 part(s)"),
    .invalidAnchor("Files", file: "f.json"),
    .anchorNotFound("## Mandatory Files", file: "f.json", headings: []),
    .ambiguousAnchor("## A", file: "f.json", count: 2),
    .emptySection(file: "f.json"),
    .outsideInputRoot(file: "f.json", root: "/tasks"),
  ]

  @Test("every message names the file and follows the style", arguments: errors)
  func style(error: HarnessError) {
    #expect(error.description.hasPrefix("f.json:"))
    #expect(error.message.first(where: \.isLetter)?.isLowercase == true)
    #expect(!error.message.hasSuffix("."))
    #expect(error.file == "f.json")
    #expect(error.diagnostic.code == error.code && error.diagnostic.message == error.message)
  }

  @Test("messages quote values")
  func wording() {
    #expect(
      HarnessError.unknownDockerFolder("python", file: "f.json").description
        == "f.json: unknown dockerFolder 'python'; expected 'uv', 'node' or a framework: aiohttp, "
        + "django, express, fastapi, fastify, flask, hono, honojs, koa")
    #expect(
      HarnessError.notJSON(file: "f.json", line: 2, column: 3, reason: "unterminated string")
        .description == "f.json:2:3: not valid JSON: unterminated string")
    #expect(
      HarnessError.anchorNotFound("## Mandatory Files", file: "f.json", headings: []).description
        == "f.json: heading '## Mandatory Files' not found in the prompt; the prompt has no '##' "
        + "headings")
    let diagnostic = HarnessError.notJSON(file: "f.json", line: 2, column: 3, reason: "x")
      .diagnostic
    #expect(diagnostic.location == .init(file: "f.json", line: 2, column: 3))
  }
}
