import CPlanCore
import CPlanYAML
import Foundation

/// Checks that every corpus source of a rule pack still resolves: the cited file exists and the
/// quote is still at (or near) the cited line.
///
/// Quotes and corpus text are compared by their key (markup reduced, lower-cased, letters and
/// digits only, whitespace collapsed), so a quote in plain words matches a passage written with
/// roles, literals or links, and a quote may span several source lines.
public struct CitationChecker: Sendable {
  /// The folder holding one folder per corpus.
  public var corporaRoot: URL
  /// Corpus id → folder name under the root, e.g. `django-5.2` → `django-5.2.19`.
  public var folders: [String: String]
  /// How many lines either side of the cited line count as "near".
  public var window: Int

  /// Creates a checker.
  /// - Parameters:
  ///   - corporaRoot: the folder holding the corpus folders.
  ///   - folders: corpus id → folder name under the root.
  ///   - window: how many lines either side of the cited line count as near (at least 0).
  public init(corporaRoot: URL, folders: [String: String], window: Int = 40) {
    self.corporaRoot = corporaRoot
    self.folders = folders
    self.window = max(0, window)
  }

  /// Checks every source of every rule in the given pack files.
  /// - Parameters:
  ///   - packFiles: rule pack paths; they appear in results and diagnostics as given.
  /// - Returns: one result per source, and the problems of reading the packs.
  public func check(packFiles: [String]) -> CitationReport {
    var results: [CitationResult] = []
    var problems: [Diagnostic] = []
    var cache = CorpusFileCache()
    for file in packFiles {
      let loaded = YAMLLoader.load(path: file)
      problems += loaded.diagnostics
      let (sources, packProblems) = PackSources.read(loaded)
      problems += packProblems
      for source in sources { results.append(check(source, cache: &cache)) }
    }
    return CitationReport(results: results, loadDiagnostics: problems)
  }

  private func check(_ source: PackSource, cache: inout CorpusFileCache) -> CitationResult {
    let rule = source.ruleID.isEmpty ? "a rule without an id" : "rule '\(source.ruleID)'"
    var result = CitationResult(
      status: .invalid, packFile: source.packFile, ruleID: source.ruleID,
      location: source.location, lineSpan: source.lineSpan, message: "")
    switch source.target {
    case .invalid(let reason):
      result.message = "\(rule) has a source cplan cannot check: \(reason)"
      return result
    case .url(let url, let section):
      result.status = .unchecked
      result.url = url
      result.section = section
      result.message = "\(rule) cites '\(url)', which is not checked"
      return result
    case .corpus(let corpus, let path, let line, let quote):
      result.corpus = corpus
      result.path = path
      result.line = line
      result.quote = quote
      guard let corpus else {
        result.message = "\(rule) has a corpus source without 'corpus', and the pack sets none"
        result.suggestion = "add 'corpus:' to the source or to the pack"
        return result
      }
      guard let folder = folders[corpus] else {
        result.status = .unknownCorpus
        result.message = "\(rule) cites corpus '\(corpus)', which has no folder"
        result.suggestion = Suggestion.didYouMean(corpus, in: folders.keys.sorted())
        return result
      }
      let url = corporaRoot.appendingPathComponent(folder).appendingPathComponent(path)
      guard let text = cache.file(at: url, format: QuoteNormalizer.format(ofPath: path)) else {
        result.status = .missingFile
        result.message = "\(rule) cites '\(path)', which corpus '\(corpus)' does not have"
        result.suggestion = Self.nearestFile(to: url)
        return result
      }
      locate(quote, line: line, in: text, result: &result, rule: rule)
      return result
    }
  }

  /// Finds the quote nearest the cited line and sets the status, message and suggestion.
  private func locate(
    _ quote: String, line: Int, in file: CorpusFile, result: inout CitationResult, rule: String
  ) {
    let where_ = "'\(result.path ?? "")'"
    guard let occurrences = file.occurrences(of: quote) else {
      result.status = .invalid
      result.message = "\(rule) has a quote without any letters or digits"
      return
    }
    if occurrences.contains(where: { $0.line == line || $0.openingLines.contains(line) }) {
      result.status = .ok
      result.message = "\(rule): quote found at line \(line) of \(where_)"
      return
    }
    let nearest = occurrences.min {
      (abs($0.line - line), $0.line) < (abs($1.line - line), $1.line)
    }
    guard let nearest else {
      result.status = .vanished
      result.message = "\(rule): quote is no longer in \(where_) (corpus '\(result.corpus ?? "")')"
      result.suggestion = "find the passage again and update 'line' and 'quote'"
      return
    }
    let within = abs(nearest.line - line) <= window
    result.status = .moved(newLine: nearest.line, withinWindow: within)
    result.message =
      "\(rule): quote moved from line \(line) to line \(nearest.line) of \(where_)"
      + (within ? "" : ", more than \(window) lines away")
    result.suggestion = "set 'line: \(nearest.line)'"
  }

  /// "did you mean" a file beside the missing one with a similar name.
  private static func nearestFile(to url: URL) -> String? {
    let folder = url.deletingLastPathComponent()
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return nil
    }
    return Suggestion.didYouMean(url.lastPathComponent, in: names.sorted())
  }
}
