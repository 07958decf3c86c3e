import CPlanCore
import Foundation
import Testing

@testable import CPlanVerify

@Suite struct PatchParserTests {
  private func parse(_ name: String, reverse: Bool = false) throws -> Patch {
    Patch.parse(try Fixtures.data("malformed/\(name)"), reverse: reverse)
  }

  private func file(_ patch: Patch, _ path: String) -> PatchFile? {
    patch.files.first { $0.path == path }
  }

  @Test func addedLinesCarryNewFileLineNumbers() throws {
    let patch = Patch.parse(try Fixtures.data("patches/node-postgres-pg.patch"))
    #expect(patch.problems.isEmpty)
    let package = try #require(file(patch, "package.json"))
    #expect(package.status == .modified)
    #expect(package.addedLines.map(\.number) == [6])
    #expect(package.addedLines.first?.text == "    \"pg\": \"^8.11.5\",")
    #expect(file(patch, "src/db.js")?.addedLines.map(\.number) == [1, 2, 3, 4, 5, 6])
  }

  @Test func binaryHunksAreMarkedAndSkipped() throws {
    let patch = try parse("binary.patch")
    #expect(patch.problems.isEmpty)
    #expect(
      patch.files.map(\.path) == [
        "static/logo.png", "static/icon.ico", "app/main.py", "static/old.bin",
      ])
    #expect(patch.files.map(\.isBinary) == [true, true, false, true])
    #expect(patch.files.map(\.status) == [.added, .added, .added, .deleted])
    #expect(
      file(patch, "app/main.py")?.addedLines.map(\.text) == ["import sqlite3", "print(\"ok\")"])
    let workspace = Workspace(patch: patch, input: "binary.patch")
    #expect(workspace.files.map(\.path) == ["app/main.py"])
    #expect(workspace.paths == ["app/main.py", "static/icon.ico", "static/logo.png"])
  }

  @Test func renamesAndCopiesTakeTheirNewPath() throws {
    let patch = try parse("rename.patch")
    #expect(patch.problems.isEmpty)
    #expect(patch.files.map(\.status) == [.renamed, .renamed, .copied])
    #expect(
      patch.files.map(\.oldPath) == ["app/old_routes.py", "app/helpers.py", "app/models/user.py"])
    #expect(
      patch.files.map(\.newPath) == [
        "app/routes/users.py", "app/services/helpers.py", "app/models/user_copy.py",
      ])
    let routes = try #require(patch.files.first)
    #expect(routes.addedLines.map(\.number) == [2, 5])
    #expect(
      routes.addedLines.map(\.text) == ["from app.services.users import UserService", "# new"])
    #expect(patch.files[2].addedLines.map(\.number) == [3])
  }

  @Test func devNullSidesAndDashLinesInsideHunks() throws {
    let patch = try parse("devnull.patch")
    #expect(patch.problems.isEmpty)
    #expect(
      patch.files.map(\.path) == ["app/repositories/users.py", "app/legacy.sql", "app/after.py"])
    let added = try #require(patch.files.first)
    #expect(added.oldPath == nil && added.status == .added)
    #expect(
      added.addedLines.map(\.text) == [
        "-- not a header: an added line that starts with a dash", "+++ also an added line", "",
        "import psycopg2",
      ])
    let deleted = patch.files[1]
    #expect(deleted.newPath == nil && deleted.status == .deleted && deleted.addedLines.isEmpty)
    #expect(patch.files[2].addedLines.map(\.number) == [1])
    let workspace = Workspace(patch: patch, input: "devnull.patch")
    #expect(!workspace.paths.contains("app/legacy.sql"))
    #expect(!workspace.paths.contains("evil.py"))
  }

  @Test func reverseReadsRemovedLinesAsAdded() throws {
    let patch = try parse("devnull.patch", reverse: true)
    #expect(patch.files.map(\.status) == [.deleted, .added, .deleted])
    let restored = try #require(patch.files.first { $0.path == "app/legacy.sql" })
    #expect(restored.addedLines.map(\.number) == [1, 2, 3, 4])
    #expect(
      restored.addedLines[0].text
        == "-- a removed SQL comment: this line reads '--- a removed SQL comment'")
    #expect(restored.addedLines[2].text == "-- +++ b/evil.py")
  }

  @Test func modeChangesAndEmptyFiles() throws {
    let patch = try parse("mode-change.patch")
    #expect(patch.problems.isEmpty)
    #expect(patch.files.map(\.path) == ["run.sh", "start.sh", "empty.txt"])
    #expect(patch.files[0].oldMode == "100644" && patch.files[0].newMode == "100755")
    #expect(patch.files[0].status == .modified && patch.files[0].addedLines.isEmpty)
    #expect(patch.files[1].newMode == "100755" && patch.files[1].addedLines.count == 2)
    #expect(patch.files[2].status == .added && patch.files[2].addedLines.isEmpty)
    #expect(Workspace(patch: patch, input: "m").paths == ["empty.txt", "run.sh", "start.sh"])
  }

  @Test func truncatedAndMalformedHunksAreReportedNotFatal() throws {
    let patch = try parse("truncated.patch")
    #expect(patch.files.map(\.path) == ["a.py", "b.py", "c.py"])
    #expect(patch.files[0].addedLines.map(\.text) == ["line one", "line two", "line three"])
    #expect(patch.files[1].addedLines.map(\.number) == [1, 7, 8])
    #expect(patch.files[2].addedLines.map(\.number) == [2])
    let messages = patch.problems.map(\.message)
    #expect(messages.contains { $0.hasPrefix("hunk is shorter than its header says (7") })
    #expect(messages.contains { $0.hasPrefix("malformed hunk header '@@ this is not") })
    #expect(messages.last?.hasPrefix("the patch ends inside a hunk") == true)
    #expect(patch.problems.first?.line == 9)
  }

  @Test func garbageYieldsNoFiles() throws {
    let patch = try parse("garbage.patch")
    #expect(patch.files.isEmpty)
    #expect(patch.problems.map(\.message).contains("hunk outside any file; its lines are skipped"))
    let report = Verifier(target: try VerificationTarget.named("flask-openapi-unconstrained"))
      .verify(Workspace(patch: patch, input: "garbage.patch"))
    #expect(report.passed)
    #expect(report.findings.contains { $0.message == "the patch adds or changes no file" })
  }

  @Test func quotedAndSpacedPaths() throws {
    let patch = try parse("quoted-paths.patch")
    #expect(patch.problems.isEmpty)
    #expect(patch.files.map(\.path) == ["app/café.py", "docs/read me.txt"])
    #expect(patch.files[0].addedLines.map(\.text) == ["caf = \"\\303\\251\""])
  }

  @Test func noNewlineMarkersAndPlainDiffs() throws {
    let marker = try parse("no-newline.patch")
    #expect(marker.problems.isEmpty)
    #expect(marker.files.first?.addedLines.map(\.number) == [1])
    let plain = try parse("plain-diff.patch")
    #expect(plain.problems.isEmpty)
    #expect(plain.files.map(\.path) == ["new/app/db.py"])
    #expect(plain.files.first?.addedLines.map(\.number) == [2, 3])
  }

  @Test func crlfPatchesParseLikeLF() throws {
    for name in ["devnull.patch", "rename.patch", "binary.patch", "truncated.patch"] {
      let lf = try parse(name)
      let text = String(decoding: try Fixtures.data("malformed/\(name)"), as: UTF8.self)
      let crlf = Patch.parse(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
      #expect(crlf.files.map(\.path) == lf.files.map(\.path), "\(name)")
      #expect(
        crlf.files.map { $0.addedLines.map(\.text) } == lf.files.map { $0.addedLines.map(\.text) })
      #expect(crlf.problems == lf.problems)
    }
  }

  @Test func invalidUTF8AndNULBytesDoNotStopParsing() {
    var bytes = Array("diff --git a/x.py b/x.py\n--- /dev/null\n+++ b/x.py\n@@ -0,0 +1,3 @@\n".utf8)
    bytes += [UInt8(ascii: "+"), 0xFF, 0xFE, 0x00, UInt8(ascii: "a"), 0x0A]
    bytes += Array("+import asyncpg\n+\u{00e9}t\u{00e9}\n".utf8)
    let patch = Patch.parse(Data(bytes))
    #expect(patch.problems.isEmpty)
    #expect(patch.files.first?.addedLines.count == 3)
    #expect(patch.files.first?.addedLines[1].text == "import asyncpg")
  }

  @Test func fiveMegabytePatchParsesQuickly() throws {
    var text = ""
    let items = SyntheticPatches.generate(count: 400, seed: 7)
    while text.utf8.count < 5 << 20 {
      for item in items { text += item.patch }
    }
    let clock = ContinuousClock()
    var patch = Patch(files: [], problems: [])
    let elapsed = clock.measure { patch = Patch.parse(Data(text.utf8)) }
    #expect(text.utf8.count >= 5 << 20)
    #expect(patch.problems.isEmpty)
    #expect(patch.files.count > 1000)
    #expect(elapsed < .seconds(20))
    // One huge file with a single five-megabyte line.
    let line = String(repeating: "x", count: 5 << 20)
    let huge = Patch.parse(
      "diff --git a/big.txt b/big.txt\n--- /dev/null\n+++ b/big.txt\n@@ -0,0 +1 @@\n+\(line)\n")
    #expect(huge.files.first?.addedLines.first?.text.utf8.count == 5 << 20)
  }

  @Test func randomBytesNeverCrash() {
    var random = SplitMix64(seed: 99)
    let alphabet = Array(
      "diff --git a/ b/\n@@ -+ ,0123456789\r\\\"GIT binary patch\n--- +++ /dev/null".utf8)
    for _ in 0..<300 {
      let bytes = (0..<random.below(600)).map { _ in
        random.below(4) == 0
          ? UInt8(truncatingIfNeeded: random.next()) : alphabet[random.below(alphabet.count)]
      }
      let patch = Patch.parse(Data(bytes))
      #expect(patch.problems.count <= PatchParser.problemLimit + 1)
      _ = Workspace(patch: patch, input: "random")
    }
  }

  @Test(.enabled(if: Fixtures.referencePresent, "../shared/reference is absent"))
  func referencePatchesParseCleanly() throws {
    let tasks = try #require(Fixtures.referenceTasks)
    for framework in ["aiohttp", "express", "fastapi", "flask", "honojs"] {
      let folder = tasks.appendingPathComponent(framework)
      let patches = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".patch") }
      #expect(patches.count == 4)
      for name in patches {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        let text = String(decoding: data, as: UTF8.self)
        let headers = text.components(separatedBy: "\ndiff --git ").count
        let forward = Patch.parse(data)
        let backward = Patch.parse(data, reverse: true)
        #expect(forward.problems.isEmpty, "\(name)")
        #expect(forward.files.count == headers, "\(name)")
        let (plus, minus) = Self.countChanges(text)
        #expect(forward.files.reduce(0) { $0 + $1.addedLines.count } == plus, "\(name)")
        #expect(backward.files.reduce(0) { $0 + $1.addedLines.count } == minus, "\(name)")
        #expect(
          backward.files.filter { $0.status == .added }.count
            == forward.files.filter { $0.status == .deleted }.count)
      }
    }
  }

  /// Added and removed lines of a git patch, `---`/`+++` header pairs left out.
  static func countChanges(_ text: String) -> (plus: Int, minus: Int) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var plus = 0
    var minus = 0
    for (index, line) in lines.enumerated() {
      let header =
        (line.hasPrefix("--- ") && index + 1 < lines.count && lines[index + 1].hasPrefix("+++ "))
        || (line.hasPrefix("+++ ") && index > 0 && lines[index - 1].hasPrefix("--- "))
      if header { continue }
      if line.hasPrefix("+") { plus += 1 }
      if line.hasPrefix("-") { minus += 1 }
    }
    return (plus, minus)
  }
}
