/// Which paths of a generated project verification reads, and what kind of file each is.
public enum PathRules {
  /// Folders never read: dependencies, virtual environments, caches, build output, VCS data.
  public static let skippedFolders: Set<String> = [
    ".git", ".hg", ".svn", "node_modules", "venv", ".venv", "__pycache__", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", ".tox", "dist", "build",
  ]

  /// Lock files: they list every optional dependency of every package, so they are no
  /// evidence of what the code uses.
  public static let lockFiles: Set<String> = [
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb",
    "poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock",
  ]

  /// Extensions of files that are never text worth reading.
  public static let binaryExtensions: Set<String> = [
    "pyc", "pyo", "so", "dylib", "dll", "db", "sqlite", "sqlite3", "png", "jpg", "jpeg", "gif",
    "ico", "webp", "pdf", "zip", "gz", "tgz", "woff", "woff2", "ttf", "eot", "wasm",
  ]

  /// Extensions of Python and JavaScript/TypeScript sources, whose imports are read.
  public static let sourceExtensions: Set<String> = [
    "py", "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx",
  ]

  /// Extensions of prose, which is no evidence of what the code uses.
  public static let documentExtensions: Set<String> = ["md", "markdown", "rst", "adoc"]

  /// The last path component.
  public static func name(of path: String) -> Substring {
    path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? Substring(path)
  }

  /// The lower-cased extension of a path, without the dot ("" when none).
  public static func fileExtension(of path: String) -> String {
    let name = name(of: path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  /// Whether any folder of the path is skipped (an `*.egg-info` folder too).
  public static func isSkipped(_ path: String) -> Bool {
    path.split(separator: "/").dropLast().contains { folder in
      skippedFolders.contains(String(folder)) || folder.hasSuffix(".egg-info")
    }
  }

  /// Whether the file is a lock file.
  public static func isLockFile(_ path: String) -> Bool { lockFiles.contains(String(name(of: path))) }

  /// Whether the file is a Python or JavaScript/TypeScript source.
  public static func isSource(_ path: String) -> Bool {
    sourceExtensions.contains(fileExtension(of: path))
  }

  /// Whether the file is Python.
  public static func isPython(_ path: String) -> Bool { path.hasSuffix(".py") }

  /// Whether the file is prose (Markdown, reStructuredText, AsciiDoc).
  public static func isDocument(_ path: String) -> Bool {
    documentExtensions.contains(fileExtension(of: path))
  }

  /// Whether the path is test code: under a `tests`, `test`, `__tests__`, `spec` or `e2e`
  /// folder, or named `test_*.py`, `*_test.py`, `conftest.py`, `*.test.*` or `*.spec.*`.
  public static func isTest(_ path: String) -> Bool {
    let parts = path.split(separator: "/")
    if parts.dropLast().contains(where: { testFolders.contains($0.lowercased()) }) { return true }
    let name = parts.last.map { $0.lowercased() } ?? ""
    return name == "conftest.py" || (name.hasPrefix("test_") && name.hasSuffix(".py"))
      || name.hasSuffix("_test.py") || name.contains(".test.") || name.contains(".spec.")
  }

  private static let testFolders: Set<String> = ["tests", "test", "__tests__", "spec", "e2e"]
}
