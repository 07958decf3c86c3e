/// A database engine a variant can prescribe.
public enum DatabaseEngine: String, Sendable, CaseIterable, Hashable {
  /// SQLite.
  case sqlite
  /// PostgreSQL.
  case postgres

  /// The engine a dimension value or token names (`sqlite`, `postgres`, `postgresql`).
  public static func named(_ value: String) -> DatabaseEngine? {
    switch value.lowercased() {
    case "sqlite", "sqlite3": .sqlite
    case "postgres", "postgresql", "pg": .postgres
    default: nil
    }
  }

  /// The other engine.
  public var other: DatabaseEngine { self == .sqlite ? .postgres : .sqlite }
}

/// An ORM a variant can prescribe.
public enum ORMKind: String, Sendable, CaseIterable, Hashable {
  /// SQLAlchemy (Python).
  case sqlalchemy
  /// Sequelize (Node).
  case sequelize

  /// The ORM a dimension value or token names.
  public static func named(_ value: String) -> ORMKind? { ORMKind(rawValue: value.lowercased()) }
}

/// What a piece of evidence shows.
public enum EvidenceSubject: Sendable, Hashable {
  /// A database engine.
  case database(DatabaseEngine)
  /// An ORM.
  case orm(ORMKind)
}

/// How a piece of evidence was found.
public enum EvidenceKind: String, Sendable, Hashable {
  /// An import or require of a database driver.
  case driverImport = "driver import"
  /// A dependency declaration (requirements, pyproject, package.json).
  case dependency
  /// A connection URL such as `postgresql://`.
  case connectionURL = "connection url"
  /// A Django `ENGINE` backend.
  case djangoBackend = "django backend"
  /// An engine setting such as Sequelize's `dialect`.
  case setting
  /// An import or require of an ORM.
  case ormImport = "import"
  /// An ORM constructor call such as `new Sequelize(`.
  case ormConstructor = "constructor"
}

/// One piece of database or ORM evidence at a file and line.
public struct EvidenceItem: Sendable, Hashable {
  /// What it shows.
  public var subject: EvidenceSubject
  /// How it was found.
  public var kind: EvidenceKind
  /// What was written, e.g. `asyncpg` or `postgresql+asyncpg://`.
  public var value: String
  /// The file.
  public var path: String
  /// The line.
  public var line: Int
  /// Why it does not decide a verdict ("test code", "a dev-only dependency"…), or nil when it
  /// is application code or a runtime dependency.
  public var aside: String?

  /// Creates an item.
  public init(
    subject: EvidenceSubject, kind: EvidenceKind, value: String, path: String, line: Int,
    aside: String? = nil
  ) {
    self.subject = subject
    self.kind = kind
    self.value = value
    self.path = path
    self.line = line
    self.aside = aside
  }

  /// Whether it decides a verdict.
  public var decides: Bool { aside == nil }

  /// `driver import 'asyncpg'`.
  public var label: String { "\(kind.rawValue) '\(value)'" }

  /// The item as evidence.
  public var evidence: Evidence { Evidence(label: label, path: path, line: line) }
}

/// The names that count as evidence: modules, packages and setting values.
enum EvidenceCatalog {
  /// Python modules (matched on the whole dotted name or its first component).
  static let pythonModules: [String: EvidenceSubject] = [
    "sqlite3": .database(.sqlite), "aiosqlite": .database(.sqlite),
    "psycopg": .database(.postgres), "psycopg2": .database(.postgres),
    "psycopg_pool": .database(.postgres), "asyncpg": .database(.postgres),
    "pg8000": .database(.postgres), "aiopg": .database(.postgres),
    "sqlalchemy.dialects.postgresql": .database(.postgres),
    "sqlalchemy.dialects.sqlite": .database(.sqlite),
    "django.contrib.postgres": .database(.postgres),
    "sqlalchemy": .orm(.sqlalchemy), "flask_sqlalchemy": .orm(.sqlalchemy),
  ]

  /// npm packages (matched on the whole specifier or the part before `/`).
  static let nodeModules: [String: EvidenceSubject] = [
    "sqlite3": .database(.sqlite), "better-sqlite3": .database(.sqlite),
    "sqlite": .database(.sqlite), "pg": .database(.postgres), "pg-promise": .database(.postgres),
    "pg-pool": .database(.postgres), "postgres": .database(.postgres),
    "pg-native": .database(.postgres),
    "sequelize": .orm(.sequelize), "sequelize-typescript": .orm(.sequelize),
    "@sequelize/core": .orm(.sequelize),
  ]

  /// Dependencies in `package.json` (the npm packages, plus Sequelize's Postgres companion).
  static let npmDependencies: [String: EvidenceSubject] = nodeModules.merging(
    ["pg-hstore": .database(.postgres)], uniquingKeysWith: { a, _ in a })

  /// Dependencies in `requirements*.txt`, `pyproject.toml`, `Pipfile`, `setup.py`, `setup.cfg`.
  static let pythonDependencies: [String: EvidenceSubject] = [
    "psycopg": .database(.postgres), "psycopg2": .database(.postgres),
    "psycopg2-binary": .database(.postgres), "psycopg-binary": .database(.postgres),
    "psycopg-pool": .database(.postgres), "asyncpg": .database(.postgres),
    "pg8000": .database(.postgres), "aiopg": .database(.postgres),
    "aiosqlite": .database(.sqlite),
    "sqlalchemy": .orm(.sqlalchemy), "flask-sqlalchemy": .orm(.sqlalchemy),
    "flask_sqlalchemy": .orm(.sqlalchemy),
  ]

  /// Setting keys and the values that name an engine: Sequelize `dialect`, Knex `client`,
  /// Prisma `provider`, TypeORM `type`, and the Docker service host `postgres`.
  static let settings: [(key: [UInt8], values: [String: DatabaseEngine])] = [
    ("dialect", ["sqlite": .sqlite, "postgres": .postgres, "postgresql": .postgres]),
    (
      "client",
      [
        "sqlite3": .sqlite, "better-sqlite3": .sqlite, "sqlite": .sqlite, "pg": .postgres,
        "postgres": .postgres, "postgresql": .postgres, "pg-native": .postgres,
      ]
    ),
    ("provider", ["sqlite": .sqlite, "postgresql": .postgres, "postgres": .postgres]),
    ("type", ["sqlite": .sqlite, "better-sqlite3": .sqlite, "postgres": .postgres]),
    ("host", ["postgres": .postgres]),
  ].map { (Array($0.0.utf8), $0.1) }

  /// Whether a file declares Python dependencies.
  static func isPythonDependencyFile(_ path: String) -> Bool {
    let name = PathRules.name(of: path).lowercased()
    return (name.hasPrefix("requirements") && (name.hasSuffix(".txt") || name.hasSuffix(".in")))
      || path.contains("requirements/") && name.hasSuffix(".txt")
      || ["pyproject.toml", "pipfile", "setup.py", "setup.cfg"].contains(name)
  }

  /// Whether a file is an npm manifest.
  static func isPackageManifest(_ path: String) -> Bool {
    PathRules.name(of: path) == "package.json"
  }
}
