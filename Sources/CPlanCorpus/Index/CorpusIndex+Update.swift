import CPlanCore
import Foundation
import GRDB

/// What one `update` did for one corpus.
public struct CorpusIndexReport: Sendable {
  /// Corpus id.
  public var corpus: String
  /// Documentation files found.
  public var files: Int
  /// Files (re)ingested because they are new or changed.
  public var changed: Int
  /// Files removed since the last update.
  public var removed: Int
  /// Sections in the index for this corpus after the update.
  public var sections: Int
  /// Whether the corpus was unchanged and skipped.
  public var unchanged: Bool
}

extension CorpusIndex {
  /// Brings the index up to date with the corpora: unchanged corpora are skipped, changed files
  /// re-ingested, removed files dropped, all in one transaction per corpus.
  /// - Parameters:
  ///   - locations: the corpora to index.
  ///   - progress: called with (corpus id, files done, files in corpus).
  /// - Throws: `CorpusIndexError`.
  public func update(
    _ locations: [CorpusLocation], progress: (String, Int, Int) -> Void = { _, _, _ in }
  ) throws -> [CorpusIndexReport] {
    var reports: [CorpusIndexReport] = []
    for location in locations {
      reports.append(try update(location, progress: progress))
    }
    return reports
  }

  private func update(_ location: CorpusLocation, progress: (String, Int, Int) -> Void) throws
    -> CorpusIndexReport
  {
    let id = location.entry.id
    let documents = location.documents()
    var contents: [(path: String, format: DocumentFormat, bytes: [UInt8], hash: String)] = []
    var manifest = ""
    for (path, extensionFormat) in documents {
      let url = location.folder.appendingPathComponent(path)
      let bytes = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
      let format = DocumentIngester.format(ofPath: path, contents: bytes) ?? extensionFormat
      let hash = FastHash.hex(bytes)
      contents.append((path, format, bytes, hash))
      manifest += "\(path)\u{0}\(hash)\n"
    }
    let corpusHash = FastHash.hex(manifest)
    let stored = try read { db in
      try String.fetchOne(db, sql: "SELECT hash FROM corpus WHERE id = ?", arguments: [id])
    }
    if stored == corpusHash {
      let sections = try read { db in
        try Int.fetchOne(db, sql: "SELECT sections FROM corpus WHERE id = ?", arguments: [id])
      }
      progress(id, documents.count, documents.count)
      return CorpusIndexReport(
        corpus: id, files: documents.count, changed: 0, removed: 0, sections: sections ?? 0,
        unchanged: true)
    }
    return try write { db in
      let known = try Dictionary(
        uniqueKeysWithValues: Row.fetchAll(
          db, sql: "SELECT path, hash, first_row, last_row FROM document WHERE corpus = ?",
          arguments: [id]
        ).map { row -> (String, (String, Int64, Int64)) in
          (row["path"], (row["hash"], row["first_row"], row["last_row"]))
        })
      let present = Set(contents.map(\.path))
      let delete = try db.makeStatement(sql: "DELETE FROM section WHERE rowid BETWEEN ? AND ?")
      var removed = 0
      for (path, old) in known where !present.contains(path) {
        try delete.execute(arguments: [old.1, old.2])
        try db.execute(
          sql: "DELETE FROM document WHERE corpus = ? AND path = ?", arguments: [id, path])
        removed += 1
      }
      let insert = try db.makeStatement(
        sql: """
          INSERT INTO section(headings, body, code, corpus, path, anchor, start_line, end_line,
            lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let record = try db.makeStatement(
        sql: """
          INSERT OR REPLACE INTO document(corpus, path, hash, first_row, last_row, sections)
          VALUES (?, ?, ?, ?, ?, ?)
          """)
      var changed = 0
      for (index, document) in contents.enumerated() {
        progress(id, index + 1, contents.count)
        if let old = known[document.path] {
          if old.0 == document.hash { continue }
          try delete.execute(arguments: [old.1, old.2])
        }
        changed += 1
        let sections = DocumentIngester.sections(
          of: document.bytes, path: document.path, corpus: id, format: document.format,
          includeRoot: location.includes)
        var first: Int64 = 0
        var last: Int64 = -1
        for section in sections {
          try insert.execute(arguments: Self.row(section))
          last = db.lastInsertedRowID
          if first == 0 { first = last }
        }
        try record.execute(
          arguments: [id, document.path, document.hash, first, last, sections.count])
      }
      let total =
        try Int.fetchOne(
          db, sql: "SELECT COALESCE(SUM(sections), 0) FROM document WHERE corpus = ?",
          arguments: [id]) ?? 0
      try db.execute(
        sql: "INSERT OR REPLACE INTO corpus(id, hash, files, sections) VALUES (?, ?, ?, ?)",
        arguments: [id, corpusHash, contents.count, total])
      return CorpusIndexReport(
        corpus: id, files: contents.count, changed: changed, removed: removed, sections: total,
        unchanged: false)
    }
  }

  /// The FTS row of a section: headings joined with ' > ', paragraphs joined by blank lines
  /// (their first lines kept in `lines`), code blocks joined by blank lines.
  static func row(_ section: CorpusSection) -> StatementArguments {
    let lines = section.paragraphs.map { String($0.line) }.joined(separator: " ")
    return [
      section.headings.joined(separator: " > "), section.text,
      section.code.map(\.text).joined(separator: "\n\n"), section.corpus, section.path,
      section.anchor, section.startLine, section.endLine, lines,
    ]
  }
}
