import Foundation

/// One agent run of the harness's results tree,
/// `{runtime}/{agent}/{model}/{task}/{date}/run_N/{agent}-{task}.patch`.
public struct ResultRun: Sendable, Hashable {
  /// The patch's path (the tree's folder as given, joined with the path below it).
  public var patch: String
  /// The harness's docker folder: `uv`, `node`, or a feature task's framework (`honojs`).
  public var runtime: String
  /// The agent, e.g. `mini_swe_sdk`.
  public var agent: String
  /// The model, e.g. `gpt-5-mini`.
  public var model: String
  /// The task name, e.g. `express-openapi-clean_architecture-postgres-sequelize`.
  public var task: String
  /// The execution folder, a timestamp.
  public var date: String
  /// The run folder, e.g. `run_1`.
  public var run: String

  /// `agent/model/date/run_N`.
  public var label: String { "\(agent)/\(model)/\(date)/\(run)" }

  /// The run a patch belongs to, read from the six folders above it; nil when its folder is not
  /// `run_N` or there are fewer folders.
  public init?(patch: String) {
    let absolute = URL(fileURLWithPath: patch).standardizedFileURL.path
    let parts = absolute.split(separator: "/").map(String.init)
    guard parts.count >= 7, Self.isRunFolder(parts[parts.count - 2]) else { return nil }
    let folders = parts.suffix(7).prefix(6)
    self.patch = patch
    (runtime, agent, model, task, date, run) = (
      folders[folders.startIndex], folders[folders.startIndex + 1],
      folders[folders.startIndex + 2], folders[folders.startIndex + 3],
      folders[folders.startIndex + 4], folders[folders.startIndex + 5]
    )
  }

  /// Whether a folder name is `run_` and digits.
  static func isRunFolder(_ name: String) -> Bool {
    name.hasPrefix("run_") && name.count > 4 && name.dropFirst(4).allSatisfy(\.isNumber)
  }
}

/// Finds the runs of a results tree.
public enum ResultsTree {
  /// Every `*.patch` below `folder` whose folder is `run_N`, sorted by task then run; skipped
  /// folders (`node_modules`, `.git`, …) are not entered.
  public static func runs(in folder: String) -> [ResultRun] {
    let root = URL(fileURLWithPath: folder).standardizedFileURL
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isDirectoryKey])
    else { return [] }
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    let rootPath = root.path
    var runs: [ResultRun] = []
    for case let url as URL in walker {
      let name = url.lastPathComponent
      if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
        if PathRules.skippedFolders.contains(name) { walker.skipDescendants() }
        continue
      }
      guard name.hasSuffix(".patch"),
        ResultRun.isRunFolder(url.deletingLastPathComponent().lastPathComponent)
      else { continue }
      let full = url.standardizedFileURL.path
      let shown = full.hasPrefix(rootPath + "/") ? base + full.dropFirst(rootPath.count) : full
      if let run = ResultRun(patch: shown) { runs.append(run) }
    }
    return runs.sorted { ($0.task, $0.label, $0.patch) < ($1.task, $1.label, $1.patch) }
  }
}
