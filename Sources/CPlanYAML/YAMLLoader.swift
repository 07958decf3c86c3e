import CLibYAML
import CPlanCore
import Foundation

/// Reads YAML through libyaml's event API into positioned nodes, enforcing `YAMLLimits`.
///
/// The loader never throws and never crashes on bad input: every problem becomes a diagnostic
/// with a stable `yaml-*` code, and the root is nil when no usable document could be built.
public enum YAMLLoader {
  /// Loads a file from disk.
  /// - Parameters:
  ///   - path: the file, as the user named it (used in diagnostics).
  ///   - limits: the caps to enforce.
  public static func load(path: String, limits: YAMLLimits = .standard) -> YAMLLoadResult {
    let start = SourceLocation.start(of: path)
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    // Only regular files: a FIFO or a device would block or never end.
    if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
      return YAMLLoadResult(
        file: path, root: nil,
        diagnostics: [
          .error(
            "io-not-a-file", "is not a regular file (a pipe, device or socket); it is not read",
            at: start)
        ])
    }
    if let size = (attributes?[.size] as? NSNumber)?.intValue, size > limits.maxFileBytes {
      return YAMLLoadResult(
        file: path, root: nil,
        diagnostics: [
          .error(
            "yaml-size-limit",
            "file is \(size) bytes, over the limit of \(limits.maxFileBytes) bytes", at: start)
        ])
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return YAMLLoadResult(
        file: path, root: nil,
        diagnostics: [.error("io-unreadable", "cannot read the file", at: start)])
    }
    defer { try? handle.close() }
    // Read at most one byte past the limit, so a file that grew after stat is still caught.
    let data = (try? handle.read(upToCount: limits.maxFileBytes + 1)) ?? Data()
    return load(bytes: [UInt8](data), file: path, limits: limits)
  }

  /// Loads YAML from memory.
  /// - Parameters:
  ///   - text: the document's text.
  ///   - file: the name used in diagnostics.
  ///   - limits: the caps to enforce.
  public static func load(
    string text: String, file: String, limits: YAMLLimits = .standard
  ) -> YAMLLoadResult {
    load(bytes: Array(text.utf8), file: file, limits: limits)
  }

  /// Loads YAML from raw bytes, checking size, encoding and byte order mark first.
  public static func load(
    bytes input: [UInt8], file: String, limits: YAMLLimits = .standard
  ) -> YAMLLoadResult {
    let start = SourceLocation.start(of: file)
    var diagnostics: [Diagnostic] = []
    if input.count > limits.maxFileBytes {
      diagnostics.append(
        .error(
          "yaml-size-limit",
          "file is over the limit of \(limits.maxFileBytes) bytes", at: start))
      return YAMLLoadResult(file: file, root: nil, diagnostics: diagnostics)
    }
    var bytes = input
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
      || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
    {
      diagnostics.append(
        .error(
          "yaml-encoding", "file is UTF-16 or UTF-32 encoded; cplan reads UTF-8 only", at: start,
          suggestion: "convert it, e.g. with 'iconv -t UTF-8'"))
      return YAMLLoadResult(file: file, root: nil, diagnostics: diagnostics)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      diagnostics.append(
        .warning(
          "yaml-bom", "file starts with a UTF-8 byte order mark", at: start,
          suggestion: "remove the byte order mark"))
      bytes.removeFirst(3)
    }
    let positions = TextPosition(bytes: bytes, file: file)
    if let bad = TextPosition.firstInvalidUTF8(bytes) {
      let hex = String(bytes[bad], radix: 16, uppercase: true)
      diagnostics.append(
        .error(
          "yaml-encoding", "invalid UTF-8 byte 0x\(hex); cplan reads UTF-8 only",
          at: positions.location(ofByte: bad),
          suggestion: "convert the file to UTF-8, e.g. with 'iconv -f latin1 -t UTF-8'"))
      return YAMLLoadResult(file: file, root: nil, diagnostics: diagnostics)
    }
    var builder = NodeBuilder(file: file, limits: limits, positions: positions)
    let root = builder.parse(bytes)
    diagnostics += builder.diagnostics
    if root == nil, !diagnostics.hasErrors {
      diagnostics.append(.error("yaml-empty", "file holds no YAML document", at: start))
    }
    return YAMLLoadResult(file: file, root: builder.fatal ? nil : root, diagnostics: diagnostics)
  }
}
