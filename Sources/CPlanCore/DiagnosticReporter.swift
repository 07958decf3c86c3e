import Foundation

/// Turns diagnostics into text for a terminal or a script.
public enum DiagnosticReporter {
  /// One line per diagnostic, `file:line:column: error: message [code]`, notes on their own lines.
  /// - Parameter diagnostics: what to render, in the order given.
  public static func text(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for diagnostic in diagnostics {
      var message = diagnostic.message
      if let suggestion = diagnostic.suggestion { message += "; \(suggestion)" }
      out += "\(diagnostic.location.description): \(diagnostic.severity.rawValue): "
      out += "\(message) [\(diagnostic.code)]\n"
      for note in diagnostic.notes {
        let place = note.location?.description ?? diagnostic.location.description
        out += "\(place): note: \(note.message)\n"
      }
    }
    return out
  }

  /// A JSON array of diagnostic objects with stable key order.
  /// - Parameter diagnostics: what to render.
  public static func jsonObjects(_ diagnostics: [Diagnostic]) -> [[String: Any]] {
    diagnostics.map { diagnostic in
      var object: [String: Any] = [
        "severity": diagnostic.severity.rawValue,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "file": diagnostic.location.file,
        "line": diagnostic.location.line,
        "column": diagnostic.location.column,
      ]
      if let suggestion = diagnostic.suggestion { object["suggestion"] = suggestion }
      if !diagnostic.notes.isEmpty {
        object["notes"] = diagnostic.notes.map { note -> [String: Any] in
          var n: [String: Any] = ["message": note.message]
          if let location = note.location {
            n["file"] = location.file
            n["line"] = location.line
            n["column"] = location.column
          }
          return n
        }
      }
      return object
    }
  }

  /// A summary line such as `2 errors, 1 warning in 3 files`.
  public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
  }
}
