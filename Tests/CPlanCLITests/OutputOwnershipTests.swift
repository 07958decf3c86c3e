import Foundation
import Testing

private let demo = "Constraints/manifests/demo/bookmarks.yaml"

/// cplan owns only the files it wrote: `--force` adds beside foreign files, reruns replace and
/// remove only cplan's files, `--out` naming a file is refused, a symlinked folder stays a link.
@Suite struct OutputOwnershipTests {
  private func write(_ text: String, _ path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  @Test func forceAddsBesideForeignFilesAndRerunsRemoveOnlyCplansOwn() throws {
    let scratch = try ScratchFolder()
    let project = scratch.child("project")
    try write("# My project\n", project + "/README.md")
    try write("[core]\n", project + "/.git/config")
    try write("mine\n", project + "/baseline/notes.md")
    let first = try CLIRunner.run(["matrix", demo, "--out", project, "--force"])
    #expect(first.status == 0, "\(first.stderr)")
    var tree = try ScratchFolder.tree(project)
    #expect(tree["README.md"] == Data("# My project\n".utf8))
    #expect(tree[".git/config"] == Data("[core]\n".utf8))
    #expect(tree["baseline/notes.md"] == Data("mine\n".utf8))
    #expect(tree["planned/fastapi-openapi-sqlite.md"] != nil && tree["index.json"] != nil)
    let marker = String(decoding: tree[".cplan-output"]!, as: UTF8.self)
    #expect(marker.contains("\nindex.json\n") && !marker.contains("README.md"))

    // A rerun with one arm removes the other arm's files cplan wrote, and nothing else.
    let second = try CLIRunner.run(["matrix", demo, "--out", project, "--arms", "baseline"])
    #expect(second.status == 0, "\(second.stderr)")
    tree = try ScratchFolder.tree(project)
    #expect(tree["planned/fastapi-openapi-sqlite.md"] == nil)
    #expect(tree["baseline/fastapi-openapi-sqlite.md"] != nil)
    #expect(tree["README.md"] != nil && tree[".git/config"] != nil && tree["baseline/notes.md"] != nil)
  }

  @Test func aForeignFileWhereCplanWouldWriteStopsTheRunUntouched() throws {
    let scratch = try ScratchFolder()
    let project = scratch.child("project")
    try write("my index\n", project + "/index.json")
    let result = try CLIRunner.run(["matrix", demo, "--out", project, "--force"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("was not written by cplan; it is left untouched"))
    #expect(try ScratchFolder.tree(project) == ["index.json": Data("my index\n".utf8)])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
    #expect(leftovers == ["project"])
  }

  @Test func outNamingAFileIsRefused() throws {
    let scratch = try ScratchFolder()
    let file = scratch.child("report.txt")
    try write("keep me\n", file)
    for command in [["matrix", demo], ["packs", "export", "--target", "cursor", "--pack", "fastapi"]] {
      let result = try CLIRunner.run(command + ["--out", file, "--force"])
      #expect(result.status == 2, "\(command)")
      #expect(result.stderr.contains("is not a folder"))
      #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("keep me\n".utf8))
    }
  }

  @Test func aSymlinkedOutputStaysALinkAndStaleStagingOfDeadRunsGoes() throws {
    let scratch = try ScratchFolder()
    let real = scratch.child("real")
    try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
    let link = scratch.child("link")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    // Litter of a killed run (no process has this id).
    try write("partial", scratch.child(".real.staging-999999/index.json"))
    let result = try CLIRunner.run(["matrix", demo, "--out", link])
    #expect(result.status == 0, "\(result.stderr)")
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == real)
    #expect(try ScratchFolder.tree(real)["index.json"] != nil)
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
    #expect(names == ["link", "real"])
  }
}
