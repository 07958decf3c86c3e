import ArgumentParser
import CPlanCore
import CPlanCorpus
import Foundation

extension CPlan {
  struct Corpus: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Index, search, mine and cite-check the local documentation corpora.",
      discussion: """
        Corpora are listed in Constraints/corpora.yaml and live under a root folder given by
        --corpora DIR or CPLAN_CORPORA. The index is one SQLite FTS5 file for all of them.

        Examples:
          cplan corpus index --corpora ../shared/corpora
          cplan corpus search "trailing slash redirect" --corpus django-5.2
          cplan corpus cite-check Constraints/packs
        """,
      subcommands: [
        CorpusIndexCommand.self, CorpusSearch.self, CorpusMine.self, CorpusCiteCheck.self,
        CorpusFetch.self,
      ])
  }

  struct CorpusIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "index",
      abstract: "Index corpora into the FTS5 index, re-reading only what changed.",
      discussion: """
        Each file is fingerprinted; an unchanged corpus is skipped, changed files are ingested again and removed files dropped. A progress line is shown on a terminal.

        Examples:
          cplan corpus index --corpora ../shared/corpora
          cplan corpus index django-5.2 fastapi-0.141 --index /tmp/docs.sqlite --format json
        """)

    @Argument(help: ArgumentHelp("Corpus ids (default: every registered corpus).", valueName: "id"))
    var ids: [String] = []

    @OptionGroup var options: CorpusOptions

    @Flag(help: "No progress line.")
    var quiet = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
      let locations = try options.locations(ids)
      let missing = locations.filter { !$0.exists }
      for location in missing {
        StandardError.write(
          "error: corpus '\(location.entry.id)' is not at \(location.docs.path); "
            + "run 'cplan corpus fetch \(location.entry.id)'\n")
      }
      if !missing.isEmpty { throw ExitCode(2) }
      let index = try options.openIndex()
      let progress = Progress(enabled: !quiet)
      let clock = ContinuousClock()
      var reports: [CorpusIndexReport] = []
      let elapsed = try clock.measure {
        reports = try index.update(locations) { id, done, total in
          progress.update(label: id, done, total)
        }
      }
      progress.finish()
      let seconds = Measurement.seconds(elapsed)
      switch format {
      case .json:
        let object: [String: Any] = [
          "index": options.index, "seconds": seconds,
          "corpora": reports.map {
            [
              "id": $0.corpus, "files": $0.files, "changed": $0.changed, "removed": $0.removed,
              "sections": $0.sections, "unchanged": $0.unchanged,
            ] as [String: Any]
          },
        ]
        print(try JSONOutput.string(object), terminator: "")
      case .text:
        let rows = reports.map {
          [$0.corpus, "\($0.files)", "\($0.changed)", "\($0.removed)", "\($0.sections)",
           $0.unchanged ? "unchanged" : "updated"]
        }
        print(TextTable.render(
          header: ["corpus", "files", "changed", "removed", "sections", "state"], rows: rows),
          terminator: "")
        print(String(format: "indexed into %@ in %.2f s", options.index, seconds))
      }
    }
  }

  struct CorpusSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "search",
      abstract: "Ranked sections matching a query, with citations and highlighted snippets.",
      discussion: """
        Every word must match (porter stemming, so 'redirects' finds 'redirect'); when no section has them all, sections with any of them are ranked instead.

        Examples:
          cplan corpus search "APPEND_SLASH redirect"
          cplan corpus search "session per request" --corpus sqlalchemy-2.0 --limit 5 --format json
        """)

    @Argument(help: "The query.")
    var query: String

    @Option(help: "Only this corpus.")
    var corpus: String?

    @Option(help: "How many results.")
    var limit = 10

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: CorpusOptions

    func run() throws {
      let index = try options.openIndex(readOnly: true)
      if let corpus {
        let known = try index.corpora().map(\.id)
        guard known.contains(corpus) else {
          let hint = Suggestion.didYouMean(corpus, in: known).map { "; \($0)" } ?? ""
          StandardError.write(
            "error: no corpus '\(corpus)' in the index\(hint); indexed: "
              + known.joined(separator: ", ") + "\n")
          throw ExitCode(2)
        }
      }
      let hits = try index.search(query, corpus: corpus, limit: limit)
      switch format {
      case .json:
        print(
          try JSONOutput.string(
            hits.map {
              [
                "corpus": $0.corpus, "path": $0.path, "line": $0.line, "endLine": $0.endLine,
                "headings": $0.headings, "anchor": $0.anchor ?? NSNull(), "snippet": $0.snippet,
                "rank": $0.rank,
              ] as [String: Any]
            }), terminator: "")
      case .text:
        if hits.isEmpty { StandardError.write("no section matches '\(query)'\n") }
        for (number, hit) in hits.enumerated() {
          print("\(number + 1). \(hit.citation)  \(hit.headings.joined(separator: " > "))")
          print("   \(hit.snippet.replacingOccurrences(of: "\n", with: " "))")
        }
      }
    }
  }
}
