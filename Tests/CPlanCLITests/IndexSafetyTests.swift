import Foundation
import GRDB
import Testing

/// Reading commands never create or change an index; no command changes a database that is
/// not a cplan index.
@Suite struct IndexSafetyTests {
  private func foreignDatabase(_ path: String) throws -> Data {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT)")
      try db.execute(sql: "INSERT INTO users(name) VALUES ('ada')")
    }
    try queue.close()
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }

  @Test func aForeignDatabaseIsRefusedAndLeftUnchanged() throws {
    let scratch = try ScratchFolder()
    let app = scratch.child("app.db")
    let before = try foreignDatabase(app)
    let commands: [[String]] = [
      ["corpus", "search", "session", "--index", app],
      ["corpus", "index", "--index", app, "--corpora", scratch.path, "--quiet"],
      ["prompt", "Constraints/manifests/demo/bookmarks.yaml", "--variant", "fastapi-openapi-sqlite",
       "--arm", "rag", "--corpus-index", app],
    ]
    for command in commands {
      let result = try CLIRunner.run(command)
      #expect(result.status == 2, "\(command): \(result.stderr)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: app)) == before, "\(command)")
    }
    let search = try CLIRunner.run(["corpus", "search", "session", "--index", app])
    #expect(search.stderr.contains("is not a cplan corpus index; it is left untouched [index-foreign]"))
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
    #expect(names == ["app.db"], "no journal or WAL files beside it")
  }

  @Test func searchWithoutAnIndexCreatesNothing() throws {
    let scratch = try ScratchFolder()
    let missing = scratch.child("sub/index.sqlite")
    let result = try CLIRunner.run(["corpus", "search", "session", "--index", missing])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no index at") && result.stderr.contains("[index-missing]"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
  }
}
