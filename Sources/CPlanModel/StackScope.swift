/// The stack of one variant: what a statement may speak of. A statement naming another
/// runtime's, framework's, ORM's, database's or application's vocabulary is out of scope.
public struct StackScope: Sendable, Hashable {
  /// The manifest's framework, e.g. `django`.
  public var framework: String
  /// The manifest's runtime: `python` or `node`.
  public var runtime: String
  /// The database value, or nil for none.
  public var database: String?
  /// The ORM value, or nil for none.
  public var orm: String?
  /// The architecture value, or nil for none.
  public var architecture: String?
  /// The application the manifest describes (see `StackVocabulary.applications`), if known.
  public var application: String?

  /// Creates a scope.
  public init(
    framework: String, runtime: String, database: String? = nil, orm: String? = nil,
    architecture: String? = nil, application: String? = nil
  ) {
    self.framework = framework
    self.runtime = runtime
    self.database = database
    self.orm = orm
    self.architecture = architecture
    self.application = application
  }

  /// The scope of a manifest's variant.
  public init(manifest: Manifest, variant: Variant) {
    self.init(
      framework: manifest.framework, runtime: manifest.runtime.rawValue,
      database: variant.value(of: "database"), orm: variant.value(of: "orm"),
      architecture: variant.value(of: "architecture"),
      application: StackVocabulary.application(of: manifest.id))
  }

  /// A variant with this scope's dimension values, for evaluating conditions.
  public var variant: Variant {
    let pairs: [(String, String?)] = [
      ("architecture", architecture), ("database", database), ("orm", orm),
    ]
    let assignments = pairs.map { Variant.Assignment(dimension: $0.0, value: $0.1, token: $0.1) }
    return Variant(
      name: description, level: assignments.filter { $0.value != nil }.count,
      assignments: assignments)
  }

  /// E.g. `django+clean+sqlite+sqlalchemy`.
  public var description: String {
    ([framework] + [architecture, database, orm].compactMap { $0 }).joined(separator: "+")
  }

  /// Every stack the shipped frameworks can form: 8 frameworks × architecture (none, clean) ×
  /// database (none, sqlite, postgres) × ORM (none, or the runtime's ORM with a database).
  public static let all: [StackScope] = {
    var scopes: [StackScope] = []
    for (framework, runtime) in StackVocabulary.frameworks {
      let orm = runtime == "python" ? "sqlalchemy" : "sequelize"
      for architecture in [nil, "clean"] as [String?] {
        for database in [nil, "sqlite", "postgres"] as [String?] {
          for orm in database == nil ? [nil] : [nil, orm] {
            scopes.append(
              StackScope(
                framework: framework, runtime: runtime, database: database, orm: orm,
                architecture: architecture))
          }
        }
      }
    }
    return scopes
  }()
}
