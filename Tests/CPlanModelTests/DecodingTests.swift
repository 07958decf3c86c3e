import CPlanCore
import Foundation
import Testing

@testable import CPlanModel

@Suite struct ManifestDecodingTests {
  @Test func validManifestDecodesEveryField() throws {
    let scratch = try Scratch()
    try scratch.write("spec.yaml", "openapi: 3.0.3\n")
    try scratch.write(
      "m.yaml",
      manifestText(
        """
        language: Python 3.12
        files:
          - {path: requirements.txt, purpose: deps}
        pipeline:
          setup: [pip install -r requirements.txt]
          run: [./run.sh]
        databases:
          postgres: {engine: PostgreSQL 16, host: db, port: 5432, user: u, password: p, name: n}
        """))
    let set = scratch.load(["m.yaml"])
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
    let manifest = try #require(set.manifests.first)
    #expect(manifest.framework == "flask" && manifest.runtime == .python)
    #expect(manifest.server.port == 8080 && manifest.server.prefix == "/api")
    #expect(manifest.files.map(\.path) == ["requirements.txt"])
    #expect(manifest.pipeline.run == ["./run.sh"])
    #expect(manifest.dimensions.map(\.id) == ["architecture", "database", "orm"])
    #expect(manifest.dimension("architecture")?.values.first?.token == "clean_architecture")
    #expect(manifest.database("postgres")?.port == 5432)
    #expect(manifest.specURL.path == scratch.root.appendingPathComponent("spec.yaml").path)
  }

  @Test func unknownKeySuggestsTheNearestOne() throws {
    let scratch = try Scratch()
    try scratch.write("spec.yaml", "openapi: 3.0.3\n")
    try scratch.write("m.yaml", manifestText("databse:\n  sqlite: {path: x.db}\n"))
    let diagnostic = try #require(scratch.load(["m.yaml"]).errors("unknown-key").first)
    #expect(diagnostic.message == "unknown key 'databse' in manifest")
    #expect(diagnostic.suggestion == "did you mean 'databases'?")
    #expect(diagnostic.location.line == 20 && diagnostic.location.column == 1)
  }

  @Test func aFloodOfUnknownKeysIsReportedOnceItPassesFifty() throws {
    let scratch = try Scratch()
    try scratch.write("spec.yaml", "openapi: 3.0.3\n")
    let extra = (0..<500).map { "zz\($0): 1" }.joined(separator: "\n") + "\n"
    try scratch.write("m.yaml", manifestText(extra))
    let unknown = scratch.load(["m.yaml"]).errors("unknown-key")
    #expect(unknown.count == 51)
    #expect(unknown.last?.message == "450 more unknown keys in manifest are not listed")
  }

  @Test func everyProblemInAFileIsReported() throws {
    let scratch = try Scratch()
    try scratch.write(
      "m.yaml",
      """
      cplan: 1
      id: Bad_Id
      framework: flask
      runtime: ruby
      spec: spec.yaml
      server: {port: "8080", prefix: api}
      dimensions: {database: [sqlite]}

      """)
    let set = scratch.load(["m.yaml"])
    let found = Set(set.diagnostics.map { "\($0.location.line):\($0.code)" })
    #expect(
      found.isSuperset(of: [
        "2:invalid-value", "4:invalid-value", "1:missing-key", "6:wrong-type", "6:invalid-value",
        "7:wrong-type",
      ]), "\(found)")
    let runtime = try #require(set.diagnostics.first { $0.location.line == 4 })
    #expect(runtime.message == "invalid runtime 'ruby'; expected one of: python, node")
    let port = try #require(set.diagnostics.first { $0.code == "wrong-type" && $0.location.line == 6 })
    #expect(port.suggestion == "remove the quotes")
    let id = try #require(set.diagnostics.first { $0.location.line == 2 })
    #expect(id.suggestion == "did you mean 'bad-id'?")
  }

  @Test func newerFormatVersionIsRejected() throws {
    let scratch = try Scratch()
    try scratch.write("m.yaml", manifestText().replacingOccurrences(of: "cplan: 1", with: "cplan: 2"))
    let set = scratch.load(["m.yaml"])
    #expect(set.codes == ["unsupported-version"])
    #expect(set.manifests.isEmpty)
  }

  @Test func requiresNamingUnknownDimensionOrValue() throws {
    let scratch = try Scratch()
    try scratch.write("spec.yaml", "openapi: 3.0.3\n")
    try scratch.write(
      "m.yaml",
      manifestText().replacingOccurrences(
        of: "then: {database: any}", with: "then: {databse: any, orm: sqlalchmy}"))
    let set = scratch.load(["m.yaml"])
    let dimension = try #require(set.errors("unknown-dimension").first)
    #expect(dimension.suggestion == "did you mean 'database'?")
    let value = try #require(set.errors("unknown-value").first)
    #expect(value.suggestion == "did you mean 'sqlalchemy'?")
  }

  @Test func databasesMustNameDatabaseValues() throws {
    let scratch = try Scratch()
    try scratch.write("spec.yaml", "openapi: 3.0.3\n")
    try scratch.write("m.yaml", manifestText("databases:\n  postgress: {host: db}\n"))
    let diagnostic = try #require(scratch.load(["m.yaml"]).errors("unknown-value").first)
    #expect(diagnostic.suggestion == "did you mean 'postgres'?")
  }

  @Test func requiresThatExcludeEverythingAreReported() throws {
    let scratch = try Scratch()
    try scratch.write("spec.yaml", "openapi: 3.0.3\n")
    try scratch.write(
      "m.yaml",
      manifestText("").replacingOccurrences(
        of: "  - if: {orm: any}\n    then: {database: any}",
        with: "  - {if: {orm: none}, then: {orm: any}}\n  - {if: {orm: any}, then: {orm: none}}"))
    #expect(scratch.load(["m.yaml"]).codes == ["no-variants"])
  }

  @Test func missingSpecIsAWarning() throws {
    let scratch = try Scratch()
    try scratch.write("m.yaml", manifestText())
    let set = scratch.load(["m.yaml"])
    #expect(set.codes == ["spec-not-found"])
    #expect(set.diagnostics[0].severity == .warning)
  }
}

@Suite struct PackDecodingTests {
  @Test func ruleFieldsDecode() throws {
    let scratch = try Scratch()
    try scratch.write(
      "p.yaml",
      packText(
        rules: """
            - id: no-csrf-exempt
              when: {all-of: [{framework: django}, {not: {database: none}}]}
              severity: must
              topic: auth
              statement: Keep CSRF checks off for token-authenticated JSON endpoints.
              sources:
                - {corpus: django-5.2, path: ref/csrf.txt, line: 10, quote: CSRF protection}
                - {url: "https://example.org/doc", section: Intro}
              check:
                kind: forbid-pattern
                files: "**/*.py"
                pattern: "csrf_exempt"
              examples:
                pass: [{path: a.py, content: "x = 1\\n"}]
                fail: [{path: a.py, content: "@csrf_exempt\\n"}]
          """))
    let set = scratch.load(["p.yaml"])
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
    let rule = try #require(set.packs.first?.rules.first)
    #expect(rule.severity == .must && rule.topic == .auth && rule.packID == "p")
    #expect(rule.sources.count == 2)
    #expect(rule.check?.kind == .forbidPattern)
    #expect(rule.examples?.fail.first?.content == "@csrf_exempt\n")
    #expect(rule.when.summary == "framework=django and not (database=none)")
  }

  @Test func invalidSeverityTopicAndCheckAreReported() throws {
    let scratch = try Scratch()
    try scratch.write(
      "p.yaml",
      packText(
        rules: """
            - id: r1
              severity: critical
              topic: routng
              statement: x
              check: {kind: forbid-pattern, pattern: "("}
            - id: r2
              severty: must
              topic: files
              statment: y
          """))
    let set = scratch.load(["p.yaml"])
    let messages = set.diagnostics.map { "\($0.code): \($0.message); \($0.suggestion ?? "")" }
    #expect(messages.contains { $0.contains("invalid severity 'critical'") })
    #expect(messages.contains { $0.contains("invalid topic 'routng'") && $0.contains("'routing'") })
    #expect(messages.contains { $0.contains("not a valid regular expression") })
    #expect(messages.contains { $0.contains("unknown key 'severty'") && $0.contains("'severity'") })
    #expect(messages.contains { $0.contains("missing required key 'statement' in rule 'r2'") })
  }

  @Test func urlSourcesCannotMixWithCorpusKeys() throws {
    let scratch = try Scratch()
    try scratch.write(
      "p.yaml",
      packText(
        rules: """
            - id: r1
              severity: note
              topic: files
              statement: x
              sources: [{url: "https://x", line: 3}]
          """))
    #expect(scratch.load(["p.yaml"]).codes == ["invalid-value"])
  }

  @Test func corpusSourcesNeedACorpus() throws {
    let scratch = try Scratch()
    try scratch.write(
      "p.yaml",
      packText(
        rules: """
            - id: r1
              severity: note
              topic: files
              statement: x
              sources: [{path: a.txt, line: 3, quote: q}]
          """))
    #expect(scratch.load(["p.yaml"]).codes == ["missing-key"])
  }

  @Test func semverIsRequiredWithAFix() throws {
    let scratch = try Scratch()
    try scratch.write(
      "p.yaml",
      packText(rules: "  - {id: r, severity: note, topic: files, statement: s}")
        .replacingOccurrences(of: "version: 1.0.0", with: "version: \"1.2\""))
    let diagnostic = try #require(scratch.load(["p.yaml"]).diagnostics.first)
    #expect(diagnostic.code == "invalid-value" && diagnostic.suggestion == "did you mean '1.2.0'?")
  }
}
