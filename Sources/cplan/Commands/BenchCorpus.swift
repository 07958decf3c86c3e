import ArgumentParser
import CPlanCore
import CPlanCorpus
import Foundation

extension CPlan {
  struct CorpusBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "corpus",
      abstract: "Time indexing every corpus from scratch and searching it, against Python's sqlite3.",
      discussion: """
        Indexes every registered corpus into a fresh temporary index (wall time and peak memory of this process), re-indexes it unchanged, then times a fixed set of searches (p50 and p95). Benchmarks/fts_reference.py indexes the same files whole into an FTS5 table with Python's sqlite3 and runs the same queries, in the same run.

        Examples:
          cplan bench corpus --corpora ../shared/corpora
          cplan bench corpus --corpora ../shared/corpora --format json
        """)

    @OptionGroup var options: CorpusOptions

    @Option(help: "The Python reference script.")
    var reference = "Benchmarks/fts_reference.py"

    @Flag(help: "Honour the registry's 'exclude' globs (by default every document is indexed).")
    var withExcludes = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    static let queries = [
      "trailing slash redirect", "csrf token header", "database connection pool",
      "session commit rollback", "create all tables metadata", "json response status code",
      "middleware order", "dependency injection", "path parameter type", "async engine",
      "settings default value", "url patterns include", "authentication backend",
      "foreign key relationship", "transaction atomic", "request body validation",
      "static files", "test client", "migration operations", "logging configuration",
      "blueprint register", "application factory", "error handler 404", "cors origins",
      "background tasks", "websocket", "template rendering", "query parameters",
      "response model", "sqlite file path",
    ]

    func run() throws {
      let locations = try options.locations().map { location in
        var entry = location.entry
        if !withExcludes { entry.exclude = [] }
        return CorpusLocation(entry: entry, root: location.root)
      }
      let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
        "cplan-bench-corpus-\(ProcessInfo.processInfo.processIdentifier)")
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: scratch) }
      let indexPath = scratch.appendingPathComponent("index.sqlite").path
      let clock = ContinuousClock()
      var reports: [CorpusIndexReport] = []
      let index = try CorpusIndex(path: indexPath)
      let fresh = try clock.measure { reports = try index.update(locations) }
      let again = try clock.measure { _ = try index.update(locations) }
      var latencies: [Double] = []
      for _ in 0..<5 {
        for query in Self.queries {
          let elapsed = try clock.measure { _ = try index.search(query, limit: 10) }
          latencies.append(Measurement.milliseconds(elapsed))
        }
      }
      latencies.sort()
      let files = locations.flatMap { location in
        location.documents().map { location.folder.appendingPathComponent($0.path).path }
      }
      var result: [String: Any] = [
        "files": reports.reduce(0) { $0 + $1.files },
        "sections": reports.reduce(0) { $0 + $1.sections },
        "index_seconds": Measurement.milliseconds(fresh) / 1000,
        "reindex_unchanged_seconds": Measurement.milliseconds(again) / 1000,
        "search_p50_ms": latencies[latencies.count / 2],
        "search_p95_ms": latencies[latencies.count * 95 / 100],
        "peak_rss_kib": Measurement.peakResidentKiB,
      ]
      if let python = try? runReference(files, index: scratch.appendingPathComponent("py.sqlite").path) {
        result["reference"] = python
        if let seconds = python["index_seconds"] as? Double, seconds > 0 {
          result["ratio_index_over_reference"] = Measurement.milliseconds(fresh) / 1000 / seconds
        }
      }
      switch format {
      case .json: print(try JSONOutput.string(result), terminator: "")
      case .text: print(Self.text(result))
      }
    }

    private func runReference(_ files: [String], index: String) throws -> [String: Any]? {
      try MatrixBench.runJSON(
        ["python3", reference, index] + files, input: Self.queries.joined(separator: "\n") + "\n")
    }

    static func text(_ r: [String: Any]) -> String {
      func d(_ key: String) -> Double { r[key] as? Double ?? 0 }
      var lines = [
        String(format: "index: %d files, %d sections in %.2f s from scratch (peak RSS %d KiB)",
          r["files"] as? Int ?? 0, r["sections"] as? Int ?? 0, d("index_seconds"),
          r["peak_rss_kib"] as? Int ?? 0),
        String(format: "re-index unchanged: %.3f s", d("reindex_unchanged_seconds")),
        String(format: "search: p50 %.2f ms, p95 %.2f ms", d("search_p50_ms"), d("search_p95_ms")),
      ]
      if let python = r["reference"] as? [String: Any] {
        lines.append(
          String(format: "reference (Python sqlite3, whole files): %.2f s to index, search p50 %.2f ms",
            python["index_seconds"] as? Double ?? 0, python["search_p50_ms"] as? Double ?? 0))
        lines.append(String(format: "ratio: %.2fx (cplan index / reference)", d("ratio_index_over_reference")))
      }
      return lines.joined(separator: "\n")
    }
  }
}
