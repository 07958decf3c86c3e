import Foundation

/// A temporary folder removed when the test ends.
final class ScratchFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  var path: String { url.path }

  func child(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Every regular file below `folder`, relative path → bytes.
  static func tree(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
    for case let relative as String in walker {
      var isFolder: ObjCBool = false
      let full = (folder as NSString).appendingPathComponent(relative)
      FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
      if !isFolder.boolValue { files[relative] = try Data(contentsOf: URL(fileURLWithPath: full)) }
    }
    return files
  }
}

/// ../shared/reference/constraint-decay, when present.
let referenceTasks = CLIRunner.repository.deletingLastPathComponent()
  .appendingPathComponent("shared/reference/constraint-decay/tasks")
let referencePresent = FileManager.default.fileExists(atPath: referenceTasks.path)
