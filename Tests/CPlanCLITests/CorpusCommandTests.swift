import Foundation
import Testing

private let fixtures = CLIRunner.repository.appendingPathComponent(
  "Tests/CPlanCLITests/Fixtures/corpus")

/// The fixture corpus indexed into a scratch index.
private func indexed() throws -> (ScratchFolder, [String]) {
  let scratch = try ScratchFolder()
  let options = [
    "--corpora", fixtures.path, "--registry", fixtures.appendingPathComponent("corpora.yaml").path,
    "--index", scratch.child("index.sqlite"),
  ]
  let result = try CLIRunner.run(["corpus", "index"] + options)
  #expect(result.status == 0, "\(result.stderr)")
  return (scratch, options)
}

@Suite struct CorpusCommandTests {
  @Test func indexThenReindexIsUnchanged() throws {
    let (scratch, options) = try indexed()
    let again = try CLIRunner.run(["corpus", "index", "--format", "json"] + options)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
    let corpora = try #require(object["corpora"] as? [[String: Any]])
    #expect(corpora.first?["unchanged"] as? Bool == true)
    #expect(corpora.first?["files"] as? Int == 2)
    _ = scratch
  }

  @Test func searchPrintsCitationsAndSnippets() throws {
    let (scratch, options) = try indexed()
    defer { _ = scratch }
    let result = try CLIRunner.run(["corpus", "search", "trailing slash redirect"] + options)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("1. notes-1.0:docs/routing.rst:6  Routing > Trailing slashes"))
    #expect(result.stdout.contains("[redirected]"))
    let json = try CLIRunner.run(["corpus", "search", "session pool", "--format", "json"] + options)
    let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(hits.first?["path"] as? String == "docs/database.md")
  }

  @Test func twoIndexersAndAReaderAllFinish() throws {
    let (scratch, options) = try indexed()
    defer { _ = scratch }
    let commands: [[String]] = [
      ["corpus", "index"] + options, ["corpus", "index"] + options,
      ["corpus", "search", "trailing slash"] + options,
    ]
    // Started together, they run at once; each must finish with success.
    let processes = try commands.map { arguments -> Process in
      let process = Process()
      process.executableURL = CLIRunner.binary
      process.arguments = arguments
      process.currentDirectoryURL = CLIRunner.repository
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      return process
    }
    for process in processes { process.waitUntilExit() }
    #expect(processes.map(\.terminationStatus) == [0, 0, 0])
    let after = try CLIRunner.run(["corpus", "search", "trailing slash"] + options)
    #expect(after.stdout.contains("docs/routing.rst"))
  }

  @Test func aCorpusIdNotInTheIndexIsAnErrorWithASuggestion() throws {
    let (scratch, options) = try indexed()
    defer { _ = scratch }
    let result = try CLIRunner.run(
      ["corpus", "search", "trailing slash", "--corpus", "notes-1.1"] + options)
    #expect(result.status == 2)
    #expect(result.stderr.contains("no corpus 'notes-1.1' in the index; did you mean 'notes-1.0'?"))
  }

  @Test func mineGivesACitedPackSkeleton() throws {
    let (scratch, options) = try indexed()
    let result = try CLIRunner.run(
      ["corpus", "mine", "--corpus", "notes-1.0", "--query", "schema session slash"] + options)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("cplan: 1"))
    #expect(result.stdout.contains("path: docs/database.md"))
    #expect(!result.stdout.contains("create_engine"))  // code is never mined
    let skeleton = scratch.child("skeleton.yaml")
    try result.stdout.write(toFile: skeleton, atomically: true, encoding: .utf8)
    let validate = try CLIRunner.run(["validate", skeleton])
    #expect(validate.status == 0, "\(validate.stderr)")
  }

  @Test func citeCheckPassesAndFindsAMovedQuote() throws {
    let (scratch, options) = try indexed()
    let pack = fixtures.appendingPathComponent("pack.yaml").path
    let ok = try CLIRunner.run(["corpus", "cite-check", pack] + options)
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stderr.contains("[cite-unchecked-url]") || ok.stdout.contains("unchecked"))
    let moved = scratch.child("moved.yaml")
    let text = try String(contentsOfFile: pack, encoding: .utf8)
      .replacingOccurrences(of: "line: 9,", with: "line: 20,")
    try text.write(toFile: moved, atomically: true, encoding: .utf8)
    let report = try CLIRunner.run(["corpus", "cite-check", moved] + options)
    #expect(report.stderr.contains("[cite-moved]"))
    let fixed = try CLIRunner.run(["corpus", "cite-check", moved, "--fix"] + options)
    #expect(fixed.status == 0, "\(fixed.stderr)")
    #expect(try String(contentsOfFile: moved, encoding: .utf8) == String(contentsOfFile: pack, encoding: .utf8))
  }

  @Test func unknownCorpusAndMissingRootAreInputErrors() throws {
    let (scratch, options) = try indexed()
    defer { _ = scratch }
    let unknown = try CLIRunner.run(["corpus", "index", "notes-2.0"] + options)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean 'notes-1.0'?"))
    let noRoot = try CLIRunner.run(
      ["corpus", "index", "--registry", fixtures.appendingPathComponent("corpora.yaml").path])
    #expect(noRoot.status == 2 || ProcessInfo.processInfo.environment["CPLAN_CORPORA"] != nil)
  }

  @Test func ragArmRendersCitedExcerpts() throws {
    let (scratch, options) = try indexed()
    let manifest = scratch.child("notes.yaml")
    let demo = try String(
      contentsOf: CLIRunner.repository.appendingPathComponent("Constraints/manifests/demo/bookmarks.yaml"),
      encoding: .utf8)
    var text = demo.replacingOccurrences(
      of: "corpora: [fastapi-0.141, starlette-1.10, sqlalchemy-2.0]", with: "corpora: [notes-1.0]")
    text = text.replacingOccurrences(of: "spec: openapi.yaml", with: "spec: "
      + CLIRunner.repository.appendingPathComponent("Constraints/manifests/demo/openapi.yaml").path)
    try text.write(toFile: manifest, atomically: true, encoding: .utf8)
    let index = options[options.firstIndex(of: "--index")! + 1]
    let packs = CLIRunner.repository.appendingPathComponent("Constraints/packs").path
    let rag = try CLIRunner.run([
      "prompt", manifest, "--variant", "fastapi-openapi-sqlite", "--arm", "planned+rag",
      "--corpus-index", index, "--packs", packs,
    ])
    #expect(rag.status == 0, "\(rag.stderr)")
    #expect(rag.stdout.contains("## Explicit Constraints"))
    #expect(rag.stdout.contains("## Reference Excerpts"))
    #expect(rag.stdout.contains("Source: notes-1.0:docs/database.md:3"))
    let missing = try CLIRunner.run([
      "prompt", manifest, "--variant", "fastapi-openapi-sqlite", "--arm", "rag",
      "--corpus-index", scratch.child("none.sqlite"), "--packs", packs,
    ])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("needs an indexed corpus"))
  }
}
