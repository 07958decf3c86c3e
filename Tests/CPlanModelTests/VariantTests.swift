import CPlanCore
import Foundation
import Testing

@testable import CPlanModel

@Suite struct VariantTests {
  private func manifest(_ text: String) throws -> Manifest {
    let scratch = try Scratch()
    try scratch.write("spec.yaml", "openapi: 3.0.3\n")
    try scratch.write("m.yaml", text)
    let set = scratch.load(["m.yaml"])
    return try #require(set.manifests.first, "\(set.diagnostics)")
  }

  @Test func paperSpaceYieldsTenVariantsWithLevels() throws {
    let variants = try manifest(manifestText(framework: "django")).variants
    #expect(variants.count == 10)
    #expect(variants.map(\.level) == [0, 1, 1, 1, 2, 2, 2, 2, 3, 3])
    #expect(variants.first?.name == "django-openapi-unconstrained")
    #expect(variants.last?.name == "django-openapi-clean_architecture-postgres-sqlalchemy")
    #expect(!variants.contains { $0.name.hasSuffix("-sqlalchemy") && $0.value(of: "database") == nil })
    #expect(Set(variants.map(\.name)).count == 10)
  }

  @Test func orderIsByLevelThenDeclarationOrder() throws {
    let names = try manifest(manifestText()).variants.filter { $0.level == 1 }.map(\.name)
    #expect(names == ["flask-openapi-sqlite", "flask-openapi-postgres", "flask-openapi-clean_architecture"])
  }

  @Test func noDimensionsMeansOneUnconstrainedVariant() throws {
    let variants = try manifest(
      manifestText(dimensions: "  []").replacingOccurrences(
        of: "requires:\n  - if: {orm: any}\n    then: {database: any}\n", with: "")
    ).variants
    #expect(variants.map(\.name) == ["flask-openapi-unconstrained"])
  }

  @Test func withoutRequiresEveryCombinationExists() throws {
    let variants = try manifest(
      manifestText().replacingOccurrences(
        of: "requires:\n  - if: {orm: any}\n    then: {database: any}\n", with: "")
    ).variants
    #expect(variants.count == 12)
    #expect(variants.contains { $0.name == "flask-openapi-sqlalchemy" })
  }

  @Test func conditionsEvaluateAgainstVariants() throws {
    let m = try manifest(manifestText())
    let variant = try #require(m.variant(named: "flask-openapi-clean_architecture-postgres"))
    let scratch = try Scratch()
    try scratch.write(
      "p.yaml",
      packText(
        rules: """
            - {id: a, severity: must, topic: files, statement: s, when: {database: postgres, orm: none}}
            - {id: b, severity: must, topic: files, statement: s, when: {any-of: [{orm: any}, {architecture: none}]}}
            - {id: c, severity: must, topic: files, statement: s, when: {not: {framework: django}, runtime: python}}
          """))
    let rules = try #require(scratch.load(["p.yaml"]).packs.first?.rules)
    let holds = rules.map { $0.when.holds(for: variant, framework: "flask", runtime: "python") }
    #expect(holds == [true, false, true])
  }

  @Test func shippedConduitManifestsReproduceTheHarnessTaskNames() throws {
    guard let reference = Paths.reference else { return }  // ../shared absent: nothing to compare
    let set = ConstraintLoader().load(
      paths: [Paths.constraints.appendingPathComponent("manifests/conduit").path])
    #expect(!set.diagnostics.hasErrors, "\(set.diagnostics)")
    #expect(set.manifests.count == 8)
    var produced: [String: Int] = [:]
    for manifest in set.manifests {
      for variant in manifest.variants {
        produced["\(manifest.runtime.dockerFolder)-\(variant.name)"] = variant.level
      }
    }
    var expected: [String: Int] = [:]
    for folder in ["uv", "node"] {
      let names = try FileManager.default.contentsOfDirectory(
        atPath: reference.appendingPathComponent("tasks/\(folder)").path)
      for file in names where file.hasSuffix(".json") {
        let name = String(file.dropLast(5))
        // The harness's level: the number of constraint tokens after "{framework}-openapi-".
        let constraints = name.split(separator: "-").dropFirst(3)
        expected[name] = constraints == ["unconstrained"] ? 0 : constraints.count
      }
    }
    #expect(expected.count == 80)
    #expect(produced == expected)
  }
}
