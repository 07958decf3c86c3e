/// The comment syntax of a file, by its name.
public enum CommentSyntax: Sendable, Hashable {
  /// Python: `#` comments; a triple-quoted string that stands as a statement is a docstring.
  case python
  /// JavaScript and TypeScript: `//`, `/* … */`; strings, template literals and regex literals
  /// hide them.
  case javascript
  /// JSON with comments (`tsconfig.json`, `.jsonc`) and Prisma schemas: `//` and `/* … */`.
  case slashes
  /// SQL: `--` and `/* … */`.
  case sql
  /// YAML, TOML, INI, `.env`, shell, Dockerfiles, requirements: `#` at the start or after a
  /// space (INI files also `;` at the start).
  case hash
  /// No comments known (Markdown, HTML, plain text): every line is kept as it is.
  case none

  /// The syntax of a path.
  public static func of(_ path: String) -> CommentSyntax {
    let name = PathRules.name(of: path).lowercased()
    switch PathRules.fileExtension(of: path) {
    case "py", "pyi": return .python
    case "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx": return .javascript
    case "jsonc", "json5", "prisma": return .slashes
    case "json":
      // Plain JSON has no comments (npm rejects them in package.json); these files allow them.
      return name.hasPrefix("tsconfig") || name.hasPrefix("jsconfig") || name.hasPrefix(".eslintrc")
        || path.hasPrefix(".vscode/") ? .slashes : .none
    case "sql": return .sql
    case "yml", "yaml", "toml", "ini", "cfg", "conf", "env", "sh", "bash", "txt", "in",
      "properties", "dockerfile":
      return name.hasSuffix(".txt") && !name.hasPrefix("requirements")
        && !path.contains("requirements/") ? .none : .hash
    default:
      if name.hasPrefix(".env") || name.hasPrefix("dockerfile") || name == "pipfile"
        || name == "makefile" || name == "procfile" || name == ".gitignore"
        || name == ".dockerignore"
      {
        return .hash
      }
      return .none
    }
  }
}

/// Separates code from comments: each line comes back with its comments (and, in Python, its
/// docstrings) removed, so that comment text is never evidence. String contents are kept —
/// a connection URL lives in a string. State carries across lines (block comments, docstrings,
/// template literals); for a patch, whose added lines come in runs, it restarts at every gap.
public struct CodeLexer: Sendable {
  private let syntax: CommentSyntax
  /// Inside a `/* … */` comment.
  private var inBlock = false
  /// Inside a triple-quoted Python string: its delimiter, and whether it is a docstring.
  private var triple: (quote: UInt8, docstring: Bool)?
  /// Inside a JavaScript template literal.
  private var inTemplate = false
  /// Open brackets, for Python docstrings (a string inside a call is no docstring).
  private var depth = 0
  /// The previous line ended with a backslash or an operator that continues it.
  private var continued = false

  /// A lexer for one file.
  public init(syntax: CommentSyntax) { self.syntax = syntax }

  /// Forgets the state, at a gap between runs of a patch's lines.
  public mutating func reset() { self = CodeLexer(syntax: syntax) }

  /// The code of the next line.
  public mutating func code(of line: String) -> String {
    switch syntax {
    case .none: return line
    case .hash: return hashCode(line)
    case .python, .javascript, .slashes, .sql:
      if !inBlock, triple == nil, !inTemplate, fastPath(line) { return line }
      var bytes = Array(line.utf8)
      let kept = scan(&bytes)
      return kept ? line : String(decoding: bytes, as: UTF8.self)
    }
  }

  /// A line with no quote and no comment character, outside any open comment or string: kept
  /// as it is, with only the bracket depth and continuation (Python) updated. Most lines.
  private mutating func fastPath(_ line: String) -> Bool {
    var depthChange = 0
    var last: UInt8 = 0
    let python = syntax == .python
    for byte in line.utf8 {
      switch byte {
      case 34, 39: return false  // " '
      case 35 where python: return false  // #
      case 47 where !python: return false  // /
      case 96 where syntax == .javascript: return false  // `
      case 45 where syntax == .sql: return false  // -
      case 40, 91, 123: depthChange += 1
      case 41, 93, 125: depthChange -= 1
      default: break
      }
      if byte != 32, byte != 9 { last = byte }
    }
    depth = max(0, depth + depthChange)
    if syntax == .python { continued = last == 92 }
    return true
  }

  /// `#` comments of configuration files: at the start, or after a space or tab, outside quotes.
  private func hashCode(_ line: String) -> String {
    let bytes = Array(line.utf8)
    var quote: UInt8?
    var index = 0
    let first = bytes.firstIndex { $0 != 32 && $0 != 9 }
    if let first, bytes[first] == UInt8(ascii: ";") { return "" }
    // A shebang is an instruction to the kernel, not a comment.
    if bytes.starts(with: [UInt8(ascii: "#"), UInt8(ascii: "!")]) { return line }
    while index < bytes.count {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == 34 || byte == 39 {
        quote = byte
      } else if byte == UInt8(ascii: "#"), index == 0 || bytes[index - 1] == 32 || bytes[index - 1] == 9 {
        return String(decoding: bytes[..<index], as: UTF8.self)
      }
      index += 1
    }
    return line
  }

  /// Removes comments from `bytes` in place; returns true when nothing was removed.
  private mutating func scan(_ bytes: inout [UInt8]) -> Bool {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var removed = false
    var index = 0
    let count = bytes.count
    let startsStatement = depth == 0 && !continued
    var significant: UInt8 = 0  // the last non-space byte of code, for regex literals
    func peek(_ offset: Int) -> UInt8 { index + offset < count ? bytes[index + offset] : 0 }

    while index < count {
      let byte = bytes[index]
      if inBlock {
        removed = true
        if byte == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
          inBlock = false
          index += 2
        } else {
          index += 1
        }
        continue
      }
      if let open = triple {
        if byte == 92 {
          if !open.docstring { output += bytes[index..<min(index + 2, count)] }
          index += 2
          continue
        }
        if byte == open.quote, peek(1) == open.quote, peek(2) == open.quote {
          if !open.docstring { output += [byte, byte, byte] } else { removed = true }
          triple = nil
          index += 3
          continue
        }
        if open.docstring { removed = true } else { output.append(byte) }
        index += 1
        continue
      }
      if inTemplate {
        output.append(byte)
        if byte == 92, index + 1 < count {
          output.append(bytes[index + 1])
          index += 2
          continue
        }
        if byte == UInt8(ascii: "`") { inTemplate = false }
        index += 1
        continue
      }
      switch byte {
      case UInt8(ascii: "#") where syntax == .python:
        removed = true
        index = count
      case UInt8(ascii: "/")
      where syntax != .python && peek(1) == UInt8(ascii: "/") && syntax != .sql:
        removed = true
        index = count
      case UInt8(ascii: "-") where syntax == .sql && peek(1) == UInt8(ascii: "-"):
        removed = true
        index = count
      case UInt8(ascii: "/") where syntax != .python && peek(1) == UInt8(ascii: "*"):
        removed = true
        inBlock = true
        index += 2
      case UInt8(ascii: "/") where syntax == .javascript && Self.regexMayStart(after: significant):
        // A regex literal: copy it whole, so its quotes and slashes open nothing.
        var end = index + 1
        var inClass = false
        while end < count {
          let next = bytes[end]
          if next == 92 { end += 2; continue }
          if next == UInt8(ascii: "[") { inClass = true }
          if next == UInt8(ascii: "]") { inClass = false }
          if next == UInt8(ascii: "/"), !inClass { break }
          end += 1
        }
        guard end < count else {
          // No closing slash on the line: a division after all.
          output.append(byte)
          index += 1
          significant = byte
          continue
        }
        output += bytes[index...end]
        index = end + 1
        significant = UInt8(ascii: "/")
        // Flags.
        while index < count, (97...122).contains(bytes[index]) {
          output.append(bytes[index])
          index += 1
        }
        significant = UInt8(ascii: "a")
      case 34, 39:
        if syntax == .python, peek(1) == byte, peek(2) == byte {
          let atStart = startsStatement && output.allSatisfy { $0 == 32 || $0 == 9 }
          triple = (byte, atStart)
          if !atStart { output += [byte, byte, byte] } else { removed = true }
          index += 3
          continue
        }
        // A string on one line: copied whole.
        var end = index + 1
        while end < count, bytes[end] != byte {
          if bytes[end] == 92 { end += 1 }
          end += 1
        }
        let last = min(end, count - 1)
        output += bytes[index...last]
        index = last + 1
        significant = byte
      case UInt8(ascii: "`") where syntax == .javascript:
        output.append(byte)
        inTemplate = true
        index += 1
      default:
        if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
          depth += 1
        } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]")
          || byte == UInt8(ascii: "}")
        {
          depth = max(0, depth - 1)
        }
        if byte != 32, byte != 9 { significant = byte }
        output.append(byte)
        index += 1
      }
    }
    if syntax == .python {
      let last = output.last { $0 != 32 && $0 != 9 }
      continued = last == 92
    }
    if removed { bytes = output }
    return !removed
  }

  /// Whether a `/` after this byte starts a regex literal rather than a division.
  private static func regexMayStart(after byte: UInt8) -> Bool {
    switch byte {
    case 0, UInt8(ascii: "("), UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: ":"),
      UInt8(ascii: "["), UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "|"),
      UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";"):
      return true
    default:
      return false
    }
  }
}
