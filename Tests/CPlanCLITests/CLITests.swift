import Foundation
import Testing

@Suite struct ValidateCommandTests {
  @Test func shippedConstraintsValidateClean() throws {
    let result = try CLIRunner.run(["validate", "Constraints"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("ok: 9 manifests"))
  }

  @Test func errorsGoToStderrWithPositionAndCodeAndExitOne() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = scratch.appendingPathComponent("bad.yaml")
    try """
      cplan: 1
      id: bad
      framework: flask
      runtime: python
      instruction: x
      spec: spec.yaml
      server: {port: 8080}
      dimensions: []
      databse: {}

      """.write(to: file, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["validate", file.path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "\(file.path):9:1: error: unknown key 'databse' in manifest; did you mean 'databases'? [unknown-key]"
      ))
    #expect(result.stdout.hasPrefix("failed:"))

    let json = try CLIRunner.run(["validate", file.path, "--format", "json"])
    #expect(json.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    let unknown = try #require(diagnostics.first { $0["code"] as? String == "unknown-key" })
    #expect(unknown["line"] as? Int == 9 && unknown["column"] as? Int == 1)
    #expect(unknown["suggestion"] as? String == "did you mean 'databases'?")
    #expect(object["ok"] as? Bool == false)

    let strict = try CLIRunner.run(["validate", file.path.replacingOccurrences(of: "bad", with: "none")])
    #expect(strict.status == 2)
  }

  @Test func warningsFailOnlyWithStrict() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = scratch.appendingPathComponent("m.yaml")
    try """
      cplan: 1
      id: nospec
      framework: flask
      runtime: python
      instruction: x
      spec: missing.yaml
      server: {port: 8080}
      dimensions: []

      """.write(to: file, atomically: true, encoding: .utf8)
    #expect(try CLIRunner.run(["validate", file.path]).status == 0)
    let strict = try CLIRunner.run(["validate", "--strict", file.path])
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("warning: spec 'missing.yaml' not found"))
  }

  @Test func usageErrorsExitTwo() throws {
    let missing = try CLIRunner.run(["validate"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("Missing expected argument"))
    let badFormat = try CLIRunner.run(["validate", "Constraints", "--format", "xml"])
    #expect(badFormat.status == 2)
  }

  @Test func helpCarriesExamples() throws {
    let help = try CLIRunner.run(["validate", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("Examples:"))
    #expect(help.stdout.contains("cplan validate Constraints"))
  }
}

@Suite struct VariantsCommandTests {
  @Test func demoTableListsTenVariants() throws {
    let result = try CLIRunner.run(["variants", "Constraints/manifests/demo/bookmarks.yaml"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("demo-bookmarks") == true)
    #expect(lines.count == 12)
    #expect(lines[2].hasPrefix("0") && lines[2].contains("fastapi-openapi-unconstrained"))
  }

  @Test func jsonListsConduitVariantsWithLevels() throws {
    let result = try CLIRunner.run(
      ["variants", "Constraints/manifests/conduit", "--format", "json", "--level", "3"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let manifests = try #require(object["manifests"] as? [[String: Any]])
    #expect(manifests.count == 8)
    let names = manifests.flatMap { ($0["variants"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
    #expect(names.count == 16)
    #expect(names.contains("koa-openapi-clean_architecture-sqlite-sequelize"))
  }

  @Test func outputIsDeterministic() throws {
    let first = try CLIRunner.run(["variants", "Constraints/manifests", "--format", "json"])
    let second = try CLIRunner.run(["variants", "Constraints/manifests", "--format", "json"])
    #expect(first.stdout == second.stdout && !first.stdout.isEmpty)
  }

  @Test func aFileThatIsNotAManifestIsAnInputError() throws {
    let result = try CLIRunner.run(["variants", "Constraints/manifests/demo/openapi.yaml"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no manifest"))
  }
}
