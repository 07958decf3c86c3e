import Foundation

@testable import CPlanHarness

/// Folders of the tests, found from this source file.
enum Paths {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let fixtures = tests.appendingPathComponent("Fixtures")
  /// The repository root: three folders up from this file.
  static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()
}

/// The paper's 100 reference tasks in ../shared, when present.
enum Reference {
  /// `../shared/reference/constraint-decay/tasks`, when it exists.
  static let tasks: URL? = {
    let url = Paths.repository.deletingLastPathComponent()
      .appendingPathComponent("shared/reference/constraint-decay/tasks")
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
    return exists && isFolder.boolValue ? url : nil
  }()

  /// Whether the reference tasks are present (tests skip cleanly when not).
  static var isAvailable: Bool { tasks != nil }

  /// Every task file as `folder/file.json`, sorted.
  static let files: [String] = {
    guard let tasks else { return [] }
    let manager = FileManager.default
    let folders = (try? manager.contentsOfDirectory(atPath: tasks.path)) ?? []
    return folders.flatMap { folder in
      let entries =
        (try? manager.contentsOfDirectory(
          atPath: tasks.appendingPathComponent(folder).path)) ?? []
      return entries.filter { $0.hasSuffix(".json") }.map { "\(folder)/\($0)" }
    }.sorted()
  }()

  /// The generation tasks (`uv/`, `node/`).
  static let generationFiles = files.filter { $0.hasPrefix("uv/") || $0.hasPrefix("node/") }
  /// The feature-implementation tasks.
  static let featureFiles = files.filter { !generationFiles.contains($0) }

  /// The URL of a reference file.
  static func url(_ relative: String) -> URL { tasks!.appendingPathComponent(relative) }

  /// Reads a reference task, named by its relative path in messages.
  static func load(_ relative: String) throws -> HarnessTask {
    try HarnessTask.read(url(relative), displayPath: relative)
  }
}

/// Fixture files and shared values.
enum Fixture {
  /// The prompt that `make_fixtures.py` writes into `Fixtures/replaced/`.
  static let tricky =
    "tricky \"quote\" \\ back/slash\n\r\t\u{08}\u{0C}\u{00}\u{1F}\u{7F} é € 😀 \u{2028} end"

  /// The bytes of a fixture.
  static func data(_ relative: String) throws -> Data {
    try Data(contentsOf: Paths.fixtures.appendingPathComponent(relative))
  }

  /// Reads a fixture task, named by its relative path in messages.
  static func load(_ relative: String) throws -> HarnessTask {
    try HarnessTask.read(Paths.fixtures.appendingPathComponent(relative), displayPath: relative)
  }
}

/// A JSON object parsed by Foundation, for independent comparisons.
func foundationObject(_ data: Data) throws -> [String: Any] {
  let object = try JSONSerialization.jsonObject(with: data, options: [])
  guard let dictionary = object as? [String: Any] else {
    throw HarnessError.notAnObject(file: "<data>", found: "\(type(of: object))")
  }
  return dictionary
}

/// A canonical serialization of a Foundation object without some keys, for equality checks.
func canonical(_ object: [String: Any], without keys: Set<String>) throws -> Data {
  try JSONSerialization.data(
    withJSONObject: object.filter { !keys.contains($0.key) }, options: [.sortedKeys])
}

/// The section the reference insertion tests add: quotes, backslashes, non-ASCII, a tab, and
/// blank lines at both ends that insertion trims.
let sampleSection = """


  ## Explicit Constraints

  - Use "double quotes" and C:\\paths → café 😀
  - A\ttab and a/slash


  """
