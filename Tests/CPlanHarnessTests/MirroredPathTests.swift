import Foundation
import Testing

@testable import CPlanHarness

/// `MirroredPath`: the relative path an output keeps under `--out`.
struct MirroredPathTests {
  private func url(_ path: String) -> URL { URL(fileURLWithPath: path) }

  @Test("a file found in a folder keeps its path below that folder")
  func inFolder() throws {
    let tasks = url("/data/tasks")
    #expect(
      try MirroredPath.relativePath(of: url("/data/tasks/uv/a.json"), inputRoot: tasks)
        == "uv/a.json")
    #expect(
      try MirroredPath.relativePath(
        of: url("/data/tasks/./uv/../node/b.json"),
        inputRoot: url("/data/tasks/")) == "node/b.json")
    let destination = try MirroredPath.destination(
      of: url("/data/tasks/uv/a.json"), inputRoot: tasks, outputRoot: url("/out/planned"))
    #expect(destination.path == "/out/planned/uv/a.json")
  }

  @Test("a file given itself keeps its name")
  func fileItself() throws {
    let file = url("/data/tasks/uv/a.json")
    #expect(try MirroredPath.relativePath(of: file, inputRoot: file) == "a.json")
    #expect(
      try MirroredPath.destination(of: file, inputRoot: file, outputRoot: url("/out")).path
        == "/out/a.json")
  }

  @Test("a file outside the input folder is an error, even when the path shares a prefix")
  func outside() {
    #expect(throws: HarnessError.outsideInputRoot(file: "/data/tasks2/a.json", root: "/data/tasks"))
    {
      try MirroredPath.relativePath(of: url("/data/tasks2/a.json"), inputRoot: url("/data/tasks"))
    }
    #expect(throws: HarnessError.self) {
      try MirroredPath.relativePath(of: url("/data"), inputRoot: url("/data/tasks"))
    }
  }

  @Test("relative paths are resolved against the current folder")
  func relative() throws {
    #expect(
      try MirroredPath.relativePath(of: url("tasks/uv/a.json"), inputRoot: url("tasks"))
        == "uv/a.json")
  }
}
