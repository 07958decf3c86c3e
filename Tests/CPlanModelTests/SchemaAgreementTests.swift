import CPlanCore
import CPlanYAML
import Foundation
import Testing

@testable import CPlanModel

/// Runs Constraints/schema/validate.py (Python's jsonschema) over JSON renderings of YAML files.
enum SchemaChecker {
  static let script = Paths.constraints.appendingPathComponent("schema/validate.py").path

  static let available: Bool = {
    (try? run(["-c", "import jsonschema"]))?.status == 0
  }()

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Whether each JSON file is valid against the schema, by path.
  static func validity(schema: String, files: [String]) throws -> [String: Bool] {
    guard !files.isEmpty else { return [:] }
    let schemaPath = Paths.constraints.appendingPathComponent("schema/\(schema)").path
    let result = try run([script, schemaPath] + files)
    var verdicts: [String: Bool] = [:]
    for line in result.output.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      if let file = object?["file"] as? String, let valid = object?["valid"] as? Bool {
        verdicts[file] = valid
      }
    }
    return verdicts
  }
}

@Suite struct SchemaAgreementTests {
  /// Codes a JSON Schema can express; other errors need more than one file or than structure.
  static let structural: Set<String> = [
    "unknown-key", "missing-key", "wrong-type", "invalid-value", "unsupported-version",
  ]

  private func inputs() throws -> [String] {
    let malformed = Paths.fixtures.appendingPathComponent("malformed").path
    let shipped = Paths.constraints.appendingPathComponent("manifests").path
    return ConstraintLoader.expand(malformed) + ConstraintLoader.expand(shipped)
      + ConstraintLoader.expand(Paths.fixtures.appendingPathComponent("valid").path)
      + ConstraintLoader.expand(Paths.constraints.appendingPathComponent("packs").path)
  }

  @Test(.enabled(if: SchemaChecker.available, "python3 with jsonschema is not installed"))
  func schemasAgreeWithTheDecoder() throws {
    let scratch = try Scratch()
    var expectations: [(kind: FileKind, json: String, file: String, valid: Bool)] = []
    for (index, file) in try inputs().enumerated() {
      let loaded = YAMLLoader.load(path: file)
      guard let root = loaded.root, let kind = FileKind.classify(root),
        kind == .manifest || kind == .pack
      else { continue }
      let diagnostics = ConstraintLoader.read(file, limits: .standard).diagnostics
      let errors = Set(diagnostics.filter { $0.severity == .error }.map(\.code))
      let structural = errors.intersection(Self.structural)
      if structural.isEmpty, !errors.isEmpty { continue }  // not a structural problem
      let json = try scratch.write(
        "\(index).json", String(decoding: try JSONSerialization.data(
          withJSONObject: root.jsonValue, options: [.sortedKeys]), as: UTF8.self))
      expectations.append((kind, json, file, structural.isEmpty))
    }
    #expect(expectations.count >= 40)
    #expect(expectations.contains { $0.valid } && expectations.contains { !$0.valid })
    for (kind, schema) in [(FileKind.manifest, "manifest.schema.json"), (.pack, "pack.schema.json")] {
      let group = expectations.filter { $0.kind == kind }
      let verdicts = try SchemaChecker.validity(schema: schema, files: group.map(\.json))
      for item in group {
        #expect(
          verdicts[item.json] == item.valid,
          "\(item.file): decoder says \(item.valid ? "valid" : "invalid"), schema disagrees")
      }
    }
  }
}
