import Foundation

/// Resolves FastAPI include markers (`{* ../../docs_src/a/b_py310.py hl[3] *}`, `{!path!}`,
/// `{!> path!}`) to code blocks holding the included file.
///
/// A target is looked up relative to the Markdown file's folder, then (FastAPI's docs moved
/// from `docs/en/docs/`) with its leading `../` removed, from the include root. Both must stay
/// inside the root. A target that resolves to no file keeps its code block, with empty text and
/// the target as written.
struct IncludeResolver {
  /// The corpus folder, or nil when files cannot be read.
  let root: URL?
  /// The Markdown file's path inside the corpus.
  let documentPath: String
  private var cache: [String: String] = [:]

  init(root: URL?, documentPath: String) {
    self.root = root
    self.documentPath = documentPath
  }

  /// The code block for an include marker line (trimmed bytes `lower..<upper`), if it is one.
  mutating func codeBlock(_ bytes: [UInt8], _ lower: Int, _ upper: Int, line: Int) -> CodeBlock? {
    guard let target = Self.target(bytes, lower, upper) else { return nil }
    let language = Self.language(of: target)
    for candidate in candidates(target) {
      if let text = read(candidate) {
        return CodeBlock(language: language, text: text, line: line, includedFrom: candidate)
      }
    }
    return CodeBlock(language: language, text: "", line: line, includedFrom: target)
  }

  /// The path inside a marker: the first word of `{* … *}` or `{! … !}` (after a `>`, if any).
  static func target(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> String? {
    guard upper - lower >= 5, bytes[lower] == 0x7B, bytes[upper - 1] == 0x7D else { return nil }
    let marker = bytes[lower + 1]
    guard marker == 0x2A || marker == 0x21, bytes[upper - 2] == marker else { return nil }
    var start = lower + 2
    if marker == 0x21 && start < upper - 2 && bytes[start] == 0x3E { start += 1 }
    start = PlainText.skipSpaces(bytes, start, upper - 2)
    var end = start
    while end < upper - 2 && !isSpace(bytes[end]) { end += 1 }
    guard end > start else { return nil }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// Corpus-relative paths to try, in order.
  func candidates(_ target: String) -> [String] {
    var results: [String] = []
    if !target.hasPrefix("/") {
      let folder = documentPath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      if let path = Self.normalize(folder.map(String.init) + [target]) { results.append(path) }
    }
    var stripped = Substring(target)
    while stripped.hasPrefix("../") || stripped.hasPrefix("./") || stripped.hasPrefix("/") {
      stripped = stripped.drop { $0 == "." }.drop { $0 == "/" }
    }
    if let path = Self.normalize([String(stripped)]), !results.contains(path) {
      results.append(path)
    }
    return results
  }

  /// Joins path parts and resolves `.` and `..`; nil when the result leaves the root.
  static func normalize(_ parts: [String]) -> String? {
    var components: [Substring] = []
    for part in parts {
      for component in part.split(separator: "/") {
        if component == "." { continue }
        if component == ".." {
          guard !components.isEmpty else { return nil }
          components.removeLast()
        } else {
          components.append(component)
        }
      }
    }
    return components.isEmpty ? nil : components.joined(separator: "/")
  }

  private mutating func read(_ path: String) -> String? {
    guard let root else { return nil }
    if let cached = cache[path] { return cached }
    let url = root.appendingPathComponent(path)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
      !isFolder.boolValue, let data = FileManager.default.contents(atPath: url.path)
    else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    cache[path] = text
    return text
  }

  /// The language of an included file, from its extension.
  static func language(of path: String) -> String? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    let ext = path[path.index(after: dot)...].lowercased()
    switch ext {
    case "py": return "python"
    case "js", "mjs": return "javascript"
    case "ts": return "typescript"
    case "sh": return "shell"
    case "yml": return "yaml"
    case "md": return "markdown"
    case "": return nil
    default: return ext
    }
  }
}
