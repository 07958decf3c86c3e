import Foundation

/// Which part of a dependency manifest a line is in: runtime dependencies decide a verdict;
/// development, test, optional and tool sections do not.
struct DependencySections {
  /// The part of the file a line is in.
  struct Section {
    /// Why its dependencies do not decide, or nil for runtime dependencies.
    var reason: String?
  }

  private enum Format { case sections, devFile, other }
  private let format: Format
  private var current = Section(reason: nil)

  /// The sections of one file.
  init(path: String) {
    let name = PathRules.name(of: path).lowercased()
    if ["pyproject.toml", "pipfile", "setup.cfg"].contains(name) {
      format = .sections
    } else if EvidenceCatalog.isPythonDependencyFile(path), Self.isDevelopmentFile(path) {
      format = .devFile
      current.reason = "a dev-only dependency file"
    } else {
      format = .other
    }
  }

  /// `requirements-dev.txt`, `requirements/test.txt`, `dev-requirements.in`.
  private static func isDevelopmentFile(_ path: String) -> Bool {
    path.lowercased().split { !$0.isLetter }.contains { developmentWords.contains(String($0)) }
  }

  private static let developmentWords: Set<String> = [
    "dev", "develop", "development", "test", "tests", "testing", "lint", "docs", "local",
  ]

  /// The section of the next line (comments already removed).
  mutating func next(_ line: String) -> Section {
    switch format {
    case .other, .devFile:
      return current
    case .sections:
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("["), !trimmed.hasPrefix("[["), trimmed.hasSuffix("]") {
        let header = trimmed.dropFirst().dropLast().lowercased()
        current.reason = Self.runtimeSections.contains(header) ? nil : "a non-runtime dependency section ([\(header)])"
      }
      return current
    }
  }

  /// Every key of a `package.json` dependency object (`dependencies`, `devDependencies`,
  /// `peerDependencies`, `optionalDependencies`), with its line and, unless it is a runtime
  /// dependency, why it does not decide. Read character by character, so a one-line file works;
  /// in a fragment, a key outside any object the fragment shows counts as a runtime dependency.
  static func packageKeys(_ lines: [(number: Int, text: String)]) -> [(
    line: Int, name: String, reason: String?
  )] {
    var found: [(Int, String, String?)] = []
    var depth = 0
    var section: (name: String, depth: Int)?
    var lastString: String?
    for line in lines {
      var iterator = line.text.makeIterator()
      while let character = iterator.next() {
        switch character {
        case "\"":
          var string = ""
          while let next = iterator.next(), next != "\"" {
            if next == "\\" { _ = iterator.next() } else { string.append(next) }
          }
          lastString = string
          continue
        case ":":
          if let key = lastString, let open = section, depth == open.depth + 1 {
            let reason = open.name == "dependencies" ? nil : "a dev-only dependency (\(open.name))"
            found.append((line.number, key.lowercased(), reason))
          } else if let key = lastString, section == nil, depth <= 0 {
            // A fragment (a patch's added lines) whose object the input does not show: every
            // key of a whole file is inside the root object, so this one's section is unknown
            // and it counts as a runtime dependency.
            found.append((line.number, key.lowercased(), nil))
          }
        case "{":
          depth += 1
          if depth == 2, let key = lastString, dependencyObjects.contains(key) {
            section = (key, 1)
          }
        case "}":
          depth -= 1
          if let open = section, depth <= open.depth { section = nil }
        default:
          if character != " " && character != "\t" { lastString = nil }
          continue
        }
        lastString = character == ":" ? lastString : nil
      }
    }
    return found
  }

  private static let dependencyObjects: Set<String> = [
    "dependencies", "devDependencies", "peerDependencies", "optionalDependencies",
  ]

  /// Sections of `pyproject.toml`, `Pipfile` and `setup.cfg` that list what the service runs
  /// with.
  private static let runtimeSections: Set<String> = [
    "project", "tool.poetry.dependencies", "tool.poetry.group.main.dependencies", "packages",
    "options",
  ]
}
