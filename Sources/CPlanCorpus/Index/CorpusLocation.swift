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

  /// The documentation files of the corpus, sorted, as (path relative to the corpus folder,
  /// format).
  public func documents() -> [(path: String, format: DocumentFormat)] {
    let base = folder.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: docs.path) else { return [] }
    var files: [(String, DocumentFormat)] = []
    for case let relative as String in walker {
      let parts = relative.split(separator: "/")
      if parts.contains(where: { $0.hasPrefix(".") || $0.hasPrefix("_") }) { continue }
      guard let format = DocumentIngester.format(ofPath: relative) else { continue }
      let full = docs.appendingPathComponent(relative).path
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder),
        !isFolder.boolValue
      else { continue }
      files.append((String(full.dropFirst(base.count + 1)), format))
    }
    return files.sorted { $0.0 < $1.0 }
  }
}
