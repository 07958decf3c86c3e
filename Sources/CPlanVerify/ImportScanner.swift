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
    if PathRules.isPython(path) { return python(Substring(trimmed)) }
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

  private static func python(_ trimmed: Substring) -> [ImportStatement] {
    if trimmed.hasPrefix("from ") {
      let rest = trimmed.dropFirst(5).drop { $0 == " " }
      let module = rest.prefix { $0 != " " && $0 != "\t" }
      guard !module.isEmpty else { return [] }
      var names: [String] = []
      let after = rest.dropFirst(module.count).drop { $0 == " " || $0 == "\t" }
      if after.hasPrefix("import") {
        let list = after.dropFirst(6).prefix { $0 != "#" }
        for part in list.split(separator: ",") {
          let cleaned = part.filter { $0 != "(" && $0 != ")" && $0 != "\\" }
          if let name = cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
            name != "*"
          {
            names.append(String(name))
          }
        }
      }
      return [ImportStatement(module: String(module), names: names)]
    }
    if trimmed.hasPrefix("import ") {
      return trimmed.dropFirst(7).prefix { $0 != "#" }.split(separator: ",").compactMap { part in
        part.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map {
          ImportStatement(module: String($0), names: [])
        }
      }
    }
    return []
  }

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
              ImportStatement(module: String(decoding: bytes[start..<end], as: UTF8.self), names: []))
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
