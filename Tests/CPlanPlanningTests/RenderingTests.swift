import CPlanCore
import CPlanModel
import Foundation
import Testing

@testable import CPlanPlanning

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures/plan")

private func session(templates: String? = nil, budget: Int? = nil) throws -> PlanningSession {
  let set = ConstraintLoader().load(
    paths: [fixtures.appendingPathComponent("manifests/notes.yaml").path])
  return PlanningSession(
    constraints: set, planner: Planner(budget: budget),
    renderer: PromptRenderer(templates: try TemplateSet(overrides: templates)))
}

@Suite struct RenderingTests {
  @Test func embeddedTemplatesMatchTheTemplatesFolder() throws {
    let folder = repository.appendingPathComponent("Templates")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".mustache") }
    #expect(names.count == DefaultTemplates.all.count)
    for name in names {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      #expect(
        DefaultTemplates.all[String(name.dropLast(9))] == text,
        "\(name) differs from DefaultTemplates.swift; run Scripts/embed-templates.py")
    }
  }

  @Test func baselineHasEverySectionInOrderAndNoPlan() throws {
    let s = try session()
    let manifest = s.constraints.manifests[0]
    let variant = try #require(manifest.variant(named: "flask-openapi-postgres-sqlalchemy"))
    let (text, plan) = try s.prompt(manifest, variant, arm: .baseline)
    #expect(plan == nil)
    #expect(text.hasPrefix("openapi: 3.0.3\n"))
    let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
    #expect(
      headings == [
        "## Requirements", "## Database", "## Mandatory Files", "## Server Configuration",
        "## Evaluation Pipeline",
      ])
    #expect(text.contains("Use **PostgreSQL** through the **SQLAlchemy** ORM."))
    #expect(text.contains("1. `requirements.txt`: every dependency"))
    #expect(text.contains("3. `GET http://localhost:8080/api/health` is polled"))
    #expect(!text.contains("Explicit Constraints"))
    #expect(text.hasSuffix(".\n") && !text.hasSuffix("\n\n"))
  }

  @Test func plannedInsertsThePlanBeforeTheMandatoryFiles() throws {
    let s = try session()
    let manifest = s.constraints.manifests[0]
    let variant = try #require(manifest.variant(named: "flask-openapi-sqlite"))
    let baseline = try s.prompt(manifest, variant, arm: .baseline).text
    let (planned, plan) = try s.prompt(manifest, variant, arm: .planned)
    let section = try s.renderer.planSection(try #require(plan))
    #expect(planned.contains("\n\n" + section + "\n\n## Mandatory Files"))
    #expect(planned.replacingOccurrences(of: "\n\n" + section, with: "") == baseline)
    #expect(section.contains("### Errors\n\n- **MUST** Return errors as JSON bodies"))
    // Provenance stays in the plan's data, not in the prompt.
    #expect(!section.contains("web@1.2.0") && !section.contains("errorhandling.rst"))
  }

  @Test func builtInPlanSectionMatchesItsTemplate() throws {
    let s = try session()
    let manifest = s.constraints.manifests[0]
    for variant in manifest.variants {
      let plan = try s.plan(manifest, variant)
      #expect(!plan.items.isEmpty)
      #expect(try s.renderer.planSection(plan) == (try s.renderer.templatePlanSection(plan)))
    }
  }

  @Test func retrievalArmsSayTheyNeedACorpus() throws {
    let s = try session()
    let manifest = s.constraints.manifests[0]
    #expect(throws: RenderError.self) {
      try s.prompt(manifest, manifest.variants[0], arm: .rag)
    }
    #expect("\(RenderError.armNeedsCorpus(.plannedRag))".contains("needs an indexed corpus"))
    #expect(throws: RenderError.self) { try Arm.list("baseline,plan") }
    #expect(try Arm.list("planned, baseline,planned") == [.planned, .baseline])
  }

  @Test func templatesFolderOverridesOneTemplate() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-templates-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "PLAN FOR {{variant}}: {{count}} items\n".write(
      to: folder.appendingPathComponent("plan.mustache"), atomically: true, encoding: .utf8)
    let s = try session(templates: folder.path)
    let manifest = s.constraints.manifests[0]
    let (text, _) = try s.prompt(manifest, manifest.variants[1], arm: .planned)
    #expect(text.contains("\n\nPLAN FOR flask-openapi-sqlite: "))
    #expect(s.renderer.templates.origins["plan"]?.hasSuffix("plan.mustache") == true)
    #expect(s.renderer.templates.origins["prompt"] == "built-in")
  }

  @Test func brokenTemplateReportsItsPosition() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-templates-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "line one\n{{#groups}}\nunclosed\n".write(
      to: folder.appendingPathComponent("plan.mustache"), atomically: true, encoding: .utf8)
    do {
      _ = try TemplateSet(overrides: folder.path)
      Issue.record("a broken template must not load")
    } catch let error as TemplateError {
      #expect("\(error)".contains("plan.mustache:"))
      #expect("\(error)".contains("[template-parse]"))
    }
  }
}
