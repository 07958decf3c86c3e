import Foundation

/// Finds database and ORM evidence in the code lines of a workspace (comments removed): driver
/// and ORM imports, dependency declarations, connection URLs, Django backends, and engine
/// settings (Sequelize `dialect`, Knex `client`, Prisma `provider`, TypeORM `type`, host
/// `postgres`). Documentation is not read; lock files never reach a workspace's files. Evidence
/// outside application code, in development or test settings, or among dev-only dependencies
/// carries the reason it does not decide (`EvidenceItem.aside`).
public enum EvidenceScanner {
  /// Every piece of evidence, one per file, line and label, in file then line order.
  public static func scan(_ files: [SourceFile]) -> [EvidenceItem] {
    var items: [EvidenceItem] = []
    var lower: [UInt8] = []
    for file in files where file.role != .docs {
      let kind = FileKind(file.path)
      var seen = Set<String>()
      var sections = DependencySections(path: file.path)
      let packageKeys = kind.isPackageManifest
        ? Dictionary(grouping: DependencySections.packageKeys(file.lines), by: \.line) : [:]
      for line in file.lines {
        var section = sections.next(line.text)
        if let key = packageKeys[line.number]?.first { section.reason = key.reason }
        var found: [(EvidenceSubject, EvidenceKind, String)] = []
        lower.removeAll(keepingCapacity: true)
        var quoted = false
        var colonOrDot = false
        var text = line.text
        text.withUTF8 { lower.append(contentsOf: $0) }
        lower.withUnsafeMutableBufferPointer { bytes in
          for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 65, byte <= 90 { bytes[index] = byte + 32 }
            quoted = quoted || byte == 39 || byte == 34
            colonOrDot = colonOrDot || byte == 58 || byte == 46
          }
        }
        if colonOrDot {
          urls(lower, into: &found)
          django(lower, into: &found)
        }
        if kind.isSource,
          lower.withUnsafeBufferPointer({ ArchitectureVerifier.mayImport(bytes: $0) })
        {
          imports(line.text, kind: kind, path: file.path, into: &found)
        }
        if kind.isPythonDependencies { pythonDependencies(lower, into: &found) }
        for key in packageKeys[line.number, default: []] {
          if let subject = EvidenceCatalog.npmDependencies[key.name] {
            found.append((subject, .dependency, key.name))
          }
        }
        if quoted { settings(lower, into: &found) }
        if kind.isJavaScript, Self.find(Self.newSequelize, in: lower, from: 0) != nil {
          found.append((.orm(.sequelize), .ormConstructor, "new Sequelize("))
        }
        for (subject, evidenceKind, value) in found {
          var aside = file.asideReason(line.number)
          if evidenceKind == .dependency, aside == nil { aside = section.reason }
          let item = EvidenceItem(
            subject: subject, kind: evidenceKind, value: value, path: file.path,
            line: line.number, aside: aside)
          if seen.insert("\(line.number) \(item.label)").inserted { items.append(item) }
        }
      }
    }
    return items
  }

  private struct FileKind {
    var isSource: Bool
    var isJavaScript: Bool
    var isPythonDependencies: Bool
    var isPackageManifest: Bool

    init(_ path: String) {
      isSource = PathRules.isSource(path)
      isJavaScript = isSource && !PathRules.isPython(path)
      isPythonDependencies = EvidenceCatalog.isPythonDependencyFile(path)
      isPackageManifest = EvidenceCatalog.isPackageManifest(path)
    }
  }

  private static let newSequelize = Array("new sequelize(".utf8)
  private static let scheme = Array("://".utf8)
  private static let djangoBackends = Array("django.db.backends.".utf8)

  /// `sqlite:///x`, `sqlite+aiosqlite://`, `postgres://`, `postgresql+asyncpg://`.
  private static func urls(
    _ lower: [UInt8], into found: inout [(EvidenceSubject, EvidenceKind, String)]
  ) {
    var from = 0
    while let hit = find(scheme, in: lower, from: from) {
      var start = hit
      while start > 0, isSchemeByte(lower[start - 1]) { start -= 1 }
      let written = String(decoding: lower[start..<hit], as: UTF8.self)
      let base = written.split(separator: "+").first.map(String.init) ?? ""
      if let engine = base == "sqlite"
        ? DatabaseEngine.sqlite
        : (base == "postgres" || base == "postgresql") ? .postgres : nil
      {
        found.append((.database(engine), .connectionURL, written + "://"))
      }
      from = hit + scheme.count
    }
  }

  private static func isSchemeByte(_ byte: UInt8) -> Bool {
    (97...122).contains(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "+")
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }

  /// `django.db.backends.sqlite3`, `django.db.backends.postgresql(_psycopg2)`.
  private static func django(
    _ lower: [UInt8], into found: inout [(EvidenceSubject, EvidenceKind, String)]
  ) {
    guard let hit = find(djangoBackends, in: lower, from: 0) else { return }
    var end = hit + djangoBackends.count
    while end < lower.count, isIdentifierByte(lower[end]) { end += 1 }
    let backend = String(decoding: lower[hit..<end], as: UTF8.self)
    let name = backend.dropFirst(djangoBackends.count)
    if name == "sqlite3" {
      found.append((.database(.sqlite), .djangoBackend, backend))
    } else if name.hasPrefix("postgresql") {
      found.append((.database(.postgres), .djangoBackend, backend))
    }
  }

  private static func imports(
    _ text: String, kind: FileKind, path: String,
    into found: inout [(EvidenceSubject, EvidenceKind, String)]
  ) {
    for statement in ImportScanner.statements(in: text, path: path) {
      let module = statement.module
      if kind.isJavaScript {
        let package =
          module.hasPrefix("@")
          ? module.split(separator: "/").prefix(2).joined(separator: "/")
          : String(module.prefix { $0 != "/" })
        if let subject = EvidenceCatalog.nodeModules[package] {
          found.append((subject, evidenceKind(subject), module))
        }
      } else {
        var prefix = ""
        for part in module.split(separator: ".") {
          prefix += prefix.isEmpty ? String(part) : ".\(part)"
          if let subject = EvidenceCatalog.pythonModules[prefix] {
            found.append((subject, evidenceKind(subject), module))
          }
        }
      }
    }
  }

  private static func evidenceKind(_ subject: EvidenceSubject) -> EvidenceKind {
    if case .orm = subject { return .ormImport }
    return .driverImport
  }

  /// Every token of a dependency line (`psycopg[binary]>=3`, `"asyncpg>=0.29",`).
  private static func pythonDependencies(
    _ lower: [UInt8], into found: inout [(EvidenceSubject, EvidenceKind, String)]
  ) {
    guard lower.first(where: { $0 != 32 && $0 != 9 }) != UInt8(ascii: "#") else { return }
    var start: Int?
    for index in 0...lower.count {
      let byte = index < lower.count ? lower[index] : 32
      if isIdentifierByte(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") {
        if start == nil { start = index }
      } else if let begin = start {
        let token = String(decoding: lower[begin..<index], as: UTF8.self)
        if let subject = EvidenceCatalog.pythonDependencies[token] {
          found.append((subject, .dependency, token))
        }
        start = nil
      }
    }
  }

  /// `key: 'value'`, `key = "value"`, `"key": "value"` for the catalog's setting keys.
  private static func settings(
    _ lower: [UInt8], into found: inout [(EvidenceSubject, EvidenceKind, String)]
  ) {
    for (key, values) in EvidenceCatalog.settings {
      var from = 0
      while let hit = find(key, in: lower, from: from) {
        from = hit + key.count
        if hit > 0, isIdentifierByte(lower[hit - 1]) { continue }
        var cursor = from
        if cursor < lower.count,
          lower[cursor] == UInt8(ascii: "\"") || lower[cursor] == UInt8(ascii: "'")
        {
          cursor += 1
        }
        while cursor < lower.count, lower[cursor] == 32 { cursor += 1 }
        guard cursor < lower.count,
          lower[cursor] == UInt8(ascii: ":") || lower[cursor] == UInt8(ascii: "=")
        else { continue }
        cursor += 1
        while cursor < lower.count, lower[cursor] == 32 { cursor += 1 }
        guard cursor < lower.count else { continue }
        let quote = lower[cursor]
        guard
          quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "`")
        else { continue }
        var end = cursor + 1
        while end < lower.count, lower[end] != quote { end += 1 }
        let value = String(decoding: lower[(cursor + 1)..<min(end, lower.count)], as: UTF8.self)
        if end < lower.count, let engine = values[value] {
          found.append(
            (.database(engine), .setting, "\(String(decoding: key, as: UTF8.self)): \(value)"))
        }
      }
    }
  }

  private static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (97...122).contains(byte) || (65...90).contains(byte) || (48...57).contains(byte)
      || byte == UInt8(ascii: "_")
  }

  /// The first index at or after `from` where `needle` occurs in `haystack` (memchr on the
  /// first byte, then a comparison).
  static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard let first = needle.first, from >= 0, needle.count <= haystack.count - from else {
      return nil
    }
    return haystack.withUnsafeBufferPointer { hay -> Int? in
      guard let base = hay.baseAddress else { return nil }
      var start = from
      let last = hay.count - needle.count
      while start <= last {
        guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return nil }
        let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        var matched = true
        for offset in 1..<needle.count where hay[index + offset] != needle[offset] {
          matched = false
          break
        }
        if matched { return index }
        start = index + 1
      }
      return nil
    }
  }
}
