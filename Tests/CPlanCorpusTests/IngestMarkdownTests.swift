import Foundation
import Testing

@testable import CPlanCorpus

@Suite struct IngestMarkdownTests {
  @Test func headingsAnchorsAndLineRanges() throws {
    let sections = try IngestFixtures.sections("docs/guide.md")
    #expect(
      sections.map(SectionSummary.init) == [
        SectionSummary([], nil, 1...6),
        SectionSummary(["Pantry Basics"], "pantry", 8...10),
        SectionSummary(["Pantry Basics", "Storing Flour"], "storing-flour", 12...30),
        SectionSummary(["Pantry Basics", "Rotating Stock"], "rotating-stock", 32...43),
      ])
  }

  @Test func proseIsPlainWords() throws {
    let sections = try IngestFixtures.sections("docs/guide.md")
    #expect(
      sections[0].paragraphs == [
        Paragraph(line: 6, text: "Intro text before any heading, with a link and code.")
      ])
    #expect(
      sections[1].paragraphs == [
        Paragraph(line: 10, text: "Stock dry goods and spices in a jar icon jars.")
      ])
    #expect(
      sections[2].paragraphs == [
        Paragraph(line: 19, text: "Keep it cool"),
        Paragraph(line: 21, text: "Flour lasts longer in a fridge."),
        Paragraph(line: 29, text: "Heavy bags"),
        Paragraph(line: 30, text: "Lift with your legs."),
      ])
    #expect(sections[3].paragraphs == [Paragraph(line: 34, text: "Text before an indented block:")])
  }

  @Test func fencesIncludesAndIndentedCode() throws {
    let sections = try IngestFixtures.sections("docs/guide.md")
    let included = try IngestFixtures.bytes("docs_src/pantry/bins.py")
    #expect(
      sections[2].code == [
        CodeBlock(language: "python", text: "# not a heading\nflour = Bin(\"flour\")", line: 15),
        CodeBlock(
          language: "python", text: String(decoding: included, as: UTF8.self), line: 25,
          includedFrom: "docs_src/pantry/bins.py"),
        CodeBlock(
          language: "python", text: "", line: 27,
          includedFrom: "../../docs_src/pantry/missing.py"),
      ])
    #expect(
      sections[3].code == [
        CodeBlock(language: nil, text: "first_in = first_out()", line: 36),
        CodeBlock(language: "shell", text: "$ pantry rotate", line: 39),
        CodeBlock(language: "sql", text: "SELECT * FROM shelves;", line: 43),
      ])
  }

  @Test func includesResolveNextToTheFileFirst() {
    let resolver = IncludeResolver(root: nil, documentPath: "docs/tutorial/body.md")
    #expect(
      resolver.candidates("../../docs_src/body/tutorial001_py310.py") == [
        "docs_src/body/tutorial001_py310.py"
      ])
    let top = IncludeResolver(root: nil, documentPath: "docs/index.md")
    #expect(top.candidates("../../docs_src/app.py") == ["docs_src/app.py"])
    #expect(top.candidates("./snippets/a.py") == ["docs/snippets/a.py", "snippets/a.py"])
    let marker = Array("{!> ../../docs_src/x.js!}".utf8)
    #expect(IncludeResolver.target(marker, 0, marker.count) == "../../docs_src/x.js")
    let unresolved = IngestFixtures.sections(
      "# A\n\n{* ../src/a_py310.py ln[1:5] hl[2] *}\n", format: .markdown)
    #expect(
      unresolved[0].code == [
        CodeBlock(language: "python", text: "", line: 3, includedFrom: "../src/a_py310.py")
      ])
  }

  @Test func slugsAndExplicitIDs() {
    let text = """
      # Hello, World! {#greeting}
      ## What's `new` in *2.0*?
      ### Tom & Jerry -- the  sequel ###
      #NotAHeading
      """
    let sections = IngestFixtures.sections(text, format: .markdown)
    #expect(sections.map(\.anchor) == ["greeting", "whats-new-in-20", "tom-jerry-the-sequel"])
    #expect(
      sections.map(\.headings.last) == [
        "Hello, World!", "What's new in 2.0?", "Tom & Jerry -- the sequel",
      ])
    #expect(sections[2].paragraphs == [Paragraph(line: 4, text: "#NotAHeading")])
  }

  @Test func headingMarkersInsideFencesAreCode() {
    let text = """
      # Real

      ```bash
      # comment, not a heading
      ```

      ~~~~
      ## also code
      ~~~~
      """
    let sections = IngestFixtures.sections(text, format: .markdown)
    #expect(sections.count == 1)
    #expect(sections[0].code.map(\.text) == ["# comment, not a heading", "## also code"])
    #expect(sections[0].code.map(\.language) == ["bash", nil])
  }

  @Test func listContinuationsAreProseNotCode() {
    let text = """
      # Steps

      1. Open the lid.

          Then look inside.

      - Close it.

              indented_code()
      """
    let section = IngestFixtures.sections(text, format: .markdown)[0]
    #expect(section.paragraphs.map(\.text) == ["Open the lid.", "Then look inside.", "Close it."])
    #expect(section.code.map(\.text) == ["indented_code()"])
  }

  @Test func htmlCommentsReferencesAndTabsAreSkipped() {
    let text = """
      # Page

      <!-- a hidden
      note -->
      [docs]: https://example.com
      *[API]: Application Programming Interface

      //// tab | Python 3.10+

      Shown text.

      ////

      === "First"

          Tab body.

      ::: package.module.Thing
          options:
            members: true
      """
    let section = IngestFixtures.sections(text, format: .markdown)[0]
    #expect(section.paragraphs.map(\.text) == ["Shown text.", "Tab body."])
    #expect(section.code.isEmpty)
  }
}
