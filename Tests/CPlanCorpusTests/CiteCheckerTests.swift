import CPlanCore
import Foundation
import Testing

@testable import CPlanCorpus

@Suite struct CiteCheckerTests {
  private let checker = CitationChecker(
    corporaRoot: CiteFixtures.corpora, folders: CiteFixtures.folders)

  private func results(_ rule: String, in report: CitationReport) -> [CitationResult] {
    report.results.filter { $0.ruleID == rule }
  }

  @Test func quoteWithMarkupDifferencesAndSpanningLinesIsFound() throws {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    #expect(results("widgets-trailing-slash", in: report).map(\.status) == [.ok, .ok])
    #expect(results("widgets-default-alias", in: report).map(\.status) == [.ok])
    #expect(results("widgets-method-not-allowed", in: report).isEmpty)
    #expect(results("widgets-methods", in: report).map(\.status) == [.ok])
  }

  @Test func quoteWhoseFirstWordsRunOntoTheCitedLineIsOK() {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    #expect(results("widgets-secret-token", in: report).map(\.status) == [.ok])
  }

  @Test func sphinxTildeRolesAndMarkdownLinksReduceToTheirTitles() {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    #expect(results("widgets-body-size", in: report).first?.status == .ok)
    #expect(results("widgets-route-order", in: report).map(\.status) == [.ok, .ok])
  }

  @Test func quoteMovedAFewLinesIsAWarningWithTheNewLine() throws {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    let moved = try #require(results("widgets-body-size", in: report).last)
    #expect(moved.status == .moved(newLine: 60, withinWindow: true))
    let diagnostic = try #require(moved.diagnostic)
    #expect(diagnostic.severity == .warning && diagnostic.code == "cite-moved")
    #expect(diagnostic.location.line == 46 && diagnostic.location.column == 15)
    #expect(
      diagnostic.message
        == "rule 'widgets-body-size': quote moved from line 57 to line 60 of "
        + "'docs/ref/settings.txt'")
    #expect(diagnostic.suggestion == "set 'line: 60'")
  }

  @Test func quoteMovedFarAwayIsFoundOutsideTheWindow() throws {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    let moved = try #require(results("widgets-strict-json", in: report).first)
    #expect(moved.status == .moved(newLine: 110, withinWindow: false))
    #expect(moved.message.hasSuffix("more than 40 lines away"))
  }

  @Test func vanishedQuoteIsAnError() throws {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    let gone = try #require(results("widgets-time-zone", in: report).first)
    #expect(gone.status == .vanished)
    #expect(gone.diagnostic?.severity == .error && gone.diagnostic?.code == "cite-vanished")
    #expect(gone.location.line == 62)
  }

  @Test func missingFileIsAnErrorWithASuggestion() throws {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    let missing = try #require(results("widgets-missing-file", in: report).first)
    #expect(missing.status == .missingFile)
    #expect(missing.diagnostic?.code == "cite-missing-file")
    #expect(missing.suggestion == "did you mean 'settings.txt'?")
  }

  @Test func unknownCorpusIsAnErrorWithASuggestion() throws {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    let unknown = try #require(results("widgets-unknown-corpus", in: report).first)
    #expect(unknown.status == .unknownCorpus && unknown.corpus == "widget-1.0")
    #expect(unknown.diagnostic?.code == "cite-unknown-corpus")
    #expect(unknown.suggestion == "did you mean 'widgets-1.0'?")
  }

  @Test func urlSourcesAreListedAsUncheckedNotes() throws {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    let url = try #require(results("widgets-url", in: report).first)
    #expect(url.status == .unchecked && url.section == "TRAILING_SLASH")
    #expect(url.diagnostic?.severity == .note && url.diagnostic?.code == "cite-unchecked-url")
    #expect(url.location.line == 86 && url.location.column == 9)
  }

  @Test func flowStyleSourcesPointAtTheirLineValue() throws {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    let flow = results("widgets-route-order", in: report)
    #expect(flow.map(\.location.line) == [93, 94])
    #expect(flow.map(\.location.column) == [45, 45])
  }

  @Test func reportCountsEveryOutcome() {
    let report = checker.check(packFiles: [CiteFixtures.pack("widgets.yaml")])
    let counts = report.counts
    #expect(counts[.ok] == 8)
    #expect(counts[.moved] == 2)
    #expect(counts[.vanished] == 1)
    #expect(counts[.missingFile] == 1)
    #expect(counts[.unknownCorpus] == 1)
    #expect(counts[.unchecked] == 1)
    #expect(counts[.invalid] == 0)
    #expect(report.hasErrors)
    #expect(report.diagnostics.count == 6)
    #expect(report.diagnostics.allSatisfy { $0.location.file == CiteFixtures.pack("widgets.yaml") })
    #expect(
      report.summary == "14 sources: 8 ok, 2 moved, 1 vanished, 1 missing file, "
        + "1 unknown corpus, 1 unchecked")
  }

  @Test func onlyMovedAndUncheckedIsNotAnError() {
    let report = checker.check(packFiles: [CiteFixtures.pack("moved.yaml")])
    #expect(!report.hasErrors)
    #expect(report.count(.moved) == 2 && report.count(.ok) == 1)
  }

  @Test func crlfPackIsCheckedLikeItsLFTwin() throws {
    let crlf = try Data(contentsOf: URL(fileURLWithPath: CiteFixtures.pack("crlf.yaml")))
    #expect(crlf.range(of: Data("\r\n".utf8)) != nil, "the fixture lost its CRLF line ends")
    let lf = checker.check(packFiles: [CiteFixtures.pack("moved.yaml")])
    let report = checker.check(packFiles: [CiteFixtures.pack("crlf.yaml")])
    #expect(report.results.map(\.status) == lf.results.map(\.status))
    #expect(report.results.map(\.location.line) == lf.results.map(\.location.line))
    #expect(report.results.map(\.location.column) == lf.results.map(\.location.column))
  }

  @Test func brokenPacksAndSourcesAreReported() throws {
    let scratch = try CiteScratch()
    let yaml = """
      cplan: 1
      id: broken
      version: 1.0.0
      title: t
      rules:
        - id: no-corpus
          severity: note
          topic: files
          statement: s
          sources:
            - {path: docs/ref/settings.txt, line: 8, quote: Settings live}
            - {path: docs/ref/settings.txt, quote: Settings live}
            - {corpus: widgets-1.0, path: docs/ref/settings.txt, line: 8, quote: "..."}

      """
    let pack = try scratch.write("broken.yaml", Data(yaml.utf8))
    let notPack = try scratch.write("list.yaml", Data("- a\n- b\n".utf8))
    let syntax = try scratch.write("bad.yaml", Data("rules: [\n".utf8))
    let report = checker.check(packFiles: [pack, notPack, syntax])
    #expect(report.results.map(\.status) == [.invalid, .invalid, .invalid])
    #expect(report.results[0].message.contains("without 'corpus'"))
    #expect(report.results[1].message.contains("needs 'line'"))
    #expect(report.results[2].message.contains("without any letters or digits"))
    let codes = Set(report.diagnostics.map(\.code))
    #expect(codes == ["cite-invalid-source", "unknown-kind", "yaml-syntax"])
  }

  @Test func jsonFormHasCountsAndResults() throws {
    let report = checker.check(packFiles: [CiteFixtures.pack("moved.yaml")])
    let text = try JSONOutput.string(report.jsonValue)
    #expect(text.contains("\"moved\": 2"))
    #expect(text.contains("\"newLine\": 110"))
    #expect(text.contains("\"status\": \"ok\""))
  }

  @Test(.enabled(if: CiteFixtures.sharedCorpora != nil, "needs ../shared/corpora"))
  func quotesOfTheRealDjangoDocsResolve() throws {
    let scratch = try CiteScratch()
    let yaml = """
      cplan: 1
      id: django-sample
      version: 1.0.0
      title: t
      corpus: django-5.2
      rules:
        - id: append-slash
          severity: must
          topic: routing
          statement: s
          sources:
            - path: docs/ref/settings.txt
              line: 109
              quote: if the request URL does not match any of the patterns in the URLconf and \
      it doesn't end in a slash, an HTTP redirect is issued
            - path: docs/ref/settings.txt
              line: 114
              quote: The APPEND_SLASH setting is only used if CommonMiddleware is installed

      """
    let pack = try scratch.write("django.yaml", Data(yaml.utf8))
    let checker = CitationChecker(
      corporaRoot: try #require(CiteFixtures.sharedCorpora),
      folders: ["django-5.2": "django-5.2.19"])
    let report = checker.check(packFiles: [pack])
    #expect(report.results.map(\.status) == [.ok, .ok], "\(report.diagnostics)")
  }
}
