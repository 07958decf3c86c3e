import Foundation

/// Paths of the citation fixtures, found from this source file.
enum CiteFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/cite")
  /// The corpora root: one folder, `widgets-1.0.3`.
  static let corpora = folder.appendingPathComponent("corpus")
  /// Corpus id → folder.
  static let folders = ["widgets-1.0": "widgets-1.0.3"]

  /// ../shared/corpora beside the repository, when present.
  static var sharedCorpora: URL? {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("shared/corpora")
    return FileManager.default.fileExists(atPath: url.appendingPathComponent("django-5.2.19").path)
      ? url : nil
  }

  /// A fixture pack's path.
  static func pack(_ name: String) -> String {
    folder.appendingPathComponent("packs/\(name)").path
  }
}

/// A temporary folder removed when the test ends.
final class CiteScratch {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-cite-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Writes bytes to a file in the folder and returns its path.
  @discardableResult
  func write(_ name: String, _ data: Data) throws -> String {
    let url = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
    return url.path
  }

  /// Copies a fixture pack into the folder and returns the copy's path.
  func copy(pack name: String) throws -> String {
    try write(name, Data(contentsOf: URL(fileURLWithPath: CiteFixtures.pack(name))))
  }
}
