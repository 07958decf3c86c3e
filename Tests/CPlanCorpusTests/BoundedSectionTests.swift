import Foundation
import Testing

@testable import CPlanCorpus

/// Huge sections are cut before indexing: FTS5's snippet is quadratic in the hits of one row.
@Suite struct BoundedSectionTests {
  @Test func aOneLineDocumentIsCutIntoBoundedSectionsThatKeepEveryWord() throws {
    let words = (0..<60_000).map { ["session", "pool", "redirect", "slash"][$0 % 4] }
    let text = "# Huge\n\n" + words.joined(separator: " ") + "\n"
    let sections = DocumentIngester.sections(
      of: Array(text.utf8), path: "docs/huge.md", corpus: "c", format: .markdown,
      includeRoot: nil)
    #expect(sections.count > 3)
    for section in sections {
      let size = section.paragraphs.reduce(0) { $0 + $1.text.utf8.count }
      #expect(size <= CorpusSection.maxIndexedBytes)
      #expect(section.headings == ["Huge"])
      #expect(section.paragraphs.allSatisfy { $0.line == 3 })
    }
    let joined = sections.flatMap(\.paragraphs).map(\.text).joined()
    #expect(joined.split(separator: " ").count == words.count)
  }

  @Test func sectionsOfTheShippedSizeAreLeftWhole() {
    let paragraphs = (0..<50).map { Paragraph(line: 10 + $0 * 2, text: String(repeating: "word ", count: 200)) }
    let section = CorpusSection(
      corpus: "c", path: "p.md", headings: ["A"], anchor: "a", startLine: 9, endLine: 120,
      paragraphs: paragraphs, code: [])
    #expect(section.bounded() == [section])
    let parts = section.bounded(maxBytes: 10_000)
    #expect(parts.count == 5)  // 50 paragraphs of 1,000 bytes, ten to a part
    #expect(parts.first?.startLine == 9 && parts.last?.endLine == 120)
    for (left, right) in zip(parts, parts.dropFirst()) {
      #expect(left.endLine == right.startLine - 1)
      #expect(right.anchor == "a")
    }
    #expect(parts.flatMap(\.paragraphs) == paragraphs)
  }
}
