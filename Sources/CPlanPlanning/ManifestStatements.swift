import CPlanModel

/// Statements that follow from the manifest itself: files, framework, server, the variant's
/// dimension values, database connection and the evaluation pipeline.
enum ManifestStatements {
  static func items(for manifest: Manifest, variant: Variant) -> [PlanItem] {
    var items: [PlanItem] = []
    // A manifest fact the prompt does not state cannot be guessed: the server does not start
    // where the harness expects it, or breaks a constraint.
    func add(
      _ id: String, _ topic: Topic, _ key: String, _ statement: String, facts: [String],
      breaks: Breakage = .noStart
    ) {
      items.append(
        PlanItem(
          id: "manifest-\(id)", topic: topic, severity: .must, statement: statement,
          provenance: .manifest(file: manifest.file, key: key), breaks: breaks, likelihood: .high,
          facts: facts))
    }
    let language = manifest.language.map { " on \($0)" } ?? ""
    add(
      "framework", .packaging, "framework",
      "Build the server with the \(manifest.framework) framework\(language).",
      facts: [manifest.framework] + (manifest.language.map { [$0] } ?? []),
      breaks: .violatesConstraint)
    for (index, file) in manifest.files.enumerated() {
      let purpose = file.purpose.map { ": \($0)" } ?? ""
      add(
        "file-\(slug(file.path))", .files, "files[\(index)]", "Create `\(file.path)`\(purpose).",
        facts: [file.path])
    }
    let server = manifest.server
    add(
      "server-port", .startup, "server.port", "Listen for HTTP on port \(server.port).",
      facts: ["port \(server.port)"])
    if let prefix = server.prefix {
      add(
        "server-prefix", .routing, "server.prefix",
        "Serve every path of the spec under the \(prefix) prefix (a spec path /x is served at \(prefix)/x).",
        facts: [prefix])
    }
    if let health = server.health {
      add(
        "server-health", .routing, "server.health",
        "Answer GET \(health) with HTTP 200 as soon as the server accepts requests.",
        facts: [health])
    }
    for (index, assignment) in variant.assignments.enumerated() {
      guard let valueID = assignment.value,
        let dimension = manifest.dimension(assignment.dimension),
        let value = dimension.value(valueID)
      else { continue }
      let valueIndex = dimension.values.firstIndex(of: value) ?? 0
      let detail = value.description.map { " \($0)" } ?? ""
      add(
        "\(dimension.id)-\(value.id)", Topic.of(dimension: dimension.id),
        "dimensions[\(index)].values[\(valueIndex)]",
        "\(dimension.label): use \(value.label).\(detail)", facts: [value.label],
        breaks: .violatesConstraint)
    }
    if let database = variant.value(of: "database"), let settings = manifest.database(database) {
      add(
        "database-connection", .database, "databases.\(database)", connection(settings),
        facts: connectionFacts(settings))
    }
    let pipeline = manifest.pipeline
    if !pipeline.setup.isEmpty {
      let steps = pipeline.setup.map { "`\($0)`" }.joined(separator: ", then ")
      add(
        "pipeline-setup", .pipeline, "pipeline.setup",
        "The evaluation prepares the work folder with \(steps); each must succeed as written.",
        facts: pipeline.setup)
    }
    if !pipeline.run.isEmpty {
      let steps = pipeline.run.map { "`\($0)`" }.joined(separator: ", then ")
      let poll = server.health.map { " and polls GET \($0) on port \(server.port) until it answers 200" } ?? ""
      add(
        "pipeline-run", .pipeline, "pipeline.run",
        "The evaluation starts the server with \(steps)\(poll), then runs its API tests against "
          + "http://localhost:\(server.port)\(server.prefix ?? "").",
        facts: pipeline.run + (server.health.map { [$0] } ?? []))
    }
    return items
  }

  /// One sentence with every connection setting the manifest gives.
  static func connection(_ settings: DatabaseSettings) -> String {
    var parts: [String] = []
    if let host = settings.host { parts.append("host `\(host)`") }
    if let port = settings.port { parts.append("port \(port)") }
    if let name = settings.name { parts.append("database `\(name)`") }
    if let user = settings.user { parts.append("user `\(user)`") }
    if let password = settings.password { parts.append("password `\(password)`") }
    if let path = settings.path { parts.append("file `\(path)`") }
    if let url = settings.url { parts.append("URL `\(url)`") }
    let engine = settings.engine ?? settings.valueID
    return "Connect to \(engine) with exactly these settings: "
      + parts.joined(separator: ", ") + "."
  }

  /// The values of the connection settings, as they would appear in a prompt.
  static func connectionFacts(_ settings: DatabaseSettings) -> [String] {
    [settings.host, settings.port.map { "\($0)" }, settings.name, settings.user, settings.password,
      settings.path, settings.url].compactMap { $0 }
  }

  /// A file path as an id fragment: `requirements.txt` → `requirements-txt`.
  static func slug(_ text: String) -> String {
    let mapped = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
    return String(mapped).split(separator: "-").joined(separator: "-")
  }
}
