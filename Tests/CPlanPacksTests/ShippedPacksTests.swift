import CPlanCore
import CPlanCorpus
import CPlanModel
import CPlanVerify
import Foundation
import Testing

@testable import CPlanPacks

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
private let packsFolder = repository.appendingPathComponent("Constraints/packs").path
private let corpora = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora")

private func shipped() -> ConstraintSet {
  ConstraintLoader().load(paths: [packsFolder, repository.appendingPathComponent("Constraints/manifests").path])
}

/// Every example of every shipped rule, for `@Test(arguments:)`.
struct RuleExample: CustomTestStringConvertible, Sendable {
  let rule: String
  let check: RuleCheck
  let file: ExampleFile
  let passes: Bool
  var testDescription: String { "\(rule) \(passes ? "pass" : "fail") \(file.path)" }

  static func all() -> [RuleExample] {
    shipped().packs.flatMap { pack in
      pack.rules.flatMap { rule -> [RuleExample] in
        guard let check = rule.check, let examples = rule.examples else { return [] }
        return examples.pass.map { RuleExample(rule: rule.id, check: check, file: $0, passes: true) }
          + examples.fail.map { RuleExample(rule: rule.id, check: check, file: $0, passes: false) }
      }
    }
  }
}

@Suite struct ShippedPacksTests {
  @Test func everyPackLoadsAndLintsClean() {
    let set = shipped()
    #expect(!set.diagnostics.hasErrors, "\(DiagnosticReporter.text(set.diagnostics))")
    let all = PackLinter().lint(set.packs)
    // Notes list what is fine but worth knowing: rules that cite only web pages.
    let findings = all.filter { $0.severity != .note }
    #expect(findings.isEmpty, "\(DiagnosticReporter.text(findings))")
    #expect(all.allSatisfy { $0.severity != .note || $0.code == "lint-web-only" })
  }

  /// At least 80% of all rules cite a passage of a local corpus, and 60% of each Node pack's.
  @Test func rulesCiteLocalPassages() {
    let packs = shipped().packs
    func local(_ rules: [Rule]) -> Int {
      rules.filter { $0.sources.contains { if case .corpus = $0 { true } else { false } } }.count
    }
    let rules = packs.flatMap(\.rules)
    #expect(Double(local(rules)) >= 0.8 * Double(rules.count), "\(local(rules)) of \(rules.count)")
    for pack in packs where ["express", "fastify", "koa", "hono"].contains(pack.id) {
      #expect(Double(local(pack.rules)) >= 0.6 * Double(pack.rules.count), "\(pack.id)")
    }
  }

  @Test func packsShipAtTheirRequiredDepth() {
    let counts = Dictionary(uniqueKeysWithValues: shipped().packs.map { ($0.id, $0.rules.count) })
    let minimum = [
      "django": 30, "fastapi": 30, "sqlalchemy": 15, "sqlite": 10, "postgres": 10,
      "clean-architecture": 10, "agent-workflow": 10, "flask": 10, "aiohttp": 10, "express": 10,
      "fastify": 10, "hono": 10, "koa": 10, "sequelize": 10,
    ]
    for (pack, required) in minimum.sorted(by: { $0.key < $1.key }) {
      #expect((counts[pack] ?? 0) >= required, "pack '\(pack)' has \(counts[pack] ?? 0) rules")
    }
  }

  @Test func everyRuleIsCitedAndPythonPacksCiteTheCorpus() {
    for pack in shipped().packs {
      for rule in pack.rules { #expect(!rule.sources.isEmpty, "\(rule.id) is uncited") }
      if ["django", "fastapi", "sqlalchemy", "flask", "aiohttp"].contains(pack.id) {
        let local = pack.rules.filter { $0.sources.contains { $0.citation.corpus != nil } }
        #expect(local.count == pack.rules.count, "\(pack.id): rules without a corpus citation")
      }
    }
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: corpora.path), "../shared/corpora is absent"))
  func citationsResolveInTheCorpora() throws {
    let (config, _) = CorporaConfig.load(
      path: repository.appendingPathComponent("Constraints/corpora.yaml").path)
    let registry = try #require(config)
    let checker = CitationChecker(
      corporaRoot: corpora,
      folders: Dictionary(uniqueKeysWithValues: registry.corpora.map { ($0.id, $0.folder) }))
    let report = checker.check(packFiles: ConstraintLoader.expand(packsFolder))
    #expect(!report.hasErrors, "\(DiagnosticReporter.text(report.diagnostics))")
    #expect(report.moved.isEmpty, "\(report.summary)")
  }

  @Test(arguments: RuleExample.all())
  func examplesBehaveAsDeclared(_ example: RuleExample) {
    let found = CheckEvaluator.violations(
      of: example.check, in: [SourceFile(path: example.file.path, content: example.file.content)])
    #expect(found.isEmpty == example.passes, "\(found.map(\.message))")
  }
}
