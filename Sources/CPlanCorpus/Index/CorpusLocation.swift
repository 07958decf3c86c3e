import CPlanModel
import Foundation

/// Where a registered corpus is on disk, under the corpora root.
public struct CorpusLocation: Sendable {
  /// The registry entry.
  public let entry: CorpusEntry
  /// The corpora root.
  public let root: URL

  /// Creates a location.
  public init(entry: CorpusEntry, root: URL) {
    self.entry = entry
    self.root = root
  }

  /// The corpus folder; citations are relative to it.
  public var folder: URL { root.appendingPathComponent(entry.folder) }
  /// The folder that is indexed.
  public var docs: URL { folder.appendingPathComponent(entry.docs).standardizedFileURL }
  /// The folder include markers resolve from.
  public var includes: URL? { entry.includes.map { folder.appendingPathComponent($0) } }
  /// Whether the corpus is present.
  public var exists: Bool { FileManager.default.fileExists(atPath: docs.path) }

  /// Whether a path (relative to the corpus folder) matches an `exclude` glob: `*` within a
  /// segment, `**` across segments.
  func excluded(_ path: String) -> Bool {
    entry.exclude.contains { pattern in
      if pattern.hasSuffix("/**") { return path.hasPrefix(String(pattern.dropLast(2))) }
      return pattern == path
    }
  }

  /// The documentation files of the corpus, sorted, as (path relative to the corpus folder,
  /// format by extension), leaving out `exclude` matches.
  public func documents() -> [(path: String, format: DocumentFormat)] {
    let prefix = entry.docs == "." ? "" : entry.docs + "/"
    return DocumentIngester.documentPaths(in: docs).compactMap { relative in
      let path = prefix + relative
      guard !excluded(path), let format = DocumentIngester.format(ofPath: relative) else {
        return nil
      }
      return (path, format)
    }
  }
}
