import ArgumentParser
import CPlanCore
import CPlanCorpus
import Foundation

extension CPlan {
  struct MineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mine",
      abstract: "Recall and precision of the miner on a labelled set, against section search.",
      discussion: """
        For each query of the development set (queries over the corpora, each with the convention sentences a reader of the docs would want found), runs the miner ('cplan corpus mine') and a plain section-level full-text baseline (the sentences of the best-ranked sections, in order) over the same index, and reports recall at 10, 25 and 50 and precision at 25 of both, overall and by corpus. A returned sentence matches a gold one in the same file starting on the same line (±1). Precision counts only labelled sentences, so it is a lower bound of the share that is actionable. The index is built in a temporary file when --index names none.

        Examples:
          cplan bench mine --corpora ../shared/corpora
          cplan bench mine --corpora ../shared/corpora --format json
        """)

    @Option(help: ArgumentHelp("The labelled set.", valueName: "file"))
    var set = "Tests/CPlanCorpusTests/Fixtures/mining-dev-set.json"

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var options: CorpusOptions

    func run() throws {
      let devSet: MiningDevSet
      do {
        devSet = try MiningDevSet.read(URL(fileURLWithPath: set))
      } catch {
        StandardError.write("error: cannot read the labelled set '\(set)': \(IOReason.of(error))\n")
        throw ExitCode(2)
      }
      var temporary: URL?
      let index: CorpusIndex
      if FileManager.default.fileExists(atPath: options.index) {
        index = try options.openIndex(readOnly: true)
      } else {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
          "cplan-bench-mine-\(ProcessInfo.processInfo.processIdentifier).sqlite")
        temporary = url
        let built = try CorpusIndex(path: url.path)
        _ = try built.update(try options.locations(Array(Set(devSet.queries.map(\.corpus))).sorted()))
        index = built
      }
      defer {
        if let temporary {
          for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: temporary.path + suffix)
          }
        }
      }
      var miner: [String: MiningScore] = [:]
      var baseline: [String: MiningScore] = [:]
      for query in devSet.queries {
        let found = try index.sections(matching: query.query, corpus: query.corpus, limit: 200)
        let candidates = ConventionMiner().candidates(fromHits: found, limit: 50)
        let mined = MiningScore.of(candidates.map { ($0.path, $0.line) }, for: query)
        let plain = MiningScore.of(
          SectionBaseline.sentences(found.map(\.section), limit: 50), for: query)
        miner[query.corpus, default: MiningScore()] = miner[query.corpus, default: MiningScore()] + mined
        baseline[query.corpus, default: MiningScore()] = baseline[query.corpus, default: MiningScore()] + plain
      }
      let corpora = miner.keys.sorted()
      let allMiner = corpora.reduce(MiningScore()) { $0 + miner[$1]! }
      let allBaseline = corpora.reduce(MiningScore()) { $0 + baseline[$1]! }
      func row(_ name: String, _ score: MiningScore) -> [String: Any] {
        let recall = score.recall
        return [
          "name": name, "gold": score.gold, "recall10": recall.at10, "recall25": recall.at25,
          "recall50": recall.at50, "precision25": score.precision25,
        ]
      }
      switch format {
      case .json:
        print(
          try JSONOutput.string([
            "queries": devSet.queries.count,
            "miner": [row("all", allMiner)] + corpora.map { row($0, miner[$0]!) },
            "baseline": [row("all", allBaseline)] + corpora.map { row($0, baseline[$0]!) },
          ]), terminator: "")
      case .text:
        func cells(_ score: MiningScore) -> [String] {
          let recall = score.recall
          return [recall.at10, recall.at25, recall.at50, score.precision25].map {
            String(format: "%.2f", $0)
          }
        }
        var rows: [[String]] = []
        for name in ["all"] + corpora {
          let mined = name == "all" ? allMiner : miner[name]!
          let plain = name == "all" ? allBaseline : baseline[name]!
          rows.append([name, "\(mined.gold)"] + cells(mined) + cells(plain))
        }
        print(
          "\(devSet.queries.count) queries, \(allMiner.gold) gold sentences; miner | section baseline")
        print(
          TextTable.render(
            header: ["corpus", "gold", "R@10", "R@25", "R@50", "P@25", "base R@10", "base R@25",
              "base R@50", "base P@25"], rows: rows), terminator: "")
      }
    }
  }
}
