import Foundation

extension Workspace {
  /// Files larger than this are listed but not read.
  public static let largestReadFile = 4 << 20

  /// Reads a folder of generated code: every file below it, except skipped folders
  /// (`node_modules`, `.git`, virtual environments, caches, build output). Lock files and
  /// binary files (by extension, or a NUL byte in the first 8 KiB) are listed but not read.
  /// - Parameter path: the folder.
  /// - Throws: `VerifyError.unreadable` when it is not a readable folder.
  public static func folder(at path: String) throws -> Workspace {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw VerifyError.unreadable(path, reason: "no such folder")
    }
    let root = URL(fileURLWithPath: path).standardizedFileURL
    let keys: [URLResourceKey] = [.isDirectoryKey, .isRegularFileKey, .fileSizeKey]
    guard
      let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys)
    else {
      throw VerifyError.unreadable(path, reason: "cannot list the folder")
    }
    var files: [SourceFile] = []
    var paths: [String] = []
    var problems: [PatchProblem] = []
    let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
    for case let url as URL in walker {
      let values = try? url.resourceValues(forKeys: Set(keys))
      let name = url.lastPathComponent
      if values?.isDirectory == true {
        if PathRules.skippedFolders.contains(name) || name.hasSuffix(".egg-info") {
          walker.skipDescendants()
        }
        continue
      }
      guard values?.isRegularFile == true else { continue }
      let full = url.standardizedFileURL.path
      guard full.hasPrefix(rootPath) else { continue }
      let relative = String(full.dropFirst(rootPath.count))
      paths.append(relative)
      if PathRules.isLockFile(relative)
        || PathRules.binaryExtensions.contains(PathRules.fileExtension(of: relative))
      {
        continue
      }
      if let size = values?.fileSize, size > largestReadFile {
        problems.append(
          PatchProblem(line: 0, message: "'\(relative)' is larger than 4 MiB and is not read"))
        continue
      }
      guard let data = try? Data(contentsOf: url) else {
        problems.append(PatchProblem(line: 0, message: "cannot read '\(relative)'"))
        continue
      }
      if data.prefix(8192).contains(0) { continue }
      files.append(SourceFile(path: relative, content: String(decoding: data, as: UTF8.self)))
    }
    return Workspace(input: path, kind: .folder, files: files, paths: paths, problems: problems)
  }
}
