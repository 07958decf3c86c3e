import Foundation

/// Folders of the tests, found from this source file.
enum Paths {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let fixtures = tests.appendingPathComponent("Fixtures")
  /// The repository root: three folders up from this file.
  static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()

  /// A fresh temporary folder.
  static func temporary(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("cplan-compare-\(name)-\(UUID().uuidString)")
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
