import Foundation

/// A unified diff as `git diff` writes it (plain `diff -u` output is read too): the files it
/// touches, and for each the lines it adds with their line numbers in the new file.
public struct Patch: Sendable {
  /// The files, in patch order.
  public var files: [PatchFile]
  /// What did not parse cleanly; parsing never stops at a problem.
  public var problems: [PatchProblem]

  /// Parses a patch.
  /// - Parameters:
  ///   - data: the patch's bytes; invalid UTF-8 is replaced, CRLF line ends are accepted.
  ///   - reverse: read the patch as applied in reverse (`git apply -R`): removed lines count as
  ///     added, with their old line numbers, and the old and new sides swap.
  public static func parse(_ data: Data, reverse: Bool = false) -> Patch {
    var parser = PatchParser(reverse: reverse)
    data.withUnsafeBytes { raw in
      parser.parse(raw.bindMemory(to: UInt8.self))
    }
    return parser.finish()
  }

  /// Parses a patch held in a string.
  public static func parse(_ text: String, reverse: Bool = false) -> Patch {
    parse(Data(text.utf8), reverse: reverse)
  }
}

/// One file of a patch.
public struct PatchFile: Sendable {
  /// What the patch does to the file.
  public enum Status: String, Sendable, CaseIterable {
    /// A new file (`/dev/null` before).
    case added
    /// A removed file (`/dev/null` after).
    case deleted
    /// A changed file, or one whose mode changed.
    case modified
    /// A file moved to a new path (`rename from`/`rename to`).
    case renamed
    /// A file copied to a new path (`copy from`/`copy to`).
    case copied
  }

  /// The path before the change, nil when the file is new (`/dev/null`).
  public var oldPath: String?
  /// The path after the change, nil when the file is deleted (`/dev/null`).
  public var newPath: String?
  /// What the patch does to the file.
  public var status: Status
  /// Whether the change is binary (`Binary files … differ` or `GIT binary patch`).
  public var isBinary: Bool
  /// The mode before the change, when the patch names it (e.g. `100644`).
  public var oldMode: String?
  /// The mode after the change, when the patch names it (e.g. `100755`).
  public var newMode: String?
  /// The added lines, each with its 1-based line number in the new file.
  public var addedLines: [(number: Int, text: String)]
  /// The removed lines' numbers in the file before the change (for `--base`).
  public var removedLines: [Int] = []
  /// The patch line where the file's header starts (1-based).
  public var headerLine: Int

  /// The path the file has after the change (before it, for a deleted file).
  public var path: String { newPath ?? oldPath ?? "" }

  /// Whether the file exists once the patch is applied.
  public var existsAfter: Bool { status != .deleted }
}

/// A part of a patch that did not parse cleanly.
public struct PatchProblem: Sendable, Hashable {
  /// The patch line (1-based).
  public var line: Int
  /// What is wrong, lower-case.
  public var message: String
}
