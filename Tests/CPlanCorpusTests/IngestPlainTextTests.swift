import Testing

@testable import CPlanCorpus

@Suite struct IngestPlainTextTests {
  @Test(arguments: [
    (":setting:`APPEND_SLASH` is on", "APPEND_SLASH is on"),
    ("see :class:`~django.db.models.Model`.", "see Model."),
    ("see :meth:`~Model.save()` first", "see save() first"),
    ("read :ref:`the guide <topics-guide>` now", "read the guide now"),
    ("a :py:func:`!plain` role", "a plain role"),
    ("``literal *not emphasis*`` here", "literal *not emphasis* here"),
    ("*emphasis* and **strong** text", "emphasis and strong text"),
    ("a `link <https://example.com>`_ and `anon <x>`__", "a link and anon"),
    ("the |version| substitution", "the |version| substitution"),
    ("For example::", "For example:"),
    ("Shown below ::", "Shown below"),
    ("::", ""),
    ("* a bullet item", "a bullet item"),
    ("#. numbered", "numbered"),
    ("12) twelve", "twelve"),
    (":param name: the   name", "param name: the name"),
    (":type: bool", "type: bool"),
    ("+-----+-----+", ""),
    ("=====  =====", ""),
    ("use Jinja2_ or __init__ here", "use Jinja2 or __init__ here"),
    ("note [#]_ and [1]_ refs", "note and refs"),
    ("2 * 3 = 6", "2 * 3 = 6"),
    ("escaped \\*star\\*", "escaped *star*"),
    ("guide </topics/settings>`.", "guide."),
    ("``a````b``", "a``b"),
    (":class:`_orm.Session` and :meth:`.Query.get`", "Session and Query.get"),
  ])
  func restructuredText(_ input: String, _ expected: String) {
    #expect(PlainText.reduce(input, format: .restructuredText) == expected)
  }

  @Test(arguments: [
    ("**bold**, *it*, __b__ and _i_", "bold, it, b and i"),
    ("snake_case_name stays", "snake_case_name stays"),
    ("`code *x*` and ``a ` b``", "code *x* and a ` b"),
    ("[text](https://example.com) and [ref][r]", "text and ref"),
    ("![alt text](img.png)", "alt text"),
    ("## Heading {#the-id}", "Heading"),
    ("### Closed ###", "Closed"),
    ("> quoted line", "quoted line"),
    ("- item", "item"),
    ("1. first", "first"),
    ("<abbr title=\"x\">API</abbr> docs", "API docs"),
    ("a<br>b", "a b"),
    ("see <https://example.com>", "see https://example.com"),
    ("x &lt; y &amp;&amp; z &#39;q&#39;", "x < y && z 'q'"),
    ("| a | b |", "a | b |"),
    ("|---|:---:|", ""),
    ("tabs\tand   spaces  ", "tabs and spaces"),
    ("[^1] footnote", "[^1] footnote"),
  ])
  func markdown(_ input: String, _ expected: String) {
    #expect(PlainText.reduce(input, format: .markdown) == expected)
  }

  @Test func htmlAndText() {
    #expect(PlainText.reduce("<p>One &amp; <em>two</em></p>", format: .html) == "One & two")
    #expect(PlainText.reduce("  plain   *text*  ", format: .text) == "plain *text*")
  }

  @Test func substringsAndStringsAgree() {
    let line = "prefix :setting:`X` suffix"
    let slice = line.dropFirst(7)
    #expect(PlainText.reduce(slice, format: .restructuredText) == "X suffix")
    #expect(PlainText.reduce(String(slice), format: .restructuredText) == "X suffix")
  }

  @Test func reduceIsWhatParagraphsHold() throws {
    let bytes = try IngestFixtures.bytes("guide.rst")
    let lines = String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    for section in try IngestFixtures.sections("guide.rst") {
      for paragraph in section.paragraphs {
        for (offset, text) in paragraph.text.split(separator: "\n").enumerated() {
          let raw = lines[paragraph.line - 1 + offset]
          let reduced = PlainText.reduce(raw, format: .restructuredText)
          if raw.hasPrefix("..") {
            // A directive's argument: the paragraph is the part after the directive name.
            #expect(reduced.hasSuffix(String(text)))
          } else {
            #expect(reduced == String(text))
          }
        }
      }
    }
  }
}
