import Foundation

/// Problems writing an output folder.
public enum OutputError: Error, CustomStringConvertible, Sendable {
  /// The folder has content that cplan did not write, and `--force` was not given.
  case foreignContent(String)
  /// A file system operation failed.
  case io(String, String)

  public var description: String {
    switch self {
    case .foreignContent(let path):
      "'\(path)' is not empty and was not written by cplan; choose another --out or pass --force"
    case .io(let path, let reason): "cannot write '\(path)': \(reason)"
    }
  }
}

/// Writes a whole output folder at once: files go into a staging folder beside the target,
/// which then replaces the target, so an interrupted run leaves the earlier output intact and
/// never a partial file. A marker file records that cplan wrote the folder.
public struct OutputFolder {
  /// The name of the marker file cplan leaves in folders it writes.
  public static let marker = ".cplan-output"

  /// The target folder.
  public let target: URL
  private let staging: URL

  /// Prepares to replace `path`.
  /// - Parameters:
  ///   - path: the output folder.
  ///   - force: replace a non-empty folder even when cplan did not write it.
  /// - Throws: `OutputError.foreignContent` when the folder holds foreign content.
  public init(_ path: String, force: Bool) throws {
    target = URL(fileURLWithPath: path).standardizedFileURL
    let manager = FileManager.default
    if let entries = try? manager.contentsOfDirectory(atPath: target.path), !entries.isEmpty,
      !entries.contains(Self.marker), !force
    {
      throw OutputError.foreignContent(path)
    }
    staging = target.deletingLastPathComponent().appendingPathComponent(
      ".\(target.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
    try? manager.removeItem(at: staging)
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw OutputError.io(staging.path, "\(error.localizedDescription)")
    }
  }

  /// Writes one file (relative path) into the staging folder.
  public func write(_ data: Data, to relative: String) throws {
    let url = staging.appendingPathComponent(relative)
    do {
      try AtomicFile.write(data, to: url)
    } catch {
      throw OutputError.io(url.path, "\(error.localizedDescription)")
    }
  }

  /// Writes a UTF-8 string.
  public func write(_ text: String, to relative: String) throws {
    try write(Data(text.utf8), to: relative)
  }

  /// Replaces the target with the staged folder.
  public func commit() throws {
    try write("written by cplan\n", to: Self.marker)
    let manager = FileManager.default
    let old = target.deletingLastPathComponent().appendingPathComponent(
      ".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
    do {
      if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: old) }
      try manager.moveItem(at: staging, to: target)
      try? manager.removeItem(at: old)
    } catch {
      if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: old.path) {
        try? manager.moveItem(at: old, to: target)
      }
      throw OutputError.io(target.path, "\(error.localizedDescription)")
    }
  }

  /// Removes the staging folder without touching the target.
  public func abandon() {
    try? FileManager.default.removeItem(at: staging)
  }
}
