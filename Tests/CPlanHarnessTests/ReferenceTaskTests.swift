import CPlanModel
import Foundation
import Testing

@testable import CPlanHarness

/// The paper's 100 reference tasks: inference, byte-identical round trips and insertion.
@Suite("Reference tasks", .enabled(if: Reference.isAvailable))
struct ReferenceTaskTests {
  static let frameworks = [
    "aiohttp": Runtime.python, "django": .python, "fastapi": .python, "flask": .python,
    "express": .node, "fastify": .node, "hono": .node, "koa": .node,
  ]

  @Test("there are 80 generation and 20 feature tasks")
  func counts() {
    #expect(Reference.generationFiles.count == 80)
    #expect(Reference.featureFiles.count == 20)
  }

  @Test("a generation task's target matches its file name", arguments: Reference.generationFiles)
  func generationInference(file: String) throws {
    let task = try Reference.load(file)
    let folder = String(file.prefix { $0 != "/" })
    // The file is `{folder}/{folder}-{name}.json`.
    let expectedName = String(file.dropFirst(folder.count * 2 + 2).dropLast(".json".count))
    #expect(task.name == expectedName)
    #expect(task.dockerFolder == folder)
    let target = task.target
    #expect(target.kind == .generation)
    #expect(target.runtime == (folder == "uv" ? .python : .node))
    #expect(Self.frameworks[target.framework] == target.runtime)
    #expect(target.spec == "openapi")
    let tail = expectedName.components(separatedBy: "-openapi-").last!
    #expect(
      target.constraints == (tail == "unconstrained" ? [] : tail.components(separatedBy: "-")))
    #expect(target.level == target.constraints.count)
    #expect((0...3).contains(target.level))
    #expect(
      Variant.taskName(framework: target.framework, constraints: target.constraints)
        == task.name)
  }

  @Test("every framework has the paper's 10 variants: 1 at L0, 3 at L1, 4 at L2, 2 at L3")
  func levelsPerFramework() throws {
    var levels: [String: [Int]] = [:]
    for file in Reference.generationFiles {
      let target = try Reference.load(file).target
      levels[target.framework, default: []].append(target.level)
    }
    #expect(levels.keys.sorted() == Self.frameworks.keys.sorted())
    for (framework, found) in levels {
      let histogram = (0...3).map { level in found.filter { $0 == level }.count }
      #expect(histogram == [1, 3, 4, 2], "\(framework)")
    }
  }

  @Test("a feature task's framework comes from its dockerFolder", arguments: Reference.featureFiles)
  func featureInference(file: String) throws {
    let task = try Reference.load(file)
    let folder = String(file.prefix { $0 != "/" })
    let framework = folder == "honojs" ? "hono" : folder
    #expect(task.dockerFolder == folder)
    #expect(task.name.wholeMatch(of: /hard-focused-task-\d{3}/) != nil)
    #expect(
      task.target
        == TaskTarget(
          framework: framework, runtime: Self.frameworks[framework]!, spec: nil, constraints: [],
          kind: .feature))
    #expect(task.target.level == 0)
  }

  @Test("decoded fields agree with Foundation's parser", arguments: Reference.files)
  func agreesWithFoundation(file: String) throws {
    let task = try Reference.load(file)
    let object = try foundationObject(task.data)
    #expect(task.data == (try Data(contentsOf: Reference.url(file))))
    #expect(task.name == object["name"] as? String)
    #expect(task.prompt == object["prompt"] as? String)
    #expect(task.dockerFolder == object["dockerFolder"] as? String)
    #expect(task.description == object["description"] as? String)
    #expect(Set(task.keys) == Set(object.keys))
    #expect(task.isASCII)
  }

  @Test("replacing the prompt with itself gives the same bytes", arguments: Reference.files)
  func roundTrip(file: String) throws {
    let task = try Reference.load(file)
    #expect(task.replacingPrompt(with: task.prompt) == task.data)
  }

  @Test(
    "a section inserted into a generation prompt changes only the prompt",
    arguments: Reference.generationFiles)
  func generationInsertion(file: String) throws {
    let task = try Reference.load(file)
    let anchor = try #require(task.prompt.range(of: "\n## Mandatory Files\n"))
    let prefix = String(task.prompt[...anchor.lowerBound])
    let rest = String(task.prompt[task.prompt.index(after: anchor.lowerBound)...])
    let section = HarnessTask.trimmedSection(sampleSection)
    #expect(section.hasPrefix("## Explicit Constraints") && section.hasSuffix("a/slash"))

    let output = try task.augmented(with: sampleSection)
    let original = try foundationObject(task.data)
    let augmented = try foundationObject(output)
    #expect(
      try canonical(original, without: ["prompt"]) == canonical(augmented, without: ["prompt"]))
    let newPrompt = try #require(augmented["prompt"] as? String)
    #expect(newPrompt == prefix + section + "\n\n" + rest)
    #expect(newPrompt.hasPrefix(prefix) && newPrompt.hasSuffix(rest))
    try expectOnlyPromptChanged(task, output)

    let reread = try HarnessTask(data: output, path: file)
    #expect(reread.prompt == newPrompt)
    #expect(reread.target == task.target && reread.keys == task.keys)
    #expect(reread.isASCII, "an ASCII file stays ASCII")
  }

  @Test(
    "a feature prompt has no default anchor and takes an appended section",
    arguments: Reference.featureFiles)
  func featureInsertion(file: String) throws {
    let task = try Reference.load(file)
    #expect(throws: HarnessError.anchorNotFound("## Mandatory Files", file: file, headings: [])) {
      try task.augmented(with: sampleSection)
    }
    let output = try task.augmented(with: sampleSection, placement: .append)
    let augmented = try foundationObject(output)
    let section = HarnessTask.trimmedSection(sampleSection)
    #expect(augmented["prompt"] as? String == task.prompt + "\n\n" + section + "\n")
    #expect(
      try canonical(foundationObject(task.data), without: ["prompt"])
        == canonical(augmented, without: ["prompt"]))
    try expectOnlyPromptChanged(task, output)
  }

  /// Checks that the bytes before and after the prompt's literal are the original ones.
  private func expectOnlyPromptChanged(_ task: HarnessTask, _ output: Data) throws {
    let before = task.data[..<task.promptSpan.lowerBound]
    let after = task.data[task.promptSpan.upperBound...]
    #expect(output.starts(with: before))
    #expect(output.suffix(after.count) == after)
  }
}
