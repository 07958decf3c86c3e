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
    let utf8 = path.utf8
    guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return Substring(path) }
    return Substring(path.utf8[utf8.index(after: slash)...])
  }

  /// The lower-cased extension of a path, without the dot ("" when none).
  public static func fileExtension(of path: String) -> String {
    let name = name(of: path).utf8
    guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else {
      return ""
    }
    return String(Substring(name[name.index(after: dot)...])).lowercased()
  }

  /// Whether any folder of the path is skipped (an `*.egg-info` folder too).
  public static func isSkipped(_ path: String) -> Bool {
    path.utf8.split(separator: UInt8(ascii: "/")).dropLast().contains { bytes in
      let folder = String(Substring(bytes))
      return skippedFolders.contains(folder) || folder.hasSuffix(".egg-info")
    }
  }

  /// Whether the file is a lock file.
  public static func isLockFile(_ path: String) -> Bool {
    lockFiles.contains(String(name(of: path)))
  }

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
    guard mentionsTest(path) else { return false }
    let parts = path.utf8.split(separator: UInt8(ascii: "/"))
    for folder in parts.dropLast()
    where testFolders.contains(String(Substring(folder)).lowercased()) {
      return true
    }
    let name = parts.last.map { String(Substring($0)).lowercased() } ?? ""
    return name == "conftest.py" || (name.hasPrefix("test_") && name.hasSuffix(".py"))
      || name.hasSuffix("_test.py") || name.contains(".test.") || name.contains(".spec.")
  }

  private static let testFolders: Set<String> = ["tests", "test", "__tests__", "spec", "e2e"]

  /// Whether `test`, `spec` or `e2e` occurs in the path, in any case: every test path has one.
  private static func mentionsTest(_ path: String) -> Bool {
    var window: UInt32 = 0
    for byte in path.utf8 {
      window = (window << 8) | UInt32(byte >= 65 && byte <= 90 ? byte + 32 : byte)
      let last4 = window
      let last3 = window & 0xFF_FFFF
      if last4 == 0x7465_7374 || last4 == 0x7370_6563 || last3 == 0x65_3265 { return true }
    }
    return false
  }
}
