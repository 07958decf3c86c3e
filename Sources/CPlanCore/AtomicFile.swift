import Foundation

/// Writes files so that readers see either the old content or the whole new content.
public enum AtomicFile {
  /// Writes `data` to a temporary file beside `url`, then renames it over `url`.
  /// - Parameters:
  ///   - data: the complete content.
  ///   - url: the destination; its folder is created when missing.
  /// - Throws: the underlying file-system error; the destination is then untouched.
  public static func write(_ data: Data, to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    removeStaleTemporaries(of: url)
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    )
    do {
      try data.write(to: temporary, options: [])
      if rename(temporary.path, url.path) != 0 {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }

  /// Removes temporaries of `url` that a process killed mid-write left (cplan's own names,
  /// `.NAME.tmp-PID-…`, of processes that no longer exist).
  static func removeStaleTemporaries(of url: URL) {
    let folder = url.deletingLastPathComponent()
    let prefix = ".\(url.lastPathComponent).tmp-"
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return
    }
    for entry in entries where entry.hasPrefix(prefix) {
      let pid = entry.dropFirst(prefix.count).prefix { $0 != "-" }
      guard let pid = Int32(pid), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
        continue
      }
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
    }
  }

  /// Writes a UTF-8 string atomically.
  public static func write(_ string: String, to url: URL) throws {
    try write(Data(string.utf8), to: url)
  }
}
