import CPlanCore
import Foundation
import Testing

@testable import CPlanCorpus

@Suite struct CiteFixTests {
  private let checker = CitationChecker(
    corporaRoot: CiteFixtures.corpora, folders: CiteFixtures.folders)

  /// Asserts that `after` is `before` with exactly the given replacements, comparing every byte
  /// outside the replaced spans.
  private func expectOnlyChanged(
    _ before: Data, _ after: Data, _ replacements: [(old: String, new: String)]
  ) throws {
    var expected = [UInt8](before)
    for (old, new) in replacements {
      let range = try #require(Data(expected).range(of: Data(old.utf8)), "'\(old)' not found")
      #expect(
        Data(expected).range(of: Data(old.utf8), in: range.upperBound..<expected.count) == nil)
      expected.replaceSubrange(range, with: Array(new.utf8))
    }
    #expect([UInt8](after) == expected)
  }

  @Test func fixRewritesOnlyTheDigitsOfMovedLines() throws {
    let scratch = try CiteScratch()
    let pack = try scratch.copy(pack: "moved.yaml")
    let before = try Data(contentsOf: URL(fileURLWithPath: pack))
    let report = checker.check(packFiles: [pack])
    #expect(report.count(.moved) == 2)
    let fixed = try checker.fix(report)
    #expect(Array(fixed.keys) == [pack])
    let after = try Data(contentsOf: URL(fileURLWithPath: pack))
    #expect(after == fixed[pack])
    try expectOnlyChanged(
      before, after, [("line: 57    #", "line: 60    #"), ("line: 12}", "line: 110}")])
    let again = checker.check(packFiles: [pack])
    #expect(again.diagnostics.isEmpty, "\(again.diagnostics)")
    #expect(again.count(.ok) == 3)
  }

  @Test func fixKeepsCRLFAndMultiByteCharactersBeforeTheNumber() throws {
    let scratch = try CiteScratch()
    let pack = try scratch.copy(pack: "crlf.yaml")
    let before = try Data(contentsOf: URL(fileURLWithPath: pack))
    try checker.fix(checker.check(packFiles: [pack]))
    let after = try Data(contentsOf: URL(fileURLWithPath: pack))
    try expectOnlyChanged(
      before, after, [("line: 57    #", "line: 60    #"), ("line: 12}", "line: 110}")])
    #expect(checker.check(packFiles: [pack]).diagnostics.isEmpty)
  }

  @Test func fixHandlesAByteOrderMarkAndManyEditsOnOneLine() throws {
    let scratch = try CiteScratch()
    let yaml = """
      cplan: 1
      id: bom
      version: 1.0.0
      title: "ünïcödé — 日本語"
      corpus: widgets-1.0
      rules:
        - {id: r, severity: note, topic: files, statement: "é", sources: [
            {quote: "— “A handler never sees a larger body”", path: docs/ref/settings.txt, line: 7},
            {path: docs/ref/settings.txt, line: 5, quote: "is rejected with a 400 response"}]}

      """
    let bytes =
      Data([0xEF, 0xBB, 0xBF]) + Data(yaml.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    let pack = try scratch.write("bom.yaml", bytes)
    let report = checker.check(packFiles: [pack])
    #expect(
      report.results.map(\.status) == [
        .moved(newLine: 60, withinWindow: false), .moved(newLine: 110, withinWindow: false),
      ])
    try checker.fix(report)
    let after = try Data(contentsOf: URL(fileURLWithPath: pack))
    try expectOnlyChanged(bytes, after, [("line: 7}", "line: 60}"), ("line: 5,", "line: 110,")])
    let again = checker.check(packFiles: [pack])
    #expect(again.results.allSatisfy { $0.status == .ok })
  }

  @Test func fixWithoutWritingLeavesTheFileAlone() throws {
    let scratch = try CiteScratch()
    let pack = try scratch.copy(pack: "moved.yaml")
    let before = try Data(contentsOf: URL(fileURLWithPath: pack))
    let fixed = try checker.fix(checker.check(packFiles: [pack]), write: false)
    #expect(fixed[pack] != nil && fixed[pack] != before)
    #expect(try Data(contentsOf: URL(fileURLWithPath: pack)) == before)
  }

  @Test func fixRefusesAPackThatChangedSinceTheCheck() throws {
    let scratch = try CiteScratch()
    let pack = try scratch.copy(pack: "moved.yaml")
    let report = checker.check(packFiles: [pack])
    let edited = try String(contentsOfFile: pack, encoding: .utf8)
      .replacingOccurrences(of: "line: 57", with: "line: 58")
    try scratch.write("moved.yaml", Data(edited.utf8))
    #expect(throws: CitationError.self) { try checker.fix(report) }
    #expect(try String(contentsOfFile: pack, encoding: .utf8) == edited)
  }

  @Test func fixOfACleanReportChangesNothing() throws {
    let report = checker.check(packFiles: [CiteFixtures.pack("moved.yaml")])
    let clean = CitationReport(results: report.results.filter { $0.status == .ok })
    #expect(try checker.fix(clean, write: false).isEmpty)
  }

  @Test func textOffsetsCountScalarsAndEveryLineBreak() {
    let text = "a\r\nbé\rc\u{2028}日x\ny"
    let offsets = TextOffsets(Array(text.utf8))
    #expect(offsets.offset(line: 2, column: 3) == 6)
    #expect(offsets.offset(line: 3, column: 1) == 7)
    #expect(offsets.offset(line: 4, column: 2) == 14)
    #expect(offsets.offset(line: 5, column: 1) == 16)
    #expect(offsets.offset(line: 7, column: 1) == nil)
  }
}
