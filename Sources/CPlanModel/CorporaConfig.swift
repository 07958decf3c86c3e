import CPlanCore
import CPlanYAML

/// The corpus registry (`Constraints/corpora.yaml`): every documentation corpus by id.
public struct CorporaConfig: Sendable {
  /// The file it was read from.
  public var file: String
  /// The corpora, in file order.
  public var corpora: [CorpusEntry]

  /// The corpus with this id.
  public func corpus(_ id: String) -> CorpusEntry? { corpora.first { $0.id == id } }
}

/// One documentation corpus.
public struct CorpusEntry: Sendable, Hashable {
  /// Id such as `django-5.2`, named by packs and citations.
  public var id: String
  /// What it is, for people.
  public var title: String?
  /// Its folder under the corpora root.
  public var folder: String
  /// The documentation folder inside it (indexed); citations are relative to `folder`.
  public var docs: String
  /// The folder that include markers resolve from, relative to `folder`, if any.
  public var includes: String?
  /// Globs of paths (relative to `folder`) left out of the index, e.g. release notes.
  public var exclude: [String] = []
  /// The PyPI requirement `cplan corpus fetch` downloads, e.g. `django==5.2.19`.
  public var pypi: String?
  /// The docs folder inside the downloaded source distribution.
  public var fetchDocs: String?
  /// Where the corpus comes from when no registry can fetch it (its SOURCE line): a repository,
  /// tag or commit to obtain it by hand.
  public var source: String?
  /// Where the id was written.
  public var location: SourceLocation

  /// Creates an entry.
  public init(
    id: String, title: String?, folder: String, docs: String, includes: String?,
    exclude: [String] = [], pypi: String?, fetchDocs: String?, source: String? = nil,
    location: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.folder = folder
    self.docs = docs
    self.includes = includes
    self.exclude = exclude
    self.pypi = pypi
    self.fetchDocs = fetchDocs
    self.source = source
    self.location = location
  }
}

extension CorporaConfig {
  /// Decodes the registry from a file's root node.
  static func decode(_ root: YAMLNode, file: String, in context: DecodeContext) -> CorporaConfig? {
    guard FormatVersion.check(root, in: context),
      let fields = context.fields(root, "corpus registry", known: ["cplan", "corpora"],
        required: ["cplan", "corpora"])
    else { return nil }
    var seen: [String: SourceLocation] = [:]
    var corpora: [CorpusEntry] = []
    for item in context.list(fields["corpora"], "'corpora'") ?? [] {
      guard
        let f = context.fields(
          item, "a corpus", known: [
            "id", "title", "folder", "docs", "includes", "exclude", "fetch", "source",
          ],
          required: ["id", "folder"]),
        let id = context.text(f["id"], "corpus id"), let folder = context.text(f["folder"], "'folder'")
      else { continue }
      if let first = seen[id] {
        context.error(
          "duplicate-id", "corpus '\(id)' is listed twice", at: f["id"]!.start,
          notes: [.init("first listed here", at: first)])
        continue
      }
      seen[id] = f["id"]!.start
      var pypi: String?
      var fetchDocs: String?
      if let fetch = f["fetch"], let ff = context.fields(fetch, "'fetch'", known: ["pypi", "docs"]) {
        pypi = context.text(ff["pypi"], "'pypi'")
        fetchDocs = context.text(ff["docs"], "'docs'")
        if let pypi, !pypi.contains("==") {
          context.error(
            "invalid-value", "'pypi' must pin a version as 'name==version', found '\(pypi)'",
            at: ff["pypi"]!.start)
        }
      }
      corpora.append(
        CorpusEntry(
          id: id, title: context.string(f["title"], "'title'"), folder: folder,
          docs: context.text(f["docs"], "'docs'") ?? ".",
          includes: context.text(f["includes"], "'includes'"),
          exclude: context.strings(f["exclude"], "'exclude'").map(\.value), pypi: pypi,
          fetchDocs: fetchDocs, source: context.string(f["source"], "'source'"),
          location: f["id"]!.start))
    }
    return CorporaConfig(file: file, corpora: corpora)
  }

  /// Loads and decodes a registry file.
  /// - Returns: the registry (nil when unusable) and every problem found.
  public static func load(path: String) -> (CorporaConfig?, [Diagnostic]) {
    let loaded = YAMLLoader.load(path: path)
    guard let root = loaded.root else { return (nil, loaded.diagnostics) }
    let context = DecodeContext()
    let config = decode(root, file: path, in: context)
    let diagnostics = loaded.diagnostics + context.diagnostics
    return (diagnostics.hasErrors ? nil : config, diagnostics)
  }
}
