/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
  case note
  case warning
  case error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in an input, with where it is and a stable code.
public struct Diagnostic: Hashable, Sendable, Codable {
  /// A secondary position that helps explain the diagnostic.
  public struct Note: Hashable, Sendable, Codable {
    /// What the note says.
    public var message: String
    /// Where it points, if anywhere.
    public var location: SourceLocation?

    /// Creates a note.
    public init(_ message: String, at location: SourceLocation? = nil) {
      self.message = message
      self.location = location
    }
  }

  /// Error, warning or note.
  public var severity: Severity
  /// Stable kebab-case code, e.g. `unknown-key`.
  public var code: String
  /// Lower-case message without a trailing period.
  public var message: String
  /// Where the problem is.
  public var location: SourceLocation
  /// A fix the user can apply, e.g. "did you mean 'database'?".
  public var suggestion: String?
  /// Related positions.
  public var notes: [Note]

  /// Creates a diagnostic.
  /// - Parameters:
  ///   - severity: error, warning or note.
  ///   - code: stable code.
  ///   - message: lower-case message.
  ///   - location: where it is.
  ///   - suggestion: an optional fix.
  ///   - notes: related positions.
  public init(
    _ severity: Severity, code: String, message: String, at location: SourceLocation,
    suggestion: String? = nil, notes: [Note] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.suggestion = suggestion
    self.notes = notes
  }

  /// An error diagnostic.
  public static func error(
    _ code: String, _ message: String, at location: SourceLocation,
    suggestion: String? = nil, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.error, code: code, message: message, at: location, suggestion: suggestion,
      notes: notes)
  }

  /// A warning diagnostic.
  public static func warning(
    _ code: String, _ message: String, at location: SourceLocation,
    suggestion: String? = nil, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.warning, code: code, message: message, at: location, suggestion: suggestion,
      notes: notes)
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// The diagnostics in a stable order: by file, line, column, then code and message.
  public func sortedForOutput() -> [Diagnostic] {
    sorted {
      if $0.location != $1.location { return $0.location < $1.location }
      if $0.code != $1.code { return $0.code < $1.code }
      return $0.message < $1.message
    }
  }
}
