import Foundation
import Testing

@testable import CPlanCorpus

@Suite struct IngestHTMLAndTextTests {
  @Test func htmlHeadingsParagraphsAndCode() throws {
    let sections = try IngestFixtures.sections("page.html")
    #expect(
      sections.map(SectionSummary.init) == [
        SectionSummary([], nil, 1...8),
        SectionSummary(["Spice Rack"], "rack", 9...12),
        SectionSummary(["Spice Rack", "Labels <new>"], "labels", 13...18),
      ])
    #expect(sections[0].paragraphs == [Paragraph(line: 8, text: "Welcome & enjoy the rack.")])
    #expect(
      sections[1].paragraphs == [Paragraph(line: 10, text: "Sort jars by colour,\nthen by name.")])
    #expect(sections[1].code.isEmpty)
    #expect(sections[2].paragraphs == [Paragraph(line: 16, text: "Done \u{2014} enjoy.")])
    #expect(
      sections[2].code == [
        CodeBlock(language: "python", text: "rack.sort(key=\"name\")", line: 14)
      ])
  }

  @Test func htmlNumericEntitiesAndUnclosedTags() {
    let text = "<h3>A &#x41; &#66;</h3>\n<p>left <b>open\n<pre>x &lt; y"
    let sections = IngestFixtures.sections(text, format: .html)
    #expect(sections.map(\.headings) == [["A A B"]])
    #expect(sections[0].paragraphs == [Paragraph(line: 2, text: "left open")])
    #expect(sections[0].code == [CodeBlock(language: nil, text: "x < y", line: 3)])
  }

  @Test func plainTextIsOneSectionNamedAfterTheFile() throws {
    #expect(
      DocumentIngester.format(ofPath: "notes.txt", contents: try IngestFixtures.bytes("notes.txt"))
        == .text)
    let sections = try IngestFixtures.sections("notes.txt")
    #expect(sections.map(SectionSummary.init) == [SectionSummary(["notes.txt"], nil, 1...5)])
    #expect(
      sections[0].paragraphs == [
        Paragraph(line: 1, text: "Shopping list for the week.\nEggs, milk and bread."),
        Paragraph(line: 5, text: "Remember the coupons."),
      ])
    #expect(sections[0].code.isEmpty)
  }
}
