import CPlanCore

/// The outcome of checking one source of one rule.
public struct CitationResult: Sendable, Hashable {
  /// What the check found.
  public enum Status: Sendable, Hashable {
    /// The quote is at the cited line.
    case ok
    /// The quote is at another line; `withinWindow` tells whether it is within the checker's
    /// window around the cited line or elsewhere in the file.
    case moved(newLine: Int, withinWindow: Bool)
    /// The file no longer holds the quote.
    case vanished
    /// The cited file does not exist in the corpus folder.
    case missingFile
    /// The cited corpus has no folder.
    case unknownCorpus
    /// A url source, which is not checked.
    case unchecked
    /// The source lacks `path`, `line` or `quote`, or they have the wrong type.
    case invalid

    /// The status without its payload.
    public var kind: Kind {
      switch self {
      case .ok: .ok
      case .moved: .moved
      case .vanished: .vanished
      case .missingFile: .missingFile
      case .unknownCorpus: .unknownCorpus
      case .unchecked: .unchecked
      case .invalid: .invalid
      }
    }
  }

  /// A status without its payload, for counts and JSON.
  public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The quote is at the cited line.
    case ok
    /// The quote is at another line.
    case moved
    /// The file no longer holds the quote.
    case vanished
    /// The cited file does not exist.
    case missingFile = "missing-file"
    /// The cited corpus has no folder.
    case unknownCorpus = "unknown-corpus"
    /// A url source.
    case unchecked
    /// A source that cannot be checked.
    case invalid
  }

  /// What the check found.
  public var status: Status
  /// The pack file, as given to the checker.
  public var packFile: String
  /// The id of the rule holding the source ("" when the rule has none).
  public var ruleID: String
  /// Where the source's `line:` value is, or the source itself when it has none.
  public var location: SourceLocation
  /// The span of the `line:` value, which `fix` rewrites.
  public var lineSpan: SourceRange?
  /// The cited corpus id (the pack's default when the source names none).
  public var corpus: String?
  /// The cited file, relative to the corpus folder.
  public var path: String?
  /// The cited line.
  public var line: Int?
  /// The cited quote.
  public var quote: String?
  /// The url of a url source.
  public var url: String?
  /// The section of a url source.
  public var section: String?
  /// What happened, lower-case, for people.
  public var message: String
  /// A way to repair it, when there is one.
  public var suggestion: String?

  /// Creates a result.
  public init(
    status: Status, packFile: String, ruleID: String, location: SourceLocation,
    lineSpan: SourceRange? = nil, corpus: String? = nil, path: String? = nil, line: Int? = nil,
    quote: String? = nil, url: String? = nil, section: String? = nil, message: String,
    suggestion: String? = nil
  ) {
    self.status = status
    self.packFile = packFile
    self.ruleID = ruleID
    self.location = location
    self.lineSpan = lineSpan
    self.corpus = corpus
    self.path = path
    self.line = line
    self.quote = quote
    self.url = url
    self.section = section
    self.message = message
    self.suggestion = suggestion
  }

  /// The diagnostic code of the result, nil for `ok`.
  public var code: String? {
    switch status {
    case .ok: nil
    case .moved: "cite-moved"
    case .vanished: "cite-vanished"
    case .missingFile: "cite-missing-file"
    case .unknownCorpus: "cite-unknown-corpus"
    case .unchecked: "cite-unchecked-url"
    case .invalid: "cite-invalid-source"
    }
  }

  /// The result as a diagnostic: a note for url sources, a warning for moved quotes, an error
  /// for the rest; nil for `ok`.
  public var diagnostic: Diagnostic? {
    guard let code else { return nil }
    let severity: Severity
    switch status {
    case .unchecked: severity = .note
    case .moved: severity = .warning
    default: severity = .error
    }
    return Diagnostic(severity, code: code, message: message, at: location, suggestion: suggestion)
  }

  /// The result as a JSON object (absent values left out).
  public var jsonValue: [String: Any] {
    var object: [String: Any] = [
      "status": status.kind.rawValue, "file": location.file, "line": location.line,
      "column": location.column, "rule": ruleID, "message": message,
    ]
    if case .moved(let newLine, let withinWindow) = status {
      object["newLine"] = newLine
      object["withinWindow"] = withinWindow
    }
    let optional: [(String, Any?)] = [
      ("corpus", corpus), ("path", path), ("citedLine", line), ("quote", quote), ("url", url),
      ("section", section), ("suggestion", suggestion),
    ]
    for (key, value) in optional { if let value { object[key] = value } }
    return object
  }
}
