import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension DocumentIngester {
  /// Ingests every document of a corpus folder, files in path order.
  ///
  /// Skips `LICENSE` and `SOURCE`, `.py` and `.js` files (include targets), images, Sphinx theme
  /// and extension folders (`_theme/`, `_ext/`) and anything ``format(ofPath:)`` does not know.
  /// Unreadable files are skipped.
  /// - Parameters:
  ///   - root: the corpus folder; it is also the include root.
  ///   - corpus: the corpus id.
  /// - Returns: the sections of all files.
  public static func ingestFolder(_ root: URL, corpus: String) -> [CorpusSection] {
    var sections: [CorpusSection] = []
    for path in documentPaths(in: root) {
      let url = root.appendingPathComponent(path)
      guard let data = FileManager.default.contents(atPath: url.path) else { continue }
      let bytes = [UInt8](data)
      guard let format = format(ofPath: path, contents: bytes) else { continue }
      sections += self.sections(
        of: bytes, path: path, corpus: corpus, format: format, includeRoot: root)
    }
    return sections
  }

  /// The paths of the documents in a folder, relative to it, sorted: the files
  /// ``ingestFolder(_:corpus:)`` reads (use ``format(ofPath:contents:)`` for their formats).
  /// - Parameter root: the corpus folder.
  /// - Returns: `/`-separated relative paths.
  public static func documentPaths(in root: URL) -> [String] {
    var paths: [String] = []
    collect(root.standardizedFileURL.path, prefix: "", into: &paths, depth: 0)
    return paths.sorted()
  }

  /// Walks a folder with `readdir` (much faster than URL enumeration), not following links.
  private static func collect(
    _ folder: String, prefix: String, into paths: inout [String], depth: Int
  ) {
    guard depth < 64, let handle = opendir(folder) else { return }
    defer { closedir(handle) }
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let path = prefix.isEmpty ? name : prefix + "/" + name
      var type = Int32(entry.pointee.d_type)
      if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
        var info = stat()
        guard stat(folder + "/" + name, &info) == 0 else { continue }
        type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
        if entry.pointee.d_type == DT_LNK && type == Int32(DT_DIR) { continue }
      }
      if type == Int32(DT_DIR) {
        if skippedFolders.contains(name) { continue }
        collect(folder + "/" + name, prefix: path, into: &paths, depth: depth + 1)
      } else if type == Int32(DT_REG) && isDocument(path) {
        paths.append(path)
      }
    }
  }

  private static let skippedNames: Set<String> = ["LICENSE", "SOURCE"]
  private static let skippedFolders: Set<String> = ["_theme", "_ext"]

  static func isDocument(_ path: String) -> Bool {
    let components = path.split(separator: "/")
    guard let name = components.last, !skippedNames.contains(String(name)) else { return false }
    if components.dropLast().contains(where: { skippedFolders.contains(String($0)) }) {
      return false
    }
    return format(ofPath: path) != nil
  }
}
