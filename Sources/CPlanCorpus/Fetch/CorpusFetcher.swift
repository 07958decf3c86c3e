import CPlanModel
import Foundation

/// Problems fetching a corpus.
public enum FetchError: Error, CustomStringConvertible, Sendable {
  /// The registry gives no PyPI requirement for the corpus.
  case notFetchable(String)
  /// pip failed (no network, unknown version…); its last words are kept.
  case download(String, String)
  /// The download is not a source archive with the expected docs folder.
  case archive(String, String)
  /// The corpus folder exists and `force` was not given.
  case exists(String)

  public var description: String {
    switch self {
    case .notFetchable(let id): "corpus '\(id)' has no 'fetch: {pypi: ...}' entry in the registry"
    case .download(let requirement, let detail):
      "pip could not download '\(requirement)' (is the network or the PyPI mirror reachable?): "
        + detail
    case .archive(let file, let reason): "unusable source archive '\(file)': \(reason)"
    case .exists(let path): "'\(path)' already exists; pass --force to replace it"
    }
  }
}

/// Downloads a corpus's source distribution with pip and extracts its documentation folder
/// under the corpora root, replacing the folder only once everything succeeded.
public struct CorpusFetcher: Sendable {
  /// The pip command, e.g. `["python3", "-m", "pip"]`.
  public var pip: [String]
  /// Where archives are cached.
  public var cache: URL

  /// Creates a fetcher.
  public init(pip: [String] = ["python3", "-m", "pip"], cache: URL) {
    self.pip = pip
    self.cache = cache
  }

  /// Fetches one corpus into `location.folder`.
  /// - Returns: the number of files written.
  /// - Throws: `FetchError`.
  public func fetch(_ location: CorpusLocation, force: Bool) throws -> Int {
    let entry = location.entry
    guard let requirement = entry.pypi else { throw FetchError.notFetchable(entry.id) }
    let manager = FileManager.default
    if manager.fileExists(atPath: location.folder.path), !force {
      throw FetchError.exists(location.folder.path)
    }
    let downloads = cache.appendingPathComponent(entry.id)
    try? manager.createDirectory(at: downloads, withIntermediateDirectories: true)
    let (status, output) = run(
      pip + ["download", "--no-deps", "--no-binary", ":all:", requirement, "-d", downloads.path])
    let archives = ((try? manager.contentsOfDirectory(atPath: downloads.path)) ?? [])
      .filter { $0.hasSuffix(".tar.gz") || $0.hasSuffix(".zip") }.sorted()
    guard let archive = archives.last else {
      let detail = output.split(separator: "\n").last.map(String.init) ?? "exit \(status)"
      throw FetchError.download(requirement, detail)
    }
    let staging = location.root.appendingPathComponent(".\(entry.folder).fetch")
    try? manager.removeItem(at: staging)
    try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: staging) }
    let archivePath = downloads.appendingPathComponent(archive).path
    let unpack =
      archive.hasSuffix(".zip")
      ? ["unzip", "-q", archivePath, "-d", staging.path]
      : ["tar", "-xzf", archivePath, "-C", staging.path]
    guard run(unpack).status == 0 else { throw FetchError.archive(archive, "cannot unpack it") }
    guard let top = try manager.contentsOfDirectory(atPath: staging.path).sorted().first else {
      throw FetchError.archive(archive, "it is empty")
    }
    let source = staging.appendingPathComponent(top)
    let docs = source.appendingPathComponent(entry.fetchDocs ?? "docs")
    guard manager.fileExists(atPath: docs.path) else {
      throw FetchError.archive(archive, "it has no '\(entry.fetchDocs ?? "docs")' folder")
    }
    let result = staging.appendingPathComponent("result")
    try manager.createDirectory(at: result, withIntermediateDirectories: true)
    try manager.moveItem(at: docs, to: result.appendingPathComponent(entry.docs))
    for license in ["LICENSE", "LICENSE.txt", "LICENSE.rst"]
    where manager.fileExists(atPath: source.appendingPathComponent(license).path) {
      try manager.moveItem(
        at: source.appendingPathComponent(license), to: result.appendingPathComponent("LICENSE"))
      break
    }
    try Data("Documentation files from the PyPI source distribution \(top) (\(requirement))\n".utf8)
      .write(to: result.appendingPathComponent("SOURCE"))
    let files = manager.enumerator(atPath: result.path)?.allObjects.count ?? 0
    try? manager.removeItem(at: location.folder)
    try manager.createDirectory(
      at: location.folder.deletingLastPathComponent(), withIntermediateDirectories: true)
    try manager.moveItem(at: result, to: location.folder)
    return files
  }

  private func run(_ arguments: [String]) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return (127, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
