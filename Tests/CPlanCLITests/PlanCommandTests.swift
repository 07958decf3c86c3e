import Foundation
import Testing

private let demo = "Constraints/manifests/demo/bookmarks.yaml"

@Suite struct PlanAndPromptCommandTests {
  @Test func planAsMarkdownAndJSON() throws {
    let md = try CLIRunner.run(["plan", demo, "--variant", "fastapi-openapi-postgres"])
    #expect(md.status == 0, "\(md.stderr)")
    #expect(md.stdout.hasPrefix("## Explicit Constraints"))
    #expect(md.stdout.contains("host `postgres`") || md.stdout.contains("Connect to PostgreSQL"))
    let json = try CLIRunner.run(["plan", demo, "--variant", "fastapi-openapi-postgres", "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(object["items"] as? [[String: Any]])
    #expect(items.contains { ($0["provenance"] as? [String: Any])?["pointer"] as? String == "#/paths/~1users~1login/post" })
    #expect(items.allSatisfy { $0["tokens"] is Int && $0["statement"] is String })
    let level = try CLIRunner.run(["plan", demo, "--level", "1", "--format", "json"])
    let plans = try #require(try JSONSerialization.jsonObject(with: Data(level.stdout.utf8)) as? [[String: Any]])
    #expect(plans.count == 3)
  }

  @Test func budgetIsReportedInJSON() throws {
    let result = try CLIRunner.run([
      "plan", demo, "--variant", "fastapi-openapi-sqlite", "--format", "json", "--budget", "50",
    ])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["budget"] as? Int == 50)
    #expect(result.stderr.contains("[budget-exceeded]"))
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
}
