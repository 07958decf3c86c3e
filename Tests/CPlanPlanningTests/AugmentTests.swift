import CPlanCore
import CPlanHarness
import CPlanModel
import Foundation
import Testing

@testable import CPlanPlanning

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let tasks = repository.deletingLastPathComponent()
  .appendingPathComponent("shared/reference/constraint-decay/tasks")
private let referencePresent = FileManager.default.fileExists(atPath: tasks.path)

private func conduitSession() throws -> PlanningSession {
  let set = ConstraintLoader().load(
    paths: [repository.appendingPathComponent("Constraints/manifests/conduit").path])
  #expect(!set.diagnostics.hasErrors, "\(set.diagnostics)")
  return PlanningSession(
    constraints: set, planner: Planner(), renderer: PromptRenderer(templates: try TemplateSet()))
}

@Suite(.enabled(if: referencePresent, "../shared/reference is absent"))
struct AugmentReferenceTests {
  @Test func baselineIsByteIdenticalForAllHundredTasks() throws {
    let files = Augmenter.taskFiles(at: tasks.path)
    #expect(files.count == 100)
    let augmenter = Augmenter(session: try conduitSession(), arm: .baseline)
    for (file, _) in files {
      let task = try HarnessTask.read(URL(fileURLWithPath: file))
      #expect(try augmenter.augment(task).data == task.data, "\(file)")
    }
  }

  @Test func plannedChangesOnlyTheInsertedSection() throws {
    let session = try conduitSession()
    let anchored = Augmenter(session: session, arm: .planned)
    let appended = Augmenter(session: session, arm: .planned, placement: .append)
    var generation = 0
    for (file, _) in Augmenter.taskFiles(at: tasks.path) {
      let task = try HarnessTask.read(URL(fileURLWithPath: file))
      let feature = task.target.kind == .feature
      let (data, plan) = try (feature ? appended : anchored).augment(task)
      let section = try session.renderer.planSection(try #require(plan))
      let original = try JSONSerialization.jsonObject(with: task.data) as! [String: Any]
      let changed = try JSONSerialization.jsonObject(with: data) as! [String: Any]
      #expect(Set(original.keys) == Set(changed.keys))
      for key in original.keys where key != "prompt" {
        #expect(
          (original[key] as? NSObject) == (changed[key] as? NSObject), "\(file): \(key) changed")
      }
      let before = task.prompt
      let after = changed["prompt"] as! String
      #expect(after.count > before.count && after.contains(section))
      #expect(after.replacingOccurrences(of: section + "\n\n", with: "") == before
        || after.replacingOccurrences(of: "\n\n" + section + "\n", with: "") == before,
        "\(file): text outside the section changed")
      if !feature {
        generation += 1
        #expect(after.contains(section + "\n\n## Mandatory Files"))
        #expect(plan?.variant.name == task.name)
      }
    }
    #expect(generation == 80)
  }

  @Test func featureTasksNeedAnExplicitPlacement() throws {
    let file = tasks.appendingPathComponent("flask/flask-hard-focused-task-001.json")
    let task = try HarnessTask.read(file)
    let augmenter = Augmenter(session: try conduitSession(), arm: .planned)
    #expect(throws: HarnessError.self) { try augmenter.augment(task) }
    #expect(task.target.framework == "flask" && task.target.constraints.isEmpty)
  }

  @Test func augmentationIsDeterministic() throws {
    let file = tasks.appendingPathComponent("uv/uv-django-openapi-clean_architecture-postgres-sqlalchemy.json")
    let task = try HarnessTask.read(file)
    let first = try Augmenter(session: try conduitSession(), arm: .planned).augment(task).data
    let second = try Augmenter(session: try conduitSession(), arm: .planned).augment(task).data
    #expect(first == second)
  }
}
