import CPlanModel
import Testing

@testable import CPlanVerify

@Suite struct GlobTests {
  @Test(arguments: [
    ("**/*.py", "app/views.py", true), ("**/*.py", "views.py", true),
    ("**/*.py", "app/views.pyc", false), ("*.py", "app/views.py", false),
    ("app/**", "app/a/b/c.js", true), ("src/*/index.ts", "src/api/index.ts", true),
    ("src/*/index.ts", "src/api/v1/index.ts", false),
    ("requirements.txt", "requirements.txt", true),
    ("**/settings.py", "conduit/settings.py", true), ("?.js", "a.js", true),
    ("?.js", "ab.js", false),
  ])
  func matches(_ pattern: String, _ path: String, _ expected: Bool) {
    #expect(Glob(pattern).matches(path) == expected)
  }
}

@Suite struct ImportScannerTests {
  @Test func python() {
    #expect(
      ImportScanner.modules(in: "from django.db import models", path: "a.py") == ["django.db"])
    #expect(
      ImportScanner.modules(in: "import os, sqlalchemy.orm as orm", path: "a.py") == [
        "os", "sqlalchemy.orm",
      ])
    #expect(
      ImportScanner.modules(in: "from ..services import users", path: "a.py") == ["..services"])
    #expect(ImportScanner.modules(in: "# import nothing", path: "a.py") == [])
    #expect(ImportScanner.imports("import sqlalchemy.orm", module: "sqlalchemy", path: "x.py"))
    #expect(!ImportScanner.imports("import sqlalchemyx", module: "sqlalchemy", path: "x.py"))
  }

  @Test func javascript() {
    #expect(ImportScanner.modules(in: "const pg = require('pg');", path: "a.js") == ["pg"])
    #expect(
      ImportScanner.modules(in: "import { Sequelize } from \"sequelize\";", path: "a.ts") == [
        "sequelize"
      ])
    #expect(ImportScanner.modules(in: "import './setup.js'", path: "a.mjs") == ["./setup.js"])
    #expect(
      ImportScanner.modules(in: "export * from '../repositories/users'", path: "a.ts") == [
        "../repositories/users"
      ])
    #expect(
      ImportScanner.modules(in: "const m = await import('sqlite3')", path: "a.js") == ["sqlite3"])
    #expect(ImportScanner.imports("import x from 'pg/lib/client'", module: "pg", path: "a.js"))
  }
}

@Suite struct CheckEvaluatorTests {
  private let files = [
    SourceFile(path: "requirements.txt", content: "django>=5\npsycopg[binary]\n"),
    SourceFile(
      path: "app/views.py",
      content:
        "from django.views.decorators.csrf import csrf_exempt\n\n@csrf_exempt\n"
        + "def login(request):\n    pass\n"
    ),
  ]

  @Test func requireFile() {
    let check = RuleCheck(kind: .requireFile, path: "run.sh")
    #expect(
      CheckEvaluator.violations(of: check, in: files).map(\.message) == ["missing file 'run.sh'"])
    #expect(CheckEvaluator.violations(of: check, in: files, isPatch: true).isEmpty)
    #expect(
      CheckEvaluator.violations(
        of: RuleCheck(kind: .requireFile, path: "requirements.txt"), in: files
      ).isEmpty)
  }

  @Test func requireAndForbidPatterns() {
    let psycopg = RuleCheck(
      kind: .requirePattern, files: "requirements.txt", pattern: "(?i)^psycopg")
    #expect(CheckEvaluator.violations(of: psycopg, in: files).isEmpty)
    let uvicorn = RuleCheck(kind: .requirePattern, files: "requirements.txt", pattern: "uvicorn")
    #expect(CheckEvaluator.violations(of: uvicorn, in: files).count == 1)
    let exempt = RuleCheck(kind: .forbidPattern, files: "**/*.py", pattern: "@csrf_exempt")
    let found = CheckEvaluator.violations(of: exempt, in: files)
    #expect(found.map(\.line) == [3] && found.first?.path == "app/views.py")
  }

  @Test func forbidImport() {
    let check = RuleCheck(kind: .forbidImport, files: "**/*.py", module: "django.views")
    #expect(CheckEvaluator.violations(of: check, in: files).map(\.line) == [1])
    let other = RuleCheck(kind: .forbidImport, files: "**/*.py", module: "flask")
    #expect(CheckEvaluator.violations(of: other, in: files).isEmpty)
  }
}
