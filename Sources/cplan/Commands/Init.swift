import ArgumentParser
import CPlanCore
import CPlanModel
import CPlanVerify
import Foundation

extension CPlan {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a manifest for an existing project, from what its code shows.",
      discussion: """
        Reads the project the way 'cplan verify' does (application code and runtime dependencies; comments, tests, migrations, CI files and docs decide nothing) and detects the runtime, the framework, the database, the ORM and whether the code is layered (routes, services, repositories, models). Writes a manifest whose one full variant is the project's stack, with the packs and documentation corpora that fit it and a yaml-language-server $schema line for editors, then checks that it loads. Flags choose what cannot be detected or override what was. Never overwrites a file it did not write.

        Examples:
          cplan init
          cplan init ../my-api --dry-run
          cplan init --framework fastapi --database postgres --orm sqlalchemy --spec api/openapi.yaml
          cplan init --architecture none --out cplan/manifest.yaml
        """)

    @Argument(help: ArgumentHelp("The project folder.", valueName: "dir"))
    var project = "."

    @Option(help: "The framework (detected from dependencies and imports when not given).")
    var framework: String?

    @Option(help: "The database: sqlite, postgres, or none.")
    var database: String?

    @Option(help: "The ORM: sqlalchemy, sequelize, or none.")
    var orm: String?

    @Option(help: "The architecture: clean, or none (detected from the layout when not given).")
    var architecture: String?

    @Option(help: ArgumentHelp("The OpenAPI document, relative to the project.", valueName: "file"))
    var spec: String?

    @Option(help: "The port the service listens on.")
    var port: Int?

    @Option(help: ArgumentHelp("Where to write the manifest (default: DIR/cplan.yaml).", valueName: "file"))
    var out: String?

    @Flag(help: "Print the manifest instead of writing it.")
    var dryRun = false

    @Flag(help: "Replace a manifest that an earlier 'cplan init' wrote.")
    var force = false

    static let marker = "# Written by 'cplan init'"
    static let databases = ["sqlite", "postgres"]
    static let orms: [String: Runtime] = ["sqlalchemy": .python, "sequelize": .node]

    func validate() throws {
      if let port, !(1...65535).contains(port) {
        throw ValidationError("'--port' must be between 1 and 65535")
      }
      func check(_ value: String?, _ option: String, _ allowed: [String]) throws {
        guard let value, !allowed.contains(value) else { return }
        let hint = Suggestion.didYouMean(value, in: allowed).map { "; \($0)" } ?? ""
        throw ValidationError(
          "unknown \(option) '\(value)'; expected one of: \(allowed.joined(separator: ", "))\(hint)")
      }
      try check(framework, "framework", ProjectDetector.frameworkNames)
      try check(database, "database", Self.databases + ["none"])
      try check(orm, "ORM", Self.orms.keys.sorted() + ["none"])
      try check(architecture, "architecture", ["clean", "none"])
    }

    func run() throws {
      let facts: ProjectFacts
      do {
        facts = try ProjectDetector.detect(at: project)
      } catch let error as VerifyError {
        StandardError.diagnostics([error.diagnostic])
        throw ExitCode(2)
      }
      guard let framework = framework ?? facts.framework else {
        StandardError.write(
          "error: cannot tell the framework of '\(project)': no dependency or import of "
            + ProjectDetector.frameworkNames.joined(separator: ", ")
            + "; pass --framework\n")
        throw ExitCode(2)
      }
      let runtime = ProjectDetector.runtime(of: framework)
      let database = (database ?? facts.database).flatMap { $0 == "none" ? nil : $0 }
      var orm = (orm ?? facts.orm).flatMap { $0 == "none" ? nil : $0 }
      if self.orm == nil, let found = orm, database == nil {
        // The ORM maps a database cplan has no value for (MySQL, say): no ORM in the variant.
        StandardError.write(
          "note: '\(found)' is used, but not with SQLite or PostgreSQL; the variant sets no ORM "
            + "(pass --database and --orm to choose)\n")
        orm = nil
      }
      if let orm, Self.orms[orm] != runtime {
        StandardError.write("error: '\(orm)' is not an ORM of \(runtime.rawValue)\n")
        throw ExitCode(2)
      }
      if orm != nil, database == nil {
        StandardError.write("error: an ORM needs a database; pass --database sqlite or postgres\n")
        throw ExitCode(2)
      }
      let clean = architecture.map { $0 == "clean" } ?? facts.layered
      let spec = spec ?? facts.spec
      for reason in facts.reasons { StandardError.write("detected \(reason)\n") }
      if spec == nil {
        StandardError.write(
          "note: no OpenAPI document found; the manifest names 'openapi.yaml' — write it, or "
            + "pass --spec FILE\n")
      }
      let target = URL(fileURLWithPath: out ?? (project as NSString).appendingPathComponent("cplan.yaml"))
      let text = manifest(
        framework: framework, runtime: runtime, database: database, orm: orm, clean: clean,
        spec: relative(spec ?? "openapi.yaml", from: target), target: target)
      if dryRun {
        print(text, terminator: "")
        return
      }
      if FileManager.default.fileExists(atPath: target.path) {
        let existing = (try? String(contentsOf: target, encoding: .utf8)) ?? ""
        guard force, existing.contains(Self.marker) else {
          StandardError.write(
            "error: '\(target.path)' exists\(existing.contains(Self.marker) ? "; pass --force to replace it" : " and cplan did not write it; choose another --out")\n")
          throw ExitCode(2)
        }
      }
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try AtomicFile.write(text, to: target)
      let set = ConstraintLoader(packFolders: DataPaths.packFolders()).load(paths: [target.path])
      StandardError.diagnostics(set.diagnostics)
      guard let written = set.manifests.first, !set.diagnostics.hasErrors else {
        StandardError.write("error: the manifest written to '\(target.path)' does not load\n")
        throw ExitCode(1)
      }
      let tokens = [clean ? "clean_architecture" : nil, database, orm].compactMap { $0 }
      let own = written.variants.first { variant in
        variant.assignments.compactMap(\.token) == tokens
      }?.name ?? framework
      print("wrote \(target.path)")
      print("next: cplan plan \(target.path) --variant \(own)")
    }

    /// The path of `file` (relative to the project) as the manifest must write it: relative to
    /// the manifest's folder.
    private func relative(_ file: String, from target: URL) -> String {
      let absolute = URL(fileURLWithPath: project).appendingPathComponent(file).standardized
      let base = target.deletingLastPathComponent().standardized.pathComponents
      let parts = absolute.pathComponents
      var common = 0
      while common < min(base.count, parts.count), base[common] == parts[common] { common += 1 }
      return (Array(repeating: "..", count: base.count - common) + parts[common...])
        .joined(separator: "/")
    }

    private func manifest(
      framework: String, runtime: Runtime, database: String?, orm: String?, clean: Bool,
      spec: String, target: URL
    ) -> String {
      let folder = URL(fileURLWithPath: project).standardized.lastPathComponent
      let id = Self.kebab(folder).isEmpty ? "project" : Self.kebab(folder)
      let title = ProjectDetector.title(of: framework)
      let tokens = [clean ? "clean_architecture" : nil, database, orm].compactMap { $0 }
      let variant = Variant.taskName(framework: framework, constraints: tokens)
      var lines = [
        Self.marker + " from the code of '\(folder)'; edit it freely.",
        "# This project's variant: \(variant)",
      ]
      if let schema = DataPaths.schema("manifest.schema.json") {
        lines.insert("# yaml-language-server: $schema=\(schema)", at: 0)
      }
      lines += [
        "cplan: 1", "id: \(id)", "description: \(title) service in \(folder)",
        "framework: \(framework)", "runtime: \(runtime.rawValue)",
        "language: \(runtime == .python ? "Python 3.12" : "Node.js 22")",
        "instruction: |",
        "  Implement the API that the OpenAPI document describes in this \(title) project:",
        "  every path and method, with the request and response bodies, status codes and",
        "  authentication it documents, following the constraints below.",
        "spec: \(spec)", "server:", "  port: \(port ?? (runtime == .python ? 8000 : 3000))",
        "dimensions:",
      ]
      // The standard dimensions of the runtime, as the shipped packs' conditions name them;
      // the project's own variant is the one with its detected values.
      let ormValue = runtime == .python ? ("sqlalchemy", "SQLAlchemy") : ("sequelize", "Sequelize")
      lines += [
        "  - id: architecture", "    label: Architecture", "    values:",
        "      - id: clean", "        token: clean_architecture",
        "        label: Clean Architecture", "        description: >-",
        "          Keep four layers, each in its own folder: route handlers, services,",
        "          repositories and models. A layer imports only the layers below it.",
        "  - id: database", "    label: Database", "    values:",
        "      - {id: sqlite, label: SQLite}", "      - {id: postgres, label: PostgreSQL}",
        "  - id: orm", "    label: ORM", "    values:",
        "      - {id: \(ormValue.0), label: \(ormValue.1)}",
        "requires:", "  - if: {orm: any}", "    then: {database: any}",
        "    message: an ORM needs a database to map",
      ]
      let available = Set(
        ConstraintLoader().load(paths: DataPaths.packFiles()).packs.map(\.id))
      let packs = [framework, orm, database, clean ? "clean-architecture" : nil].compactMap { $0 }
        .filter(available.contains)
      lines.append("packs: [\(packs.joined(separator: ", "))]")
      let corpora = ProjectDetector.corpora(framework: framework, orm: orm)
      lines.append("corpora: [\(corpora.joined(separator: ", "))]")
      return lines.joined(separator: "\n") + "\n"
    }

    /// `My API_v2` → `my-api-v2`.
    static func kebab(_ name: String) -> String {
      name.lowercased().split { !($0.isLetter && $0.isASCII) && !$0.isNumber }
        .joined(separator: "-")
    }
  }
}

