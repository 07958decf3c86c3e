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
      out += "\(escaped(diagnostic.location.description)): \(diagnostic.severity.rawValue): "
      out += "\(escaped(message)) [\(diagnostic.code)]\n"
      for note in diagnostic.notes {
        let place = note.location?.description ?? diagnostic.location.description
        out += "\(escaped(place)): note: \(escaped(note.message))\n"
      }
    }
    return out
  }

  /// How diagnostics look on a terminal: severity in colour, then the source line with a caret
  /// under the column. Plain text when the output is not a terminal, `NO_COLOR` is set, or
  /// `TERM` is `dumb`.
  public static func styled(
    _ diagnostics: [Diagnostic], terminal: Bool = isatty(STDERR_FILENO) != 0,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    guard terminal, environment["NO_COLOR"].map(\.isEmpty) ?? true,
      environment["TERM"] != "dumb"
    else { return text(diagnostics) }
    var out = ""
    var sources: [String: [Substring]] = [:]
    for diagnostic in diagnostics {
      let (color, label) =
        switch diagnostic.severity {
        case .error: ("31", "error")
        case .warning: ("33", "warning")
        case .note: ("36", "note")
        }
      var message = diagnostic.message
      if let suggestion = diagnostic.suggestion { message += "; \(suggestion)" }
      out += "\u{1B}[1m\(escaped(diagnostic.location.description)):\u{1B}[0m "
      out += "\u{1B}[1;\(color)m\(label):\u{1B}[0m \u{1B}[1m\(escaped(message))\u{1B}[0m "
      out += "[\(diagnostic.code)]\n"
      let location = diagnostic.location
      if location.line > 0 {
        if sources[location.file] == nil {
          let data = FileManager.default.contents(atPath: location.file).map { $0.prefix(8 << 20) }
          sources[location.file] = data.map {
            String(decoding: $0, as: UTF8.self).split(
              omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
          } ?? []
        }
        if let lines = sources[location.file], location.line <= lines.count {
          let line = escaped(String(lines[location.line - 1].prefix(240)))
          let gutter = String(location.line)
          out += " \(gutter) | \(line)\n"
          let column = max(1, min(location.column, line.count + 1))
          out += " \(String(repeating: " ", count: gutter.count)) | "
            + String(repeating: " ", count: column - 1) + "\u{1B}[1;\(color)m^\u{1B}[0m\n"
        }
      }
      for note in diagnostic.notes {
        let place = note.location?.description ?? diagnostic.location.description
        out += "\(escaped(place)): \u{1B}[1;36mnote:\u{1B}[0m \(escaped(note.message))\n"
      }
    }
    return out
  }

  /// Text safe for one terminal line: control characters (C0, DEL, C1) and line or paragraph
  /// separators that came from input are written as `\u{…}` escapes, so a key cannot break the
  /// `file:line:column` format or send escape sequences to the terminal.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar) {
        out += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
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
