import CPlanCore
import CPlanHarness
import CPlanModel
import Foundation
import Testing

@testable import CPlanVerify

@Suite struct TargetTests {
  @Test func namesParseAsTheHarnessDoes() throws {
    let target = try VerificationTarget.named(
      "express-openapi-clean_architecture-postgres-sequelize")
    #expect(target.runtime == .node && target.framework == "express")
    #expect(
      target.architecture == "clean" && target.database == "postgres" && target.orm == "sequelize")
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
    #expect(
      error.message == "unknown constraint 'postgress' in the task name; did you mean 'postgres'?")
  }

  @Test func contradictoryNamesAreInputErrors() throws {
    for (name, reason) in [
      ("express-openapi-sqlite-postgres", "it names two values of 'database': 'sqlite' and 'postgres'"),
      ("express-openapi-postgres-sqlalchemy", "'sqlalchemy' is a python ORM and 'express' runs on node"),
      ("flask-openapi-sequelize", "'sequelize' is a node ORM and 'flask' runs on python"),
      ("flask-openapi-clean_architecture-sqlalchemy", "an ORM needs a database to map, and the name sets none"),
    ] {
      do {
        _ = try VerificationTarget.named(name)
        Issue.record("\(name) was accepted")
      } catch let error as VerifyError {
        #expect(error.code == "contradictory-task-name")
        #expect(error.message.hasSuffix(reason), "\(error.message)")
        #expect(error.diagnostic.suggestion != nil)
      }
    }
    let error = try #require(
      { () -> VerifyError? in
        do { _ = try VerificationTarget.named("express-openapi-sqlite-postgres") } catch let e as VerifyError { return e } catch {}
        return nil
      }())
    #expect(
      error.diagnostic.suggestion
        == "keep one: 'express-openapi-sqlite' or 'express-openapi-postgres'")
    // With a manifest, its own `requires` decide.
    let file = Fixtures.repository.appendingPathComponent("Constraints/manifests/conduit/fastapi.yaml")
    let manifest = try #require(ConstraintLoader().load(paths: [file.path]).manifests.first)
    #expect(throws: VerifyError.self) {
      try VerificationTarget.named("fastapi-openapi-sqlalchemy", manifest: manifest)
    }
    #expect(throws: Never.self) {
      try VerificationTarget.named("fastapi-openapi-sqlite-sqlalchemy", manifest: manifest)
    }
  }

  @Test func manifestVariantsUseTheManifestsDimensions() throws {
    let file = Fixtures.repository.appendingPathComponent(
      "Constraints/manifests/demo/bookmarks.yaml")
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
    #expect(
      flask.rules.map(\.id) == [
        "fixture-psycopg-listed", "fixture-no-csrf-exempt", "fixture-run-script",
      ])
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
    try scratch.write(
      "p/app/api/legacy.py",
      "from django.views.decorators.csrf import csrf_exempt\n\n@csrf_exempt\ndef f(): pass\n")
    try FileManager.default.removeItem(atPath: root + "/run.sh")
    let target = try VerificationTarget.named("flask-openapi-postgres").selecting(Fixtures.packs())
    let report = Verifier(target: target).verify(try Workspace.folder(at: root))
    #expect(
      report.places() == ["-:- fixture-run-script", "requirements.txt:- fixture-psycopg-listed"])
    #expect(report.places(.warning) == ["app/api/legacy.py:3 fixture-no-csrf-exempt"])
    #expect(report.findings.contains { $0.message == "view is exempt from csrf protection" })
  }
}

@Suite struct ResultsTreeTests {
  @Test func runsTakeTheirVariantFromTheTaskFolder() throws {
    let scratch = try Scratch()
    let express =
      "node/mini_swe_sdk/gpt-5-mini/express-openapi-clean_architecture-sqlite-sequelize/"
      + "2025-01-01T00-00-00"
    try scratch.write(
      "\(express)/run_1/a.patch", try Fixtures.data("patches/node-clean-sqlite-sequelize.patch"))
    try scratch.write(
      "\(express)/run_2/a.patch", try Fixtures.data("patches/node-layer-violation.patch"))
    try scratch.write(
      "uv/agent/model/django-openapi-postgres/d/run_1/b.patch",
      try Fixtures.data("patches/django-postgres-default-sqlite.patch"))
    try scratch.write("uv/agent/model/django-openapi-postgres/d/run_1/notes.txt", "x")
    try scratch.write("uv/agent/model/django-openapi-postgres/d/other/c.patch", "")
    let runs = ResultsTree.runs(in: scratch.path)
    #expect(
      runs.map(\.task) == [
        "django-openapi-postgres", "express-openapi-clean_architecture-sqlite-sequelize",
        "express-openapi-clean_architecture-sqlite-sequelize",
      ])
    #expect(runs[1].label == "mini_swe_sdk/gpt-5-mini/2025-01-01T00-00-00/run_1")
    #expect(runs[1].runtime == "node" && runs[1].patch.hasPrefix(scratch.path + "/node/"))
    let jobs = try runs.map { run in
      VerificationJob(
        input: run.patch, kind: .patch,
        target: try VerificationTarget.inferred(name: run.task, dockerFolder: run.runtime), run: run
      )
    }
    let reports = try VerificationBatch.run(jobs).map { try $0.get() }
    #expect(reports.map(\.passed) == [true, true, false])
    #expect(reports[2].run?.run == "run_2")
    let text = VerifyText.many(reports)
    #expect(
      text.contains(
        "express-openapi-clean_architecture-sqlite-sequelize  "
          + "mini_swe_sdk/gpt-5-mini/2025-01-01T00-00-00/run_2  failed"
      ))
    #expect(text.hasSuffix("3 inputs: 2 passed, 1 failed\n"))
  }

  @Test func featureTasksUseTheirDockerFolder() throws {
    let target = try VerificationTarget.inferred(
      name: "hard-focused-task-002", dockerFolder: "honojs")
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
      #expect(
        report.passed == (item.defect == nil),
        "\(item.fileName) \(item.task) \(item.defect ?? "-") \(report.findings)")
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
        let stem = tasks.appendingPathComponent(
          "\(framework)/\(framework)-hard-focused-task-00\(number)")
        let task = try VerificationTarget(
          task: try HarnessTask.read(URL(fileURLWithPath: stem.path + ".json")))
        let report = Verifier(target: task).verify(
          try Workspace.patch(at: stem.path + ".patch", reverse: true))
        #expect(report.passed && report.outcomes.isEmpty, "\(stem.lastPathComponent)")
        #expect(report.fileCount > 0)
      }
    }
  }

  @Test func featureReferencePatchesGetNoErrorFromThePacks() throws {
    let tasks = try #require(Fixtures.referenceTasks)
    let packs = ConstraintLoader().load(
      paths: [Fixtures.repository.appendingPathComponent("Constraints/packs").path]).packs
    var unknown = 0
    for framework in ["aiohttp", "express", "fastapi", "flask", "honojs"] {
      for number in 1...4 {
        let stem = tasks.appendingPathComponent(
          "\(framework)/\(framework)-hard-focused-task-00\(number)").path
        let target = try VerificationTarget(
          task: try HarnessTask.read(URL(fileURLWithPath: stem + ".json"))
        ).selecting(packs)
        #expect(!target.rules.isEmpty)
        let report = Verifier(target: target).verify(
          try Workspace.patch(at: stem + ".patch", reverse: true))
        #expect(report.passed, "\(stem): \(report.findings.filter { $0.severity == .error })")
        unknown += report.outcomes.filter { $0.status == .unknown }.count
      }
    }
    // The checks that need the whole app say so instead of failing a patch of a few files.
    #expect(unknown > 20)
  }

  @Test func reversedAiohttpPatchShowsItsLayersAndPostgres() throws {
    let tasks = try #require(Fixtures.referenceTasks)
    let patch = tasks.appendingPathComponent("aiohttp/aiohttp-hard-focused-task-003.patch").path
    let target = try VerificationTarget.named(
      "aiohttp-openapi-clean_architecture-postgres-sqlalchemy")
    let report = Verifier(target: target).verify(try Workspace.patch(at: patch, reverse: true))
    #expect(report.passed, "\(report.findings)")
    #expect(report.outcomes.map(\.passed) == [true, true, true])
  }
}
