/// The four layers of the clean-architecture constraint, lowest first. A layer may import its
/// own and lower layers only.
public enum Layer: Int, Sendable, CaseIterable, Comparable, Codable {
  /// Models or entities: the bottom layer.
  case models = 0
  /// Repositories or data access.
  case repositories = 1
  /// Services or use cases.
  case services = 2
  /// Routes, handlers or controllers: the top layer.
  case routes = 3

  /// The canonical name, e.g. `repositories`.
  public var name: String {
    switch self {
    case .models: "models"
    case .repositories: "repositories"
    case .services: "services"
    case .routes: "routes"
    }
  }

  /// The folder names that place code in this layer (lower-case).
  public var folderNames: [String] {
    switch self {
    case .routes:
      [
        "routes", "route", "routers", "router", "handlers", "handler", "controllers", "controller",
        "api", "views", "endpoints",
      ]
    case .services:
      [
        "services", "service", "usecases", "use_cases", "use-cases", "usecase", "use_case",
        "application",
      ]
    case .repositories:
      [
        "repositories", "repository", "repos", "repo", "data_access", "data-access", "dal", "dao",
        "db", "persistence",
      ]
    case .models: ["models", "model", "entities", "entity", "domain"]
    }
  }

  public static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.rawValue < rhs.rawValue }

  private static let byFolder: [String: Layer] = {
    var map: [String: Layer] = [:]
    for layer in allCases { for name in layer.folderNames { map[name] = layer } }
    return map
  }()

  /// The layer a folder name places code in.
  public static func named(_ folder: some StringProtocol) -> Layer? {
    byFolder[folder.lowercased()]
  }

  /// The layer of the innermost folder among `components` that names one, with the index of
  /// that component.
  public static func innermost(_ components: [Substring]) -> (layer: Layer, index: Int)? {
    for index in components.indices.reversed() {
      if let layer = named(components[index]) { return (layer, index) }
    }
    return nil
  }

  /// The layer of a file: that of its innermost folder naming a layer.
  public static func of(file path: String) -> Layer? {
    innermost(Array(path.split(separator: "/").dropLast()))?.layer
  }
}
