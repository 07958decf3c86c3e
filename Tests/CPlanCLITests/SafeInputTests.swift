import Foundation
import Testing

/// Echoed input cannot break the diagnostic format or reach the terminal raw; special files are
/// not read.
@Suite struct SafeInputTests {
  @Test func controlCharactersInKeysAreEscaped() throws {
    let scratch = try ScratchFolder()
    let demo = CLIRunner.repository.appendingPathComponent("Constraints/manifests/demo")
    let text = try String(contentsOf: demo.appendingPathComponent("bookmarks.yaml"), encoding: .utf8)
      .replacingOccurrences(
        of: "description: Small", with: "\"bad\\e[31mkey\\nline\\u2028\": 1\ndescription: Small")
    try Data(text.utf8).write(to: URL(fileURLWithPath: scratch.child("m.yaml")))
    let result = try CLIRunner.run(["validate", scratch.child("m.yaml")])
    #expect(result.status == 1)
    #expect(result.stderr.contains(#"unknown key 'bad\u{1b}[31mkey\u{a}line\u{2028}' in manifest"#))
    #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x2028 })
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.allSatisfy { $0.hasPrefix(scratch.path) || $0.hasPrefix("failed:") })
  }

  @Test func aPipeIsNotRead() throws {
    let scratch = try ScratchFolder()
    let pipe = scratch.child("pipe.yaml")
    #expect(mkfifo(pipe, 0o600) == 0)
    let result = try CLIRunner.run(["validate", pipe])
    #expect(result.status == 1)
    #expect(result.stderr.contains("is not a regular file") && result.stderr.contains("[io-not-a-file]"))
  }

  @Test func aFolderNamedLikeATaskIsWalkedIntoNotRead() throws {
    let scratch = try ScratchFolder()
    try FileManager.default.createDirectory(
      atPath: scratch.child("in/x.json"), withIntermediateDirectories: true)
    let result = try CLIRunner.run([
      "augment", scratch.child("in"), "--out", scratch.child("out"), "--arm", "baseline",
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no .json in it"))
    #expect(!result.stderr.lowercased().contains("nscocoaerrordomain"))
  }
}

@Suite struct OutputErrorTests {
  @Test func anOutputBelowAFileSaysSoInCplansWords() throws {
    let scratch = try ScratchFolder()
    let file = scratch.child("report.txt")
    try "keep\n".write(toFile: file, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run([
      "verify", "Tests/CPlanVerifyTests/Fixtures/patches/node-clean-sqlite-sequelize.patch",
      "--name", "express-openapi-sqlite-sequelize", "--no-packs", "--output", file + "/x.json",
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("cannot write '\(file)/x.json': '\(file)' is a file, not a folder"))
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep\n")
  }
}
