import Foundation

/// Lists the files a command was given: a file itself, or a folder's files with chosen
/// extensions, found recursively with hidden entries skipped.
public enum FileWalk {
  /// The files at `path`, sorted by their path relative to it.
  /// - Parameters:
  ///   - path: a file (returned as is, whatever its extension) or a folder.
  ///   - extensions: the extensions kept from a folder, without the dot.
  /// - Returns: each file as the user would name it (`path` followed by the relative part) and
  ///   its path relative to the folder (its name, for a single file); empty when nothing exists.
  public static func files(at path: String, extensions: Set<String>)
    -> [(path: String, relative: String)]
  {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
    guard isFolder.boolValue else { return [(path, URL(fileURLWithPath: path).lastPathComponent)] }
    let root = URL(fileURLWithPath: path).standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    let base = path.hasSuffix("/") ? String(path.dropLast()) : path
    var files: [(String, String)] = []
    for case let relative as String in walker
    where extensions.contains((relative as NSString).pathExtension)
      && !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
    {
      // A folder named like a file (`x.json/`) is walked into, not returned.
      if walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { continue }
      files.append((base + "/" + relative, relative))
    }
    return files.sorted { $0.1 < $1.1 }
  }
}
