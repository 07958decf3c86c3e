import CPlanModel
import Foundation
import Testing

@testable import CPlanCorpus

/// A corpus folder of three small documents written by the test, and an index beside it.
private final class TempCorpus {
  let root: URL
  let entry: CorpusEntry

  init(exclude: [String] = []) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-index-\(UUID().uuidString)")
    entry = CorpusEntry(
      id: "notes-1.0", title: nil, folder: "notes", docs: "docs", includes: nil,
      exclude: exclude, pypi: nil, fetchDocs: nil, location: .start(of: "corpora.yaml"))
    try write("docs/routing.rst", """
      Routing
      =======

      .. _trailing:

      Trailing slashes
      ----------------

      A request for a path without its trailing slash is redirected by default.

      Converters
      ----------

      Path converters turn URL segments into typed arguments.
      """)
    try write("docs/database.md", """
      # Database

      ## Sessions {#sessions}

      Every request must open its own session and close it when the response is sent.
      """)
    try write("docs/releases/1.0.txt", "Release 1.0\n===========\n\nThe first release redirected everything.\n")
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var location: CorpusLocation { CorpusLocation(entry: entry, root: root) }
  var indexPath: String { root.appendingPathComponent("index.sqlite").path }

  func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent("notes").appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func remove(_ path: String) throws {
    try FileManager.default.removeItem(at: root.appendingPathComponent("notes/\(path)"))
  }
}

@Suite struct IndexTests {
  @Test func indexesThenSkipsAnUnchangedCorpus() throws {
    let corpus = try TempCorpus()
    let index = try CorpusIndex(path: corpus.indexPath)
    let first = try #require(try index.update([corpus.location]).first)
    #expect(first.files == 3 && first.changed == 3 && !first.unchanged)
    #expect(first.sections >= 5)
    let second = try #require(try index.update([corpus.location]).first)
    #expect(second.unchanged && second.changed == 0 && second.sections == first.sections)
  }

  @Test func reingestsOnlyChangedFilesAndDropsRemovedOnes() throws {
    let corpus = try TempCorpus()
    let index = try CorpusIndex(path: corpus.indexPath)
    _ = try index.update([corpus.location])
    try corpus.write("docs/database.md", "# Database\n\n## Pools\n\nA pool keeps five connections open by default.\n")
    try corpus.remove("docs/releases/1.0.txt")
    let report = try #require(try index.update([corpus.location]).first)
    #expect(report.changed == 1 && report.removed == 1 && report.files == 2)
    #expect(try index.search("session response").isEmpty)
    #expect(try index.search("pool connections").first?.path == "docs/database.md")
    #expect(try index.search("first release").isEmpty)
    let reopened = try CorpusIndex(path: corpus.indexPath)
    #expect(try reopened.corpora().first?.files == 2)
  }

  @Test func searchRanksAndCitesSections() throws {
    let corpus = try TempCorpus()
    let index = try CorpusIndex(path: corpus.indexPath)
    _ = try index.update([corpus.location])
    let hit = try #require(try index.search("redirected trailing slash").first)
    #expect(hit.path == "docs/routing.rst")
    #expect(hit.headings == ["Routing", "Trailing slashes"])
    #expect(hit.anchor == "trailing")
    #expect(hit.line == 6)
    #expect(hit.snippet.contains("[redirected]"))
    #expect(hit.citation == "notes-1.0:docs/routing.rst:6")
    // Porter stemming: 'redirects' finds 'redirected'; operators in the query are words.
    #expect(try !index.search("redirects AND OR NOT \"").isEmpty)
    #expect(try index.search("   ").isEmpty)
    let sections = try index.sections(matching: "session", corpus: "notes-1.0", limit: 5)
    let section = try #require(sections.first?.section)
    #expect(section.paragraphs.first?.line == 5)
    #expect(section.paragraphs.first?.text.hasPrefix("Every request must open") == true)
  }

  @Test func excludedPathsStayOut() throws {
    let corpus = try TempCorpus(exclude: ["docs/releases/**"])
    let index = try CorpusIndex(path: corpus.indexPath)
    let report = try #require(try index.update([corpus.location]).first)
    #expect(report.files == 2)
  }

  @Test func matchQueryQuotesEveryWord() {
    #expect(CorpusIndex.matchQuery("csrf-token header") == "\"csrf\" \"token\" \"header\"")
    #expect(CorpusIndex.matchQuery("a b", any: true) == "\"a\" OR \"b\"")
    #expect(CorpusIndex.matchQuery("!!") == nil)
  }

  @Test func anotherSchemaIsRefused() throws {
    let corpus = try TempCorpus()
    let index = try CorpusIndex(path: corpus.indexPath)
    try index.write { db in try db.execute(sql: "UPDATE meta SET value = '0' WHERE key = 'schema'") }
    #expect(throws: CorpusIndexError.self) { try CorpusIndex(path: corpus.indexPath) }
  }
}
