import Foundation
import Testing

@testable import CPlanCorpus

/// Locations and helpers shared by the ingest test suites.
enum IngestFixtures {
  /// `Tests/CPlanCorpusTests/Fixtures/ingest`.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/ingest")

  /// `../shared/corpora` next to the repository, when present.
  static let corpora: URL? = {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let url = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
      && isFolder.boolValue ? url : nil
  }()

  /// The bytes of a fixture file.
  static func bytes(_ path: String) throws -> [UInt8] {
    let url = root.appendingPathComponent(path)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
    }
    return [UInt8](data)
  }

  /// The sections of a fixture file, read in the format its name and contents give.
  static func sections(_ path: String) throws -> [CorpusSection] {
    let bytes = try bytes(path)
    let format = try #require(DocumentIngester.format(ofPath: path, contents: bytes))
    return DocumentIngester.sections(
      of: bytes, path: path, corpus: "fixture", format: format, includeRoot: root)
  }

  /// Sections of in-memory text.
  static func sections(
    _ text: String, format: DocumentFormat, path: String = "doc", includeRoot: URL? = nil
  ) -> [CorpusSection] {
    DocumentIngester.sections(
      of: Array(text.utf8), path: path, corpus: "memory", format: format,
      includeRoot: includeRoot)
  }
}

/// A compact, comparable view of a section for exact assertions.
struct SectionSummary: Equatable, CustomStringConvertible {
  var headings: [String]
  var anchor: String?
  var lines: ClosedRange<Int>

  init(_ headings: [String], _ anchor: String?, _ lines: ClosedRange<Int>) {
    self.headings = headings
    self.anchor = anchor
    self.lines = lines
  }

  init(_ section: CorpusSection) {
    self.init(section.headings, section.anchor, section.startLine...section.endLine)
  }

  var description: String {
    "\(headings.joined(separator: " > ")) #\(anchor ?? "-") \(lines)"
  }
}
