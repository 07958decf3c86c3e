import CPlanCore
import Foundation
import Testing

@testable import CPlanModel

/// One file of Fixtures/malformed and the diagnostics its `.expected` file lists.
struct MalformedCase: CustomTestStringConvertible, Sendable {
  let name: String
  let expected: [String]
  var testDescription: String { name }

  static func all() -> [MalformedCase] {
    let folder = Paths.fixtures.appendingPathComponent("malformed")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { file in
      let base = String(file.dropLast(5))
      let text = (try? String(
        contentsOf: folder.appendingPathComponent(base + ".expected"), encoding: .utf8)) ?? ""
      return MalformedCase(
        name: base, expected: text.split(separator: "\n").map(String.init).filter { !$0.isEmpty })
    }
  }
}

@Suite struct MalformedInputTests {
  @Test func thereAreAtLeastThirtyCases() {
    #expect(MalformedCase.all().count >= 30)
    #expect(MalformedCase.all().allSatisfy { !$0.expected.isEmpty })
  }

  @Test(arguments: MalformedCase.all())
  func producesItsExpectedDiagnostic(_ fixture: MalformedCase) {
    let path = Paths.fixtures.appendingPathComponent("malformed/\(fixture.name).yaml").path
    let set = ConstraintLoader().load(paths: [path])
    let produced = set.diagnostics.map {
      "\($0.location.line):\($0.location.column) \($0.severity.rawValue) \($0.code)"
    }
    for line in fixture.expected {
      #expect(produced.contains(line), "expected '\(line)', got \(produced)")
    }
    #expect(set.diagnostics.allSatisfy { $0.location.file == path })
  }

  @Test func fiftyMegabyteFileIsRejectedWithoutReadingIt() throws {
    let scratch = try Scratch()
    let path = scratch.root.appendingPathComponent("huge.yaml").path
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    let chunk = Data(String(repeating: "key: value\n", count: 100_000).utf8)
    for _ in 0..<48 { handle.write(chunk) }
    try handle.close()
    let set = ConstraintLoader().load(paths: [path])
    #expect(set.codes == ["yaml-size-limit"])
    #expect(set.diagnostics[0].message.contains("over the limit"))
  }
}
