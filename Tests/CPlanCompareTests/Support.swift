import Foundation

/// Folders of the tests, found from this source file.
enum Paths {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let fixtures = tests.appendingPathComponent("Fixtures")
  /// The repository root: three folders up from this file.
  static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()

  /// This process's scratch folder. Folders left by test processes that have ended are removed
  /// first (the test runner may exit without running exit handlers).
  static let scratch: URL = {
    let manager = FileManager.default
    let parent = manager.temporaryDirectory
    let prefix = "cplan-compare-tests-"
    for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
    where name.hasPrefix(prefix) {
      if let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH {
        try? manager.removeItem(at: parent.appendingPathComponent(name))
      }
    }
    let url = parent.appendingPathComponent(prefix + "\(ProcessInfo.processInfo.processIdentifier)")
    try? manager.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  /// A fresh temporary folder inside the scratch folder.
  static func temporary(_ name: String) -> URL {
    let url = scratch.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// The harness's reference files in ../shared, when present.
enum Reference {
  /// `../shared/reference/constraint-decay/global_stats.csv`, when it exists.
  static let globalStats: URL? = {
    let url = Paths.repository.deletingLastPathComponent()
      .appendingPathComponent("shared/reference/constraint-decay/global_stats.csv")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }()

  /// Whether the reference summary is present (tests skip cleanly when not).
  static var isAvailable: Bool { globalStats != nil }
}

/// A headless Chromium, when one is installed.
enum Browser {
  static let executable: String? = {
    let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      for name in names {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  static var isAvailable: Bool { executable != nil }

  /// Screenshots a file; returns the PNG's size in bytes, or nil when no PNG was written.
  static func screenshot(_ file: URL, to png: URL, width: Int, height: Int) throws -> Int? {
    guard let executable else { return nil }
    let profile = Paths.temporary("chromium-profile")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
      "--user-data-dir=\(profile.path)", "--screenshot=\(png.path)",
      "--window-size=\(width),\(height)", file.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let attributes = try? FileManager.default.attributesOfItem(atPath: png.path)
    return (attributes?[.size] as? NSNumber)?.intValue
  }
}
