import ArgumentParser
import CPlanCore
import CPlanModel
import Foundation

/// Output formats of commands whose output is data.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
  case text
  case json
}

/// Where to find packs, shared by every command that loads manifests.
struct LoadOptions: ParsableArguments {
  @Option(
    name: .customLong("packs"),
    help: ArgumentHelp(
      "A folder to search for rule packs (repeatable); then the folders of $CPLAN_PATH, the "
        + "nearest Constraints/packs, and the packs shipped inside cplan.", valueName: "dir"))
  var packFolders: [String] = []

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  func load(_ paths: [String]) -> ConstraintSet {
    ConstraintLoader(packFolders: packFolders + DataPaths.packFolders()).load(paths: paths)
  }
}

/// Writes to standard error.
enum StandardError {
  static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

extension ConstraintSet {
  /// The exit code for what was loaded: 2 unreadable input, 1 errors, else 0.
  func exitCode(strict: Bool) -> Int32 {
    if hasUnreadableInput { return 2 }
    if diagnostics.hasErrors || (strict && diagnostics.contains { $0.severity == .warning }) {
      return 1
    }
    return 0
  }
}
