import CPlanModel
import Foundation

/// What `cplan init` reads from an existing project: runtime, framework, database, ORM and
/// layout, from the same evidence `cplan verify` uses (application code and runtime
/// dependencies only; comments, tests, migrations, CI and docs decide nothing).
public struct ProjectFacts: Sendable, Equatable {
  /// `python` or `node`, when a dependency manifest says.
  public var runtime: Runtime?
  /// The framework, e.g. `fastapi`, when one is declared or imported.
  public var framework: String?
  /// `sqlite` or `postgres`, when the code shows one engine.
  public var database: String?
  /// `sqlalchemy` or `sequelize`, when the code uses one; other data layers are named in
  /// `dataLayer`.
  public var orm: String?
  /// A data layer cplan has no dimension value for (Prisma, Knex, raw asyncpg…), for the notes.
  public var dataLayer: String?
  /// Whether at least three of the four clean-architecture layers are present.
  public var layered: Bool
  /// The layers present, highest first.
  public var layers: [String]
  /// An OpenAPI document in the project, relative to it.
  public var spec: String?
  /// Why each fact was concluded: `framework fastapi: pyproject.toml:11 dependency 'fastapi'`.
  public var reasons: [String]
}

/// Detects `ProjectFacts` in a folder.
public enum ProjectDetector {
  /// The frameworks cplan ships packs for, by the package name that declares each.
  public static let frameworkPackages: [(package: String, framework: String, runtime: Runtime)] = [
    ("django", "django", .python), ("fastapi", "fastapi", .python), ("flask", "flask", .python),
    ("aiohttp", "aiohttp", .python), ("express", "express", .node), ("fastify", "fastify", .node),
    ("koa", "koa", .node), ("hono", "hono", .node),
  ]

  /// Data layers without a dimension value, by the package that declares each.
  static let otherDataLayers: [(package: String, name: String)] = [
    ("@prisma/client", "Prisma"), ("prisma", "Prisma"), ("knex", "Knex"),
    ("typeorm", "TypeORM"), ("drizzle-orm", "Drizzle"), ("mongoose", "Mongoose"),
    ("aiosql", "aiosql (raw SQL)"), ("databases", "databases (raw SQL)"), ("peewee", "Peewee"),
    ("tortoise-orm", "Tortoise ORM"), ("sqlmodel", "SQLModel"),
  ]

  /// Reads the project at `path`.
  /// - Throws: `VerifyError.unreadable` when it is not a readable folder.
  public static func detect(at path: String) throws -> ProjectFacts {
    let workspace = try Workspace.folder(at: path)
    var facts = ProjectFacts(layered: false, layers: [], reasons: [])
    let application = workspace.files.filter { $0.role == .application }
    // Runtime and framework: runtime dependencies first, then imports.
    var declared: [(name: String, place: String)] = []
    for file in application {
      if EvidenceCatalog.isPackageManifest(file.path) {
        facts.runtime = facts.runtime ?? .node
        for key in DependencySections.packageKeys(file.lines) where key.reason == nil {
          declared.append((key.name, "\(file.path):\(key.line)"))
        }
      } else if EvidenceCatalog.isPythonDependencyFile(file.path) {
        facts.runtime = facts.runtime ?? .python
        var sections = DependencySections(path: file.path)
        for line in file.lines {
          let section = sections.next(line.text)
          guard section.reason == nil, let name = requirementName(line.text) else { continue }
          declared.append((name, "\(file.path):\(line.number)"))
        }
      }
    }
    for (package, framework, runtime) in frameworkPackages {
      if let hit = declared.first(where: { $0.name == package }) {
        facts.framework = framework
        facts.runtime = facts.runtime ?? runtime
        facts.reasons.append("framework \(framework): \(hit.place) dependency '\(package)'")
        break
      }
    }
    if facts.framework == nil {
      outer: for file in application where PathRules.isSource(file.path) {
        for line in file.lines {
          for module in ImportScanner.modules(in: line.text, path: file.path) {
            let top = String(module.split(whereSeparator: { $0 == "." || $0 == "/" }).first ?? "")
            if let found = frameworkPackages.first(where: { $0.package == top }) {
              facts.framework = found.framework
              facts.runtime = facts.runtime ?? found.runtime
              facts.reasons.append(
                "framework \(found.framework): \(file.path):\(line.number) import '\(module)'")
              break outer
            }
          }
        }
      }
    }
    // Database and ORM: the evidence verify decides with.
    let evidence = EvidenceScanner.scan(workspace.files).filter(\.decides)
    let engines = DatabaseEngine.allCases.filter { engine in
      evidence.contains { $0.subject == .database(engine) }
    }
    if engines.count == 1, let engine = engines.first,
      let first = evidence.first(where: { $0.subject == .database(engine) })
    {
      facts.database = engine.rawValue
      facts.reasons.append("database \(engine.rawValue): \(first.path):\(first.line) \(first.label)")
    } else if engines.count > 1 {
      facts.reasons.append(
        "database: both engines appear in application code; pass --database to choose")
    }
    for orm in ORMKind.allCases {
      if let first = evidence.first(where: { $0.subject == .orm(orm) }) {
        facts.orm = orm.rawValue
        facts.reasons.append("orm \(orm.rawValue): \(first.path):\(first.line) \(first.label)")
        break
      }
    }
    if facts.orm == nil,
      let other = otherDataLayers.first(where: { layer in declared.contains { $0.name == layer.package } })
    {
      facts.dataLayer = other.name
      facts.reasons.append(
        "data layer \(other.name): no ORM dimension value; the variant sets no ORM")
    }
    // Layout.
    let (present, _) = ArchitectureVerifier().layers(in: workspace.paths)
    facts.layers = Layer.allCases.reversed().filter { present[$0] != nil }.map(\.name)
    facts.layered = present.count >= 3
    facts.reasons.append(
      "layout: \(present.count) of 4 clean-architecture layers"
        + (facts.layers.isEmpty ? "" : " (\(facts.layers.joined(separator: ", ")))"))
    // An OpenAPI document.
    facts.spec = workspace.paths.filter { path in
      let name = PathRules.name(of: path).lowercased()
      return FileRole.of(path) != .test
        && ["openapi.yaml", "openapi.yml", "openapi.json", "swagger.yaml", "swagger.json"]
          .contains(name)
    }.min { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
    return facts
  }

  /// The package a requirement line names: `Flask>=3` → `flask`, `uvicorn = "^0.18"` →
  /// `uvicorn`, `"asyncpg>=0.29",` → `asyncpg`.
  static func requirementName(_ line: String) -> String? {
    let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }
    guard let first = trimmed.first, first.isLetter else { return nil }
    let name = trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
    let rest = trimmed.dropFirst(name.count).drop { $0 == " " }
    // A TOML key (`fastapi = "^0.79"`), a requirement (`flask>=3`, `flask[async]`, `flask`) or
    // an array item (`"flask>=3",`); not a TOML table or setting such as `name = "x"` alone.
    guard rest.isEmpty || "=<>~![;,\"'".contains(rest.first!) else { return nil }
    let lowered = name.lowercased().replacingOccurrences(of: "_", with: "-")
    return ["python", "name", "version", "description", "authors", "license", "readme"]
      .contains(lowered) ? nil : lowered
  }
}

extension ProjectDetector {
  /// The frameworks `init` knows.
  public static var frameworkNames: [String] { frameworkPackages.map(\.framework) }

  /// A framework's runtime.
  public static func runtime(of framework: String) -> Runtime {
    frameworkPackages.first { $0.framework == framework }?.runtime ?? .python
  }

  /// `FastAPI`, `Express`…
  public static func title(of framework: String) -> String {
    [
      "django": "Django", "fastapi": "FastAPI", "flask": "Flask", "aiohttp": "aiohttp",
      "express": "Express", "fastify": "Fastify", "koa": "Koa", "hono": "Hono",
    ][framework] ?? framework
  }

  /// The documentation corpora of a stack (ids of the shipped registry).
  public static func corpora(framework: String, orm: String?) -> [String] {
    let base: [String: [String]] = [
      "django": ["django-5.2"], "fastapi": ["fastapi-0.141", "starlette-1.10", "pydantic-2.13"],
      "flask": ["flask-3.1"], "aiohttp": ["aiohttp-3.14"], "express": ["express-5"],
      "fastify": ["fastify-5.12"], "koa": ["koa-3.2"], "hono": ["hono"],
    ]
    return (base[framework] ?? []) + (orm == "sqlalchemy" ? ["sqlalchemy-2.0"] : [])
  }
}
