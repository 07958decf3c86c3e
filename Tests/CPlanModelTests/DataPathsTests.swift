import Foundation
import Testing

@testable import CPlanModel

@Suite struct DataPathsTests {
  private let constraints = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Constraints")

  @Test func theShippedDataMatchesConstraints() throws {
    var expected: [String] = []
    for folder in ["packs", "schema"] {
      for name in try FileManager.default.contentsOfDirectory(
        atPath: constraints.appendingPathComponent(folder).path)
      where name.hasSuffix(".yaml") || name.hasSuffix(".json") {
        expected.append("\(folder)/\(name)")
      }
    }
    expected.append("corpora.yaml")
    #expect(Set(EmbeddedFiles.all.keys) == Set(expected))
    for name in expected {
      let text = try String(contentsOf: constraints.appendingPathComponent(name), encoding: .utf8)
      #expect(
        EmbeddedFiles.all[name] == text,
        "\(name) differs from EmbeddedFiles.swift; run Scripts/embed-data.py")
    }
  }

  @Test func theShippedDataExtractsOnceAndLoadsClean() throws {
    let root = try DataPaths.shippedRoot()
    #expect(try DataPaths.shippedRoot() == root)
    #expect(FileManager.default.fileExists(atPath: root + "/.complete"))
    let set = ConstraintLoader().load(paths: [root + "/packs"])
    #expect(!set.diagnostics.hasErrors)
    #expect(set.packs.count == EmbeddedFiles.all.keys.filter { $0.hasPrefix("packs/") }.count)
  }

  @Test func precedenceIsPathThenProjectThenShipped() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-datapaths-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let mine = scratch.appendingPathComponent("mine/packs")
    try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
    try "cplan: 1\nid: django\n".write(
      to: mine.appendingPathComponent("django.yaml"), atomically: true, encoding: .utf8)
    let environment = ["CPLAN_PATH": scratch.appendingPathComponent("mine").path]
    let folders = DataPaths.packFolders(environment: environment)
    #expect(folders.first == mine.path)
    #expect(folders.last == (try DataPaths.shippedRoot()) + "/packs")
    let files = DataPaths.packFiles(environment: environment)
    // The CPLAN_PATH copy of django.yaml replaces the shipped one; the others stay.
    #expect(files.filter { $0.hasSuffix("/django.yaml") } == [mine.appendingPathComponent("django.yaml").path])
    #expect(files.contains { $0.hasSuffix("/fastapi.yaml") })
    #expect(DataPaths.projectRoot(from: scratch.path) == nil)
  }
}
