import Foundation

@testable import CPlanSpec

/// Paths of the fixtures and of the reference material beside the repository.
enum Paths {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// A fixture's path.
  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  /// ../shared/reference/constraint-decay/openapi.yml, when present.
  static var conduit: String? {
    let url = repository.deletingLastPathComponent()
      .appendingPathComponent("shared/reference/constraint-decay/openapi.yml")
    return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
  }
}

extension SpecDigest {
  /// The operation with this method and spec path.
  func operation(_ method: HTTPMethod, _ path: String) -> OperationDigest? {
    operations.first { $0.method == method && $0.path == path }
  }
}
