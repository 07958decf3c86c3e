import CPlanCore
import CPlanModel
import Foundation
import Testing

@testable import CPlanPlanning

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures/plan")

private func load() throws -> (ConstraintSet, Manifest) {
  let set = ConstraintLoader().load(
    paths: [fixtures.appendingPathComponent("manifests/notes.yaml").path])
  #expect(!set.diagnostics.hasErrors, "\(set.diagnostics)")
  return (set, try #require(set.manifests.first))
}

private func plan(_ variantName: String, budget: Int? = nil) throws -> Plan {
  let (set, manifest) = try load()
  let variant = try #require(manifest.variant(named: variantName))
  return Planner(budget: budget).plan(
    manifest, variant: variant, packs: set.packs(for: manifest), specItems: [])
}

@Suite struct PlannerTests {
  @Test func selectsRulesWhoseWhenHolds() throws {
    let ids = try plan("flask-openapi-sqlite").items.map(\.id)
    #expect(ids.contains("data-create-schema") && ids.contains("data-sqlite-threads"))
    #expect(!ids.contains("data-session-per-request") && !ids.contains("web-django-only"))
    let unconstrained = try plan("flask-openapi-unconstrained").items.map(\.id)
    #expect(!unconstrained.contains("data-create-schema"))
    let orm = try plan("flask-openapi-sqlite-sqlalchemy").items.map(\.id)
    #expect(orm.contains("data-session-per-request") && !orm.contains("data-sqlite-threads"))
  }

  @Test func ordersByTopicThenSeverityThenValue() throws {
    let items = try plan("flask-openapi-sqlite").items
    let topics = items.map(\.topic)
    #expect(topics == topics.sorted())
    for (a, b) in zip(items, items.dropFirst()) where a.topic == b.topic {
      #expect(
        a.severity < b.severity
          || (a.severity == b.severity && (a.value > b.value || (a.value == b.value && a.id < b.id))))
    }
    #expect(items.first?.topic == .files)
    #expect(items.last?.topic == .pipeline)
  }

  @Test func removesDuplicateStatements() throws {
    let result = try plan("flask-openapi-sqlite")
    #expect(result.items.contains { $0.id == "web-json-errors" })
    #expect(!result.items.contains { $0.id == "web-json-errors-again" })
    let dropped = try #require(result.dropped.first { $0.item.id == "web-json-errors-again" })
    #expect(dropped.reason == "duplicate of 'web-json-errors'")
  }

  @Test func moreBindingRuleWinsAConflict() throws {
    let result = try plan("flask-openapi-sqlite-sqlalchemy")
    #expect(result.items.contains { $0.id == "data-session-per-request" })
    #expect(!result.items.contains { $0.id == "data-shared-session" })
    #expect(result.diagnostics.map(\.code) == ["plan-conflict-resolved"])
  }

  @Test func equalSeverityConflictIsAnError() throws {
    let result = try plan("flask-openapi-postgres")
    let conflict = try #require(result.diagnostics.first { $0.code == "plan-conflict" })
    #expect(conflict.severity == .error)
    #expect(conflict.message.contains("'data-pool-a'") && conflict.message.contains("'data-pool-b'"))
    #expect(conflict.location.file.hasSuffix("data.yaml"))
  }

  @Test func manifestStatementsCarryTheirKeys() throws {
    let items = try plan("flask-openapi-postgres").items
    let connection = try #require(items.first { $0.id == "manifest-database-connection" })
    #expect(connection.statement.contains("host `db`") && connection.statement.contains("port 5432"))
    #expect(connection.provenance == .manifest(file: connection.provenance.file, key: "databases.postgres"))
    #expect(items.contains { $0.id == "manifest-server-port" && $0.statement.contains("8080") })
    #expect(items.contains { $0.id == "manifest-file-run-sh" })
    #expect(items.contains { $0.id == "manifest-database-postgres" && $0.statement == "Database: use PostgreSQL." })
  }

  @Test func rulesKeepPackVersionAndCitation() throws {
    let item = try #require(try plan("flask-openapi-sqlite").items.first { $0.id == "web-json-errors" })
    guard case .rule(let pack, let version, let rule, let sources) = item.provenance else {
      Issue.record("expected a rule provenance")
      return
    }
    #expect(pack == "web" && version == "1.2.0" && rule == "web-json-errors")
    #expect(sources.first?.label == "flask-3.1:docs/errorhandling.rst:10")
  }

  @Test func budgetKeepsTheMostValuePerToken() throws {
    let full = try plan("flask-openapi-sqlite")
    let fitter = BudgetFitter(estimator: ByteTokenEstimator(), budget: 1, measure: nil)
    func cost(_ items: [PlanItem]) -> Int {
      BudgetFitter.defaultHeaderTokens + items.reduce(0) { $0 + fitter.lineCost($1) }
        + Set(items.map(\.topic)).reduce(0) { $0 + fitter.headingCost($1) }
    }
    let budget = cost(full.items) / 2
    let tight = try plan("flask-openapi-sqlite", budget: budget)
    #expect(cost(tight.items) <= budget && !tight.items.isEmpty)
    let density = { (item: PlanItem) in item.value / Double(fitter.lineCost(item)) }
    let lowestKept = tight.items.map(density).min()!
    for entry in tight.dropped where entry.reason.hasPrefix("over budget") {
      // Dropped either for lower value per token, or because it did not fit beside the rest.
      let fits = cost(tight.items + [entry.item]) <= budget
      #expect(density(entry.item) <= lowestKept || !fits, "\(entry.item.id)")
    }
    // A must can go when it is worth less per token than what stays.
    #expect(tight.dropped.contains { $0.item.severity == .must && $0.reason.hasPrefix("over budget") })
    let roomy = try plan("flask-openapi-sqlite", budget: 100_000)
    #expect(roomy.items.map(\.id) == full.items.map(\.id))
  }

  @Test func leavesOutWhatTheBasePromptSays() throws {
    let (set, manifest) = try load()
    let variant = try #require(manifest.variant(named: "flask-openapi-postgres"))
    let base = BasePrompt(["Listen on **port 8080**.", "Use the file `run.sh`."])
    let result = Planner().plan(
      manifest, variant: variant, packs: set.packs(for: manifest), specItems: [], base: base)
    #expect(!result.items.contains { $0.id == "manifest-server-port" || $0.id == "manifest-file-run-sh" })
    #expect(result.dropped.contains { $0.item.id == "manifest-server-port" && $0.reason == "already in the prompt" })
    #expect(result.items.contains { $0.id == "manifest-database-connection" })
  }

  @Test func planningIsDeterministic() throws {
    let a = try plan("flask-openapi-sqlite-sqlalchemy")
    let b = try plan("flask-openapi-sqlite-sqlalchemy")
    #expect(a.items == b.items)
  }
}

extension Provenance {
  fileprivate var file: String {
    switch self {
    case .manifest(let file, _), .spec(let file, _), .specImplication(let file, _): file
    case .rule: ""
    }
  }
}
