import CPlanCore
import CPlanModel
import Foundation
import Testing

@testable import CPlanVerify

/// Comments are no evidence, files have roles, and development settings do not decide.
@Suite struct CodeLexerTests {
  private func code(_ path: String, _ text: String) -> [String] {
    SourceFile(path: path, content: text).lines.map(\.text)
  }

  @Test func pythonCommentsAndDocstringsGoStringsStay() {
    let lines = code(
      "app/db.py",
      """
      \"\"\"Uses sqlite:///dev.db for local runs.\"\"\"
      URL = "postgresql://u@h/db#frag"  # was sqlite:///x
      def f():
          '''
          Docstring naming psycopg2.
          '''
          q = \"\"\"SELECT 'sqlite://' \"\"\"
          return call(
              \"\"\"kept: an argument\"\"\"
          )
      """)
    #expect(lines[0] == "")
    #expect(lines[1] == #"URL = "postgresql://u@h/db#frag"  "#)
    #expect(lines[3...5].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
    #expect(lines[6].contains("SELECT 'sqlite://'"))
    #expect(lines[8].contains("kept: an argument"))
  }

  @Test func javascriptCommentsGoStringsRegexesAndTemplatesStay() {
    let lines = code(
      "src/db.js",
      """
      // dialect: 'sqlite'
      const a = "http://x"; /* dialect: 'sqlite' */ const b = 1;
      /*
        production: { client: 'postgresql' }
      */
      const re = /'"/g; const c = 'pg';
      const t = `line one
      // not a comment inside a template
      `;
      """)
    #expect(lines[0] == "")
    #expect(lines[1] == #"const a = "http://x";  const b = 1;"#)
    #expect(lines[2] == "" && lines[3] == "" && lines[4] == "")
    #expect(lines[5] == #"const re = /'"/g; const c = 'pg';"#)
    #expect(lines[7] == "// not a comment inside a template")
  }

  @Test func configurationFilesDropHashComments() {
    #expect(code(".env", "# DATABASE_URL=sqlite:///x\nDATABASE_URL=postgresql://h/db\n")
      == ["", "DATABASE_URL=postgresql://h/db"])
    #expect(code("config.yml", "url: 'a#b' # postgres://x\n") == ["url: 'a#b' "])
    #expect(code("run.sh", "#!/usr/bin/env bash\n# comment\nexec x\n")
      == ["#!/usr/bin/env bash", "", "exec x"])
    #expect(code("schema.sql", "-- sqlite only\nCREATE TABLE t (a TEXT); -- note\n")
      == ["", "CREATE TABLE t (a TEXT); "])
    #expect(code("tsconfig.json", "{ // strict\n\"a\": 1 }\n") == ["{ ", "\"a\": 1 }"])
    // package.json is strict JSON: a comment in it is kept, for the check that forbids it.
    #expect(code("package.json", "// x\n") == ["// x"])
  }

  @Test func everyLineEndingSplitsLines() {
    let file = SourceFile(path: "a.js", content: "one\r\ntwo\rthree\nfour")
    #expect(file.lines.map(\.number) == [1, 2, 3, 4])
    #expect(file.lines.map(\.text) == ["one", "two", "three", "four"])
  }
}

@Suite struct FileRoleTests {
  @Test(arguments: [
    ("app/main.py", FileRole.application), ("settings.py", .application),
    ("requirements.txt", .application), ("package.json", .application), (".env", .application),
    ("run.sh", .application), ("prisma/schema.prisma", .application),
    ("tests/conftest.py", .test), ("src/a.test.ts", .test), ("pytest.ini", .test),
    ("Conduit.postman_collection.json", .test), ("run-api-tests.sh", .test),
    ("app/settings/test.py", .test), ("tests/fixtures/x.json", .test),
    ("app/db/migrations/env.py", .migration), ("alembic.ini", .migration),
    ("prisma/migrations/migration_lock.toml", .migration), ("knex/seeds/a.js", .migration),
    (".github/workflows/ci.yml", .tooling), (".travis.yml", .tooling), ("Dockerfile", .tooling),
    ("docker-compose.yml", .tooling), (".env.example", .tooling), ("scripts/lint.sh", .tooling),
    (".dockerignore", .tooling), ("README.md", .docs), ("docs/setup.txt", .docs),
    ("LICENSE", .docs), ("notes.txt", .docs),
  ])
  func rolesFollowThePath(_ path: String, _ role: FileRole) {
    #expect(FileRole.of(path) == role)
  }
}

@Suite struct SetAsideTests {
  private func evidence(_ path: String, _ text: String) -> [String] {
    EvidenceScanner.scan([SourceFile(path: path, content: text)]).map {
      "\($0.line) \($0.label)\($0.aside.map { " (\($0))" } ?? "")"
    }
  }

  @Test func developmentAndTestClassesDoNotDecide() {
    let found = evidence(
      "conduit/settings.py",
      """
      class ProdConfig(Config):
          URI = 'postgresql://localhost/example'

      class DevConfig(Config):
          URI = 'sqlite:///dev.db'

          X = 1
      class TestConfig(Config):
          URI = 'sqlite://'
      class LatestFeatures:
          URI = 'sqlite://'
      """)
    #expect(
      found == [
        "2 connection url 'postgresql://'",
        "5 connection url 'sqlite://' (development settings)",
        "9 connection url 'sqlite://' (test settings)",
        "11 connection url 'sqlite://'",
      ])
  }

  @Test func knexDevelopmentBlocksDoNotDecide() {
    let found = evidence(
      "knexfile.js",
      """
      module.exports = {
        development: {
          client: 'sqlite3',
          connection: { filename: ':memory:' }
        },
        production: { client: 'pg' }
      }
      """)
    #expect(found == ["3 setting 'client: sqlite3' (development settings)", "6 setting 'client: pg'"])
  }

  @Test func onlyRuntimeDependenciesDecide() {
    let python = evidence(
      "pyproject.toml",
      """
      [tool.poetry.dependencies]
      asyncpg = "^0.29"
      [tool.poetry.group.dev.dependencies]
      aiosqlite = "*"
      [tool.isort]
      known_third_party = ["sqlalchemy"]
      """)
    #expect(
      python == [
        "2 dependency 'asyncpg'",
        "4 dependency 'aiosqlite' (a non-runtime dependency section ([tool.poetry.group.dev.dependencies]))",
        "6 dependency 'sqlalchemy' (a non-runtime dependency section ([tool.isort]))",
      ])
    #expect(evidence("requirements/dev.txt", "aiosqlite\n") == [
      "1 dependency 'aiosqlite' (a dev-only dependency file)"
    ])
    let node = evidence(
      "package.json",
      """
      {
        "name": "pg",
        "dependencies": { "pg": "^8" },
        "devDependencies": {
          "sqlite3": "^5"
        }
      }
      """)
    #expect(node == ["3 dependency 'pg'", "5 dependency 'sqlite3' (a dev-only dependency (devDependencies))"])
  }

  @Test func outsideApplicationCodeNothingDecides() {
    #expect(evidence("tests/conftest.py", "import sqlite3\n") == ["1 driver import 'sqlite3' (test code)"])
    #expect(evidence("README.md", "sqlite:///x\n").isEmpty)
    #expect(evidence(".github/workflows/ci.yml", "url: postgres://h/db\n") == [
      "1 connection url 'postgres://' (CI or tooling)"
    ])
  }

  @Test func innocentLinesFlipNoVerdict() throws {
    let target = try VerificationTarget.named("fastapi-openapi-postgres-sqlalchemy")
    let app = [
      SourceFile(path: "requirements.txt", content: "fastapi\nsqlalchemy>=2\npsycopg[binary]\n"),
      SourceFile(
        path: "app/db.py",
        content: "from sqlalchemy import create_engine\nengine = create_engine('postgresql+psycopg://u@h/d')\n"),
    ]
    let innocent = [
      SourceFile(path: "app/db2.py", content: "# engine = create_engine('sqlite:///x')\n"),
      SourceFile(path: "src/cfg.js", content: "/* dialect: 'sqlite' */\n"),
      SourceFile(path: "tests/conftest.py", content: "import sqlite3\nURL = 'sqlite://'\n"),
      SourceFile(path: ".env.example", content: "# DATABASE_URL=sqlite:///x\n"),
      SourceFile(path: "docs/setup.md", content: "Use sqlite:///x locally.\n"),
      SourceFile(path: ".github/workflows/ci.yml", content: "DATABASE_URL: sqlite:///x\n"),
      SourceFile(path: "alembic/env.py", content: "import sqlite3\n"),
    ]
    let paths = (app + innocent).map(\.path)
    let plain = Verifier(target: target).verify(
      Workspace(input: "app", kind: .folder, files: app, paths: app.map(\.path)))
    #expect(plain.passed)
    let perturbed = Verifier(target: target).verify(
      Workspace(input: "app", kind: .folder, files: app + innocent, paths: paths))
    #expect(perturbed.passed, "\(perturbed.findings)")
    #expect(perturbed.findings.allSatisfy { $0.severity == .note })
  }
}

@Suite struct ThreeValuedCheckTests {
  private let check = RuleCheckFixture.health

  @Test func aPatchThatDoesNotShowTheEvidenceIsUnknownAndABaseDecides() throws {
    let base = Workspace(
      input: "app", kind: .folder,
      files: [
        SourceFile(path: "app/main.py", content: "app = App()\n@app.get('/health')\ndef h(): ...\n"),
        SourceFile(path: "app/users.py", content: "def users(): ...\n"),
      ], paths: ["app/main.py", "app/users.py"])
    // A feature patch that touches only users.py.
    let feature = Workspace(
      patch: Patch.parse(
        """
        diff --git a/app/users.py b/app/users.py
        --- a/app/users.py
        +++ b/app/users.py
        @@ -1 +1,2 @@
         def users(): ...
        +def more(): ...

        """), input: "f.patch")
    #expect(CheckEvaluator.evaluate(check, in: feature.files, isPatch: true) == .unknown(
      "the patch does not show every file where '/health' could be"))
    #expect(CheckEvaluator.evaluate(check, in: feature.applied(over: base)) == .holds)
    // A patch that removes the route: with the base, the check is violated.
    let removal = Workspace(
      patch: Patch.parse(
        """
        diff --git a/app/main.py b/app/main.py
        --- a/app/main.py
        +++ b/app/main.py
        @@ -1,3 +1,2 @@
         app = App()
        -@app.get('/health')
         def h(): ...

        """), input: "r.patch")
    #expect(CheckEvaluator.evaluate(check, in: removal.applied(over: base)).violations.count == 1)
    // A new project shown whole is decided without a base.
    let fresh = Workspace(
      patch: Patch.parse(
        """
        diff --git a/app/main.py b/app/main.py
        new file mode 100644
        --- /dev/null
        +++ b/app/main.py
        @@ -0,0 +1 @@
        +app = App()

        """), input: "n.patch")
    #expect(CheckEvaluator.evaluate(check, in: fresh.files, isPatch: true).violations.count == 1)
  }

  @Test func aRequiredPatternMaySpanLines() {
    let signature = SourceFile(
      path: "app/deps.py",
      content: "app.dependency(\n    get_session,\n    scope='function',  # per request\n)\n")
    let check = CPlanModel.RuleCheck(
      kind: .requirePattern, files: "**/*.py", pattern: #"dependency\(\s*get_session,\s*scope='function'"#)
    #expect(CheckEvaluator.evaluate(check, in: [signature]) == .holds)
    let anchored = CPlanModel.RuleCheck(
      kind: .requirePattern, files: "**/*.py", pattern: #"^\s*scope="#)
    #expect(CheckEvaluator.evaluate(anchored, in: [signature]) == .holds)
  }

  @Test func testsDocsAndCommentsAreOutOfScopeUnlessRolesSayOtherwise() {
    let files = [
      SourceFile(path: "tests/test_health.py", content: "client.get('/health')\n"),
      SourceFile(path: "README.md", content: "GET /health\n"),
      SourceFile(path: "app/main.py", content: "# @app.get('/health')\n"),
    ]
    #expect(CheckEvaluator.evaluate(check, in: files).violations.count == 1)
    var wide = check
    wide.roles = ["application", "test"]
    #expect(CheckEvaluator.evaluate(wide, in: files) == .holds)
  }
}

enum RuleCheckFixture {
  static let health = CPlanModel.RuleCheck(
    kind: .requirePattern, files: "**/*.{py,md}", pattern: "/health",
    message: "no health route")
}
