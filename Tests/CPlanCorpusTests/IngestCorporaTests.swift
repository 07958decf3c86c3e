import Foundation
import Testing

@testable import CPlanCorpus

/// Runs over the real corpora in `../shared/corpora` when they are present.
@Suite(.enabled(if: IngestFixtures.corpora != nil, "../shared/corpora is absent"))
struct IngestCorporaTests {
  static var corpusNames: [String] {
    guard let corpora = IngestFixtures.corpora else { return [] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpora.path)) ?? []
    return names.filter { name in
      var isFolder: ObjCBool = false
      let path = corpora.appendingPathComponent(name).path
      return !name.hasPrefix(".")
        && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        && isFolder.boolValue
    }.sorted()
  }

  @Test func djangoAppendSlashSettingMentionsRedirect() throws {
    let corpora = try #require(IngestFixtures.corpora)
    let root = corpora.appendingPathComponent("django-5.2.19")
    let path = "docs/ref/settings.txt"
    let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    #expect(DocumentIngester.format(ofPath: path, contents: bytes) == .restructuredText)
    let sections = DocumentIngester.sections(
      of: bytes, path: path, corpus: "django-5.2", format: .restructuredText, includeRoot: root)
    let section = try #require(sections.first { $0.anchor == "setting-APPEND_SLASH" })
    #expect(section.headings.last == "APPEND_SLASH")
    #expect(section.text.contains("redirect"))
    #expect(section.code.isEmpty)
  }

  @Test func fastapiIncludesResolve() throws {
    let corpora = try #require(IngestFixtures.corpora)
    let sections = DocumentIngester.ingestFolder(
      corpora.appendingPathComponent("fastapi-0.141.1"), corpus: "fastapi")
    let included = sections.flatMap(\.code).filter { $0.includedFrom != nil }
    #expect(included.contains { !$0.text.isEmpty && $0.includedFrom!.hasPrefix("docs_src/") })
    #expect(included.filter { !$0.text.isEmpty }.count > included.count / 2)
  }

  @Test(arguments: corpusNames)
  func everyFileIngestsWithinItsLines(_ name: String) throws {
    let root = try #require(IngestFixtures.corpora).appendingPathComponent(name)
    let paths = DocumentIngester.documentPaths(in: root)
    #expect(!paths.isEmpty)
    #expect(paths == paths.sorted())
    #expect(!paths.contains { $0.hasSuffix(".py") || $0.hasPrefix("LICENSE") })
    var total = 0
    for path in paths {
      let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
      let format = try #require(DocumentIngester.format(ofPath: path, contents: bytes))
      let sections = DocumentIngester.sections(
        of: bytes, path: path, corpus: name, format: format, includeRoot: root)
      IngestRobustnessTests.checkInvariants(
        sections, lineCount: IngestRobustnessTests.lineCount(bytes))
      #expect(sections.allSatisfy { $0.path == path && $0.corpus == name })
      total += sections.count
    }
    #expect(total > paths.count)
  }
}
