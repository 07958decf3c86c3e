import CPlanModel
import Foundation
import Testing

@testable import CPlanCorpus

/// A scratch folder with a fake `pip` that "downloads" a source archive built by the test.
private final class FakePyPI {
  let root: URL

  init(archiveHasDocs: Bool = true, pipFails: Bool = false) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cplan-fetch-\(UUID().uuidString)")
    let manager = FileManager.default
    let source = root.appendingPathComponent("build/notes-1.0")
    try manager.createDirectory(
      at: source.appendingPathComponent(archiveHasDocs ? "docs" : "src"),
      withIntermediateDirectories: true)
    try Data("Notes\n=====\n\nA page.\n".utf8).write(
      to: source.appendingPathComponent(archiveHasDocs ? "docs/index.rst" : "src/x.py"))
    try Data("MIT\n".utf8).write(to: source.appendingPathComponent("LICENSE"))
    let archive = root.appendingPathComponent("notes-1.0.tar.gz").path
    let tar = Process()
    tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    tar.arguments = ["tar", "-czf", archive, "-C", root.appendingPathComponent("build").path, "notes-1.0"]
    try tar.run()
    tar.waitUntilExit()
    // pip download ... -d DIR: copy the archive into DIR, or fail like pip without network.
    let script = pipFails
      ? "#!/bin/sh\necho 'ERROR: Could not find a version that satisfies the requirement notes==1.0' >&2\nexit 1\n"
      : "#!/bin/sh\nwhile [ \"$1\" != \"-d\" ]; do shift; done\ncp '\(archive)' \"$2\"/\n"
    let pip = root.appendingPathComponent("pip").path
    try Data(script.utf8).write(to: URL(fileURLWithPath: pip))
    try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pip)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var location: CorpusLocation {
    CorpusLocation(
      entry: CorpusEntry(
        id: "notes-1.0", title: nil, folder: "notes-1.0", docs: "docs", includes: nil,
        pypi: "notes==1.0", fetchDocs: "docs", location: .start(of: "corpora.yaml")),
      root: root.appendingPathComponent("corpora"))
  }

  var fetcher: CorpusFetcher {
    CorpusFetcher(pip: [root.appendingPathComponent("pip").path], cache: root.appendingPathComponent("cache"))
  }
}

@Suite struct FetchTests {
  @Test func unpacksTheDocsFolderWithLicenseAndSource() throws {
    let pypi = try FakePyPI()
    let files = try pypi.fetcher.fetch(pypi.location, force: false)
    #expect(files >= 3)
    let folder = pypi.location.folder
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("docs/index.rst").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("LICENSE").path))
    let source = try String(contentsOf: folder.appendingPathComponent("SOURCE"), encoding: .utf8)
    #expect(source.contains("notes==1.0"))
    #expect(throws: FetchError.self) { try pypi.fetcher.fetch(pypi.location, force: false) }
    #expect(try pypi.fetcher.fetch(pypi.location, force: true) >= 3)
  }

  @Test func pipFailureIsReportedWithItsLastLine() throws {
    let pypi = try FakePyPI(pipFails: true)
    do {
      _ = try pypi.fetcher.fetch(pypi.location, force: false)
      Issue.record("fetch must fail")
    } catch let error as FetchError {
      #expect("\(error)".contains("Could not find a version"))
      #expect(!FileManager.default.fileExists(atPath: pypi.location.folder.path))
    }
  }

  @Test func archiveWithoutDocsLeavesNothingBehind() throws {
    let pypi = try FakePyPI(archiveHasDocs: false)
    #expect(throws: FetchError.self) { try pypi.fetcher.fetch(pypi.location, force: false) }
    #expect(!FileManager.default.fileExists(atPath: pypi.location.folder.path))
  }
}
