import Testing

@testable import CPlanCorpus

@Suite struct CiteNormalizerTests {
  private func plain(_ line: String, _ format: DocumentFormat) -> String {
    QuoteNormalizer.key(QuoteNormalizer.reduce(line, format: format))
  }

  @Test func rstRolesLiteralsAndLinksReduceToTheirText() {
    let rst = DocumentFormat.restructuredText
    #expect(plain("When :setting:`APPEND_SLASH` is ``True``", rst) == "when appendslash is true")
    #expect(plain("see :ref:`the guide <topics-http>` now", rst) == "see the guide now")
    #expect(plain("raises :exc:`~django.http.Http404`", rst) == "raises http404")
    #expect(plain("read `the docs <https://x.example>`_ first", rst) == "read the docs first")
  }

  @Test func markdownLinksTagsAndHeadingIDsReduceToTheirText() {
    let md = DocumentFormat.markdown
    #expect(
      plain("See [the reference](../ref.md) for **every** `x`", md)
        == "see the reference for every x")
    #expect(plain("## Routing {#routing}", md) == "routing")
    #expect(plain("an <abbr title=\"x\">API</abbr> call", md) == "an api call")
  }

  @Test func keyKeepsLowerCaseLettersAndDigitsOnly() {
    #expect(
      QuoteNormalizer.key("  When **APPEND_SLASH** is `True`,\n a 404!  ")
        == "when appendslash is true a 404")
    #expect(QuoteNormalizer.key("Ünïcode — “quotes”") == "ünïcode quotes")
    #expect(QuoteNormalizer.key("...").isEmpty)
  }

  @Test func wordMatchesRespectWordBoundariesAndFallBackToLetters() throws {
    let file = CorpusFile(text: "the default isn't\nset here.\nfoo/bar baz", format: .text)
    #expect(file.occurrences(of: "default is")?.isEmpty == true)
    #expect(file.occurrences(of: "default isnt set")?.map(\.line) == [1])
    #expect(file.occurrences(of: "foo / bar baz")?.map(\.line) == [3])
    #expect(file.occurrences(of: "—") == nil)
  }

  @Test func formatsFollowTheExtension() {
    #expect(QuoteNormalizer.format(ofPath: "docs/ref/settings.txt") == .restructuredText)
    #expect(QuoteNormalizer.format(ofPath: "docs/index.md") == .markdown)
    #expect(QuoteNormalizer.format(ofPath: "a/b.html") == .html)
    #expect(QuoteNormalizer.format(ofPath: "README") == .text)
  }

  @Test func quotesMayKeepTheFilesMarkup() {
    let file = CorpusFile(
      text: "Title\n=====\n\nWhen :setting:`DEBUG` is ``True``, pages show\ntracebacks.\n",
      format: .restructuredText)
    #expect(file.occurrences(of: "When :setting:`DEBUG` is ``True``")?.map(\.line) == [4])
    #expect(file.occurrences(of: "when DEBUG is True, pages show tracebacks")?.map(\.line) == [4])
  }
}
