import Foundation
import Testing

@testable import CPlanCompare

/// Says sqlite patches violate, postgres patches cannot be judged, and others comply.
private struct FakeVerifier: ComplianceChecker {
  func compliant(patch: URL, task: String) -> Bool? {
    if task.contains("sqlite") { return false }
    if task.contains("postgres") { return nil }
    return true
  }

  var label: String { "fake verifier" }
}

@Suite("injected compliance")
struct ComplianceTests {
  static let tree: URL = {
    let root = Paths.temporary("compliance")
    var tree = SyntheticTree()
    tree.models = ["m"]
    tree.runs = 2
    try! tree.write(KnownEffects.planned, to: root)
    let koa = SyntheticTree.taskFolder(root, "koa", ["clean_architecture"], model: "m")
      .appendingPathComponent("run_0")
    for file in try! FileManager.default.contentsOfDirectory(atPath: koa.path)
    where file.hasSuffix(".patch") {
      try! FileManager.default.removeItem(at: koa.appendingPathComponent(file))
    }
    return root
  }()

  @Test("the default checker assumes compliance and says so")
  func assumed() throws {
    let arm = try ResultsReader().read(arm: "planned", at: Self.tree.path)
    #expect(!arm.verified)
    #expect(arm.checker == "not verified: every run assumed compliant")
    #expect(arm.complianceCounts[.unknown] == 144)
    #expect(arm.complianceCounts[.notApplicable] == 16)
    #expect(arm.tasks.allSatisfy { $0.strictAssertionRate == $0.assertionRate })
    #expect(!arm.diagnostics.contains { $0.code == "missing-patch" })
  }

  @Test("a verifier's verdicts zero strict A% and success, unknowns are listed")
  func verified() throws {
    let arm = try ResultsReader(checker: FakeVerifier()).read(arm: "planned", at: Self.tree.path)
    #expect(arm.verified)
    #expect(arm.checker == "fake verifier")
    for task in arm.tasks {
      let sqlite = task.constraints.contains("sqlite")
      if sqlite {
        #expect(task.runs.allSatisfy { $0.compliance == .violating && !$0.success })
        #expect(task.strictAssertionRate == 0)
        #expect(task.assertionRate > 0)
      } else if task.level == 0 {
        #expect(task.runs.allSatisfy { $0.compliance == .notApplicable })
      }
    }
    let postgres = arm.tasks.filter { $0.constraints.contains("postgres") }.flatMap(\.runs)
    #expect(postgres.allSatisfy { $0.compliance == .unknown && $0.compliant })
    let unknown = arm.diagnostics.filter { $0.code == "compliance-unknown" }
    #expect(unknown.count == postgres.count)
  }

  @Test("a verifying checker makes a constrained run without a patch violating")
  func missingPatch() throws {
    let arm = try ResultsReader(checker: FakeVerifier()).read(arm: "planned", at: Self.tree.path)
    let koa = try #require(arm.tasks.first { $0.key.task == "koa-openapi-clean_architecture" })
    #expect(koa.runs[0].compliance == .violating)
    #expect(koa.runs[1].compliance == .compliant)
    #expect(arm.diagnostics.filter { $0.code == "missing-patch" }.count == 1)
  }
}
