import CPlanCore
import Foundation
import Testing

@testable import CPlanYAML

private func load(_ text: String, limits: YAMLLimits = .standard) -> YAMLLoadResult {
  YAMLLoader.load(string: text, file: "t.yaml", limits: limits)
}

private func codes(_ result: YAMLLoadResult) -> [String] { result.diagnostics.map(\.code) }

@Suite struct PositionTests {
  @Test func nodesKnowTheirFileLineAndColumn() throws {
    let result = load("server:\n  port: 8080\n  prefix: /api\nlist: [a, bb]\n")
    let root = try #require(result.root)
    #expect(result.diagnostics.isEmpty)
    let port = try #require(root["server"]?["port"])
    #expect(port.start == SourceLocation(file: "t.yaml", line: 2, column: 9))
    #expect(port.end == SourceLocation(file: "t.yaml", line: 2, column: 13))
    let list = try #require(root["list"]?.sequence)
    #expect(list[1].start.line == 4 && list[1].start.column == 11)
    #expect(root.keyNode("list")?.start.column == 1)
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let root = try #require(load("name: \"héllo wörld\"\nnext: x\nk: [é, z]\n").root)
    let items = try #require(root["k"]?.sequence)
    #expect(items[1].start.column == 8)
  }

  @Test func crlfLineEndingsKeepPositions() throws {
    let result = load("a: 1\r\nb:\r\n  c: 2\r\n")
    let root = try #require(result.root)
    #expect(root["b"]?["c"]?.start.line == 3)
    #expect(root["b"]?["c"]?.start.column == 6)
    #expect(root["b"]?["c"]?.int == 2)
  }

  @Test func blockScalarsKeepTheirText() throws {
    let root = try #require(load("text: |\n  line one\n  line two\n").root)
    #expect(root["text"]?.string == "line one\nline two\n")
    #expect(root["text"]?.scalar?.style == .literal)
  }
}

@Suite struct ScalarTypingTests {
  @Test func onlyTrueAndFalseAreBooleans() throws {
    let root = try #require(load("a: true\nb: yes\nc: \"true\"\nd: on\n").root)
    #expect(root["a"]?.bool == true)
    #expect(root["b"]?.bool == nil && root["b"]?.string == "yes")
    #expect(root["c"]?.bool == nil && root["c"]?.string == "true")
    #expect(root["d"]?.string == "on")
  }

  @Test func integersAreUnquotedDigits() throws {
    let root = try #require(load("a: 8080\nb: \"8080\"\nc: -3\nd: 1.5\ne: 0x1F\n").root)
    #expect(root["a"]?.int == 8080)
    #expect(root["b"]?.int == nil && root["b"]?.string == "8080")
    #expect(root["c"]?.int == -3)
    #expect(root["d"]?.int == nil && root["d"]?.double == 1.5)
    #expect(root["e"]?.int == nil)
    #expect(root["b"]?.typeDescription == "a string")
  }

  @Test func nullsAndStrTags() throws {
    let root = try #require(load("a:\nb: ~\nc: !!str null\n").root)
    #expect(root["a"]?.isNull == true && root["b"]?.isNull == true)
    #expect(root["c"]?.isNull == false && root["c"]?.string == "null")
  }
}

@Suite struct AliasTests {
  @Test func aliasesResolveToTheAnchoredNode() throws {
    let root = try #require(load("base: &b {port: 1}\ncopy: *b\n").root)
    #expect(root["copy"]?["port"]?.int == 1)
    #expect(root["copy"]?.start.line == 2)
  }

  @Test func mergeKeysAddMissingEntries() throws {
    let root = try #require(load("base: &b {port: 1, host: h}\nserver:\n  <<: *b\n  port: 2\n").root)
    #expect(root["server"]?["port"]?.int == 2)
    #expect(root["server"]?["host"]?.string == "h")
    #expect(root["server"]?.mapping?.count == 2)
  }

  @Test func unknownAnchorIsReported() {
    let result = load("a: *missing\n")
    #expect(codes(result) == ["yaml-unknown-anchor"])
    #expect(result.diagnostics[0].location.column == 4)
  }

  @Test func billionLaughsIsRejectedQuickly() {
    var text = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(refs)]\n"
    }
    let clock = ContinuousClock()
    let start = clock.now
    let result = load(text)
    #expect(clock.now - start < .seconds(5))
    #expect(result.root == nil)
    #expect(codes(result) == ["yaml-alias-limit"])
    #expect(result.diagnostics[0].location.line == 6)
  }
}

@Suite struct LimitTests {
  @Test func deepNestingStopsAtTheLimit() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let result = load(text)
    #expect(codes(result) == ["yaml-depth-limit"])
    #expect(result.diagnostics[0].location == SourceLocation(file: "t.yaml", line: 1, column: 65))
  }

  @Test func depthLimitIsConfigurable() {
    #expect(load("a: {b: {c: 1}}", limits: YAMLLimits(maxDepth: 2)).diagnostics.map(\.code)
      == ["yaml-depth-limit"])
    #expect(load("a: {b: {c: 1}}", limits: YAMLLimits(maxDepth: 3)).diagnostics.isEmpty)
  }

  @Test func oversizedInputIsRejectedBeforeParsing() {
    let result = load(String(repeating: "a: 1\n", count: 100), limits: YAMLLimits(maxFileBytes: 64))
    #expect(codes(result) == ["yaml-size-limit"])
  }
}

@Suite struct DuplicateKeyTests {
  @Test func duplicateKeysNameBothPositions() throws {
    let result = load("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
    #expect(codes(result) == ["yaml-duplicate-key", "yaml-duplicate-key"])
    let nested = result.diagnostics[0]
    #expect(nested.location.line == 4 && nested.location.column == 3)
    #expect(nested.notes.first?.location?.line == 3)
    #expect(nested.message.contains("line 3, column 3"))
    // The document is still usable: the first value wins, so later checks can run.
    #expect(result.root?["a"]?.int == 1)
  }

  @Test func complexKeysAreReported() {
    #expect(codes(load("? [a, b]\n: 1\n")) == ["yaml-complex-key"])
  }
}

@Suite struct EncodingTests {
  @Test func emptyAndCommentOnlyFilesAreReported() {
    #expect(codes(load("")) == ["yaml-empty"])
    #expect(codes(load("# just a comment\n\n")) == ["yaml-empty"])
  }

  @Test func byteOrderMarkIsAWarningAndPositionsStayPut() throws {
    let result = YAMLLoader.load(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 2\n".utf8), file: "t")
    #expect(codes(result) == ["yaml-bom"])
    #expect(result.diagnostics[0].severity == .warning)
    #expect(result.root?["b"]?.start.column == 4)
  }

  @Test func invalidUTF8IsLocated() {
    var bytes = Array("a: 1\nb: 2\nc: caf".utf8)
    bytes.append(0xE9)
    bytes += Array("\n".utf8)
    let result = YAMLLoader.load(bytes: bytes, file: "t")
    #expect(codes(result) == ["yaml-encoding"])
    #expect(result.diagnostics[0].location.line == 3 && result.diagnostics[0].location.column == 7)
    #expect(result.diagnostics[0].message.contains("0xE9"))
  }

  @Test func utf16IsRejected() {
    let bytes: [UInt8] = [0xFF, 0xFE] + Array("a: 1".utf16).flatMap { [UInt8($0 & 0xFF), 0] }
    #expect(codes(YAMLLoader.load(bytes: bytes, file: "t")) == ["yaml-encoding"])
  }

  @Test func controlCharactersAreLocated() {
    let result = YAMLLoader.load(bytes: Array("a: 1\nb: x".utf8) + [0x01] + [0x0A], file: "t")
    #expect(codes(result) == ["yaml-syntax"])
    #expect(result.diagnostics[0].location.line == 2 && result.diagnostics[0].location.column == 5)
  }
}

@Suite struct SyntaxTests {
  @Test func tabsInIndentationGetTheirOwnCode() {
    let result = load("a:\n\tb: 1\n")
    #expect(codes(result) == ["yaml-tab-indent"])
    #expect(result.diagnostics[0].location.line == 2)
  }

  @Test func secondDocumentIsReported() {
    let result = load("a: 1\n---\nb: 2\n")
    #expect(codes(result) == ["yaml-multiple-documents"])
    #expect(result.diagnostics[0].location.line == 2)
  }

  @Test func libyamlErrorsKeepProblemAndContext() {
    let result = load("a: \"unclosed\nb: 2\n")
    #expect(codes(result) == ["yaml-syntax"])
    let diagnostic = result.diagnostics[0]
    #expect(diagnostic.message.contains("while scanning a quoted scalar"))
    #expect(diagnostic.message.contains("unexpected end of stream"))
    #expect(diagnostic.notes.first?.location?.line == 1)
  }

  @Test func badIndentationIsASyntaxError() {
    let result = load("a:\n  b: 1\n c: 2\n")
    #expect(codes(result) == ["yaml-syntax"])
    #expect(result.diagnostics[0].location.line == 3)
  }
}

@Suite struct UnicodeLineBreakTests {
  /// libyaml breaks lines at NEL, LS and PS; editors (and cplan's diagnostics) do not.
  @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
  func positionsCountOnlyLFAndCR(_ separator: String) throws {
    let text = "a: \"one\(separator)two\"\nb: 2\nc: [\n"
    let result = YAMLLoader.load(string: text, file: "t.yaml")
    let error = try #require(result.diagnostics.first)
    // The unclosed flow sequence ends at the end of the text: line 4 as an editor counts.
    #expect(error.location.line == 4, "\(error)")
    let plain = YAMLLoader.load(string: "a: \"one two\"\nb: 2\nc: 3\n", file: "t.yaml")
    let separated = YAMLLoader.load(string: "a: \"one\(separator)two\"\nb: 2\nc: 3\n", file: "t.yaml")
    #expect(separated.root?["b"]?.start.line == plain.root?["b"]?.start.line)
    #expect(separated.root?["c"]?.start == SourceLocation(file: "t.yaml", line: 3, column: 4))
  }
}

@Suite struct NodeLimitTests {
  @Test func aDocumentOfTooManyValuesStopsEarly() {
    let text = (0..<300).map { "k\($0): \($0)" }.joined(separator: "\n") + "\n"
    let limited = YAMLLoader.load(
      string: text, file: "t.yaml", limits: YAMLLimits(maxNodes: 100))
    #expect(limited.root == nil)
    #expect(limited.diagnostics.map(\.code) == ["yaml-node-limit"])
    #expect(YAMLLoader.load(string: text, file: "t.yaml").root != nil)
  }
}
