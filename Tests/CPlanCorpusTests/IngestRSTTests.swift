import Foundation
import Testing

@testable import CPlanCorpus

@Suite struct IngestRSTTests {
  @Test func headingsAnchorsAndLineRanges() throws {
    let sections = try IngestFixtures.sections("guide.rst")
    let guide = "Kitchen Guide"
    let tools = [guide, "Tools and Setup"]
    let setting = tools + ["OVEN_TEMPERATURE"]
    #expect(
      sections.map(SectionSummary.init) == [
        SectionSummary([guide], nil, 5...8),
        SectionSummary(tools, "tools", 12...25),
        SectionSummary(tools + ["Knife Care"], nil, 27...37),
        SectionSummary(tools + ["Knife Care", "Storage"], nil, 39...45),
        SectionSummary(setting, "setting-OVEN_TEMPERATURE", 49...54),
        SectionSummary(setting + ["Oven"], "class-Oven", 56...60),
        SectionSummary(setting + ["Oven", "Oven.preheat"], "method-Oven.preheat", 62...64),
        SectionSummary(setting, "setting-OVEN_TEMPERATURE", 66...71),
        SectionSummary([guide, "Back Matter"], nil, 73...78),
      ])
  }

  @Test func rolesLiteralsAndLinksReduceToWords() throws {
    let sections = try IngestFixtures.sections("guide.rst")
    #expect(
      sections[1].paragraphs == [
        Paragraph(
          line: 15,
          text: """
            Use the OVEN_TEMPERATURE setting, see Oven
            and the timer guide for set_timer() details.
            Stir gently and firmly; read the manual first.
            The |brand| mixer is optional:
            """),
        Paragraph(line: 25, text: "Always unplug the mixer before cleaning it."),
      ])
    #expect(
      sections[0].paragraphs == [
        Paragraph(line: 8, text: "Cooking at home starts with a clean workspace and sharp knives.")
      ])
  }

  @Test func literalBlocksCodeBlocksAndDoctestsAreCode() throws {
    let sections = try IngestFixtures.sections("guide.rst")
    #expect(
      sections[1].code == [
        CodeBlock(language: nil, text: "mixer = Mixer(speed=3)\nmixer.start()", line: 20)
      ])
    #expect(sections[2].paragraphs.isEmpty)
    #expect(
      sections[2].code == [
        CodeBlock(
          language: "python", text: "def sharpen(knife):\n    return knife.hone()", line: 33),
        CodeBlock(language: "pycon", text: ">>> sharpen(chef_knife)\n'sharp'", line: 36),
      ])
  }

  @Test func shortUnderlineIsProseNotHeading() throws {
    let storage = try IngestFixtures.sections("guide.rst")[3]
    #expect(
      storage.paragraphs == [
        Paragraph(line: 42, text: "Keep blades dry."),
        Paragraph(line: 44, text: "Bad Underline"),
      ])
  }

  @Test func directivesOpenSectionsWithTheirContent() throws {
    let sections = try IngestFixtures.sections("guide.rst")
    #expect(
      sections[4].paragraphs == [
        Paragraph(line: 52, text: "Default: 180"),
        Paragraph(line: 54, text: "The temperature, in degrees, used when a recipe names none."),
      ])
    #expect(
      sections[5].paragraphs == [
        Paragraph(line: 58, text: "An appliance that bakes."),
        Paragraph(line: 60, text: "param options: extra settings."),
      ])
    #expect(sections[6].paragraphs == [Paragraph(line: 64, text: "Heats the oven before baking.")])
    #expect(
      sections[7].paragraphs == [
        Paragraph(line: 66, text: "Text after the class belongs to the heading again.")
      ])
    #expect(
      sections[8].paragraphs == [
        Paragraph(line: 76, text: "The back matter appeared."),
        Paragraph(line: 78, text: "Thanks for reading."),
      ])
  }

  @Test func crlfFileReadsLikeLF() throws {
    let bytes = try IngestFixtures.bytes("crlf.rst")
    let sections = try IngestFixtures.sections("crlf.rst")
    #expect(sections.map(SectionSummary.init) == [SectionSummary(["Oven Rules"], nil, 1...7)])
    #expect(sections[0].paragraphs == [Paragraph(line: 4, text: "Preheat first.\nThen bake:")])
    #expect(sections[0].code == [CodeBlock(language: nil, text: "bake()", line: 7)])
    let lf = bytes.filter { $0 != 0x0D }
    let lfSections = DocumentIngester.sections(
      of: lf, path: "crlf.rst", corpus: "fixture", format: .restructuredText, includeRoot: nil)
    #expect(lfSections == sections)
    // The guide converted to CRLF gives the same sections as the LF original.
    let guide = try IngestFixtures.bytes("guide.rst")
    let crlf = guide.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    let converted = DocumentIngester.sections(
      of: crlf, path: "guide.rst", corpus: "fixture", format: .restructuredText,
      includeRoot: nil)
    #expect(converted == (try IngestFixtures.sections("guide.rst")))
  }

  @Test func headingLevelsFollowFirstAppearance() {
    let text = """
      Title
      #####

      One
      ***

      Two
      ===

      Three
      *****

      Four
      ####
      """
    let sections = IngestFixtures.sections(text, format: .restructuredText)
    #expect(
      sections.map(\.headings) == [
        ["Title"], ["Title", "One"], ["Title", "One", "Two"], ["Title", "Three"], ["Four"],
      ])
  }

  @Test func closestTargetBeforeHeadingWins() {
    let text = """
      .. _first-label:

      .. setting:: LATE

      ``LATE``
      --------

      Body.

      .. class:: Widget

      .. _widget-parts:

      Parts
      -----

      More.
      """
    let sections = IngestFixtures.sections(text, format: .restructuredText)
    #expect(sections.map(\.anchor) == ["setting-LATE", "widget-parts"])
    #expect(sections.map(\.startLine) == [5, 14])
    #expect(sections[0].endLine == 8)
  }

  @Test func contentlessDirectiveTakesFollowingProse() {
    let text = """
      Backends
      ========

      .. class:: Jinja

      Requires the engine to be installed.

      .. function:: render(name)
      .. function:: render_async(name)

      Renders a template.
      """
    let sections = IngestFixtures.sections(text, format: .restructuredText)
    #expect(
      sections.map(SectionSummary.init) == [
        SectionSummary(["Backends"], nil, 1...2),
        SectionSummary(["Backends", "Jinja"], "class-Jinja", 4...6),
        SectionSummary(["Backends", "render"], "function-render", 8...8),
        SectionSummary(["Backends", "render_async"], "function-render_async", 9...11),
      ])
    #expect(sections[1].text == "Requires the engine to be installed.")
    #expect(sections[3].text == "Renders a template.")
  }

  @Test func admonitionsAndVersionNotesStayProseCommentsAndToctreesDoNot() {
    let text = """
      Notes
      =====

      .. admonition:: Mind the gap

         Keep a distance.

      .. warning:: Hot surface,
         keep away.

      .. change::
         :tags: oven

         Fixed the dial.

      ..
         A comment block
         over two lines.

      .. toctree::
         :maxdepth: 1

         intro

      .. image:: pic.png
         :alt: A picture

      .. versionchanged:: 3.1

         Now warmer.

      .. console::

         $ bake --now
      """
    let section = IngestFixtures.sections(text, format: .restructuredText)[0]
    #expect(
      section.paragraphs.map(\.text) == [
        "Mind the gap", "Keep a distance.", "Hot surface,\nkeep away.", "tags: oven",
        "Fixed the dial.", "Now warmer.",
      ])
    #expect(section.paragraphs.map(\.line) == [4, 6, 8, 12, 14, 30])
    #expect(section.code == [CodeBlock(language: "console", text: "$ bake --now", line: 34)])
  }

  @Test func directiveInsideBulletItem() {
    let text = """
      Choices
      =======

      * .. attribute:: KEEP

          Keeps the row.

      * .. attribute:: DROP

          Drops the row.
      """
    let sections = IngestFixtures.sections(text, format: .restructuredText)
    #expect(sections.map(\.anchor) == [nil, "attribute-KEEP", "attribute-DROP"])
    #expect(sections.map(\.text) == ["", "Keeps the row.", "Drops the row."])
  }

  @Test func txtIsSniffedAsRSTOrPlainText() {
    let rst = Array("Title\n=====\n\nBody.\n".utf8)
    let directive = Array("Intro.\n\n.. note::\n\n   Careful.\n".utf8)
    let plain = Array("sphinx>=7\ndocutils\n".utf8)
    #expect(DocumentIngester.format(ofPath: "a/b.txt", contents: rst) == .restructuredText)
    #expect(DocumentIngester.format(ofPath: "b.txt", contents: directive) == .restructuredText)
    #expect(DocumentIngester.format(ofPath: "requirements.txt", contents: plain) == .text)
    #expect(DocumentIngester.format(ofPath: "b.txt") == .restructuredText)
    #expect(DocumentIngester.format(ofPath: "x.rst") == .restructuredText)
    #expect(DocumentIngester.format(ofPath: "x.md") == .markdown)
    #expect(DocumentIngester.format(ofPath: "x.HTM") == .html)
    #expect(DocumentIngester.format(ofPath: "tutorial001_py310.py") == nil)
    #expect(DocumentIngester.format(ofPath: "docs.d/README") == nil)
  }
}
