import CPlanCore
import CPlanYAML
import Foundation

extension RulePack {
  static let keys = [
    "cplan", "id", "version", "title", "description", "applies", "application", "corpus", "rules",
  ]
  static let ruleKeys = [
    "id", "when", "severity", "topic", "statement", "rationale", "breaks", "likelihood",
    "sources", "conflicts", "replaces",
    "deprecated-aliases", "check", "examples",
  ]

  /// Decodes a pack from a file's root node, reporting every problem to `context`.
  static func decode(_ root: YAMLNode, file: String, in context: DecodeContext) -> RulePack? {
    guard FormatVersion.check(root, in: context),
      let fields = context.fields(
        root, "rule pack", known: keys, required: ["cplan", "id", "version", "title", "rules"])
    else { return nil }
    let id = context.identifier(fields["id"], "pack id", .kebab)
    let version = context.identifier(fields["version"], "pack version", .semver)
    let title = context.text(fields["title"], "'title'")
    let description = context.string(fields["description"], "'description'")
    var applies = Condition.always
    if let node = fields["applies"],
      let f = context.fields(node, "'applies'", known: ["framework", "runtime"])
    {
      var parts: [Condition] = []
      if f["framework"] != nil {
        parts.append(.framework(context.strings(f["framework"], "'framework'")))
      }
      if f["runtime"] != nil { parts.append(.runtime(context.strings(f["runtime"], "'runtime'"))) }
      applies = parts.isEmpty ? .always : .allOf(parts)
    }
    let corpus = context.text(fields["corpus"], "'corpus'")
    let application = fields["application"].flatMap { context.identifier($0, "'application'", .kebab) }
    var seen: [String: SourceLocation] = [:]
    var rules: [Rule] = []
    for item in context.list(fields["rules"], "'rules'") ?? [] {
      guard let rule = decodeRule(item, pack: id ?? "", corpus: corpus, in: context) else {
        continue
      }
      if let first = seen[rule.id] {
        context.error(
          "duplicate-id", "rule '\(rule.id)' is defined twice in this pack",
          at: rule.idLocation, notes: [.init("first defined here", at: first)])
        continue
      }
      seen[rule.id] = rule.idLocation
      rules.append(rule)
    }
    guard let id, let version, let title, let idNode = fields["id"] else { return nil }
    return RulePack(
      file: file, id: id, idLocation: idNode.start, version: version, title: title,
      description: description, applies: applies, application: application, corpus: corpus,
      rules: rules)
  }

  private static func decodeRule(
    _ node: YAMLNode, pack: String, corpus: String?, in context: DecodeContext
  ) -> Rule? {
    let label = node["id"]?.string.map { "rule '\($0)'" } ?? "a rule"
    guard
      let fields = context.fields(
        node, label, known: ruleKeys, required: ["id", "severity", "topic", "statement"])
    else { return nil }
    let id = context.identifier(fields["id"], "rule id", .kebab)
    let when = fields["when"].map { Condition.decode($0, "'when' of \(label)", in: context) }
    let severity: RuleSeverity? = context.choice(fields["severity"], "severity")
    let topic: Topic? = context.choice(fields["topic"], "topic")
    let statement = context.text(fields["statement"], "'statement'")
    let rationale = context.string(fields["rationale"], "'rationale'")
    let breaks: Breakage? = fields["breaks"].flatMap { context.choice($0, "'breaks'") }
    let likelihood: Likelihood? = fields["likelihood"].flatMap {
      context.choice($0, "'likelihood'")
    }
    let sources = (context.list(fields["sources"], "'sources'") ?? []).compactMap {
      decodeSource($0, corpus: corpus, in: context)
    }
    let conflicts = context.strings(fields["conflicts"], "'conflicts'")
    let replaces = context.strings(fields["replaces"], "'replaces'")
    let aliases = context.strings(fields["deprecated-aliases"], "'deprecated-aliases'")
    let check = fields["check"].flatMap { decodeCheck($0, in: context) }
    let examples = fields["examples"].flatMap { decodeExamples($0, in: context) }
    guard let id, let severity, let topic, let statement, when != .some(nil) else { return nil }
    return Rule(
      id: id, idLocation: fields["id"]!.start, packID: pack, when: when.flatMap { $0 } ?? .always,
      severity: severity, topic: topic, statement: statement, rationale: rationale,
      breaks: breaks, likelihood: likelihood, sources: sources, conflicts: conflicts, replaces: replaces,
      deprecatedAliases: aliases.map(\.value),
      check: check, examples: examples)
  }

  private static func decodeSource(_ node: YAMLNode, corpus: String?, in context: DecodeContext)
    -> RuleSource?
  {
    let known = ["corpus", "path", "line", "quote", "url", "section"]
    guard let fields = context.fields(node, "a source", known: known) else { return nil }
    if fields["url"] != nil {
      for key in ["corpus", "path", "line", "quote"] {
        if let extra = node.keyNode(key) {
          context.error(
            "invalid-value", "a url source cannot also have '\(key)'", at: extra.start,
            suggestion: "split it into a url source and a corpus source")
        }
      }
      guard let url = context.text(fields["url"], "'url'") else { return nil }
      return .url(
        url: url, section: context.string(fields["section"], "'section'"), location: node.start)
    }
    for key in ["path", "line", "quote"] where fields[key] == nil {
      context.error(
        "missing-key", "missing required key '\(key)' in a corpus source", at: node.start,
        suggestion: key == "path" ? "give 'corpus', 'path', 'line' and 'quote', or a 'url'" : nil)
    }
    let sourceCorpus = fields["corpus"].flatMap { context.text($0, "'corpus'") } ?? corpus
    if fields["corpus"] == nil, corpus == nil, fields["path"] != nil {
      context.error(
        "missing-key", "a corpus source needs 'corpus' when the pack sets none", at: node.start)
    }
    guard let path = context.text(fields["path"], "'path'"),
      let line = context.int(fields["line"], "'line'", in: 1...Int.max),
      let quote = context.text(fields["quote"], "'quote'"), let sourceCorpus
    else { return nil }
    return .corpus(corpus: sourceCorpus, path: path, line: line, quote: quote, location: node.start)
  }

  private static func decodeCheck(_ node: YAMLNode, in context: DecodeContext) -> RuleCheck? {
    guard
      let fields = context.fields(
        node, "'check'", known: ["kind", "files", "pattern", "path", "module", "message", "roles"],
        required: ["kind"]),
      let kind: CheckKind = context.choice(fields["kind"], "check kind")
    else { return nil }
    let needed: String
    switch kind {
    case .requireFile: needed = "path"
    case .requirePattern, .forbidPattern: needed = "pattern"
    case .forbidImport: needed = "module"
    }
    if fields[needed] == nil {
      context.error(
        "missing-key", "missing required key '\(needed)' in a '\(kind.rawValue)' check",
        at: node.start)
      return nil
    }
    let pattern = context.text(fields["pattern"], "'pattern'")
    if let pattern, (try? NSRegularExpression(pattern: pattern)) == nil {
      context.error(
        "invalid-value", "'pattern' is not a valid regular expression", at: fields["pattern"]!.start)
      return nil
    }
    var roles: [String]?
    if let node = fields["roles"] {
      roles = (context.list(node, "'roles'") ?? []).compactMap { item in
        guard let role = context.text(item, "role") else { return nil }
        guard RuleCheck.roleNames.contains(role) else {
          context.error(
            "invalid-value",
            "unknown file role '\(role)'; expected one of: "
              + RuleCheck.roleNames.joined(separator: ", "), at: item.start)
          return nil
        }
        return role
      }
    }
    return RuleCheck(
      kind: kind, files: context.text(fields["files"], "'files'"), pattern: pattern,
      path: context.text(fields["path"], "'path'"),
      module: context.text(fields["module"], "'module'"),
      message: context.string(fields["message"], "'message'"), roles: roles)
  }

  private static func decodeExamples(_ node: YAMLNode, in context: DecodeContext)
    -> RuleExamples?
  {
    guard let fields = context.fields(node, "'examples'", known: ["pass", "fail"]) else {
      return nil
    }
    func files(_ key: String) -> [ExampleFile] {
      (context.list(fields[key], "'\(key)'") ?? []).compactMap { item in
        guard
          let f = context.fields(
            item, "an example", known: ["path", "content"], required: ["path", "content"]),
          let path = context.text(f["path"], "'path'"),
          let content = context.string(f["content"], "'content'")
        else { return nil }
        return ExampleFile(path: path, content: content, location: item.start)
      }
    }
    return RuleExamples(pass: files("pass"), fail: files("fail"))
  }
}
