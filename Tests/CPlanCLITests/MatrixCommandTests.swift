import Foundation
import Testing

private let demo = "Constraints/manifests/demo/bookmarks.yaml"
private let snapshots = CLIRunner.repository.appendingPathComponent(
  "Tests/CPlanCLITests/Snapshots/demo-matrix")

@Suite struct MatrixCommandTests {
  /// The demo matrix against its golden files; `RECORD_SNAPSHOTS=1 swift test` re-records them.
  @Test func demoMatrixMatchesItsSnapshot() throws {
    let scratch = try ScratchFolder()
    let result = try CLIRunner.run(["matrix", demo, "--out", scratch.child("m")])
    #expect(result.status == 0, "\(result.stderr)")
    let produced = try ScratchFolder.tree(scratch.child("m"))
    #expect(produced.count == 22)  // 10 variants x 2 arms, index.json, marker
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try? FileManager.default.removeItem(at: snapshots)
      for (relative, data) in produced {
        let url = snapshots.appendingPathComponent(relative)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
      }
      return
    }
    let expected = try ScratchFolder.tree(snapshots.path)
    #expect(Set(produced.keys) == Set(expected.keys))
    for (relative, data) in produced.sorted(by: { $0.key < $1.key }) {
      #expect(data == expected[relative], "\(relative) differs from its snapshot; RECORD_SNAPSHOTS=1 re-records")
    }
  }

  @Test func sameInputSameBytesInAnyOrder() throws {
    let scratch = try ScratchFolder()
    let second = "Tests/CPlanPlanningTests/Fixtures/plan/manifests/notes.yaml"
    let a = try CLIRunner.run(["matrix", demo, second, "--out", scratch.child("a"), "--format", "jsonl"])
    let b = try CLIRunner.run(["matrix", second, demo, "--out", scratch.child("b"), "--format", "jsonl"])
    // The notes fixture has a deliberate equal-severity conflict: written, but exit 1.
    #expect(a.status == 1 && b.status == 1, "\(a.stderr)\(b.stderr)")
    #expect(a.stderr.contains("[plan-conflict]"))
    let first = try ScratchFolder.tree(scratch.child("a"))
    #expect(first == (try ScratchFolder.tree(scratch.child("b"))))
    #expect(first.keys.sorted() == [".cplan-output", "baseline.jsonl", "index.json", "planned.jsonl"])
    let lines = String(decoding: first["planned.jsonl"]!, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 10 + 5)
  }

  @Test func refusesForeignFoldersAndKeepsOutputOnFailure() throws {
    let scratch = try ScratchFolder()
    let foreign = scratch.child("foreign")
    try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: foreign + "/notes.txt"))
    let refused = try CLIRunner.run(["matrix", demo, "--out", foreign])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("was not written by cplan"))
    #expect(try ScratchFolder.tree(foreign).keys.sorted() == ["notes.txt"])

    let out = scratch.child("out")
    #expect(try CLIRunner.run(["matrix", demo, "--out", out]).status == 0)
    let before = try ScratchFolder.tree(out)
    let failed = try CLIRunner.run(["matrix", demo, "--out", out, "--spec", scratch.child("missing.yaml")])
    #expect(failed.status == 2)
    #expect(try ScratchFolder.tree(out) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
    #expect(leftovers.sorted() == ["foreign", "out"])
    #expect(try CLIRunner.run(["matrix", demo, "--out", out]).status == 0)
    #expect(try CLIRunner.run(["matrix", demo, "--out", foreign, "--force"]).status == 0)
  }

  @Test func harnessFormatWritesTaskJSONs() throws {
    let scratch = try ScratchFolder()
    let result = try CLIRunner.run(["matrix", demo, "--out", scratch.path + "/h", "--format", "harness", "--arms", "planned"])
    #expect(result.status == 0, "\(result.stderr)")
    let file = scratch.path + "/h/planned/uv/uv-fastapi-openapi-sqlite.json"
    let task = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
    #expect(task["name"] as? String == "fastapi-openapi-sqlite")
    #expect(task["dockerFolder"] as? String == "uv")
    #expect((task["prompt"] as? String)?.contains("## Explicit Constraints") == true)
    let meta = try #require(task["repoMetadata"] as? [String: Any])
    #expect(meta["port"] as? Int == 8080 && meta["baseUrl"] as? String == "/api")
  }

  @Test func retrievalArmsAreRefusedUpFront() throws {
    let scratch = try ScratchFolder()
    let result = try CLIRunner.run([
      "matrix", demo, "--out", scratch.child("r"), "--arms", "baseline,rag", "--corpus-index",
      scratch.child("missing.sqlite"),
    ])
    #expect(result.status == 2)
    #expect(!FileManager.default.fileExists(atPath: scratch.child("r")))
  }
}

@Suite(.enabled(if: referencePresent, "../shared/reference is absent"))
struct AugmentCommandTests {
  @Test func baselineArmCopiesEveryTaskByteForByte() throws {
    let scratch = try ScratchFolder()
    let result = try CLIRunner.run([
      "augment", referenceTasks.appendingPathComponent("uv").path,
      referenceTasks.appendingPathComponent("node").path, "--out", scratch.child("b"),
      "--arm", "baseline",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let produced = try ScratchFolder.tree(scratch.child("b"))
    #expect(produced.count == 81)
    for (name, data) in produced where name.hasSuffix(".json") {
      let folder = name.hasPrefix("uv-") ? "uv" : "node"
      #expect(data == (try Data(contentsOf: referenceTasks.appendingPathComponent("\(folder)/\(name)"))))
    }
  }

  @Test func plannedArmKeepsLayoutAndFeatureTasksNeedAppend() throws {
    let scratch = try ScratchFolder()
    let planned = try CLIRunner.run([
      "augment", referenceTasks.path, "--out", scratch.child("p"), "--arm", "planned",
    ])
    #expect(planned.status == 1)
    #expect(planned.stderr.contains("nothing was written"))
    #expect(!FileManager.default.fileExists(atPath: scratch.child("p")))
    let generation = try CLIRunner.run([
      "augment", referenceTasks.appendingPathComponent("uv").path, "--out", scratch.child("g"),
    ])
    #expect(generation.status == 0, "\(generation.stderr)")
    // 40 tasks, each with its plan sidecar, and the marker.
    let written = try ScratchFolder.tree(scratch.child("g"))
    #expect(written.count == 81)
    #expect(written.keys.filter { $0.hasSuffix(".json.cplan") }.count == 40)
    let feature = try CLIRunner.run([
      "augment", referenceTasks.appendingPathComponent("flask").path, "--out", scratch.child("f"),
      "--placement", "append",
    ])
    #expect(feature.status == 0, "\(feature.stderr)")
    #expect(FileManager.default.fileExists(atPath: scratch.child("f/flask-hard-focused-task-001.json")))
  }
}
