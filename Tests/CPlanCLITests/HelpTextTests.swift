import Foundation
import Testing

private let helpSnapshots = CLIRunner.repository.appendingPathComponent(
  "Tests/CPlanCLITests/Snapshots/help")

/// Every command's `--help`, against golden files (`RECORD_SNAPSHOTS=1 swift test` re-records):
/// a changed option or example shows up in review. Each one has examples.
@Suite struct HelpTextTests {
  static let commands: [[String]] = [
    [], ["init"], ["validate"], ["variants"], ["plan"], ["prompt"], ["matrix"], ["augment"],
    ["corpus"], ["corpus", "index"], ["corpus", "search"], ["corpus", "mine"],
    ["corpus", "cite-check"], ["corpus", "fetch"], ["packs"], ["packs", "list"],
    ["packs", "show"], ["packs", "lint"], ["packs", "export"], ["compare"], ["verify"],
    ["bench"], ["bench", "validate"], ["bench", "matrix"], ["bench", "corpus"],
    ["bench", "verify"], ["bench", "calibrate"], ["bench", "mine"],
  ]

  @Test(arguments: HelpTextTests.commands)
  func helpHasExamplesAndMatchesItsSnapshot(_ command: [String]) throws {
    let result = try CLIRunner.run(command + ["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Examples:"), "\(command)")
    let name = (["cplan"] + command).joined(separator: "-") + ".txt"
    let file = helpSnapshots.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: helpSnapshots, withIntermediateDirectories: true)
      try result.stdout.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(result.stdout == expected, "\(name) differs; RECORD_SNAPSHOTS=1 re-records")
  }

  @Test func mistypedCommandsGetSuggestions() throws {
    let top = try CLIRunner.run(["varients"])
    #expect(top.status == 2)
    #expect(top.stderr.contains("unknown command 'varients'; did you mean 'variants'?"))
    let nested = try CLIRunner.run(["packs", "lsit"])
    #expect(nested.status == 2)
    #expect(nested.stderr.contains("did you mean 'list'?") && nested.stderr.contains("'cplan packs --help'"))
  }
}

@Suite struct JSONErrorTests {
  @Test func formatJSONMakesStandardErrorJSONLines() throws {
    let result = try CLIRunner.run([
      "plan", "Constraints/manifests/demo/bookmarks.yaml", "--variant", "nope", "--format", "json",
    ])
    #expect(result.status == 2)
    let lines = result.stderr.split(separator: "\n")
    #expect(!lines.isEmpty)
    for line in lines {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(object["severity"] as? String == "error")
      #expect((object["message"] as? String)?.contains("nope") == true)
    }
    let usage = try CLIRunner.run(["plan", "--format", "json"])
    #expect(usage.status == 2)
    let object = try JSONSerialization.jsonObject(
      with: Data(usage.stderr.split(separator: "\n")[0].utf8)) as? [String: Any]
    #expect(object?["severity"] as? String == "error")
  }
}
