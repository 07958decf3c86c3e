/// One import on a line: the module, and for Python `from … import` the names imported.
public struct ImportStatement: Sendable, Hashable {
  /// The module as written: `a.b`, `..services` (Python) or `../services/x`, `pg` (JS/TS).
  public var module: String
  /// The names of a Python `from module import a, b` (without `as` aliases); empty otherwise.
  public var names: [String]
}

/// Recognises import statements of Python, JavaScript and TypeScript lines.
public enum ImportScanner {
  /// The modules a line imports: Python `import a.b as c`, `from a.b import c`, `from . import x`
  /// (relative: returned with its leading dots); JS/TS `import … from 'x'`, `import 'x'`,
  /// `export … from 'x'`, `require('x')`, `import('x')`. JS/TS comment lines import nothing.
  public static func modules(in line: String, path: String) -> [String] {
    let found = statements(in: line, path: path).map(\.module)
    return PathRules.isPython(path) ? found : Array(Set(found)).sorted()
  }

  /// The import statements of a line, with the names of Python `from … import`.
  public static func statements(in line: String, path: String) -> [ImportStatement] {
    let trimmed = line.utf8.drop { $0 == 32 || $0 == 9 }
    if PathRules.isPython(path) { return python(trimmed) }
    if trimmed.starts(with: "//".utf8) || trimmed.starts(with: "/*".utf8)
      || trimmed.first == UInt8(ascii: "*")
    {
      return []
    }
    return javascript(Array(trimmed))
  }

  /// Whether the line imports `module` or one of its submodules (`a` matches `a`, `a.b`, `a/b`).
  public static func imports(_ line: String, module: String, path: String) -> Bool {
    modules(in: line, path: path).contains { name in
      name == module || name.hasPrefix(module + ".") || name.hasPrefix(module + "/")
    }
  }

  private static func python(_ line: Substring.UTF8View) -> [ImportStatement] {
    let bytes = Array(line)
    func word(from start: Int) -> (String, Int)? {
      var index = start
      while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
      let begin = index
      while index < bytes.count, !isSeparator(bytes[index]) { index += 1 }
      return index > begin ? (String(decoding: bytes[begin..<index], as: UTF8.self), index) : nil
    }
    if bytes.starts(with: fromKeyword) {
      guard let (module, end) = word(from: 5) else { return [] }
      var names: [String] = []
      if let (keyword, after) = word(from: end), keyword == "import" {
        let list = bytes[after...].prefix { $0 != UInt8(ascii: "#") }
        for part in list.split(separator: UInt8(ascii: ",")) {
          let cleaned = part.filter {
            $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") && $0 != 92
          }
          if let name = cleaned.split(whereSeparator: isSeparator).first, name.first != 42 {
            names.append(String(decoding: name, as: UTF8.self))
          }
        }
      }
      return [ImportStatement(module: module, names: names)]
    }
    if bytes.starts(with: importKeyword) {
      let list = bytes[7...].prefix { $0 != UInt8(ascii: "#") }
      return list.split(separator: UInt8(ascii: ",")).compactMap { part in
        part.split(whereSeparator: isSeparator).first.map {
          ImportStatement(module: String(decoding: $0, as: UTF8.self), names: [])
        }
      }
    }
    return []
  }

  private static func isSeparator(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
  private static let fromKeyword = Array("from ".utf8)
  private static let importKeyword = Array("import ".utf8)

  private static let markers: [[UInt8]] = ["from ", "require(", "import(", "import "].map {
    Array($0.utf8)
  }

  private static func javascript(_ bytes: [UInt8]) -> [ImportStatement] {
    var found: [ImportStatement] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == UInt8(ascii: "f") || byte == UInt8(ascii: "r") || byte == UInt8(ascii: "i")
      else {
        index += 1
        continue
      }
      var matched = false
      for marker in markers where bytes.count - index >= marker.count {
        guard bytes[index..<(index + marker.count)].elementsEqual(marker) else { continue }
        var cursor = index + marker.count
        while cursor < bytes.count, bytes[cursor] == 32 { cursor += 1 }
        if cursor < bytes.count,
          bytes[cursor] == UInt8(ascii: "'") || bytes[cursor] == UInt8(ascii: "\"")
            || bytes[cursor] == UInt8(ascii: "`")
        {
          let quote = bytes[cursor]
          let start = cursor + 1
          var end = start
          while end < bytes.count, bytes[end] != quote { end += 1 }
          if end < bytes.count, end > start {
            found.append(
              ImportStatement(
                module: String(decoding: bytes[start..<end], as: UTF8.self), names: []))
          }
        }
        index += marker.count
        matched = true
        break
      }
      if !matched { index += 1 }
    }
    return found
  }
}
