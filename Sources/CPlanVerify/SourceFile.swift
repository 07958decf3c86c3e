import Foundation

/// One file of generated code as a check sees it: its path, its role, and the lines that count
/// (for a patch, only the added lines), with comments and docstrings removed.
public struct SourceFile: Sendable, Hashable {
  /// Path relative to the project root, `/` separators.
  public var path: String
  /// What the file is for; only application code decides a verdict.
  public var role: FileRole
  /// The lines that count, each with its line number in the new file: code only, comments and
  /// Python docstrings removed (a line that was all comment is empty).
  public var lines: [(number: Int, text: String)]
  /// Lines of development or test configuration inside application code (a `TestConfig`
  /// class, a Knex `development:` block, a `settings/dev.py` module), with the reason: they
  /// are neither evidence nor in scope of pack checks.
  public var setAside: [Int: String]
  /// Whether every line of the file is shown (a folder's file, a patch's new file); false for a
  /// file a patch only changes.
  public var isComplete = true

  /// A whole file. Lines end at LF, CRLF or a lone CR.
  public init(path: String, content: String) {
    var numbered: [(Int, String)] = []
    var number = 0
    var utf8 = content.utf8[...]
    while !utf8.isEmpty {
      number += 1
      guard let end = utf8.firstIndex(where: { $0 == 10 || $0 == 13 }) else {
        numbered.append((number, String(Substring(utf8))))
        break
      }
      numbered.append((number, String(Substring(utf8[..<end]))))
      var next = utf8.index(after: end)
      if utf8[end] == 13, next < utf8.endIndex, utf8[next] == 10 { next = utf8.index(after: next) }
      utf8 = utf8[next...]
    }
    self.init(path: path, lines: numbered)
  }

  /// Only some lines (e.g. a patch's added lines); the lexer restarts at every gap in the
  /// numbering.
  public init(path: String, lines: [(number: Int, text: String)]) {
    self.path = path
    role = FileRole.of(path)
    var lexer = CodeLexer(syntax: CommentSyntax.of(path))
    var previous: Int?
    var code: [(number: Int, text: String)] = []
    code.reserveCapacity(lines.count)
    for line in lines {
      if let previous, line.number != previous + 1 { lexer.reset() }
      previous = line.number
      let text = line.text.hasSuffix("\r") ? String(line.text.dropLast()) : line.text
      code.append((line.number, lexer.code(of: text)))
    }
    self.lines = code
    setAside = role == .application ? ConfigScopes.setAside(path: path, lines: code) : [:]
  }

  public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool {
    lhs.path == rhs.path && lhs.lines.map(\.number) == rhs.lines.map(\.number)
      && lhs.lines.map(\.text) == rhs.lines.map(\.text)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    for line in lines { hasher.combine(line.text) }
  }

  /// Why a line does not decide, or nil when it does.
  public func asideReason(_ line: Int) -> String? {
    role == .application ? setAside[line] : role.phrase
  }
}

/// Development and test configuration inside application files.
enum ConfigScopes {
  /// The lines of development or test configuration, with the reason.
  static func setAside(path: String, lines: [(number: Int, text: String)]) -> [Int: String] {
    let name = PathRules.name(of: path).lowercased()
    let stem = name.split(separator: ".").first.map(String.init) ?? name
    if developmentStems.contains(stem), PathRules.isSource(path) || name.hasSuffix(".json") {
      return Dictionary(uniqueKeysWithValues: lines.map { ($0.number, "development settings") })
    }
    if PathRules.isPython(path) { return pythonClasses(lines) }
    if PathRules.isSource(path) { return objectKeys(lines) }
    return [:]
  }

  /// Settings modules for development (`settings/dev.py`, `config/local.js`).
  private static let developmentStems: Set<String> = [
    "dev", "development", "local", "local_settings", "settings_dev", "settings_local",
    "dev_settings", "settings_development",
  ]
  /// The words that name a development or test scope.
  private static let scopeWords: Set<String> = ["dev", "development", "test", "testing", "local"]

  /// The bodies of Python classes named for development or tests (`DevConfig`,
  /// `TestingSettings`).
  private static func pythonClasses(_ lines: [(number: Int, text: String)]) -> [Int: String] {
    var aside: [Int: String] = [:]
    var open: (indent: Int, reason: String)?
    for line in lines {
      let utf8 = line.text.utf8
      let indent = utf8.prefix { $0 == 32 || $0 == 9 }.count
      if let scope = open {
        if indent == utf8.count || indent > scope.indent {
          aside[line.number] = scope.reason
          continue
        }
        open = nil
      }
      guard utf8.dropFirst(indent).starts(with: "class ".utf8) else { continue }
      let body = line.text.dropFirst(indent)
      let className = body.dropFirst(6).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      let words = camelWords(String(className))
      if let word = words.first(where: scopeWords.contains) {
        let reason = word.hasPrefix("t") ? "test settings" : "development settings"
        open = (indent, reason)
        aside[line.number] = reason
      }
    }
    return aside
  }

  /// The bodies of object keys named for development or tests (`development: {`,
  /// `"test": {`), as in a knexfile or a Sequelize config.
  private static func objectKeys(_ lines: [(number: Int, text: String)]) -> [Int: String] {
    var aside: [Int: String] = [:]
    var open: (depth: Int, reason: String)?
    var depth = 0
    for line in lines {
      var opens = 0
      var closes = 0
      for byte in line.text.utf8 {
        if byte == 123 { opens += 1 } else if byte == 125 { closes += 1 }
      }
      if open == nil, opens > 0 {
        let trimmed = line.text.drop { $0 == " " || $0 == "\t" }
        if let key = objectKey(trimmed), scopeWords.contains(key) {
          open = (depth, key.hasPrefix("t") ? "test settings" : "development settings")
        }
      }
      depth += opens - closes
      if let scope = open {
        aside[line.number] = scope.reason
        if depth <= scope.depth { open = nil }
      }
    }
    return aside
  }

  /// `development` of `development: {` or `'test': {`.
  private static func objectKey(_ text: Substring) -> String? {
    var rest = text
    if rest.first == "'" || rest.first == "\"" { rest = rest.dropFirst() }
    let key = rest.prefix { $0.isLetter }
    guard !key.isEmpty else { return nil }
    rest = rest.dropFirst(key.count)
    if rest.first == "'" || rest.first == "\"" { rest = rest.dropFirst() }
    rest = rest.drop { $0 == " " }
    guard rest.first == ":" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " }
    return rest.first == "{" ? key.lowercased() : nil
  }

  /// `DevConfig` → dev, config; `test_settings` → test, settings.
  static func camelWords(_ name: String) -> [String] {
    var words: [String] = []
    var current = ""
    for character in name {
      if character == "_" {
        if !current.isEmpty { words.append(current.lowercased()) }
        current = ""
      } else if character.isUppercase, let last = current.last, !last.isUppercase {
        words.append(current.lowercased())
        current = String(character)
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(current.lowercased()) }
    return words
  }
}
