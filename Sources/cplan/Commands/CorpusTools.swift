import ArgumentParser
import CPlanCore
import CPlanCorpus
import CPlanModel
import Foundation

extension CPlan {
  struct CorpusMine: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mine",
      abstract: "Candidate convention statements: normative sentences of the docs, ranked and cited.",
      discussion: """
        Sections relevant to a topic, a query or a variant are searched in the index; their prose (never code) is split into sentences, and those in normative or default-behaviour language (must, required, by default, automatically, raises, returns 4xx…) are ranked, near-duplicates merged, each with corpus, path, line and exact quote. The YAML output is a rule-pack skeleton to edit.

        Examples:
          cplan corpus mine --corpus django-5.2 --topic routing --limit 20
          cplan corpus mine --corpus sqlalchemy-2.0 --query "session commit rollback" --format json
          cplan corpus mine --corpus django-5.2 --manifest Constraints/manifests/conduit/django.yaml --variant django-openapi-postgres
        """)

    @Option(help: "The corpus to mine.")
    var corpus: String

    @Option(help: "A plan topic: \(Topic.allCases.map(\.rawValue).joined(separator: ", ")).")
    var topic: String?

    @Option(help: "Free-text query.")
    var query: String?

    @Option(help: ArgumentHelp("A manifest, with --variant.", valueName: "file"))
    var manifest: String?

    @Option(help: "A variant of the manifest.")
    var variant: String?

    @Option(help: "How many candidates.")
    var limit = 25

    @Option(help: "Output format: yaml or json.")
    var format: MineFormat = .yaml

    enum MineFormat: String, CaseIterable, ExpressibleByArgument { case yaml, json }

    @OptionGroup var options: CorpusOptions

    func validate() throws {
      let given = [topic != nil, query != nil, manifest != nil].filter { $0 }.count
      guard given == 1 else {
        throw ValidationError("give exactly one of '--topic', '--query' and '--manifest'")
      }
      if (manifest == nil) != (variant == nil) {
        throw ValidationError("'--manifest' and '--variant' go together")
      }
      if let topic, Topic(rawValue: topic) == nil {
        let hint = Suggestion.didYouMean(topic, in: Topic.allCases.map(\.rawValue)) ?? ""
        throw ValidationError("unknown topic '\(topic)' \(hint)")
      }
    }

    func run() throws {
      let registry = try options.loadRegistry()
      guard registry.corpus(corpus) != nil else {
        let hint = Suggestion.didYouMean(corpus, in: registry.corpora.map(\.id)).map { "; \($0)" }
        StandardError.write("error: unknown corpus '\(corpus)'\(hint ?? "")\n")
        throw ExitCode(2)
      }
      let text = try searchText()
      let index = try options.openIndex(readOnly: true)
      let found = try index.sections(matching: text, corpus: corpus, limit: max(40, limit * 4))
      if found.isEmpty {
        StandardError.write("error: nothing in '\(corpus)' matches '\(text)'; is it indexed?\n")
        throw ExitCode(1)
      }
      let candidates = ConventionMiner().candidates(fromHits: found, limit: limit)
      switch format {
      case .yaml:
        let packID = String(corpus.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
          .split(separator: "-").joined(separator: "-") + "-candidates"
        print(PackSkeleton.yaml(candidates, packID: packID, corpus: corpus), terminator: "")
      case .json:
        print(try JSONOutput.string(candidates.map(\.jsonValue)), terminator: "")
      }
    }

    /// The words searched for.
    private func searchText() throws -> String {
      if let query { return query }
      if let topic { return TopicWords.query(for: Topic(rawValue: topic)!) }
      let set = ConstraintLoader().load(paths: [manifest!])
      guard let loaded = set.manifests.first, let chosen = loaded.variant(named: variant!) else {
        StandardError.diagnostics(set.diagnostics)
        StandardError.write("error: no variant '\(variant!)' in '\(manifest!)'\n")
        throw ExitCode(2)
      }
      var words = [loaded.framework]
      for assignment in chosen.assignments {
        if let value = assignment.value, let dimension = loaded.dimension(assignment.dimension),
          let label = dimension.value(value)?.label
        {
          words.append(label)
          words.append(TopicWords.query(for: Topic.of(dimension: dimension.id)))
        }
      }
      return words.joined(separator: " ")
    }
  }

  struct CorpusCiteCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "cite-check",
      abstract: "Check that every corpus citation of every rule still says what it quotes.",
      discussion: """
        The cited file must exist and the quote must be found near the cited line, ignoring white space and markup. A moved quote is reported with its new line (--fix rewrites the line numbers in place, every other byte kept); a missing file or vanished quote is an error. URL sources are listed as unchecked.

        Examples:
          cplan corpus cite-check Constraints/packs --corpora ../shared/corpora
          cplan corpus cite-check my-pack.yaml --fix
        """)

    @Argument(help: ArgumentHelp("Pack files or folders.", valueName: "pack"))
    var paths: [String]

    @Flag(help: "Rewrite the line numbers of moved quotes.")
    var fix = false

    @Option(help: "Lines around the cited line searched for the quote.")
    var window = 40

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: CorpusOptions

    func run() throws {
      let config = try options.loadRegistry()
      let files = paths.flatMap { ConstraintLoader.expand($0) }
      if files.isEmpty {
        StandardError.write("error: no pack files in \(paths.joined(separator: " "))\n")
        throw ExitCode(2)
      }
      let checker = CitationChecker(
        corporaRoot: try options.root(),
        folders: Dictionary(uniqueKeysWithValues: config.corpora.map { ($0.id, $0.folder) }),
        window: window)
      var report = checker.check(packFiles: files)
      if fix {
        let fixed = report.moved.count
        let rewritten = try checker.fix(report)
        StandardError.write(
          "fixed \(fixed) line number\(fixed == 1 ? "" : "s") in \(rewritten.count) "
            + "file\(rewritten.count == 1 ? "" : "s")\n")
        report = checker.check(packFiles: files)
      }
      switch format {
      case .text:
        StandardError.diagnostics(report.diagnostics)
        print(report.summary)
      case .json:
        print(try JSONOutput.string([
          "diagnostics": DiagnosticReporter.jsonObjects(report.diagnostics),
          "summary": report.summary,
        ]), terminator: "")
      }
      if report.hasErrors { throw ExitCode(1) }
    }
  }

  struct CorpusFetch: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "fetch",
      abstract: "Download a corpus's documentation from its PyPI source distribution.",
      discussion: """
        Runs 'pip download --no-deps --no-binary :all: NAME==VERSION' into a cache, unpacks the archive and moves its docs folder under the corpora root, replacing the corpus folder only once everything worked.

        Examples:
          cplan corpus fetch flask-3.1 --corpora ~/corpora
          cplan corpus fetch django-5.2 --corpora ~/corpora --force
        """)

    @Argument(help: "Corpus ids.")
    var ids: [String]

    @Option(help: ArgumentHelp("Where archives are cached.", valueName: "dir"))
    var cache: String = ".cplan/downloads"

    @Flag(help: "Replace a corpus folder that exists.")
    var force = false

    @OptionGroup var options: CorpusOptions

    func run() throws {
      let fetcher = CorpusFetcher(cache: URL(fileURLWithPath: cache))
      var failed = false
      for location in try options.locations(ids) {
        do {
          let files = try fetcher.fetch(location, force: force)
          print("fetched \(location.entry.id): \(files) entries in \(location.folder.path)")
        } catch {
          StandardError.write("error: \(error)\n")
          failed = true
        }
      }
      if failed { throw ExitCode(1) }
    }
  }
}
