import CPlanCore
import CPlanModel
import Foundation

@testable import CPlanVerify

/// Fixture and neighbour paths, found from this source file.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  /// The repository: three folders up from this file.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared/reference/constraint-decay/tasks`, when present.
  static var referenceTasks: URL? {
    let url = repository.deletingLastPathComponent()
      .appendingPathComponent("shared/reference/constraint-decay/tasks")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  static var referencePresent: Bool { referenceTasks != nil }

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  static func data(_ relative: String) throws -> Data {
    try Data(contentsOf: root.appendingPathComponent(relative))
  }

  /// A fixture patch parsed into a workspace.
  static func patch(_ name: String, reverse: Bool = false) throws -> Workspace {
    try Workspace.patch(at: path("patches/\(name)"), reverse: reverse)
  }

  /// Verifies a fixture patch against a task name, with optional packs.
  static func verify(_ name: String, as task: String, packs: [RulePack] = []) throws
    -> VerificationReport
  {
    let target = try VerificationTarget.named(task).selecting(packs)
    return Verifier(target: target).verify(try patch(name))
  }

  /// The fixture packs.
  static func packs() -> [RulePack] {
    ConstraintLoader().load(paths: [path("packs")]).packs
  }
}

/// A temporary folder removed when the value goes away.
final class Scratch {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-verify-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var path: String { root.path }

  @discardableResult
  func write(_ relative: String, _ data: Data) throws -> String {
    let url = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
    return url.path
  }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    try write(relative, Data(text.utf8))
  }

  /// Copies a fixture folder into the scratch folder.
  func copy(_ fixture: String, to relative: String) throws -> String {
    let target = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent(fixture), to: target)
    return target.path
  }
}

extension VerificationReport {
  /// `path:line rule` of every finding at a level, for compact expectations.
  func places(_ severity: Severity = .error) -> [String] {
    findings.filter { $0.severity == severity }.map {
      "\($0.path ?? "-"):\($0.line.map(String.init) ?? "-") \($0.ruleID)"
    }
  }
}

extension Fixtures {
  /// `../shared/realworld-apps`, when present.
  static var realworldApps: URL? {
    let url = repository.deletingLastPathComponent().appendingPathComponent("shared/realworld-apps")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  static var realworldAppsPresent: Bool { realworldApps != nil }
}
