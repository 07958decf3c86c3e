import CPlanCore
import Foundation

@testable import CPlanModel

/// Paths of the repository and its neighbours, found from this source file.
enum Paths {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let constraints = repository.appendingPathComponent("Constraints")
  /// ../shared/reference/constraint-decay, when present.
  static var reference: URL? {
    let url = repository.deletingLastPathComponent()
      .appendingPathComponent("shared/reference/constraint-decay")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }
}

/// A temporary folder of files written by a test, removed when the test ends.
final class Scratch {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    let url = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// Loads the given files (relative to the scratch folder) with cplan's loader.
  func load(_ relative: [String], packFolders: [String] = []) -> ConstraintSet {
    ConstraintLoader(packFolders: packFolders.map { root.appendingPathComponent($0).path })
      .load(paths: relative.map { root.appendingPathComponent($0).path })
  }
}

/// A minimal valid manifest, with `extra` appended at the end.
func manifestText(_ extra: String = "", framework: String = "flask", dimensions: String? = nil)
  -> String
{
  """
  cplan: 1
  id: test-\(framework)
  framework: \(framework)
  runtime: python
  instruction: Build the API.
  spec: spec.yaml
  server:
    port: 8080
    prefix: /api
  dimensions:
  \(dimensions ?? """
    - id: architecture
      values: [{id: clean, token: clean_architecture}]
    - id: database
      values: [sqlite, postgres]
    - id: orm
      values: [sqlalchemy]
  """)
  requires:
    - if: {orm: any}
      then: {database: any}

  """ + extra
}

/// A minimal valid pack with the given rules block.
func packText(id: String = "p", rules: String) -> String {
  """
  cplan: 1
  id: \(id)
  version: 1.0.0
  title: Test pack
  rules:
  \(rules)
  """
}

extension ConstraintSet {
  var codes: [String] { diagnostics.map(\.code) }
  func errors(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
}
