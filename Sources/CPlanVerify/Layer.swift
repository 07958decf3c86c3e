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

  /// The folder names that place code in this layer by default (lower-case).
  public var folderNames: [String] {
    switch self {
    case .routes:
      [
        "routes", "route", "routers", "router", "handlers", "handler", "controllers", "controller",
        "api", "views", "endpoints", "resolvers",
      ]
    case .services:
      [
        "services", "service", "usecases", "use_cases", "use-cases", "usecase", "use_case",
        "application", "interactors",
      ]
    case .repositories:
      [
        "repositories", "repository", "repos", "repo", "data_access", "data-access", "dal", "dao",
        "persistence", "impl", "infrastructure", "infra", "crud", "stores",
      ]
    case .models: ["models", "model", "entities", "entity", "domain", "schemas"]
    }
  }

  /// The last words of file names that place a file in this layer when no folder does
  /// (`user_repository.py`, `article.service.ts`, `UsersController.js`).
  public var fileWords: Set<String> {
    switch self {
    case .routes: ["routes", "route", "router", "controller", "handler", "handlers", "views", "endpoints"]
    case .services: ["service", "services", "usecase", "interactor"]
    case .repositories: ["repository", "repositories", "repo", "dao", "store"]
    case .models: ["model", "models", "entity", "entities"]
    }
  }

  /// Folder names that are not layers although they sound like one: `db` and `database`
  /// hold the engine, sessions and the declarative base (infrastructure every layer may use),
  /// and `core` is a container whose subfolders decide (`core/entities`, `core/use_cases`).
  public static let notLayers: [String] = ["db", "database", "core"]

  public static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The layer a folder name places code in, by default.
  public static func named(_ folder: some StringProtocol) -> Layer? {
    LayerMap.standard.layer(ofFolder: folder)
  }

  /// The layer of a file, by default: that of its innermost folder naming a layer, else its
  /// file name's last word.
  public static func of(file path: String) -> Layer? { LayerMap.standard.layer(ofFile: path) }
}

/// Which folder names place code in which layer: the defaults of `Layer`, with a manifest's
/// overrides.
public struct LayerMap: Sendable, Hashable {
  private var folders: [String: Layer]

  /// The defaults.
  public static let standard = LayerMap(overrides: [:])

  /// The defaults with `overrides`: a folder name mapped to a layer, or to nil to make it no
  /// layer (e.g. `["stores": .repositories, "api": nil]`).
  public init(overrides: [String: Layer?]) {
    var map: [String: Layer] = [:]
    for layer in Layer.allCases { for name in layer.folderNames { map[name] = layer } }
    for (name, layer) in overrides { map[name.lowercased()] = layer }
    folders = map
  }

  /// The layer a folder name places code in.
  public func layer(ofFolder folder: some StringProtocol) -> Layer? {
    folders[folder.lowercased()]
  }

  /// The layer of the innermost folder among `components` that names one, with the index of
  /// that component.
  public func innermost(_ components: [Substring]) -> (layer: Layer, index: Int)? {
    for index in components.indices.reversed() {
      if let layer = layer(ofFolder: components[index]) { return (layer, index) }
    }
    return nil
  }

  /// The layer of a file: that of its innermost folder naming a layer, else that of its file
  /// name when it has two words or more and the last names a layer (`user_repository.py`; a
  /// lone `models.py` names none).
  public func layer(ofFile path: String) -> Layer? {
    let parts = path.split(separator: "/")
    if let found = innermost(Array(parts.dropLast())) { return found.layer }
    return parts.last.flatMap(Self.layer(ofFileName:))
  }

  /// The layer a file name's last word names, when the name has two words or more.
  static func layer(ofFileName name: Substring) -> Layer? {
    let stem = name.split(separator: ".").first.map(String.init) ?? String(name)
    var words = ConfigScopes.camelWords(stem).flatMap { $0.split(separator: "-").map(String.init) }
    // `article.service.ts`: the middle part is the role.
    let dotted = name.split(separator: ".")
    if dotted.count > 2 { words.append(dotted[dotted.count - 2].lowercased()) }
    guard words.count > 1, let last = words.last else { return nil }
    return Layer.allCases.first { $0.fileWords.contains(last) }
  }
}
