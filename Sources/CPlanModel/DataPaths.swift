import CPlanCore
import Foundation

/// Where cplan finds its data — packs, the corpus registry, schemas — from any folder.
///
/// In order of precedence (earlier wins for a pack id):
/// 1. folders given on the command line (`--packs DIR`);
/// 2. each folder of `CPLAN_PATH` (colon-separated), a `Constraints`-shaped folder holding
///    `packs/`, `corpora.yaml`, `schema/`;
/// 3. the project's own `Constraints/`, the nearest one found walking up from the current folder;
/// 4. the data shipped inside the binary, extracted once into cplan's cache
///    (`$XDG_CACHE_HOME/cplan` or `~/.cache/cplan`, else the temporary folder) and read from there.
public enum DataPaths {
  /// The `Constraints`-shaped folders, highest precedence first, the shipped copy last.
  public static func roots(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> [String]
  {
    var roots: [String] = []
    for folder in (environment["CPLAN_PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
      roots.append(String(folder))
    }
    if let project = projectRoot() { roots.append(project) }
    if let shipped = try? shippedRoot() { roots.append(shipped) }
    var seen = Set<String>()
    return roots.filter { seen.insert(URL(fileURLWithPath: $0).standardized.path).inserted }
  }

  /// The pack folders of every root that has one, highest precedence first.
  public static func packFolders(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    roots(environment: environment).map { $0 + "/packs" }.filter(isFolder)
  }

  /// Every pack file of every root; a file name already seen in a root of higher precedence
  /// is skipped (a project's `packs/django.yaml` replaces the shipped one).
  public static func packFiles(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> [String]
  {
    var seen = Set<String>()
    var files: [String] = []
    for folder in packFolders(environment: environment) {
      for file in ConstraintLoader.expand(folder) {
        if seen.insert(URL(fileURLWithPath: file).lastPathComponent).inserted { files.append(file) }
      }
    }
    return files
  }

  /// The corpus registry: the first root that has `corpora.yaml`.
  public static func registry(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    roots(environment: environment).map { $0 + "/corpora.yaml" }.first {
      FileManager.default.fileExists(atPath: $0)
    } ?? "Constraints/corpora.yaml"
  }

  /// A schema file (`manifest.schema.json`, `pack.schema.json`) of the first root that has it.
  public static func schema(_ name: String) -> String? {
    roots().map { $0 + "/schema/" + name }.first { FileManager.default.fileExists(atPath: $0) }
  }

  /// The nearest `Constraints` folder holding packs or a registry, walking up from `folder`.
  public static func projectRoot(from folder: String = FileManager.default.currentDirectoryPath)
    -> String?
  {
    var url = URL(fileURLWithPath: folder).standardized
    while true {
      let candidate = url.appendingPathComponent("Constraints")
      if isFolder(candidate.appendingPathComponent("packs").path)
        || FileManager.default.fileExists(atPath: candidate.appendingPathComponent("corpora.yaml").path)
      {
        // Relative to the current folder when it is the current folder's own.
        return url.path == URL(fileURLWithPath: folder).standardized.path
          ? "Constraints" : candidate.path
      }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      url = parent
    }
  }

  /// The shipped data's folder, extracted on first use; the same bytes always extract to the same
  /// folder (its name is their digest), written atomically, never touched again.
  public static func shippedRoot() throws -> String {
    try extraction.get()
  }

  private static let extraction: Result<String, Error> = Result(catching: { try extract() })

  private static func extract() throws -> String {
    let names = EmbeddedFiles.all.keys.sorted()
    var hashed = ""
    for name in names { hashed += name + "\u{0}" + EmbeddedFiles.all[name]! + "\u{0}" }
    let digest = String(SHA256.hex(hashed).prefix(16))
    var errors: [String] = []
    for base in cacheBases() {
      let folder = base.appendingPathComponent("cplan/data-\(digest)")
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".complete").path) {
        return folder.path
      }
      do {
        try FileManager.default.createDirectory(
          at: base.appendingPathComponent("cplan"), withIntermediateDirectories: true)
        let staging = base.appendingPathComponent(
          "cplan/.data-\(digest).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        for name in names {
          let url = staging.appendingPathComponent(name)
          try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
          try Data(EmbeddedFiles.all[name]!.utf8).write(to: url)
        }
        try Data().write(to: staging.appendingPathComponent(".complete"))
        do {
          try FileManager.default.moveItem(at: staging, to: folder)
        } catch {
          // Another process extracted the same data first: use its copy.
          try? FileManager.default.removeItem(at: staging)
          guard
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(".complete").path)
          else { throw error }
        }
        return folder.path
      } catch {
        errors.append("\(base.path): \(error.localizedDescription)")
      }
    }
    throw CocoaError(
      .fileWriteUnknown,
      userInfo: [NSLocalizedDescriptionKey: "cannot extract the shipped data: " + errors.joined(separator: "; ")])
  }

  /// `$XDG_CACHE_HOME`, `~/.cache`, then the temporary folder.
  private static func cacheBases() -> [URL] {
    let environment = ProcessInfo.processInfo.environment
    var bases: [URL] = []
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      bases.append(URL(fileURLWithPath: xdg))
    }
    if let home = environment["HOME"], !home.isEmpty {
      bases.append(URL(fileURLWithPath: home).appendingPathComponent(".cache"))
    }
    bases.append(FileManager.default.temporaryDirectory)
    return bases
  }

  private static func isFolder(_ path: String) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
  }
}
