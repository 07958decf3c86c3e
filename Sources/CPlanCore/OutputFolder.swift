import Foundation

/// Problems writing an output folder.
public enum OutputError: Error, CustomStringConvertible, Sendable {
  /// The folder has content that cplan did not write, and `--force` was not given.
  case foreignContent(String)
  /// The output path names something that is not a folder.
  case notAFolder(String)
  /// A file cplan would write already exists and cplan did not write it.
  case foreignFile(String)
  /// A file system operation failed.
  case io(String, String)

  public var description: String {
    switch self {
    case .foreignContent(let path):
      "'\(path)' is not empty and was not written by cplan; choose another --out, or pass "
        + "--force to let cplan add its files beside the others"
    case .notAFolder(let path): "'\(path)' exists and is not a folder; --out names a folder"
    case .foreignFile(let path):
      "'\(path)' exists and was not written by cplan; it is left untouched and nothing was written"
    case .io(let path, let reason): "cannot write '\(path)': \(reason)"
    }
  }
}

/// Writes an output folder that cplan owns only in part: the marker file `.cplan-output` lists
/// every file cplan wrote there, and a run replaces or removes only those. Files are staged
/// beside the target first, so a failed run writes nothing; each file then replaces its
/// predecessor by one rename, the stale files of the previous run go, and the marker is written
/// last. A file cplan did not write is never deleted or overwritten, with or without `--force`;
/// `--force` only lets cplan write into a non-empty folder it has not written before.
public struct OutputFolder {
  /// The name of the marker file cplan leaves in folders it writes.
  public static let marker = ".cplan-output"
  static let header = "written by cplan; these files are cplan's, every other file is left alone"

  /// The target folder (a symbolic link to a folder is written through, not replaced).
  public let target: URL
  private let staging: URL
  private var written: [String] = []

  /// Prepares to write `path`.
  /// - Parameters:
  ///   - path: the output folder.
  ///   - force: write into a non-empty folder cplan has not written before.
  /// - Throws: `OutputError.notAFolder` when the path is a file, `foreignContent` when the
  ///   folder holds foreign content and `force` is false, `io` when staging fails.
  public init(_ path: String, force: Bool) throws {
    let given = URL(fileURLWithPath: path).standardizedFileURL
    target = given.resolvingSymlinksInPath()
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
    if exists, !isFolder.boolValue { throw OutputError.notAFolder(path) }
    let entries = exists ? (try? manager.contentsOfDirectory(atPath: target.path)) ?? [] : []
    if !entries.isEmpty, !entries.contains(Self.marker), !force {
      throw OutputError.foreignContent(path)
    }
    let parent = target.deletingLastPathComponent()
    Self.removeStaleStaging(in: parent, for: target.lastPathComponent)
    staging = parent.appendingPathComponent(
      ".\(target.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
    try? manager.removeItem(at: staging)
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw OutputError.io(staging.path, IOReason.of(error))
    }
  }

  /// The files a folder's marker says cplan wrote (relative paths); empty without a marker. A
  /// marker of the first version, which listed nothing, owns nothing.
  static func owned(in folder: URL) -> Set<String> {
    guard
      let text = try? String(
        contentsOf: folder.appendingPathComponent(marker), encoding: .utf8)
    else { return [] }
    return Set(
      text.split(separator: "\n").dropFirst().map(String.init).filter { path in
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
      })
  }

  /// Removes staging folders of this target left by processes that no longer run.
  static func removeStaleStaging(in parent: URL, for name: String) {
    let prefix = ".\(name).staging-"
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
    where entry.hasPrefix(prefix) {
      guard let pid = Int32(entry.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
    }
  }

  /// Writes one file (relative path) into the staging folder.
  public mutating func write(_ data: Data, to relative: String) throws {
    let url = staging.appendingPathComponent(relative)
    do {
      try AtomicFile.write(data, to: url)
    } catch {
      throw OutputError.io(url.path, IOReason.of(error))
    }
    if !written.contains(relative) { written.append(relative) }
  }

  /// Writes a UTF-8 string.
  public mutating func write(_ text: String, to relative: String) throws {
    try write(Data(text.utf8), to: relative)
  }

  /// Moves the staged files into the target, removes the files of the previous run that this
  /// one did not write, and writes the marker.
  /// - Throws: `OutputError.foreignFile` (before anything moves) when a staged file would
  ///   replace a file cplan did not write; `io` when a move fails.
  public func commit() throws {
    // The staging folder goes whether the commit succeeds or not.
    defer { abandon() }
    let manager = FileManager.default
    let parent = target.deletingLastPathComponent()
    // Two runs writing the same folder commit one after the other, never interleaved.
    let lock = open(parent.path, O_RDONLY)
    if lock >= 0 { flock(lock, LOCK_EX) }
    defer { if lock >= 0 { close(lock) } }
    let listing = ([Self.header] + written.sorted()).joined(separator: "\n") + "\n"
    do {
      if !manager.fileExists(atPath: target.path) && !Self.isLink(target) {
        // A new folder appears whole, in one rename(2): a kill leaves it absent or complete.
        try AtomicFile.write(Data(listing.utf8), to: staging.appendingPathComponent(Self.marker))
        guard rename(staging.path, target.path) == 0 else {
          throw OutputError.io(target.path, String(cString: strerror(errno)))
        }
        return
      }
    } catch let error as OutputError {
      throw error
    } catch {
      throw OutputError.io(target.path, IOReason.of(error))
    }
    // Read under the lock: another run may have committed since this one started. A marker of
    // the first version lists no files: what this run writes again may be replaced, and nothing
    // else is removed. (A temporary of the marker left by a killed run goes with the next
    // AtomicFile write of the marker.)
    let previous = Self.owned(in: target)
    let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
    let legacy = entries.contains(Self.marker) && previous.isEmpty
    // The folder holds earlier output (or, with --force, the user's files): file by file, each
    // in one rename(2). The marker first claims every file this commit may move, so a kill
    // half-way leaves files the next run knows as its own, never foreign ones.
    for relative in written where !previous.contains(relative) && !legacy {
      let destination = target.appendingPathComponent(relative)
      if manager.fileExists(atPath: destination.path) || Self.isLink(destination) {
        throw OutputError.foreignFile(destination.path)
      }
    }
    do {
      let claimed = ([Self.header] + previous.union(written).sorted()).joined(separator: "\n") + "\n"
      try AtomicFile.write(Data(claimed.utf8), to: target.appendingPathComponent(Self.marker))
      for relative in written {
        let source = staging.appendingPathComponent(relative)
        let destination = target.appendingPathComponent(relative)
        try manager.createDirectory(
          at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        // rename(2) replaces the destination in one step: never a partial file.
        guard rename(source.path, destination.path) == 0 else {
          throw OutputError.io(destination.path, String(cString: strerror(errno)))
        }
      }
      let current = Set(written)
      for stale in previous.subtracting(current).sorted() {
        try? manager.removeItem(at: target.appendingPathComponent(stale))
      }
      try AtomicFile.write(Data(listing.utf8), to: target.appendingPathComponent(Self.marker))
    } catch let error as OutputError {
      throw error
    } catch {
      throw OutputError.io(target.path, IOReason.of(error))
    }
  }

  /// Removes the staging folder without touching the target.
  public func abandon() {
    try? FileManager.default.removeItem(at: staging)
  }

  static func isLink(_ url: URL) -> Bool {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
  }
}

/// The reason of a file system error in cplan's words, without Foundation's domain and code.
public enum IOReason {
  /// Why `path` cannot be written, in cplan's words: a part of it that is a file, not a folder,
  /// is named; otherwise the reason of `error`.
  public static func writing(_ path: String, _ error: Error) -> String {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      return "it is a folder; name a file"
    }
    var url = URL(fileURLWithPath: path).deletingLastPathComponent()
    while url.path != "/" {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
        if !isFolder.boolValue { return "'\(url.path)' is a file, not a folder" }
        break
      }
      url.deleteLastPathComponent()
    }
    return of(error)
  }

  /// A short lower-case reason: "no such file or folder", "permission denied", or the system's
  /// own message for the underlying POSIX error.
  public static func of(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    switch nsError.code {
    case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
    case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
    case NSFileWriteOutOfSpaceError: return "no space left on the device"
    case NSFileWriteFileExistsError: return "a file of that name already exists"
    default: return "the file system refused the operation"
    }
  }
}
