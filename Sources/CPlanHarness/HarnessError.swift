import CPlanCore

/// A problem with a harness task file or with editing its prompt. Every message names the file.
public enum HarnessError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// The bytes are not JSON (or not UTF-8); `line` and `column` are 1-based, columns in characters.
  case notJSON(file: String, line: Int, column: Int, reason: String)
  /// The top-level value is not an object; `found` describes it, e.g. `an array`; `line` and
  /// `column` are where the value starts.
  case notAnObject(file: String, found: String, line: Int = 1, column: Int = 1)
  /// A top-level key appears more than once; `line` and `column` are where it appears again.
  case duplicateKey(String, file: String, line: Int = 1, column: Int = 1)
  /// A required top-level key (`name`, `prompt`, `dockerFolder`) is absent.
  case missingKey(String, file: String)
  /// A required top-level key's value is not a string; `found` describes it, e.g. `a number`;
  /// `line` and `column` are where the value starts.
  case notAString(String, file: String, found: String, line: Int = 1, column: Int = 1)
  /// The `dockerFolder` is neither a runtime folder (`uv`, `node`) nor a known framework.
  case unknownDockerFolder(String, file: String)
  /// A generation task's name is not `{framework}-{spec}-{constraints}`.
  case unparseableName(String, file: String, reason: String)
  /// The placement's anchor is not a markdown heading such as `## Mandatory Files`.
  case invalidAnchor(String, file: String)
  /// No line of the prompt holds the anchor heading; `headings` are the prompt's headings of the
  /// anchor's level, in order.
  case anchorNotFound(String, file: String, headings: [String])
  /// More than one line of the prompt holds the anchor heading.
  case ambiguousAnchor(String, file: String, count: Int)
  /// The section to insert is empty or blank.
  case emptySection(file: String)
  /// A file is not inside the input folder it should be mirrored from.
  case outsideInputRoot(file: String, root: String)

  /// The file the error is about.
  public var file: String {
    switch self {
    case .unreadable(let file, _), .notJSON(let file, _, _, _), .notAnObject(let file, _, _, _),
      .duplicateKey(_, let file, _, _), .missingKey(_, let file), .notAString(_, let file, _, _, _),
      .unknownDockerFolder(_, let file), .unparseableName(_, let file, _),
      .invalidAnchor(_, let file), .anchorNotFound(_, let file, _),
      .ambiguousAnchor(_, let file, _), .emptySection(let file), .outsideInputRoot(let file, _):
      return file
    }
  }

  /// Stable kebab-case code, as in diagnostics.
  public var code: String {
    switch self {
    case .unreadable: "io-unreadable"
    case .notJSON: "invalid-json"
    case .notAnObject, .notAString: "wrong-type"
    case .duplicateKey: "duplicate-key"
    case .missingKey: "missing-key"
    case .unknownDockerFolder: "unknown-docker-folder"
    case .unparseableName: "invalid-task-name"
    case .invalidAnchor: "invalid-anchor"
    case .anchorNotFound: "anchor-not-found"
    case .ambiguousAnchor: "ambiguous-anchor"
    case .emptySection: "empty-section"
    case .outsideInputRoot: "outside-input"
    }
  }

  /// The message without the file: lower-case, no trailing period.
  public var message: String {
    switch self {
    case .unreadable(_, let reason): return "cannot read the file: \(reason)"
    case .notJSON(_, _, _, let reason): return "not valid JSON: \(reason)"
    case .notAnObject(_, let found, _, _): return "the task must be a JSON object, found \(found)"
    case .duplicateKey(let key, _, _, _): return "key '\(key)' appears more than once in the task"
    case .missingKey(let key, _): return "missing key '\(key)' in the task"
    case .notAString(let key, _, let found, _, _): return "'\(key)' must be a string, found \(found)"
    case .unknownDockerFolder(let folder, _):
      let frameworks = Set(TaskTarget.frameworkRuntimes.keys)
        .union(TaskTarget.dockerFolderAliases.keys).sorted()
      return "unknown dockerFolder '\(folder)'; expected 'uv', 'node' or a framework: "
        + frameworks.joined(separator: ", ")
    case .unparseableName(let name, _, let reason):
      return "cannot infer framework and constraints from task name '\(name)': \(reason)"
    case .invalidAnchor(let heading, _):
      return "anchor '\(heading)' is not a markdown heading line such as '## Mandatory Files'"
    case .anchorNotFound(let heading, _, let headings):
      let level = String(heading.prefix { $0 == "#" })
      let found =
        headings.isEmpty
        ? "the prompt has no '\(level)' headings"
        : "its '\(level)' headings are " + headings.map { "'\($0)'" }.joined(separator: ", ")
      return "heading '\(heading)' not found in the prompt; \(found)"
    case .ambiguousAnchor(let heading, _, let count):
      return "heading '\(heading)' is on \(count) lines of the prompt; expected exactly one"
    case .emptySection: return "the section to insert is empty"
    case .outsideInputRoot(_, let root): return "the file is not inside the input folder '\(root)'"
    }
  }

  /// The line and column the error points at, when it has one.
  public var position: (line: Int, column: Int)? {
    switch self {
    case .notJSON(_, let line, let column, _), .notAnObject(_, _, let line, let column),
      .duplicateKey(_, _, let line, let column), .notAString(_, _, _, let line, let column):
      return (line, column)
    default: return nil
    }
  }

  /// `file:line:column: message` for errors at a place of the JSON, `file: message` otherwise.
  public var description: String {
    if let position { return "\(file):\(position.line):\(position.column): \(message)" }
    return "\(file): \(message)"
  }

  /// The error as a diagnostic, positioned where the JSON shows it, else at the start of the
  /// file.
  public var diagnostic: Diagnostic {
    var location = SourceLocation.start(of: file)
    if let position { location = SourceLocation(file: file, line: position.line, column: position.column) }
    return .error(code, message, at: location)
  }
}
