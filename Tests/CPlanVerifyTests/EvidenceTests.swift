import CPlanCore
import Foundation
import Testing

@testable import CPlanVerify

@Suite struct EvidenceScannerTests {
  private func labels(_ path: String, _ content: String) -> [String] {
    EvidenceScanner.scan([SourceFile(path: path, content: content)]).map {
      "\($0.line) \($0.label)"
    }
  }

  @Test func pythonDriversURLsAndDependencies() {
    #expect(
      labels("db.py", "import asyncpg\nfrom psycopg2.extras import RealDictCursor\n") == [
        "1 driver import 'asyncpg'", "2 driver import 'psycopg2.extras'",
      ])
    #expect(
      labels("db.py", "URL = 'sqlite+aiosqlite:///./x.db'\n") == [
        "1 connection url 'sqlite+aiosqlite://'"
      ])
    #expect(
      labels("requirements.txt", "# psycopg2 is not used\npsycopg[binary]>=3\nSQLAlchemy==2.0\n")
        .count == 2)
    #expect(
      labels("pyproject.toml", "dependencies = [\"asyncpg>=0.29\", \"fastapi\"]\n").count == 1)
    #expect(labels("notes.txt", "psycopg2-binary\n").isEmpty)
    #expect(labels("README.md", "import sqlite3\npostgresql://x\n").isEmpty)
  }

  @Test func sqlAlchemyDialectsAreBothORMAndEngine() {
    let found = EvidenceScanner.scan([
      SourceFile(path: "m.py", content: "from sqlalchemy.dialects.postgresql import JSONB\n")
    ])
    #expect(Set(found.map(\.subject)) == [.orm(.sqlalchemy), .database(.postgres)])
  }

  @Test func nodeRequiresImportsSettingsAndPackageJSON() {
    let source = """
      const { Pool } = require('pg');
      import Database from "better-sqlite3";
      const knex = require('knex')({ client: 'sqlite3' });
      const s = new Sequelize({ dialect: "postgres" });
      // const old = require('sqlite3');
      """
    let found = EvidenceScanner.scan([SourceFile(path: "src/db.js", content: source)])
    #expect(
      found.map(\.label) == [
        "driver import 'pg'", "driver import 'better-sqlite3'", "setting 'client: sqlite3'",
        "setting 'dialect: postgres'", "constructor 'new Sequelize('",
      ])
    let package = labels(
      "package.json",
      "{\"dependencies\": {\"pg\": \"^8\", \"sequelize\": \"^6\"}, \"name\": \"pg\"}\n")
    #expect(package.count == 2)
    #expect(labels("src/x.js", "const pgp = 'pg'; const host = { host: 'postgres' };\n").count == 1)
  }

  @Test func wordsThatMerelyContainNamesAreNotEvidence() {
    #expect(labels("a.py", "upgrade_pg = 1\nimport sqlite3x\nfrom psycopg2x import y\n").isEmpty)
    #expect(labels("a.js", "const typeorm = { typeface: 'sqlite' };\nconst x = 'pg';\n").isEmpty)
    #expect(labels("a.js", "const mydialect = 'sqlite'; dialectOptions: 'postgres'\n").isEmpty)
  }
}

@Suite struct DatabaseAndORMTests {
  @Test func postgresPassesWithEvidence() throws {
    let report = try Fixtures.verify(
      "python-clean-postgres-sqlalchemy.patch", as: "flask-openapi-postgres-sqlalchemy")
    #expect(report.passed && report.findings.isEmpty)
    let database = try #require(report.outcomes.first { $0.id == "database" })
    #expect(
      database.evidence.map(\.description).contains(
        "requirements.txt:3 dependency 'psycopg2-binary'"))
  }

  @Test func postgresPatchFailsAsSqlite() throws {
    let report = try Fixtures.verify(
      "python-clean-postgres-sqlalchemy.patch", as: "flask-openapi-sqlite")
    #expect(
      report.places() == [
        "-:- cplan-database-missing", "app/db/session.py:6 cplan-database-other",
        "requirements.txt:3 cplan-database-other",
      ])
  }

  @Test func otherEngineEvidenceIsAnErrorAtItsLine() throws {
    let report = try Fixtures.verify(
      "python-sqlite-in-postgres.patch", as: "aiohttp-openapi-postgres")
    #expect(
      report.places() == [
        "server/db.py:2 cplan-database-other", "server/db.py:5 cplan-database-other",
      ])
    #expect(
      report.findings[0].message
        == "evidence of 'sqlite', not the prescribed 'postgres': driver import 'sqlite3'")
  }

  @Test func djangoDefaultSqliteIsToleratedNextToPostgres() throws {
    let postgres = try Fixtures.verify(
      "django-postgres-default-sqlite.patch", as: "django-openapi-postgres")
    #expect(postgres.passed)
    #expect(postgres.places(.note) == ["conduit/settings.py:5 cplan-database-other"])
    let sqlite = try Fixtures.verify(
      "django-postgres-default-sqlite.patch", as: "django-openapi-sqlite")
    #expect(!sqlite.passed)
    #expect(sqlite.places().count == 3)
  }

  @Test func djangoDefaultAloneIsNotTolerated() throws {
    let workspace = Workspace(
      input: "x", kind: .folder,
      files: [
        SourceFile(path: "s/settings.py", content: "ENGINE = 'django.db.backends.sqlite3'\n")
      ],
      paths: ["s/settings.py"])
    let report = Verifier(target: try VerificationTarget.named("django-openapi-postgres")).verify(
      workspace)
    #expect(
      report.places() == ["-:- cplan-database-missing", "s/settings.py:1 cplan-database-other"])
  }

  @Test func lockFilesAreIgnored() throws {
    let report = try Fixtures.verify(
      "node-clean-sqlite-sequelize.patch", as: "express-openapi-sqlite-sequelize")
    #expect(report.passed && report.findings.isEmpty)
  }

  @Test func nodePostgresPassesAndFailsAsSqlite() throws {
    let postgres = try Fixtures.verify("node-postgres-pg.patch", as: "koa-openapi-postgres")
    #expect(postgres.findings.isEmpty)
    let evidence = postgres.outcomes[0].evidence.map(\.description)
    #expect(
      evidence == [
        "package.json:6 dependency 'pg'", "src/db.js:1 driver import 'pg'",
        "src/db.js:5 connection url 'postgresql://'",
      ])
    let sqlite = try Fixtures.verify("node-postgres-pg.patch", as: "koa-openapi-sqlite")
    #expect(sqlite.places().first == "-:- cplan-database-missing")
    #expect(sqlite.places().count == 4)
  }

  @Test func missingORMIsAnError() throws {
    let python = try Fixtures.verify("python-no-orm.patch", as: "flask-openapi-sqlite-sqlalchemy")
    #expect(python.places() == ["-:- cplan-orm-missing"])
    let node = try Fixtures.verify(
      "node-no-sequelize.patch", as: "fastify-openapi-sqlite-sequelize")
    #expect(node.places() == ["-:- cplan-orm-missing"])
    #expect(node.findings[0].message.hasPrefix("no evidence of the prescribed orm 'sequelize'"))
  }

  @Test func presentORMPasses() throws {
    let python = try Fixtures.verify(
      "python-clean-postgres-sqlalchemy.patch", as: "fastapi-openapi-postgres-sqlalchemy")
    #expect(python.outcomes.first { $0.id == "orm" }?.passed == true)
    let node = try Fixtures.verify(
      "node-clean-sqlite-sequelize.patch", as: "express-openapi-sqlite-sequelize")
    #expect(node.outcomes.first { $0.id == "orm" }?.evidence.count == 4)
  }

  @Test func unconstrainedRunsNoBuiltInVerifier() throws {
    let report = try Fixtures.verify(
      "python-sqlite-in-postgres.patch", as: "aiohttp-openapi-unconstrained")
    #expect(report.outcomes.isEmpty && report.passed)
  }
}
