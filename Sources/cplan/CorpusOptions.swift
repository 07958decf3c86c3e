import ArgumentParser
import CPlanCore
import CPlanCorpus
import CPlanModel
import Foundation

/// Where the corpora, their registry and the index are.
struct CorpusOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The folder holding the corpus folders (default: $CPLAN_CORPORA).", valueName: "dir"))
  var corpora: String?

  @Option(
    name: .customLong("registry"),
    help: ArgumentHelp(
      "The corpus registry (default: the nearest Constraints/corpora.yaml, else the one shipped "
        + "inside cplan).", valueName: "file"))
  var registryFile: String?

  /// The registry file in use.
  var registry: String { registryFile ?? DataPaths.registry() }

  @Option(help: ArgumentHelp("The index file.", valueName: "file"))
  var index: String = ".cplan/index.sqlite"

  /// The registry, or exit 2 after printing its problems.
  func loadRegistry() throws -> CorporaConfig {
    let (config, diagnostics) = CorporaConfig.load(path: registry)
    StandardError.diagnostics(diagnostics)
    guard let config else {
      if diagnostics.isEmpty { StandardError.write("error: cannot read the registry '\(registry)'\n") }
      throw ExitCode(2)
    }
    return config
  }

  /// The corpora root, or exit 2 with a hint.
  func root() throws -> URL {
    guard let path = corpora ?? ProcessInfo.processInfo.environment["CPLAN_CORPORA"] else {
      StandardError.write(
        "error: no corpora folder; pass --corpora DIR or set CPLAN_CORPORA (e.g. ../shared/corpora)\n")
      throw ExitCode(2)
    }
    return URL(fileURLWithPath: path)
  }

  /// The locations of the named corpora (all when `ids` is empty); unknown ids exit 2.
  func locations(_ ids: [String] = []) throws -> [CorpusLocation] {
    let config = try loadRegistry()
    let root = try root()
    for id in ids where config.corpus(id) == nil {
      let hint = Suggestion.didYouMean(id, in: config.corpora.map(\.id)).map { "; \($0)" } ?? ""
      StandardError.write("error: unknown corpus '\(id)'\(hint)\n")
      throw ExitCode(2)
    }
    let entries = ids.isEmpty ? config.corpora : ids.compactMap { config.corpus($0) }
    return entries.map { CorpusLocation(entry: $0, root: root) }
  }

  /// Opens the index (read-only for commands that only read it), or exit 2.
  func openIndex(readOnly: Bool = false) throws -> CorpusIndex {
    do { return try CorpusIndex(path: index, readOnly: readOnly) } catch {
      StandardError.write("error: \(error)\n")
      throw ExitCode(2)
    }
  }
}
