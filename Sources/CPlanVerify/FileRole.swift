/// What a file of a project is for. Only application code (and the runtime dependencies it
/// declares) decides a verdict; evidence in the other roles is reported as a note.
public enum FileRole: String, Sendable, CaseIterable, Hashable, Comparable {
  /// Code and configuration the service runs with: sources, settings, `.env`, dependency
  /// manifests, its start script.
  case application
  /// Tests, their fixtures and configuration, API test collections.
  case test
  /// Database migrations and seeds (Alembic, Django, Knex, Prisma, Sequelize).
  case migration
  /// Continuous integration, containers, editor and lint settings, helper scripts, example
  /// environment files.
  case tooling
  /// Prose: Markdown, reStructuredText, AsciiDoc, plain text, licences, `docs/`.
  case docs

  public static func < (lhs: FileRole, rhs: FileRole) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// How a finding names the role: "test code", "a migration"…
  public var phrase: String {
    switch self {
    case .application: "application code"
    case .test: "test code"
    case .migration: "a migration"
    case .tooling: "CI or tooling"
    case .docs: "documentation"
    }
  }

  /// The role of a path relative to the project root.
  public static func of(_ path: String) -> FileRole {
    let parts = path.split(separator: "/").map { $0.lowercased() }
    let name = parts.last ?? ""
    let folders = parts.dropLast()
    if PathRules.isDocument(path) || name.hasPrefix("license") || name.hasPrefix("licence")
      || name.hasPrefix("changelog") || name.hasPrefix("code_of_conduct")
      || name.hasPrefix("contributing") || folders.contains(where: docFolders.contains)
      || (name.hasSuffix(".txt") && !EvidenceCatalog.isPythonDependencyFile(path))
    {
      return .docs
    }
    if folders.contains(where: ciFolders.contains) || ciFiles.contains(name)
      || name.hasPrefix("dockerfile") || name.hasPrefix("docker-compose")
      || name.hasPrefix("compose.") || exampleEnvironments.contains(name)
      || name.hasPrefix(".eslintrc") || name.hasPrefix(".prettierrc")
      || (folders.last.map(scriptFolders.contains) ?? false && name.hasSuffix(".sh"))
    {
      return .tooling
    }
    if PathRules.isTest(path) || testFiles.contains(name)
      || name.hasSuffix(".postman_collection.json") || testConfigPrefixes.contains(where: name.hasPrefix)
      || folders.contains(where: testFolders.contains)
      || (name.hasSuffix(".sh") && name.contains("test"))
      || testStems.contains(stem(name))
    {
      return .test
    }
    if folders.contains(where: migrationFolders.contains) || name == "alembic.ini" {
      return .migration
    }
    return .application
  }

  /// The name without its last extension.
  private static func stem(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  private static let docFolders: Set<String> = ["docs", "doc", "documentation"]
  private static let ciFolders: Set<String> = [
    ".github", ".gitlab", ".circleci", ".buildkite", ".devcontainer", ".vscode", ".idea",
    ".husky",
  ]
  private static let ciFiles: Set<String> = [
    ".gitlab-ci.yml", ".travis.yml", "jenkinsfile", "azure-pipelines.yml", "bitbucket-pipelines.yml",
    ".dockerignore", ".gitignore", ".gitattributes", ".editorconfig", ".pre-commit-config.yaml",
    "makefile", "vagrantfile", ".flake8", ".pylintrc", "mypy.ini", ".nvmrc", ".npmrc",
    "renovate.json", ".prettierignore", ".eslintignore", "netlify.toml",
  ]
  private static let exampleEnvironments: Set<String> = [
    ".env.example", ".env.sample", ".env.template", ".env.dist", "env.example", ".env.test",
  ]
  private static let scriptFolders: Set<String> = ["scripts", "script", "bin", "tools"]
  private static let testFiles: Set<String> = [
    "pytest.ini", "tox.ini", "noxfile.py", ".mocharc.json", ".mocharc.yml", ".mocharc.js",
    ".taprc", "karma.conf.js", "cypress.json", "playwright.config.ts", "playwright.config.js",
  ]
  private static let testConfigPrefixes = ["jest.config.", "vitest.config.", "jest.setup."]
  private static let testFolders: Set<String> = [
    "fixtures", "__fixtures__", "__mocks__", "testing", "postman", "cypress",
  ]
  /// Settings modules for tests (`settings/test.py`, `config/testing.js`).
  private static let testStems: Set<String> = ["test", "tests", "testing", "test_settings"]
  private static let migrationFolders: Set<String> = [
    "migrations", "migration", "alembic", "seeds", "seeders", "seed",
  ]
}
