import CPlanCore
import CPlanYAML

/// One source of one rule, as written in a pack, with the positions a check reports and a fix
/// rewrites.
struct PackSource {
  /// What the source cites.
  enum Target {
    /// A passage of a corpus.
    case corpus(corpus: String?, path: String, line: Int, quote: String)
    /// A web page.
    case url(url: String, section: String?)
    /// Something that is neither, with the reason.
    case invalid(String)
  }

  var packFile: String
  var ruleID: String
  /// The `line:` value's position, or the source's when it has none.
  var location: SourceLocation
  /// The `line:` value's span.
  var lineSpan: SourceRange?
  var target: Target
}

/// Reads the rules' sources out of a loaded pack, keeping the YAML positions.
enum PackSources {
  /// The sources of every rule of a pack, and the problems that stop them being read.
  /// - Parameters:
  ///   - loaded: the pack file as loaded by `YAMLLoader`.
  static func read(_ loaded: YAMLLoadResult) -> (sources: [PackSource], problems: [Diagnostic]) {
    guard let root = loaded.root else { return ([], []) }
    guard root.mapping != nil, let rules = root["rules"]?.sequence else {
      let problem = Diagnostic.error(
        "unknown-kind", "not a rule pack: the document has no 'rules' list", at: root.start)
      return ([], [problem])
    }
    let packCorpus = root["corpus"]?.string
    var sources: [PackSource] = []
    for rule in rules {
      let ruleID = rule["id"]?.string ?? ""
      for node in rule["sources"]?.sequence ?? [] {
        sources.append(read(node, ruleID: ruleID, packCorpus: packCorpus, file: loaded.file))
      }
    }
    return (sources, [])
  }

  private static func read(_ node: YAMLNode, ruleID: String, packCorpus: String?, file: String)
    -> PackSource
  {
    let lineNode = node["line"]
    var source = PackSource(
      packFile: file, ruleID: ruleID, location: lineNode?.start ?? node.start,
      lineSpan: lineNode.map { SourceRange(start: $0.start, end: $0.end) },
      target: .invalid("a source must be a mapping"))
    guard node.mapping != nil else { return source }
    if let url = node["url"]?.string {
      source.location = node.start
      source.target = .url(url: url, section: node["section"]?.string)
      return source
    }
    let missing = ["path", "line", "quote"].filter { node[$0] == nil }
    if !missing.isEmpty {
      let names = missing.map { "'\($0)'" }.joined(separator: ", ")
      source.target = .invalid("a corpus source needs \(names)")
      return source
    }
    guard let path = node["path"]?.string else {
      source.target = .invalid("'path' must be a string")
      return source
    }
    guard let line = lineNode?.int, line >= 1 else {
      source.target = .invalid("'line' must be a positive integer")
      return source
    }
    guard let quote = node["quote"]?.string else {
      source.target = .invalid("'quote' must be a string")
      return source
    }
    let corpus = node["corpus"].map { $0.string } ?? packCorpus
    source.target = .corpus(corpus: corpus, path: path, line: line, quote: quote)
    return source
  }
}
