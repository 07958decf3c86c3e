import CPlanCore
import Foundation

extension ConstraintLoader {
  /// Adds the packs that manifests name and reports the ones found nowhere.
  func resolvePacks(_ set: inout ConstraintSet, loadedFiles: Set<String>) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var libraries: [String: [String: (RulePack, [Diagnostic])]] = [:]
    for manifest in set.manifests {
      let missing = manifest.packs.filter { set.pack($0.value) == nil }
      guard !missing.isEmpty else { continue }
      let folders = packFolders + (Self.nearestPackFolder(from: manifest.file).map { [$0] } ?? [])
      for reference in missing where set.pack(reference.value) == nil {
        var found: (RulePack, [Diagnostic])?
        var known: [String] = set.packs.map(\.id)
        for folder in folders {
          if libraries[folder] == nil { libraries[folder] = library(in: folder, skip: loadedFiles) }
          known += libraries[folder]!.keys
          if let hit = libraries[folder]![reference.value] {
            found = hit
            break
          }
        }
        if let (pack, packDiagnostics) = found {
          set.packs.append(pack)
          set.files.append((pack.file, .pack))
          diagnostics += packDiagnostics
        } else {
          let searched = folders.isEmpty ? "no pack folder was found" : "searched: "
            + folders.joined(separator: ", ")
          diagnostics.append(
            .error(
              "pack-not-found", "pack '\(reference.value)' not found (\(searched))",
              at: reference.location,
              suggestion: Suggestion.didYouMean(reference.value, in: Array(Set(known)).sorted())
                ?? "add its folder with --packs DIR"))
        }
      }
    }
    return diagnostics
  }

  /// Every pack in a folder, by id, with its own diagnostics.
  private func library(in folder: String, skip: Set<String>) -> [String: (RulePack, [Diagnostic])]
  {
    var packs: [String: (RulePack, [Diagnostic])] = [:]
    for file in Self.expand(folder)
    where !skip.contains(URL(fileURLWithPath: file).standardized.path) {
      let read = Self.read(file, limits: limits)
      if let pack = read.pack, packs[pack.id] == nil { packs[pack.id] = (pack, read.diagnostics) }
    }
    return packs
  }

  /// The nearest `Constraints/packs` (or `packs` beside `manifests`) above a file.
  static func nearestPackFolder(from file: String) -> String? {
    var folder = URL(fileURLWithPath: file).standardized.deletingLastPathComponent()
    while folder.path != "/" {
      for candidate in ["packs", "Constraints/packs"] {
        var isFolder: ObjCBool = false
        let path = folder.appendingPathComponent(candidate).path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
          isFolder.boolValue
        {
          return path
        }
      }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }
}
