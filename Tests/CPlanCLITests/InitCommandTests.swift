import Foundation
import Testing

/// `cplan init` on real projects, run from an empty folder elsewhere.
@Suite struct InitCommandTests {
  static let apps = CLIRunner.repository.deletingLastPathComponent()
    .appendingPathComponent("shared/realworld-apps")
  static var appsPresent: Bool { FileManager.default.fileExists(atPath: apps.path) }

  @Test(
    .enabled(if: InitCommandTests.appsPresent, "../shared/realworld-apps is absent"),
    arguments: [
      ("flask-realworld-example-app", "flask", "flask-openapi-postgres-sqlalchemy"),
      ("fastapi-realworld-example-app", "fastapi", "fastapi-openapi-clean_architecture-postgres"),
      (
        "realworld-back-python-aiohttp", "aiohttp",
        "aiohttp-openapi-clean_architecture-postgres-sqlalchemy"
      ),
      ("Conduit_NodeJS", "express", "express-openapi-postgres-sequelize"),
      ("realword-express-sequelize", "express", "express-openapi-unconstrained"),
      ("fastify-realworld-example-app", "fastify", "fastify-openapi-clean_architecture-sqlite"),
      ("realworld-honojs", "hono", "hono-openapi-sqlite"),
    ])
  func initWritesAManifestThatValidatesAndNamesTheStack(
    _ app: String, _ framework: String, _ variant: String
  ) throws {
    let scratch = try ScratchFolder()
    let out = scratch.url.appendingPathComponent("\(app).yaml").path
    let result = try CLIRunner.run(
      ["init", Self.apps.appendingPathComponent(app).path, "--out", out], in: scratch.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("--variant \(variant)"), "\(result.stdout)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text.hasPrefix("# yaml-language-server: $schema="))
    #expect(text.contains("\nframework: \(framework)\n"))
    #expect(text.contains("# This project's variant: \(variant)\n"))
    let validate = try CLIRunner.run(["validate", out], in: scratch.url)
    #expect(validate.status == 0, "\(validate.stderr)")
    let plan = try CLIRunner.run(["variants", out], in: scratch.url)
    #expect(plan.stdout.contains(variant))
    // A second run refuses to replace it without --force; a file cplan did not write, always.
    #expect(try CLIRunner.run(["init", Self.apps.appendingPathComponent(app).path, "--out", out], in: scratch.url).status == 2)
    let foreign = scratch.url.appendingPathComponent("mine.yaml")
    try "keep me\n".write(to: foreign, atomically: true, encoding: .utf8)
    let refused = try CLIRunner.run(
      ["init", Self.apps.appendingPathComponent(app).path, "--out", foreign.path, "--force"],
      in: scratch.url)
    #expect(refused.status == 2)
    #expect(try String(contentsOf: foreign, encoding: .utf8) == "keep me\n")
  }

  @Test func flagsChooseWhatCannotBeDetectedAndTyposGetSuggestions() throws {
    let scratch = try ScratchFolder()
    let result = try CLIRunner.run(
      ["init", scratch.url.path, "--framework", "fastapy", "--dry-run"], in: scratch.url)
    #expect(result.status == 2)
    #expect(result.stderr.contains("did you mean 'fastapi'?"))
    let empty = try CLIRunner.run(["init", scratch.url.path, "--dry-run"], in: scratch.url)
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("pass --framework"))
    let chosen = try CLIRunner.run(
      [
        "init", scratch.url.path, "--framework", "fastapi", "--database", "sqlite", "--orm",
        "sqlalchemy", "--dry-run",
      ], in: scratch.url)
    #expect(chosen.status == 0)
    #expect(chosen.stdout.contains("# This project's variant: fastapi-openapi-sqlite-sqlalchemy"))
    #expect(chosen.stdout.contains("packs: [fastapi, sqlalchemy, sqlite]"))
  }
}
