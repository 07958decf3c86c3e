import Foundation
import Testing

@testable import CPlanCorpus

@Suite struct IngestMDXTests {
  static let document = """
    ---
    title: Routing
    ---

    import Alert from '@components/Alert.astro';
    import {
      Card,
      CardList,
    } from '@components/patterns';
    export const meta = { level: 2 };

    # Routing

    Important words stay prose.

    <Alert type="info" title={"A {braced} title"}>
    Routes match in the order they are added.
    </Alert>

    <Card
      title="Two lines"
    />

    ```js
    import express from 'express'
    <Router />
    ```

    Export your router from its own file.
    """

  @Test func mdxSkipsModuleStatementsAndComponentTags() {
    let sections = IngestFixtures.sections(Self.document, format: .markdown, path: "docs/routing.mdx")
    let routing = sections.first { $0.headings == ["Routing"] }
    #expect(routing != nil)
    let prose = sections.flatMap(\.paragraphs)
    #expect(
      prose.map(\.text) == [
        "Important words stay prose.", "Routes match in the order they are added.",
        "Export your router from its own file.",
      ])
    #expect(prose.map(\.line) == [14, 17, 29])
    // Code blocks keep what looks like MDX.
    let code = sections.flatMap(\.code).map(\.text)
    #expect(code == ["import express from 'express'\n<Router />"])
  }

  @Test func plainMarkdownKeepsTheSameLines() {
    let sections = IngestFixtures.sections(Self.document, format: .markdown, path: "docs/routing.md")
    let prose = sections.flatMap(\.paragraphs).map(\.text)
    #expect(prose.contains { $0.contains("import Alert") })
  }

  @Test(.enabled(if: IngestFixtures.corpora != nil, "../shared/corpora is absent"))
  func expressDocsHaveSectionsWithoutComponents() throws {
    let root = try #require(IngestFixtures.corpora).appendingPathComponent("express-5")
    let paths = DocumentIngester.documentPaths(in: root).filter { $0.hasSuffix(".mdx") }
    #expect(paths.count >= 20)
    var sections = 0
    for path in paths {
      let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
      let found = DocumentIngester.sections(
        of: bytes, path: path, corpus: "express-5", format: .markdown, includeRoot: root)
      sections += found.count
      for paragraph in found.flatMap(\.paragraphs) {
        #expect(!paragraph.text.hasPrefix("import "), "\(path):\(paragraph.line)")
        #expect(!paragraph.text.hasPrefix("<Alert"), "\(path):\(paragraph.line)")
      }
    }
    #expect(sections > paths.count)
  }
}
