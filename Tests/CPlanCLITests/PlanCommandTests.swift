import Foundation
import Testing

private let demo = "Constraints/manifests/demo/bookmarks.yaml"

@Suite struct PlanAndPromptCommandTests {
  @Test func planAsMarkdownAndJSON() throws {
    let md = try CLIRunner.run(["plan", demo, "--variant", "fastapi-openapi-postgres"])
    #expect(md.status == 0, "\(md.stderr)")
    #expect(md.stdout.hasPrefix("## Explicit Constraints"))
    // The prompt already gives the connection settings and the spec: the plan does not repeat them.
    #expect(!md.stdout.contains("host `postgres`") && !md.stdout.contains("Connect to PostgreSQL"))
    #expect(!md.stdout.contains("fastapi@") && !md.stdout.contains("fastapi-0.141:"), "no inline citations")
    let json = try CLIRunner.run(["plan", demo, "--variant", "fastapi-openapi-postgres", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(object["items"] as? [[String: Any]])
    let dropped = try #require(object["dropped"] as? [[String: Any]])
    let restated = dropped.filter { $0["reason"] as? String == "already in the prompt" }
      .compactMap { ($0["item"] as? [String: Any])?["id"] as? String }
    #expect(restated.contains("manifest-database-connection") && restated.contains("spec-post-users-login"))
    #expect(items.allSatisfy { $0["tokens"] is Int && $0["statement"] is String && $0["value"] is Double })
    let rules = items.compactMap { $0["provenance"] as? [String: Any] }.filter { $0["kind"] as? String == "rule" }
    #expect(!rules.isEmpty && rules.allSatisfy { ($0["sources"] as? [Any])?.isEmpty == false && $0["version"] is String })
    let level = try CLIRunner.run(["plan", demo, "--level", "1", "--format", "json"])
    let plans = try #require(try JSONSerialization.jsonObject(with: Data(level.stdout.utf8)) as? [[String: Any]])
    #expect(plans.count == 3)
  }

  @Test func budgetCapsTheRenderedSection() throws {
    func plan(_ budget: String) throws -> (object: [String: Any], markdown: String) {
      let variant = ["--variant", "fastapi-openapi-clean_architecture-sqlite-sqlalchemy", "--budget", budget]
      let json = try CLIRunner.run(["plan", demo, "--format", "json"] + variant)
      let md = try CLIRunner.run(["plan", demo] + variant)
      #expect(json.status == 0 && md.status == 0, "\(json.stderr)")
      let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
      return (object, md.stdout)
    }
    for budget in [400, 800, 1200] {
      let (object, markdown) = try plan("\(budget)")
      #expect(object["budget"] as? Int == budget)
      let tokens = try #require(object["section_tokens"] as? Int)
      // What the section costs, headings included, as the estimator counts the printed text.
      #expect(tokens == (markdown.utf8.count - 1 + 3) / 4 && tokens <= budget)
      #expect(Double(tokens) >= Double(budget) * 0.9, "the budget is used, not left idle")
      let dropped = try #require(object["dropped"] as? [[String: Any]])
      #expect(dropped.contains { ($0["reason"] as? String)?.hasPrefix("over budget") == true })
    }
    let (unbounded, _) = try plan("none")
    #expect(unbounded["budget"] as? String == "none")
    #expect(!(unbounded["dropped"] as? [[String: Any]] ?? []).contains {
      ($0["reason"] as? String)?.hasPrefix("over budget") == true
    })
    let zero = try CLIRunner.run(["plan", demo, "--variant", "fastapi-openapi-sqlite", "--budget", "0"])
    #expect(zero.status == 2)
  }

  @Test func variantSelectionErrors() throws {
    let typo = try CLIRunner.run(["plan", demo, "--variant", "fastapi-openapi-sqlit"])
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("did you mean 'fastapi-openapi-sqlite'?"))
    let both = try CLIRunner.run(["plan", demo, "--variant", "x", "--level", "1"])
    #expect(both.status == 2)
    #expect(both.stderr.contains("exactly one of"))
  }

  @Test func promptArms() throws {
    let baseline = try CLIRunner.run(["prompt", demo, "--variant", "fastapi-openapi-sqlite", "--arm", "baseline"])
    let planned = try CLIRunner.run(["prompt", demo, "--variant", "fastapi-openapi-sqlite", "--arm", "planned"])
    #expect(baseline.status == 0 && planned.status == 0)
    #expect(!baseline.stdout.contains("## Explicit Constraints"))
    #expect(planned.stdout.contains("## Explicit Constraints"))
    #expect(baseline.stdout.hasPrefix("openapi: 3.0.3"))
    let rag = try CLIRunner.run([
      "prompt", demo, "--variant", "fastapi-openapi-sqlite", "--arm", "rag", "--corpus-index",
      "/nonexistent/index.sqlite",
    ])
    #expect(rag.status == 2)
    #expect(rag.stderr.contains("needs an indexed corpus"))
    let unknown = try CLIRunner.run(["prompt", demo, "--variant", "fastapi-openapi-sqlite", "--arm", "plan"])
    #expect(unknown.status == 2)
  }

  @Test func aBrokenSpecIsReportedWithItsExitCode() throws {
    let cyclic = CLIRunner.repository.appendingPathComponent(
      "Tests/CPlanCLITests/Fixtures/cyclic-spec.yaml").path
    for command in ["plan", "prompt"] {
      let arguments = [command, demo, "--variant", "fastapi-openapi-sqlite", "--spec", cyclic]
        + (command == "prompt" ? ["--arm", "planned"] : [])
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 1, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("[spec-ref-cycle]"))
      let missing = try CLIRunner.run(
        [command, demo, "--variant", "fastapi-openapi-sqlite", "--spec", "/nonexistent/spec.yaml"])
      #expect(missing.status == 2, "\(command)")
    }
  }
}
