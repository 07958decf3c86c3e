import ArgumentParser
import CPlanCore
import CPlanCorpus
import CPlanModel
import CPlanPacks
import Foundation


extension CPlan {
  struct Packs: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List, show, lint and export rule packs.",
      discussion: """
        The packs are those of --packs folders, $CPLAN_PATH, the nearest Constraints/packs and the ones shipped inside cplan.

        Examples:
          cplan packs list
          cplan packs show fastapi
          cplan packs export --target claude --pack fastapi --pack sqlalchemy
        """,
      subcommands: [PacksList.self, PacksShow.self, PacksLint.self, PacksExport.self])
  }

  struct PacksList: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "Every pack with its version, rule count and citation coverage.",
      discussion: """
        With no path: the packs of $CPLAN_PATH, of the nearest Constraints/packs and those shipped inside cplan (a file of the same name in a folder listed earlier replaces a later one).

        Examples:
          cplan packs list
          cplan packs list Constraints/packs --format json
        """)

    @Argument(help: ArgumentHelp("Pack files or folders (default: every pack cplan finds).", valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
      let set = ConstraintLoader().load(paths: paths.isEmpty ? DataPaths.packFiles() : paths)
      StandardError.diagnostics(set.diagnostics)
      let rows = set.packs.sorted { $0.id < $1.id }.map { pack -> [String: Any] in
        let cited = pack.rules.filter { !$0.sources.isEmpty }.count
        let corpus = pack.rules.filter { $0.sources.contains { $0.citation.corpus != nil } }.count
        return [
          "id": pack.id, "version": pack.version, "title": pack.title, "rules": pack.rules.count,
          "cited": cited, "corpusCited": corpus, "checks": pack.rules.filter { $0.check != nil }.count,
          "file": pack.file,
        ]
      }
      switch format {
      case .json: print(try JSONOutput.string(rows), terminator: "")
      case .text:
        print(
          TextTable.render(
            header: ["pack", "version", "rules", "cited", "corpus", "checks", "title"],
            rows: rows.map {
              ["\($0["id"]!)", "\($0["version"]!)", "\($0["rules"]!)", "\($0["cited"]!)",
               "\($0["corpusCited"]!)", "\($0["checks"]!)", "\($0["title"]!)"]
            }), terminator: "")
      }
      if set.exitCode(strict: false) != 0 { throw ExitCode(set.exitCode(strict: false)) }
    }
  }

  struct PacksShow: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "The rules of one pack, with conditions and sources.",
      discussion: "Examples:\n  cplan packs show django\n  cplan packs show sqlalchemy --format json")

    @Argument(help: "The pack id.")
    var id: String

    @Option(
      help: ArgumentHelp(
        "Folders searched for the pack (default: every pack cplan finds).", valueName: "dir"))
    var packs: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
      let set = ConstraintLoader().load(paths: packs.isEmpty ? DataPaths.packFiles() : packs)
      guard let pack = set.pack(id) else {
        let hint = Suggestion.didYouMean(id, in: set.packs.map(\.id)).map { "; \($0)" } ?? ""
        StandardError.write("error: no pack '\(id)'\(hint)\n")
        throw ExitCode(2)
      }
      switch format {
      case .json:
        print(try JSONOutput.string(pack.rules.map { rule -> [String: Any] in
          [
            "id": rule.id, "severity": rule.severity.rawValue, "topic": rule.topic.rawValue,
            "when": rule.when.summary, "statement": rule.statement,
            "sources": rule.sources.map(\.citation.label),
            "check": rule.check?.kind.rawValue ?? NSNull(),
          ]
        }), terminator: "")
      case .text:
        print("\(pack.title) — \(pack.id)@\(pack.version), \(pack.rules.count) rules\n")
        for rule in pack.rules {
          print("\(rule.id) [\(rule.severity.rawValue), \(rule.topic.rawValue)] when \(rule.when.summary)")
          print("  \(rule.statement)")
          for source in rule.sources { print("  source: \(source.citation.label)") }
        }
      }
    }
  }

  struct PacksLint: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lint",
      abstract: "Check packs: ids, statement length, vague words, citations, duplicates, examples.",
      discussion: """
        Runs every load check (ids, uniqueness, 'when' naming known dimensions and values when manifests are given too), then: statements between 25 and 400 characters, no vague words ('proper', 'appropriate', 'best practices'…), every rule cited, no two rules with near-duplicate statements, examples that pass or fail their check as declared, and — with --corpora — every corpus citation resolving (cite-check).

        Examples:
          cplan packs lint
          cplan packs lint Constraints/packs Constraints/manifests --corpora ../shared/corpora
        """)

    @Argument(help: ArgumentHelp("Pack files or folders (manifests may be added).", valueName: "path"))
    var paths: [String] = ["Constraints/packs", "Constraints/manifests"]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
      let set = ConstraintLoader().load(paths: paths)
      var diagnostics = set.diagnostics + PackLinter().lint(set.packs)
      var cited = "citations not checked (no --corpora or CPLAN_CORPORA)"
      if corpus.corpora != nil || ProcessInfo.processInfo.environment["CPLAN_CORPORA"] != nil {
        let config = try corpus.loadRegistry()
        let checker = CitationChecker(
          corporaRoot: try corpus.root(),
          folders: Dictionary(uniqueKeysWithValues: config.corpora.map { ($0.id, $0.folder) }))
        let report = checker.check(packFiles: set.packs.map(\.file))
        diagnostics += report.diagnostics
        cited = report.summary
      }
      diagnostics = diagnostics.sortedForOutput()
      let failed = diagnostics.hasErrors || (strict && diagnostics.contains { $0.severity == .warning })
      switch format {
      case .text:
        StandardError.diagnostics(diagnostics)
        let rules = set.packs.reduce(0) { $0 + $1.rules.count }
        print("\(failed ? "failed" : "ok"): \(set.packs.count) packs, \(rules) rules; "
          + DiagnosticReporter.summary(diagnostics, files: set.files.count) + "; \(cited)")
      case .json:
        print(try JSONOutput.string([
          "ok": !failed, "diagnostics": DiagnosticReporter.jsonObjects(diagnostics),
          "citations": cited,
        ]), terminator: "")
      }
      if set.hasUnreadableInput { throw ExitCode(2) }
      if failed { throw ExitCode(1) }
    }
  }

  struct PacksExport: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write packs as rule files for coding agents, into a project.",
      discussion: """
        Writes where each tool reads its rules: agents-md (AGENTS.md), claude (CLAUDE.md), gemini (GEMINI.md), copilot (.github/copilot-instructions.md and .github/instructions/), cursor (.cursor/rules/), windsurf (.windsurf/rules/), cline (.clinerules/), kiro (.kiro/steering/), speckit (.specify/memory/constitution.md); --target all writes every one. Into a shared file (AGENTS.md, CLAUDE.md…) only a block between cplan markers is written or replaced, the rest kept byte for byte; other files are cplan's own (named cplan-…) and a file of that name that cplan did not write is never replaced. Nothing else in the folder is touched. AGENTS.md stays within Codex's 32 KiB: over it, the full text moves to .cplan/rules/ and AGENTS.md keeps the MUST rules and a pointer. Windsurf files stay within 12,000 characters, split when needed.

        With --manifest and --variant, only the rules that apply to that variant; with --pack, every rule of the packs, each condition written out; --pack all exports every shipped pack except those about the evaluation harness or one application.

        Examples:
          cplan packs export --target claude --pack fastapi --pack sqlalchemy
          cplan packs export --target agents-md --manifest cplan.yaml --variant fastapi-openapi-postgres-sqlalchemy
          cplan packs export --target all --pack all --out ../my-api
          cplan packs export --target cursor --pack django --out out/cursor
        """)

    @Option(help: "agents-md, claude, gemini, copilot, cursor, windsurf, cline, kiro, speckit, or all.")
    var target: String

    @Option(help: ArgumentHelp("A manifest, with --variant.", valueName: "file"))
    var manifest: String?

    @Option(help: "The variant whose rules are exported.")
    var variant: String?

    @Option(help: ArgumentHelp("A pack id (repeatable), instead of a manifest.", valueName: "id"))
    var pack: [String] = []

    @Option(
      help: ArgumentHelp(
        "Folders searched for packs (default: every pack cplan finds).", valueName: "dir"))
    var packs: [String] = []

    @Option(help: ArgumentHelp("The project folder to write into.", valueName: "dir"))
    var out = "."

    @Flag(help: "Accepted for compatibility; export never replaces a file it did not write.")
    var force = false

    /// The targets asked for.
    var targets: [ExportTarget] {
      target == "all" ? ExportTarget.allCases : ExportTarget(rawValue: target).map { [$0] } ?? []
    }

    func validate() throws {
      if targets.isEmpty {
        let names = ExportTarget.allCases.map(\.rawValue) + ["all"]
        let hint = Suggestion.didYouMean(target, in: names).map { "; \($0)" } ?? ""
        throw ValidationError(
          "unknown target '\(target)'; expected one of: \(names.joined(separator: ", "))\(hint)")
      }
      if (manifest == nil) == pack.isEmpty {
        throw ValidationError("give either '--manifest M --variant V' or '--pack P'")
      }
      if (manifest == nil) != (variant == nil) {
        throw ValidationError("'--manifest' and '--variant' go together")
      }
    }

    func run() throws {
      var groups: [ExportGroup] = []
      var scope: String
      if let manifest, let variant {
        let set = ConstraintLoader(packFolders: packs + DataPaths.packFolders()).load(paths: [manifest])
        StandardError.diagnostics(set.diagnostics)
        guard let loaded = set.manifests.first, let chosen = loaded.variant(named: variant) else {
          StandardError.write("error: no variant '\(variant)' in '\(manifest)'\n")
          throw ExitCode(2)
        }
        let runtime = loaded.runtime.rawValue
        for pack in set.packs(for: loaded)
        where pack.applies.holds(for: chosen, framework: loaded.framework, runtime: runtime) {
          groups.append(ExportGroup(pack: pack, rules: pack.rules.filter {
            $0.when.holds(for: chosen, framework: loaded.framework, runtime: runtime)
          }))
        }
        scope = "\(loaded.id) \(chosen.name)"
      } else {
        let set = ConstraintLoader().load(paths: packs.isEmpty ? DataPaths.packFiles() : packs)
        StandardError.diagnostics(set.diagnostics)
        let ids = pack == ["all"]
          ? set.packs.filter(PackExporter.isProjectNeutral).map(\.id).sorted() : pack
        for id in ids {
          guard let found = set.pack(id) else {
            let hint = Suggestion.didYouMean(id, in: set.packs.map(\.id)).map { "; \($0)" } ?? ""
            StandardError.write("error: no pack '\(id)'\(hint)\n")
            throw ExitCode(2)
          }
          groups.append(ExportGroup(pack: found, rules: found.rules))
        }
        scope = "packs " + (pack == ["all"] ? "all" : pack.joined(separator: ", "))
      }
      let files = targets.flatMap {
        PackExporter.files(target: $0, groups: groups, scope: scope, resolved: manifest != nil)
      }
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
        StandardError.write("error: '\(out)' exists and is not a folder; --out names a folder\n")
        throw ExitCode(2)
      }
      // Check every file before writing any: a refusal leaves the project as it was.
      var planned: [(URL, String)] = []
      for file in files {
        let url = URL(fileURLWithPath: out).appendingPathComponent(file.path)
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if file.isBlock {
          if FileManager.default.fileExists(atPath: url.path), existing == nil {
            StandardError.write("error: cannot read '\(url.path)' to update its cplan block\n")
            throw ExitCode(2)
          }
          planned.append((url, PackExporter.merge(block: file.content, into: existing)))
        } else {
          if FileManager.default.fileExists(atPath: url.path),
            !(existing ?? "").contains(PackExporter.ownedMark)
          {
            StandardError.write(
              "error: '\(url.path)' exists and cplan did not write it; it is left as it is "
                + "(move it, or export to another --out)\n")
            throw ExitCode(2)
          }
          planned.append((url, file.content))
        }
      }
      for (url, text) in planned {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(text, to: url)
      }
      let rules = groups.reduce(0) { $0 + $1.rules.count }
      for (url, text) in planned
      where url.lastPathComponent == "AGENTS.md"
        && text.utf8.count > ExportTarget.agentsMD.sizeLimit!
      {
        StandardError.write(
          "warning: '\(url.path)' is \(text.utf8.count) bytes with the project's own text, over "
            + "Codex's default limit of 32 KiB; the end is cut off when Codex reads it\n")
      }
      print(
        "wrote \(planned.count) file\(planned.count == 1 ? "" : "s") with \(rules) rules into \(out)")
    }
  }
}
