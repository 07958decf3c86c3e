import CPlanCore
import Foundation
import Testing

@testable import CPlanModel

@Suite struct CrossFileTests {
  private let rule = "  - {id: RULE, severity: must, topic: files, statement: s}"

  @Test func packsNamedByAManifestAreFoundInTheNearestPacksFolder() throws {
    let scratch = try Scratch()
    try scratch.write("Constraints/manifests/spec.yaml", "openapi: 3.0.3\n")
    try scratch.write("Constraints/manifests/m.yaml", manifestText("packs: [flask-basics]\n"))
    try scratch.write(
      "Constraints/packs/flask.yaml",
      packText(id: "flask-basics", rules: rule.replacingOccurrences(of: "RULE", with: "r1")))
    let set = scratch.load(["Constraints/manifests/m.yaml"])
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
    #expect(set.packs.map(\.id) == ["flask-basics"])
    #expect(set.packs(for: set.manifests[0]).count == 1)
  }

  @Test func missingPackIsReportedWithSuggestion() throws {
    let scratch = try Scratch()
    try scratch.write("spec.yaml", "openapi: 3.0.3\n")
    try scratch.write("m.yaml", manifestText("packs: [flask-basic]\n"))
    try scratch.write(
      "lib/flask.yaml",
      packText(id: "flask-basics", rules: rule.replacingOccurrences(of: "RULE", with: "r1")))
    let set = scratch.load(["m.yaml"], packFolders: ["lib"])
    let diagnostic = try #require(set.errors("pack-not-found").first)
    #expect(diagnostic.suggestion == "did you mean 'flask-basics'?")
    #expect(diagnostic.location.line == 20 && diagnostic.location.column == 9)
  }

  @Test func ruleIdsMustBeUniqueAcrossPacks() throws {
    let scratch = try Scratch()
    try scratch.write("a.yaml", packText(id: "a", rules: rule.replacingOccurrences(of: "RULE", with: "same")))
    try scratch.write("b.yaml", packText(id: "b", rules: rule.replacingOccurrences(of: "RULE", with: "same")))
    let set = scratch.load(["a.yaml", "b.yaml"])
    let diagnostic = try #require(set.errors("duplicate-rule-id").first)
    #expect(diagnostic.location.file.hasSuffix("b.yaml"))
    #expect(diagnostic.notes.first?.location?.file.hasSuffix("a.yaml") == true)
    #expect(diagnostic.message == "rule id 'same' is already defined in pack 'a'")
  }

  @Test func whenIsCheckedAgainstTheManifestsThatUseThePack() throws {
    let scratch = try Scratch()
    try scratch.write("spec.yaml", "openapi: 3.0.3\n")
    try scratch.write("m.yaml", manifestText("packs: [p]\n"))
    try scratch.write(
      "p.yaml",
      packText(
        rules: """
            - {id: r1, severity: must, topic: files, statement: s, when: {databse: sqlite}}
            - {id: r2, severity: must, topic: files, statement: s, when: {database: mysql}}
            - {id: r3, severity: must, topic: files, statement: s, when: {allof: []}}
            - {id: r4, severity: must, topic: files, statement: s, conflicts: [r5]}
            - {id: r5, severity: must, topic: files, statement: s, when: {framework: flsk}}
          """))
    let set = scratch.load(["m.yaml", "p.yaml"])
    #expect(set.errors("unknown-dimension").first?.suggestion == "did you mean 'database'?")
    #expect(set.errors("unknown-value").first?.message.contains("'mysql'") == true)
    #expect(set.errors("unknown-key").first?.suggestion == "did you mean 'all-of'?")
    #expect(set.errors("unknown-rule").isEmpty)
    let framework = try #require(set.errors("unknown-value").first { $0.severity == .warning })
    #expect(framework.suggestion == "did you mean 'flask'?")
  }

  @Test func conflictsMustNameKnownRules() throws {
    let scratch = try Scratch()
    try scratch.write(
      "p.yaml",
      packText(rules: "  - {id: r1, severity: must, topic: files, statement: s, conflicts: [r2]}"))
    #expect(scratch.load(["p.yaml"]).codes == ["unknown-rule"])
  }

  @Test func foldersAreSearchedAndSpecsSkipped() throws {
    let scratch = try Scratch()
    try scratch.write("c/spec.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n")
    try scratch.write("c/m.yaml", manifestText())
    try scratch.write("c/.hidden.yaml", "not: [valid")
    let set = scratch.load(["c"])
    #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
    #expect(set.files.map(\.kind) == [.manifest, .openAPI])
  }

  @Test func unreadableInputIsFlagged() throws {
    let set = try Scratch().load(["does-not-exist.yaml"])
    #expect(set.hasUnreadableInput)
  }
}
