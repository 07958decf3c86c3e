import Foundation

extension ResultsReader {
  /// Whether a path is a folder.
  static func isFolder(_ url: URL) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder)
      && folder.boolValue
  }

  /// The visible sub-folders of a folder, sorted by name.
  static func folders(in url: URL) -> [String] {
    entries(in: url).filter { isFolder(url.appendingPathComponent($0)) }
  }

  /// The visible files of a folder, sorted by name.
  static func files(in url: URL) -> [String] {
    entries(in: url).filter { !isFolder(url.appendingPathComponent($0)) }
  }

  private static func entries(in url: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  /// Orders `run_2` before `run_10`: by the number after the last `_` when both have one.
  static func naturalOrder(_ lhs: String, _ rhs: String) -> Bool {
    func number(_ name: String) -> Int? {
      name.split(separator: "_").last.flatMap { Int($0) }
    }
    if let a = number(lhs), let b = number(rhs), a != b { return a < b }
    return lhs < rhs
  }
}
