import Foundation

/// Where an output file goes when `--out DIR` mirrors the input: the file keeps its path relative
/// to the input it was found from, and its name.
///
/// `cplan augment tasks --out out/planned` writes `tasks/uv/x.json` to `out/planned/uv/x.json`;
/// `cplan augment tasks/uv/x.json --out out/planned` writes it to `out/planned/x.json`.
public enum MirroredPath {
  /// The path of a file relative to the input it was found from, with `/` separators.
  /// - Parameters:
  ///   - file: the file.
  ///   - inputRoot: the folder the file was found in (at any depth), or the file itself.
  /// - Throws: `HarnessError.outsideInputRoot` when the file is not inside `inputRoot`.
  public static func relativePath(of file: URL, inputRoot: URL) throws -> String {
    if let relative = relative(file.standardizedFileURL, to: inputRoot.standardizedFileURL)
      ?? relative(
        file.standardizedFileURL.resolvingSymlinksInPath(),
        to: inputRoot.standardizedFileURL.resolvingSymlinksInPath())
    {
      return relative
    }
    throw HarnessError.outsideInputRoot(file: file.path, root: inputRoot.path)
  }

  /// The output file for an input file: `outputRoot` followed by its relative path.
  /// - Parameters:
  ///   - file: the input file.
  ///   - inputRoot: the folder the file was found in, or the file itself.
  ///   - outputRoot: the `--out` folder.
  /// - Throws: `HarnessError.outsideInputRoot` when the file is not inside `inputRoot`.
  public static func destination(of file: URL, inputRoot: URL, outputRoot: URL) throws -> URL {
    let relative = try relativePath(of: file, inputRoot: inputRoot)
    return outputRoot.appendingPathComponent(relative, isDirectory: false)
  }

  private static func relative(_ file: URL, to root: URL) -> String? {
    let fileParts = file.pathComponents
    let rootParts = root.pathComponents
    if fileParts == rootParts { return file.lastPathComponent }
    guard fileParts.count > rootParts.count, fileParts.starts(with: rootParts) else { return nil }
    return fileParts.dropFirst(rootParts.count).joined(separator: "/")
  }
}
