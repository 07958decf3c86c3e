import CPlanCore
import Foundation
import Testing

@testable import CPlanVerify

@Suite struct LayerTests {
  @Test(arguments: [
    ("app/routes/users.py", Layer.routes), ("src/controllers/a.js", .routes),
    ("conduit/api/articles.py", .routes), ("app/use_cases/x.py", .services),
    ("src/application/x.ts", .services), ("app/data_access/x.py", .repositories),
    ("app/dal/x.py", .repositories), ("conduit/impl/user_repository.py", .repositories),
    ("app/crud/x.py", .repositories), ("app/db/repositories/base.py", .repositories),
    ("app/domain/user.py", .models), ("src/entities/user.ts", .models),
    ("app/api/models/user.py", .models), ("app/domain/repositories/users.py", .repositories),
  ])
  func innermostFolderDecides(_ path: String, _ layer: Layer) {
    #expect(Layer.of(file: path) == layer)
  }

  @Test func filesAreNotFolders() {
    #expect(Layer.of(file: "app/models.py") == nil)
    #expect(Layer.of(file: "services.py") == nil)
    #expect(Layer.of(file: "app/helpers/x.py") == nil)
  }

  @Test func infrastructureAndContainersAreNoLayer() {
    // db/ holds the engine and the declarative base; core/ holds layers of its own.
    #expect(Layer.of(file: "app/db/session.py") == nil)
    #expect(Layer.of(file: "app/db/base.py") == nil)
    #expect(Layer.of(file: "conduit/core/config.py") == nil)
    #expect(Layer.of(file: "conduit/core/use_cases/sign_in.py") == .services)
    #expect(Layer.of(file: "conduit/core/entities/user.py") == .models)
  }

  @Test func fileNamesDecideWhenNoFolderDoes() {
    #expect(Layer.of(file: "app/db/user_repository.py") == .repositories)
    #expect(Layer.of(file: "src/lib/article.service.ts") == .services)
    #expect(Layer.of(file: "src/UsersController.js") == .routes)
    #expect(Layer.of(file: "app/article_model.py") == .models)
    // A folder naming a layer wins over the file name.
    #expect(Layer.of(file: "app/api/user_service.py") == .routes)
  }

  @Test func aManifestOverridesTheMapping() {
    let map = LayerMap(overrides: ["gateways": .repositories, "api": nil, "db": .repositories])
    #expect(map.layer(ofFile: "app/gateways/users.py") == .repositories)
    #expect(map.layer(ofFile: "app/api/users.py") == nil)
    #expect(map.layer(ofFile: "app/db/session.py") == .repositories)
    #expect(LayerMap.standard.layer(ofFile: "app/gateways/users.py") == nil)
  }

  @Test func testCodeIsRecognised() {
    for path in [
      "tests/unit/api/test_x.py", "app/test_routes.py", "app/routes_test.py", "conftest.py",
      "src/__tests__/a.js", "src/routes/a.test.ts", "src/routes/a.spec.js", "e2e/flow.ts",
    ] {
      #expect(PathRules.isTest(path), "\(path)")
    }
    #expect(!PathRules.isTest("app/routes/contest.py"))
  }
}

@Suite struct ImportResolverTests {
  private let resolver = ImportResolver(paths: [
    "app/routes/users.py", "app/services/users.py", "app/services/__init__.py",
    "app/repositories/users.py", "app/models/user.py", "app/models.py", "backend/app/db/x.py",
    "src/routes/a.ts", "src/services/b.service.ts", "src/models/index.js", "src/db.js",
  ])

  private func layers(_ module: String, names: [String] = [], in file: String) -> [Layer?] {
    resolver.resolve(ImportStatement(module: module, names: names), in: file).map(\.layer)
  }

  @Test func pythonAbsoluteImportsResolveToProjectModules() {
    #expect(layers("app.services.users", in: "app/routes/users.py") == [.services])
    // A package and a module of the same name: the package wins.
    #expect(layers("app.models", names: ["User"], in: "app/services/users.py") == [.models])
    let flat = ImportResolver(paths: ["app/models.py", "app/services/x.py"])
    #expect(
      flat.resolve(ImportStatement(module: "app.models", names: ["User"]), in: "app/services/x.py")
        .map(\.layer) == [nil])
    #expect(layers("django.db", names: ["models"], in: "app/models/user.py").isEmpty)
    #expect(layers("sqlalchemy.orm", in: "app/db/x.py").isEmpty)
  }

  @Test func pythonRelativeImports() {
    #expect(layers("..services.users", in: "app/repositories/users.py") == [.services])
    #expect(layers("..", names: ["services"], in: "app/models/user.py") == [nil, .services])
    #expect(layers(".", names: ["users"], in: "app/routes/users.py") == [.routes, .routes])
    #expect(layers("....too.far", in: "app/models/user.py").isEmpty)
  }

  @Test func deepestEnclosingRootWins() {
    let paths = resolver.resolve(
      ImportStatement(module: "app.db.x", names: []), in: "backend/app/main.py")
    #expect(paths.map(\.path) == ["backend/app/db/x"])
  }

  @Test func javascriptRelativeAliasedAndPackageImports() {
    #expect(layers("../services/b.service", in: "src/routes/a.ts") == [.services])
    #expect(layers("../services/b.service.js", in: "src/repositories/c.ts") == [.services])
    #expect(layers("../models", in: "src/services/b.service.ts") == [.models])
    #expect(layers("@/routes/a", in: "src/models/index.js") == [.routes])
    #expect(layers("routes/a", in: "src/models/index.js") == [.routes])
    #expect(layers("express", in: "src/routes/a.ts").isEmpty)
    #expect(layers("@hono/node-server", in: "src/routes/a.ts").isEmpty)
    #expect(layers("../../../outside", in: "src/routes/a.ts").isEmpty)
  }
}

@Suite struct ArchitectureVerifierTests {
  @Test func pythonCleanPatchPasses() throws {
    let report = try Fixtures.verify(
      "python-clean-postgres-sqlalchemy.patch",
      as: "flask-openapi-clean_architecture-postgres-sqlalchemy")
    #expect(report.passed)
    #expect(report.findings.isEmpty)
    let outcome = try #require(report.outcomes.first { $0.id == "clean-architecture" })
    #expect(
      outcome.evidence.map(\.path) == [
        "app/routes/", "app/services/", "app/repositories/", "app/models/",
      ])
  }

  @Test func pythonViolationsResolveAbsoluteAndRelativeImports() throws {
    let report = try Fixtures.verify(
      "python-layer-violation.patch", as: "fastapi-openapi-clean_architecture")
    #expect(
      report.places() == [
        "conduit/core/entities/article.py:4 cplan-architecture-imports",
        "conduit/infrastructure/repositories/articles.py:4 cplan-architecture-imports",
      ])
    #expect(report.findings[1].message.contains("'...core.use_cases.articles'"))
  }

  @Test func pythonTooFewLayers() throws {
    let report = try Fixtures.verify(
      "python-two-layers.patch", as: "flask-openapi-clean_architecture")
    #expect(report.places() == ["-:- cplan-architecture-layers"])
    #expect(
      report.findings[0].message.hasPrefix(
        "only 2 of the 4 layers are present (routes 'app/routes/', models 'app/models/'); "
          + "missing 'services', 'repositories'"
      ))
  }

  @Test func nodeCleanPatchPassesWithTestsAndCommentsIgnored() throws {
    let report = try Fixtures.verify(
      "node-clean-sqlite-sequelize.patch", as: "express-openapi-clean_architecture-sqlite-sequelize"
    )
    #expect(report.findings.isEmpty)
    #expect(report.outcomes.map(\.id) == ["clean-architecture", "database", "orm"])
  }

  @Test func nodeViolationsInRequireESMAndAliases() throws {
    let report = try Fixtures.verify(
      "node-layer-violation.patch", as: "hono-openapi-clean_architecture-postgres")
    #expect(
      report.places() == [
        "src/models/article.ts:1 cplan-architecture-imports",
        "src/repositories/article.repository.ts:3 cplan-architecture-imports",
        "src/repositories/article.repository.ts:4 cplan-architecture-imports",
      ])
  }

  @Test func renamedFilesCountWhereTheyLand() throws {
    let workspace = try Workspace.patch(at: Fixtures.path("malformed/rename.patch"))
    let (present, _) = ArchitectureVerifier().layers(in: workspace.paths)
    #expect(Set(present.keys) == [.routes, .services, .models])
  }

  @Test func folderInputWalksAndSkipsDependencies() throws {
    let scratch = try Scratch()
    let root = try scratch.copy("folders/python-clean", to: "project")
    let bad = "from app.api.articles import router\nimport sqlite3\nURL = 'sqlite:///x.db'\n"
    for folder in [
      "node_modules/pkg", ".git/hooks", "venv/lib", ".venv/lib", "app/__pycache__", "build",
    ] {
      try scratch.write("project/\(folder)/app/entities/evil.py", bad)
    }
    try scratch.write("project/app/entities/blob.db", Data([0, 1, 2, 3]))
    try scratch.write("project/poetry.lock", "name = \"aiosqlite\"\n")
    let workspace = try Workspace.folder(at: root)
    #expect(!workspace.paths.contains { $0.contains("evil") })
    #expect(
      workspace.paths.contains("poetry.lock")
        && !workspace.files.contains { $0.path == "poetry.lock" })
    let target = try VerificationTarget.named(
      "fastapi-openapi-clean_architecture-postgres-sqlalchemy")
    let report = Verifier(target: target).verify(workspace)
    #expect(report.kind == .folder)
    #expect(report.findings.isEmpty, "\(report.findings)")
    #expect(report.outcomes.count == 3 && report.passed)
  }

  @Test func flatNodeFolderFailsTheLayers() throws {
    let report = Verifier(
      target: try VerificationTarget.named("express-openapi-clean_architecture-sqlite")
    )
    .verify(try Workspace.folder(at: Fixtures.path("folders/node-flat")))
    #expect(report.places() == ["-:- cplan-architecture-layers"])
    #expect(report.findings[0].message.hasPrefix("only 0 of the 4 layers"))
  }

  @Test func folderViolationIsFoundInWholeFiles() throws {
    let scratch = try Scratch()
    let root = try scratch.copy("folders/python-clean", to: "project")
    try scratch.write(
      "project/app/entities/comment.py",
      "from dataclasses import dataclass\n\nfrom ..use_cases import articles\n")
    let report = Verifier(
      target: try VerificationTarget.named("fastapi-openapi-clean_architecture")
    )
    .verify(try Workspace.folder(at: root))
    #expect(report.places() == ["app/entities/comment.py:3 cplan-architecture-imports"])
  }

  @Test func unreadableInputsThrow() {
    #expect(throws: VerifyError.self) { try Workspace.folder(at: "/nonexistent/cplan") }
    #expect(throws: VerifyError.self) { try Workspace.patch(at: "/nonexistent/cplan.patch") }
  }
}
