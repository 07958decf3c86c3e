import Foundation

/// What verification reads from one input: a patch's added lines, or a folder's files.
public struct Workspace: Sendable {
  /// Where the code comes from.
  public enum Kind: String, Sendable {
    /// A unified diff: only added lines count.
    case patch
    /// A folder of generated code: every line counts.
    case folder
  }

  /// The input as the user named it.
  public var input: String
  /// Patch or folder.
  public var kind: Kind
  /// The text files whose lines count (lock files, binary files and skipped folders left out),
  /// sorted by path.
  public var files: [SourceFile]
  /// Every path that exists after the change (for a patch, the files it touches and keeps),
  /// binary and lock files included, sorted.
  public var paths: [String]
  /// Problems reading the input (malformed hunks, unreadable files), as warnings.
  public var problems: [PatchProblem]
  /// For a patch: what it does to each file it touches, to apply it over a base tree.
  public var changes: [PatchFile] = []

  /// Creates a workspace from parts.
  public init(
    input: String, kind: Kind, files: [SourceFile], paths: [String],
    problems: [PatchProblem] = []
  ) {
    self.input = input
    self.kind = kind
    self.files = files.sorted { $0.path < $1.path }
    self.paths = Array(Set(paths)).sorted()
    self.problems = problems
  }

  /// Whether only changed lines are visible.
  public var isPatch: Bool { kind == .patch }

  /// The workspace of a parsed patch.
  /// - Parameters:
  ///   - patch: the patch.
  ///   - input: the patch's path, for messages.
  public init(patch: Patch, input: String) {
    var files: [SourceFile] = []
    var paths: [String] = []
    for file in patch.files where file.existsAfter && !PathRules.isSkipped(file.path) {
      paths.append(file.path)
      if !file.isBinary, !PathRules.isLockFile(file.path), !file.addedLines.isEmpty {
        var source = SourceFile(path: file.path, lines: file.addedLines)
        source.isComplete = file.status == .added
        files.append(source)
      }
    }
    // A path touched twice (a patch of patches) keeps all its added lines.
    var merged: [String: SourceFile] = [:]
    for file in files {
      if var seen = merged[file.path] {
        seen.lines += file.lines
        seen.isComplete = false
        merged[file.path] = seen
      } else {
        merged[file.path] = file
      }
    }
    self.init(
      input: input, kind: .patch, files: Array(merged.values), paths: paths,
      problems: patch.problems)
    changes = patch.files
  }

  /// The files after this patch is applied over `base` (a folder): files the patch does not
  /// touch as they are in the base, changed files without their removed lines and with the added
  /// ones, new files as the patch shows them, deleted files gone. Only which lines exist counts,
  /// not their order, which is what `require-*` checks need.
  public func applied(over base: Workspace) -> [SourceFile] {
    var tree = Dictionary(base.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    var added: [String: [(number: Int, text: String)]] = [:]
    for change in changes {
      let old = change.oldPath.flatMap { tree[$0] }
      if let oldPath = change.oldPath, change.status != .copied { tree[oldPath] = nil }
      guard change.existsAfter, !change.isBinary else { continue }
      let removed = Set(change.removedLines)
      let kept = change.status == .added ? [] : (old?.lines ?? []).filter { !removed.contains($0.number) }
      added[change.path, default: kept] += change.addedLines
    }
    for (path, lines) in added where !PathRules.isLockFile(path) && !PathRules.isSkipped(path) {
      tree[path] = SourceFile(path: path, lines: lines.sorted { $0.number < $1.number })
    }
    return tree.values.sorted { $0.path < $1.path }
  }

  /// Reads and parses a patch file.
  /// - Parameters:
  ///   - path: the patch.
  ///   - reverse: read it as applied in reverse.
  /// - Throws: `VerifyError.unreadable`.
  public static func patch(at path: String, reverse: Bool = false) throws -> Workspace {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw VerifyError.unreadable(path, reason: VerifyError.reason(error))
    }
    return Workspace(patch: Patch.parse(data, reverse: reverse), input: path)
  }
}
