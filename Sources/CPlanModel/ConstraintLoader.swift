import CPlanCore
import CPlanYAML
import Foundation

/// Loads manifests and rule packs from files and folders, resolves the packs that manifests name,
/// and checks what no single file can show (duplicate rule ids, unknown dimensions, missing packs).
public struct ConstraintLoader: Sendable {
  /// Folders searched for packs, before the nearest `Constraints/packs`.
  public var packFolders: [String]
  /// Caps applied to every YAML file.
  public var limits: YAMLLimits

  /// Creates a loader.
  /// - Parameters:
  ///   - packFolders: extra folders to search for packs.
  ///   - limits: YAML caps.
  public init(packFolders: [String] = [], limits: YAMLLimits = .standard) {
    self.packFolders = packFolders
    self.limits = limits
  }

  /// Loads every manifest and pack found at `paths` (files, or folders searched recursively for
  /// `.yaml`/`.yml`), with the packs the manifests name.
  public func load(paths: [String]) -> ConstraintSet {
    var set = ConstraintSet()
    var diagnostics: [Diagnostic] = []
    var given: [String] = []
    for path in paths {
      let found = Self.expand(path)
      if found.isEmpty {
        diagnostics.append(
          .error("io-unreadable", "no such file or folder, or no YAML files in it",
            at: .start(of: path)))
      }
      given += found
    }
    var seen = Set<String>()
    for file in given where seen.insert(URL(fileURLWithPath: file).standardized.path).inserted {
      let read = Self.read(file, limits: limits)
      set.files.append((file, read.kind))
      diagnostics += read.diagnostics
      if let manifest = read.manifest { set.manifests.append(manifest) }
      if let pack = read.pack { set.packs.append(pack) }
      if let corpora = read.corpora { set.corpora.append(corpora) }
    }
    diagnostics += resolvePacks(&set, loadedFiles: seen)
    diagnostics += CrossChecks.run(on: set)
    set.diagnostics = diagnostics.sortedForOutput()
    return set
  }

  /// What one file decoded to, and its problems.
  struct ReadFile {
    var kind: FileKind?
    var manifest: Manifest?
    var pack: RulePack?
    var corpora: CorporaConfig?
    var diagnostics: [Diagnostic]
  }

  /// Reads one file, once, as whatever kind its content says it is.
  static func read(_ file: String, limits: YAMLLimits) -> ReadFile {
    let loaded = YAMLLoader.load(path: file, limits: limits)
    guard let root = loaded.root else {
      return ReadFile(diagnostics: loaded.diagnostics)
    }
    let context = DecodeContext()
    var diagnostics = loaded.diagnostics
    let kind = FileKind.classify(root)
    var read = ReadFile(kind: kind, diagnostics: [])
    switch kind {
    case .manifest: read.manifest = Manifest.decode(root, file: file, in: context)
    case .pack: read.pack = RulePack.decode(root, file: file, in: context)
    case .corpora:
      let config = CorporaConfig.decode(root, file: file, in: context)
      read.corpora = context.diagnostics.hasErrors ? nil : config
    case .openAPI: break
    case nil:
      context.error(
        "unknown-kind",
        "not a cplan manifest or rule pack: the document is \(root.typeDescription) without "
          + "'rules', 'framework' or 'dimensions'",
        at: root.start,
        suggestion: "a manifest needs 'framework' and 'dimensions'; a pack needs 'rules'")
    }
    diagnostics += context.diagnostics
    read.diagnostics = diagnostics
    return read
  }

  /// The YAML files at a path: the file itself, or a folder's `.yaml`/`.yml` files (recursively,
  /// hidden entries skipped), sorted by path.
  public static func expand(_ path: String) -> [String] {
    FileWalk.files(at: path, extensions: ["yaml", "yml"]).map(\.path)
  }

}
