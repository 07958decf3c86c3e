import CPlanCore
import CPlanYAML

extension Manifest {
  static let keys = [
    "cplan", "id", "description", "framework", "runtime", "language", "instruction", "spec",
    "server", "files", "pipeline", "dimensions", "requires", "databases", "packs", "corpora",
    "layers",
  ]
  /// The keys of `layers`: the four layers, and `none` for folders that are no layer.
  public static let layerKeys = ["routes", "services", "repositories", "models", "none"]
  static let requiredKeys = [
    "cplan", "id", "framework", "runtime", "instruction", "spec", "server", "dimensions",
  ]

  /// Decodes a manifest from a file's root node, reporting every problem to `context`.
  /// Returns nil when a required part is missing or unusable.
  static func decode(_ root: YAMLNode, file: String, in context: DecodeContext) -> Manifest? {
    guard FormatVersion.check(root, in: context),
      let fields = context.fields(root, "manifest", known: keys, required: requiredKeys)
    else { return nil }
    let id = context.identifier(fields["id"], "manifest id", .kebab)
    let description = context.string(fields["description"], "'description'")
    let framework = context.identifier(fields["framework"], "framework", .token)
    let runtime: Runtime? = context.choice(fields["runtime"], "runtime")
    let language = context.string(fields["language"], "'language'")
    let instruction = context.text(fields["instruction"], "'instruction'")
    let spec = fields["spec"].flatMap { node in
      context.text(node, "'spec'").map { Located($0, at: node.start) }
    }
    let server = fields["server"].flatMap { decodeServer($0, in: context) }
    let files = fields["files"].map { decodeFiles($0, in: context) } ?? []
    let pipeline = fields["pipeline"].map { decodePipeline($0, in: context) } ?? Pipeline()
    let dimensions = fields["dimensions"].flatMap { decodeDimensions($0, in: context) }
    let requires = fields["requires"].map { decodeRequires($0, in: context) } ?? []
    let databases = fields["databases"].map { decodeDatabases($0, in: context) } ?? []
    let packs = (context.list(fields["packs"], "'packs'") ?? []).compactMap { node in
      context.identifier(node, "pack id", .kebab).map { Located($0, at: node.start) }
    }
    let corpora = (context.list(fields["corpora"], "'corpora'") ?? []).compactMap { node in
      context.text(node, "corpus id").map { Located($0, at: node.start) }
    }
    let layers = fields["layers"].map { decodeLayers($0, in: context) } ?? [:]
    guard let id, let framework, let runtime, let instruction, let spec, let server,
      let dimensions
    else { return nil }
    var manifest = Manifest(
      file: file, id: id, description: description, framework: framework, runtime: runtime,
      language: language, instruction: instruction, spec: spec, server: server, files: files,
      pipeline: pipeline, dimensions: dimensions, requires: requires, databases: databases,
      packs: packs, corpora: corpora)
    manifest.layers = layers
    manifest.frameworkLocation = fields["framework"]?.start
    return manifest
  }

  /// `layers: {repositories: [stores], none: [db]}`.
  private static func decodeLayers(_ node: YAMLNode, in context: DecodeContext) -> [String: [String]] {
    guard let fields = context.fields(node, "'layers'", known: layerKeys, required: []) else {
      return [:]
    }
    var layers: [String: [String]] = [:]
    for key in layerKeys {
      guard let value = fields[key] else { continue }
      layers[key] = (context.list(value, "'\(key)'") ?? []).compactMap { item in
        context.text(item, "folder name")
      }
    }
    return layers
  }

  private static func decodeServer(_ node: YAMLNode, in context: DecodeContext)
    -> ServerSettings?
  {
    guard
      let fields = context.fields(
        node, "'server'", known: ["port", "prefix", "health"], required: ["port"])
    else { return nil }
    let port = context.int(fields["port"], "'port'", in: 1...65535)
    let prefix = path(fields["prefix"], "'prefix'", in: context)
    let health = path(fields["health"], "'health'", in: context)
    guard let port else { return nil }
    return ServerSettings(port: port, prefix: prefix, health: health)
  }

  private static func path(_ node: YAMLNode?, _ what: String, in context: DecodeContext)
    -> String?
  {
    guard let node, let value = context.text(node, what) else { return nil }
    guard value.hasPrefix("/") else {
      context.error(
        "invalid-value", "\(what) must start with '/', found '\(value)'", at: node.start,
        suggestion: "did you mean '/\(value)'?")
      return nil
    }
    return value
  }

  private static func decodeFiles(_ node: YAMLNode, in context: DecodeContext) -> [MandatoryFile] {
    var seen: [String: SourceLocation] = [:]
    return (context.list(node, "'files'") ?? []).compactMap { item in
      guard
        let fields = context.fields(
          item, "an entry of 'files'", known: ["path", "purpose"], required: ["path"]),
        let path = context.text(fields["path"], "'path'")
      else { return nil }
      if let first = seen[path] {
        context.error(
          "duplicate-id", "file '\(path)' is listed twice", at: item.start,
          notes: [.init("first listed here", at: first)])
      }
      seen[path] = item.start
      return MandatoryFile(path: path, purpose: context.string(fields["purpose"], "'purpose'"))
    }
  }

  private static func decodePipeline(_ node: YAMLNode, in context: DecodeContext) -> Pipeline {
    guard let fields = context.fields(node, "'pipeline'", known: ["setup", "run", "suite"]) else {
      return Pipeline()
    }
    func commands(_ key: String) -> [String] {
      (context.list(fields[key], "'\(key)'") ?? []).compactMap {
        context.text($0, "a command of '\(key)'")
      }
    }
    return Pipeline(
      setup: commands("setup"), run: commands("run"),
      suite: context.text(fields["suite"], "'suite'"))
  }

  private static func decodeRequires(_ node: YAMLNode, in context: DecodeContext)
    -> [Requirement]
  {
    (context.list(node, "'requires'") ?? []).compactMap { item in
      guard
        let fields = context.fields(
          item, "an entry of 'requires'", known: ["if", "then", "message"],
          required: ["if", "then"]),
        let premise = fields["if"].flatMap({ Condition.decode($0, "'if'", in: context) }),
        let then = fields["then"].flatMap({ Condition.decode($0, "'then'", in: context) })
      else { return nil }
      return Requirement(
        condition: premise, then: then, message: context.string(fields["message"], "'message'"),
        location: item.start)
    }
  }

  private static func decodeDatabases(_ node: YAMLNode, in context: DecodeContext)
    -> [DatabaseSettings]
  {
    guard let pairs = node.mapping else {
      context.error(
        "wrong-type", "'databases' must be a mapping, found \(node.typeDescription)",
        at: node.start)
      return []
    }
    let keys = ["engine", "host", "port", "user", "password", "name", "path", "url"]
    return pairs.compactMap { pair in
      let valueID = pair.key.scalar?.text ?? ""
      guard
        let fields = context.fields(pair.value, "database '\(valueID)'", known: keys)
      else { return nil }
      func text(_ key: String) -> String? { context.string(fields[key], "'\(key)'") }
      return DatabaseSettings(
        valueID: valueID, engine: text("engine"), host: text("host"),
        port: context.int(fields["port"], "'port'", in: 1...65535), user: text("user"),
        password: text("password"), name: text("name"), path: text("path"), url: text("url"),
        location: pair.key.start)
    }
  }
}
