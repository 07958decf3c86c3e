import Testing

@testable import CPlanHarness

/// `HarnessTask.insert(_:into:placement:file:)` on small prompts.
struct PromptInsertionTests {
  let prompt = "intro\n\n## A\n\ntext\n\n\n## Mandatory Files\n\n1. x\n\n"

  @Test("before a heading: prefix + section + blank line + rest")
  func beforeHeading() throws {
    let result = try HarnessTask.insert("## Plan\n\n- a\n\n\n", into: prompt, placement: .standard)
    #expect(result == "intro\n\n## A\n\ntext\n\n\n## Plan\n\n- a\n\n## Mandatory Files\n\n1. x\n\n")
    #expect(HarnessTask.Placement.beforeHeading() == .standard)
    #expect(HarnessTask.Placement.standard == .beforeHeading(HarnessTask.Placement.defaultHeading))
  }

  @Test("a heading on the first line, or with trailing spaces or CRLF, is matched")
  func headingPositions() throws {
    let first = try HarnessTask.insert("S", into: "## H\nbody", placement: .beforeHeading("## H"))
    #expect(first == "S\n\n## H\nbody")
    let spaced = try HarnessTask.insert(
      "S", into: "a\r\n## H  \r\nb", placement: .beforeHeading("  ## H "))
    #expect(spaced == "a\r\nS\n\n## H  \r\nb")
    let last = try HarnessTask.insert("S", into: "a\n## H", placement: .beforeHeading("## H"))
    #expect(last == "a\nS\n\n## H")
  }

  @Test("only a whole line holding the heading matches")
  func wholeLine() {
    for text in [
      "## Mandatory Files extra\n", " ## Mandatory Files\n", "x ## Mandatory Files\n",
      "### Mandatory Files\n", "## mandatory files\n", "See ## Mandatory Files.\n",
    ] {
      #expect(throws: HarnessError.self) {
        try HarnessTask.insert("S", into: text, placement: .standard)
      }
    }
  }

  @Test("the error lists the headings of the anchor's level")
  func headingsListed() {
    let text = "# Title\n## One\n### Sub\n## Two\n##NotAHeading\n##\n"
    #expect(
      throws: HarnessError.anchorNotFound(
        "## Mandatory Files", file: "t.json", headings: ["## One", "## Two"])
    ) {
      try HarnessTask.insert("S", into: text, placement: .standard, file: "t.json")
    }
  }

  @Test("a heading on two lines is ambiguous")
  func ambiguous() {
    let text = "## Mandatory Files\nx\n## Mandatory Files\n"
    #expect(throws: HarnessError.ambiguousAnchor("## Mandatory Files", file: "<prompt>", count: 2))
    {
      try HarnessTask.insert("S", into: text, placement: .standard)
    }
  }

  @Test(
    "an anchor must be a markdown heading",
    arguments: [
      "Mandatory Files", "##Mandatory", "####### Seven", "## ", "",
    ])
  func invalidAnchor(anchor: String) {
    #expect(throws: HarnessError.invalidAnchor(anchor, file: "<prompt>")) {
      try HarnessTask.insert("S", into: prompt, placement: .beforeHeading(anchor))
    }
  }

  @Test("an empty or blank section is an error", arguments: ["", "\n\n", "  \n\t\n"])
  func emptySection(section: String) {
    #expect(throws: HarnessError.emptySection(file: "<prompt>")) {
      try HarnessTask.insert(section, into: prompt, placement: .standard)
    }
  }

  @Test("a section loses leading blank lines and trailing whitespace, not its indentation")
  func trimming() {
    #expect(HarnessTask.trimmedSection("\n \n  - a\n  - b  \n\n") == "  - a\n  - b")
    #expect(HarnessTask.trimmedSection("x") == "x")
  }

  @Test(
    "append leaves exactly one blank line before the section and ends with a newline",
    arguments: [
      ("p", "p\n\nS\n"), ("p\n", "p\n\nS\n"), ("p\n\n", "p\n\nS\n"), ("p\n\n\n", "p\n\n\nS\n"),
      ("p\r\n", "p\r\n\nS\n"), ("", "S\n"),
    ])
  func append(prompt: String, expected: String) throws {
    let result = try HarnessTask.insert("\nS\n\n", into: prompt, placement: .append)
    #expect(result == expected)
    #expect(result.hasPrefix(prompt))
  }
}
