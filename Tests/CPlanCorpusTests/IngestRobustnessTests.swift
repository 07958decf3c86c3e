import Foundation
import Testing

@testable import CPlanCorpus

@Suite struct IngestRobustnessTests {
  /// Checks the invariants every ingested file must satisfy.
  static func checkInvariants(_ sections: [CorpusSection], lineCount: Int) {
    var previousStart = 0
    var previousHeadings: [String] = []
    for section in sections {
      #expect(section.startLine >= 1)
      #expect(section.startLine <= section.endLine)
      #expect(section.endLine <= max(lineCount, 1))
      // Sections start on later lines, except the parts of one cut for size (a huge line).
      #expect(
        section.startLine > previousStart
          || (section.startLine == previousStart && section.headings == previousHeadings))
      previousStart = section.startLine
      previousHeadings = section.headings
      for paragraph in section.paragraphs {
        #expect(!paragraph.text.isEmpty)
        #expect(paragraph.line >= 1 && paragraph.line <= lineCount)
      }
      for code in section.code { #expect(code.line >= 1 && code.line <= max(lineCount, 1)) }
    }
  }

  static func lineCount(_ bytes: [UInt8]) -> Int {
    guard !bytes.isEmpty else { return 0 }
    return bytes.count(where: { $0 == 0x0A }) + (bytes.last == 0x0A ? 0 : 1)
  }

  static func ingestAll(_ bytes: [UInt8]) {
    for format in DocumentFormat.allCases {
      let sections = DocumentIngester.sections(
        of: bytes, path: "doc", corpus: "c", format: format, includeRoot: nil)
      checkInvariants(sections, lineCount: lineCount(bytes))
    }
  }

  @Test func emptyAndBlankFilesHaveNoSections() {
    for format in [DocumentFormat.restructuredText, .markdown, .html] {
      #expect(IngestFixtures.sections("", format: format).isEmpty)
      #expect(IngestFixtures.sections("\n \n\t\n", format: format).isEmpty)
    }
    #expect(IngestFixtures.sections("", format: .text).isEmpty)
  }

  @Test func invalidUTF8IsReplaced() {
    let bytes: [UInt8] =
      Array("Caf".utf8) + [0xE9, 0x20, 0xFF]
      + Array(" ok\n==========\n\nBody \u{00E9}t\u{00E9}\n".utf8)
    let sections = DocumentIngester.sections(
      of: bytes, path: "x.rst", corpus: "c", format: .restructuredText, includeRoot: nil)
    #expect(sections.map(\.headings) == [["Caf\u{FFFD} \u{FFFD} ok"]])
    #expect(sections[0].text == "Body \u{00E9}t\u{00E9}")
    Self.ingestAll(bytes)
  }

  @Test func tabsAndMissingFinalNewline() {
    let text =
      "Title\n=====\n\n.. note::\n\n\tTabbed note text.\n\n\tSecond::\n\n\t\tcode()\nlast line"
    let sections = IngestFixtures.sections(text, format: .restructuredText)
    #expect(sections.count == 1)
    #expect(sections[0].paragraphs.map(\.text) == ["Tabbed note text.", "Second:", "last line"])
    #expect(sections[0].code == [CodeBlock(language: nil, text: "code()", line: 10)])
    #expect(sections[0].endLine == 11)
  }

  @Test func unclosedMarkupDegradesToProse() {
    let rst = "T\n==\n\nAn :ref:`unclosed role and ``literal and `link\n\n.. code-block::"
    let rstSections = IngestFixtures.sections(rst, format: .restructuredText)
    #expect(rstSections[0].text == "An unclosed role and literal and link")
    let md = "# T\n\n[open](link and `code and **bold\n\n```\nnever closed"
    let mdSections = IngestFixtures.sections(md, format: .markdown)
    #expect(mdSections[0].text == "[open](link and code and bold")
    #expect(mdSections[0].code == [CodeBlock(language: nil, text: "never closed", line: 6)])
    let html = "<h1 id='x'>Unclosed <b>head"
    #expect(IngestFixtures.sections(html, format: .html).map(\.headings) == [["Unclosed head"]])
  }

  @Test func pathologicalInputsFinish() {
    let long =
      String(repeating: "[", count: 60_000) + String(repeating: "`", count: 30_000)
      + String(repeating: "``x", count: 10_000) + String(repeating: ":a:", count: 10_000)
    var deep = ""
    for level in 0..<200 {
      deep += String(repeating: " ", count: level * 2) + ".. note::\n\n"
    }
    var headings = ""
    for index in 0..<500 {
      let adornment = ["=", "-", "~", "^", "+", "#", "*", "_", "'", "\""][index % 10]
      headings += "H\(index)\n" + String(repeating: adornment, count: 6) + "\n\n"
    }
    let tags = String(repeating: "<a ", count: 20_000) + String(repeating: ":a", count: 20_000)
    for text in [long, deep, headings, tags, String(repeating: "<", count: 50_000)] {
      Self.ingestAll(Array(text.utf8))
    }
    #expect(IngestFixtures.sections(headings, format: .restructuredText).count == 500)
  }

  @Test func randomBytesNeverCrash() {
    var generator = SplitMix(seed: 0x5EED)
    let alphabet = Array("abc ABC\t\n\n\r.:_-=*`<>[]()!#/{}|&;\\~^+'\"".utf8) + [0xC3, 0xA9, 0xFF]
    for _ in 0..<300 {
      let count = Int(generator.next() % 600)
      var bytes: [UInt8] = []
      bytes.reserveCapacity(count)
      for _ in 0..<count { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
      Self.ingestAll(bytes)
      for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
        for format in DocumentFormat.allCases { _ = PlainText.reduce(line, format: format) }
      }
    }
  }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
