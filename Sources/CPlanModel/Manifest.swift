import CPlanCore
import Foundation

/// The runtimes the paper's harness knows, with their task folder.
public enum Runtime: String, Sendable, CaseIterable, Codable {
  case python
  case node

  /// The harness's `dockerFolder` for this runtime.
  public var dockerFolder: String {
    switch self {
    case .python: "uv"
    case .node: "node"
    }
  }
}

/// One task family: a framework on a runtime, its spec, server settings and constraint space.
public struct Manifest: Sendable {
  /// The file it was read from, as the user named it.
  public var file: String
  /// Kebab-case id.
  public var id: String
  /// One line for people.
  public var description: String?
  /// Framework token, the first part of every task name.
  public var framework: String
  /// Runtime.
  public var runtime: Runtime
  /// Language and version named in prompts, e.g. "Python 3.12".
  public var language: String?
  /// The task instruction.
  public var instruction: String
  /// The OpenAPI spec's path as written (relative to the manifest's folder).
  public var spec: Located<String>
  /// Server settings.
  public var server: ServerSettings
  /// Files the agent must produce.
  public var files: [MandatoryFile]
  /// How the evaluation harness runs the result.
  public var pipeline: Pipeline
  /// Constraint dimensions, in task-name token order.
  public var dimensions: [Dimension]
  /// Rules a variant must satisfy to exist.
  public var requires: [Requirement]
  /// Connection settings keyed by database value id, in file order.
  public var databases: [DatabaseSettings]
  /// Ids of the rule packs that apply.
  public var packs: [Located<String>]
  /// Ids of the documentation corpora the retrieval arms search.
  public var corpora: [Located<String>] = []
  /// Folder names placing code in a clean-architecture layer, overriding the defaults of
  /// `cplan verify`: layer (`routes`, `services`, `repositories`, `models`, or `none`) to
  /// folder names.
  public var layers: [String: [String]] = [:]
  /// Where `framework` is written, for diagnostics.
  public var frameworkLocation: SourceLocation?

  /// The spec's resolved location on disk.
  public var specURL: URL {
    if spec.value.hasPrefix("/") { return URL(fileURLWithPath: spec.value).standardizedFileURL }
    return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(spec.value)
      .standardizedFileURL
  }

  /// The dimension with this id.
  public func dimension(_ id: String) -> Dimension? { dimensions.first { $0.id == id } }

  /// The database settings for a database value id.
  public func database(_ valueID: String) -> DatabaseSettings? {
    databases.first { $0.valueID == valueID }
  }
}

/// Where and how the generated server listens.
public struct ServerSettings: Sendable, Hashable {
  /// TCP port.
  public var port: Int
  /// Route prefix, e.g. `/api`.
  public var prefix: String?
  /// Health-check path, e.g. `/api/health-check`.
  public var health: String?
}

/// A file the agent must produce.
public struct MandatoryFile: Sendable, Hashable {
  /// Path relative to the work folder.
  public var path: String
  /// What it must contain or do.
  public var purpose: String?
}

/// The commands the evaluation harness runs.
public struct Pipeline: Sendable, Hashable {
  /// Commands run before the server starts.
  public var setup: [String] = []
  /// Commands that start the server.
  public var run: [String] = []
  /// The file name of the evaluation suite the harness runs (named only, never read).
  public var suite: String?
}

/// One constraint dimension and its allowed values.
public struct Dimension: Sendable, Hashable {
  /// Token id, e.g. `database`.
  public var id: String
  /// Label for people.
  public var label: String
  /// Allowed values (besides `none`).
  public var values: [DimensionValue]
  /// Where it was declared.
  public var location: SourceLocation

  /// The value with this id.
  public func value(_ id: String) -> DimensionValue? { values.first { $0.id == id } }
}

/// One allowed value of a dimension.
public struct DimensionValue: Sendable, Hashable {
  /// Token id, e.g. `postgres`.
  public var id: String
  /// Token in task names, e.g. `clean_architecture`.
  public var token: String
  /// Label for people, e.g. `PostgreSQL`.
  public var label: String
  /// Longer description, if any.
  public var description: String?
}

/// "If this holds, that must hold too."
public struct Requirement: Sendable, Hashable {
  /// The premise.
  public var condition: Condition
  /// What must then hold.
  public var then: Condition
  /// Why, for people.
  public var message: String?
  /// Where it was declared.
  public var location: SourceLocation
}

/// Connection settings for one database value.
public struct DatabaseSettings: Sendable, Hashable {
  /// The database value id these settings belong to.
  public var valueID: String
  /// Engine and version for people, e.g. "PostgreSQL 16".
  public var engine: String?
  /// Host name.
  public var host: String?
  /// Port.
  public var port: Int?
  /// User name.
  public var user: String?
  /// Password.
  public var password: String?
  /// Database name.
  public var name: String?
  /// File path (SQLite).
  public var path: String?
  /// Connection URL.
  public var url: String?
  /// Where the settings were declared.
  public var location: SourceLocation
}
