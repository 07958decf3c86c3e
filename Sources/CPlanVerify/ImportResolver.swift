/// An import resolved to a place in the project.
public struct ResolvedImport: Sendable, Hashable {
  /// What the code wrote, e.g. `..services.users` or `../services/users`.
  public var specifier: String
  /// The project path it points at, without extension (e.g. `app/services/users`).
  public var path: String
  /// The layer of what it points at, if any.
  public var layer: Layer?
}

/// Resolves Python and JavaScript/TypeScript imports to project paths, so that only imports of
/// the project's own code count: Python absolute imports whose top-level package is a folder or
/// module of the project, Python relative imports, JS/TS relative imports, and JS/TS `@/…`,
/// `~/…` or project-folder specifiers (TypeScript `paths`/`baseUrl` style). Package imports
/// (`django.db`, `express`) resolve to nothing.
public struct ImportResolver: Sendable {
  /// Every file path without its extension, for Python and JS/TS modules.
  private let modules: Set<String>
  /// Every folder.
  private let folders: Set<String>
  /// For a name, the folders holding a folder or module of that name.
  private let roots: [String: [String]]
  /// Which folder names place code in which layer.
  private let map: LayerMap

  /// Indexes a project's paths.
  public init(paths: [String], layers: LayerMap = .standard) {
    map = layers
    var modules = Set<String>()
    var folders = Set<String>()
    var roots: [String: Set<String>] = [:]
    for path in paths {
      let parts = path.split(separator: "/")
      guard let last = parts.last else { continue }
      let python = PathRules.isPython(path)
      let stem = Self.stem(of: last)
      var folder = ""
      for (index, part) in parts.enumerated() {
        let isLast = index == parts.count - 1
        if !isLast || python {
          roots[String(isLast ? stem : part), default: []].insert(folder)
        }
        if isLast {
          if PathRules.isSource(path) {
            modules.insert(folder.isEmpty ? String(stem) : "\(folder)/\(stem)")
          }
        } else {
          folder = folder.isEmpty ? String(part) : "\(folder)/\(part)"
          folders.insert(folder)
        }
      }
    }
    self.modules = modules
    self.folders = folders
    self.roots = roots.mapValues { $0.sorted { ($0.count, $0) < ($1.count, $1) } }
  }

  /// The project targets of an import statement in a file (none for packages).
  public func resolve(_ statement: ImportStatement, in file: String) -> [ResolvedImport] {
    if PathRules.isPython(file) { return python(statement, in: file) }
    return javascript(statement.module, in: file).map { [$0] } ?? []
  }

  private func python(_ statement: ImportStatement, in file: String) -> [ResolvedImport] {
    let module = statement.module
    let dots = module.prefix { $0 == "." }.count
    let names = module.dropFirst(dots).split(separator: ".")
    var base: [Substring]
    if dots > 0 {
      base = Array(file.split(separator: "/").dropLast())
      guard dots - 1 <= base.count else { return [] }
      base.removeLast(dots - 1)
    } else {
      guard let first = names.first, let candidates = roots[String(first)] else { return [] }
      let folder = file.split(separator: "/").dropLast().joined(separator: "/")
      // The deepest candidate that holds the importing file, else the shallowest.
      let root =
        candidates.last { $0.isEmpty || folder == $0 || folder.hasPrefix($0 + "/") }
        ?? candidates[0]
      base = root.split(separator: "/")
    }
    let target = base + names
    var results = [resolved(module, target)]
    for name in statement.names {
      let candidate = (target + [Substring(name)]).joined(separator: "/")
      if modules.contains(candidate) || folders.contains(candidate) {
        results.append(resolved(module + "." + name, target + [Substring(name)]))
      }
    }
    return results
  }

  private func javascript(_ specifier: String, in file: String) -> ResolvedImport? {
    var parts: [Substring]
    if specifier.hasPrefix("./") || specifier.hasPrefix("../") || specifier == "."
      || specifier == ".."
    {
      parts = Array(file.split(separator: "/").dropLast())
      for piece in specifier.split(separator: "/") {
        if piece == "." { continue }
        if piece == ".." {
          guard !parts.isEmpty else { return nil }
          parts.removeLast()
        } else {
          parts.append(piece)
        }
      }
    } else if specifier.hasPrefix("@/") || specifier.hasPrefix("~/") {
      let rest = specifier.dropFirst(2).split(separator: "/")
      parts = (folders.contains("src") ? ["src"] : []) + rest
    } else {
      let pieces = specifier.split(separator: "/")
      guard let first = pieces.first, !first.hasPrefix("@") else { return nil }
      if folders.contains(String(first)) {
        parts = pieces
      } else if folders.contains("src/" + first) {
        parts = ["src"] + pieces
      } else {
        return nil
      }
    }
    guard !parts.isEmpty else { return nil }
    if let last = parts.last,
      PathRules.sourceExtensions.contains(PathRules.fileExtension(of: String(last)))
    {
      parts[parts.count - 1] = Self.stem(of: last)
    }
    return resolved(specifier, parts)
  }

  /// The layer of a target: a module file's folders decide; a folder (package) or an
  /// unresolved path decides with its last component too.
  private func resolved(_ specifier: String, _ parts: [Substring]) -> ResolvedImport {
    let path = parts.joined(separator: "/")
    let isModule = modules.contains(path) && !folders.contains(path)
    let considered = isModule ? Array(parts.dropLast()) : parts
    return ResolvedImport(
      specifier: specifier, path: path,
      layer: map.innermost(considered)?.layer
        ?? (isModule ? parts.last.flatMap(LayerMap.layer(ofFileName:)) : nil))
  }

  private static func stem(of name: Substring) -> Substring {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return name[..<dot]
  }
}
