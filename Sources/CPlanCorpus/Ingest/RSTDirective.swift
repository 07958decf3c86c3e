/// How the reStructuredText ingester treats a directive.
enum RSTDirective: Equatable {
  /// Describes an object (`setting`, `class`, `method`…): a section of its own, anchored
  /// `<name>-<target>`, whose body is the directive's content.
  case object(name: String)
  /// Code (`code-block`, `console`…); the language, when the directive fixes it.
  case code(language: String?)
  /// Produces no prose (`toctree`, `image`, `autoclass`, comments…).
  case skip
  /// Sets the language of later literal blocks.
  case highlight
  /// Prose (`note`, `warning`, `seealso`…): content stays prose; `argumentIsProse` when the
  /// arguments are a title or text (`admonition`, `topic`, `rubric`); `keepsOptions` unless
  /// its options are layout (`figure`, `list-table`…).
  case prose(argumentIsProse: Bool, keepsOptions: Bool)
  /// `versionadded`, `versionchanged`, `deprecated`: the version is dropped, the rest is prose.
  case version

  /// The treatment of a directive name (case-insensitive; a `py:` domain prefix is ignored).
  init(name: String) {
    var name = name.lowercased()
    if name.hasPrefix("py:") { name.removeFirst(3) }
    if Self.objects.contains(name) {
      self = .object(name: name)
    } else if let language = Self.code[name] {
      self = .code(language: language)
    } else if name == "highlight" {
      self = .highlight
    } else if Self.skipped.contains(name) || name.hasPrefix("auto") {
      self = .skip
    } else if Self.versions.contains(name) {
      self = .version
    } else {
      self = .prose(
        argumentIsProse: Self.titled.contains(name), keepsOptions: !Self.layout.contains(name))
    }
  }

  private static let objects: Set<String> = [
    "setting", "class", "function", "method", "attribute", "data", "exception", "module",
    "classmethod", "staticmethod", "decorator", "decoratormethod", "coroutinemethod",
    "coroutinefunction", "property", "django-admin", "django-admin-option", "templatetag",
    "templatefilter", "fieldlookup", "envvar", "option", "describe", "object", "type",
  ]

  /// Code directives; an empty language means "the directive's first argument".
  private static let code: [String: String?] = [
    "code-block": nil, "code": nil, "sourcecode": nil, "console": "console", "doctest": "pycon",
    "testcode": "python", "testoutput": nil, "parsed-literal": nil, "ipython": "ipython",
    "math": "latex",
  ]

  private static let skipped: Set<String> = [
    "toctree", "image", "contents", "include", "literalinclude", "raw", "graphviz", "index",
    "currentmodule", "rst-class", "cssclass", "tabularcolumns", "sectionauthor", "codeauthor",
    "moduleauthor", "meta", "default-role", "role", "title", "changelog_imports",
    "towncrier-draft-entries", "testsetup", "testcleanup", "productionlist", "dialect-table",
    "program", "default-domain", "header", "footer", "sectnum", "target-notes", "unicode",
    "replace", "date",
  ]

  /// Prose directives whose options are layout, not text.
  private static let layout: Set<String> = [
    "figure", "table", "list-table", "csv-table", "container", "sidebar", "tabs", "tab",
    "group-tab", "only", "ifconfig", "topic", "admonition", "hlist",
  ]

  private static let versions: Set<String> = [
    "versionadded", "versionchanged", "deprecated", "versionremoved",
  ]

  private static let titled: Set<String> = [
    "admonition", "topic", "rubric", "sidebar", "seealso", "note", "warning", "tip", "hint",
    "important", "attention", "caution", "danger", "error", "todo", "list-table", "table",
    "csv-table", "centered", "legacy", "deepalchemy", "footer_topic",
  ]

  /// The object a directive describes: its argument up to a `(`, `[`, `,` or space.
  static func target(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> String? {
    var end = lower
    while end < upper {
      let byte = bytes[end]
      if byte == 0x28 || byte == 0x5B || byte == 0x2C || isSpace(byte) { break }
      end += 1
    }
    guard end > lower else { return nil }
    return String(decoding: bytes[lower..<end], as: UTF8.self)
  }
}
