import ArgumentParser
import CPlanCore
import CPlanCorpus
import CPlanModel
import CPlanPacks
import Foundation

extension ExportTarget: ExpressibleByArgument {}

extension CPlan {
  struct Packs: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List, show, lint and export rule packs.",
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
      StandardError.write(DiagnosticReporter.text(set.diagnostics))
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
        StandardError.write(DiagnosticReporter.text(diagnostics))
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
      abstract: "Write packs as AGENTS.md, Cursor rules or Copilot instructions.",
      discussion: """
        With --manifest and --variant, only the rules that apply to that variant are written; with --pack, every rule of the packs, each condition written out. Each file's header comment lists the rule ids it holds.

        Examples:
          cplan packs export --target agents-md --manifest Constraints/manifests/conduit/django.yaml --variant django-openapi-postgres --out out/agents
          cplan packs export --target cursor --pack django --pack sqlalchemy --out out/cursor
          cplan packs export --target copilot --pack fastapi --out out/copilot
        """)

    @Option(help: "agents-md, cursor or copilot.")
    var target: ExportTarget

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

    @Option(help: ArgumentHelp("The output folder.", valueName: "dir"))
    var out: String

    @Flag(help: "Write into a non-empty folder cplan did not write (its files are never touched).")
    var force = false

    func validate() throws {
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
        StandardError.write(DiagnosticReporter.text(set.diagnostics))
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
        StandardError.write(DiagnosticReporter.text(set.diagnostics))
        for id in pack {
          guard let found = set.pack(id) else {
            let hint = Suggestion.didYouMean(id, in: set.packs.map(\.id)).map { "; \($0)" } ?? ""
            StandardError.write("error: no pack '\(id)'\(hint)\n")
            throw ExitCode(2)
          }
          groups.append(ExportGroup(pack: found, rules: found.rules))
        }
        scope = "packs " + pack.joined(separator: ", ")
      }
      let files = PackExporter.files(
        target: target, groups: groups, scope: scope, resolved: manifest != nil)
      do {
        var folder = try OutputFolder(out, force: force)
        for (path, content) in files { try folder.write(content, to: path) }
        try folder.commit()
      } catch {
        StandardError.write("error: \(error)\n")
        throw ExitCode(2)
      }
      let rules = groups.reduce(0) { $0 + $1.rules.count }
      print("wrote \(files.count) file\(files.count == 1 ? "" : "s") with \(rules) rules to \(out)")
    }
  }
}
