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
  /// With `--format json`, standard error carries JSON too: one object per line
  /// (`{"severity", "message", "code", "file", "line", "column", "suggestion"}`), so a script
  /// reads errors the way it reads results.
  nonisolated(unsafe) static var json = false

  static func write(_ text: String) {
    guard json else {
      FileHandle.standardError.write(Data(text.utf8))
      return
    }
    for line in text.split(separator: "\n") where !line.isEmpty {
      var severity = "note"
      var message = String(line)
      for word in ["error", "warning", "note"] where line.hasPrefix(word + ": ") {
        severity = word
        message = String(line.dropFirst(word.count + 2))
      }
      emit(["severity": severity, "message": message])
    }
  }

  /// Diagnostics: styled text for a person, JSON lines with `--format json`.
  static func diagnostics(_ list: [Diagnostic]) {
    guard json else {
      FileHandle.standardError.write(Data(DiagnosticReporter.styled(list).utf8))
      return
    }
    for object in DiagnosticReporter.jsonObjects(list) { emit(object) }
  }

  private static func emit(_ object: [String: Any]) {
    let value = try? JSONOutput.convert(object)
    let text =
      value.map { PythonJSON.encode($0, asciiOnly: false, indent: 0) }?
      .replacingOccurrences(of: "\n", with: "") ?? "{}"
    FileHandle.standardError.write(Data((text + "\n").utf8))
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
