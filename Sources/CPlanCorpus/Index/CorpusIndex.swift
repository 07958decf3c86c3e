import CPlanCore
import Foundation
import GRDB

/// Problems with the corpus index.
public enum CorpusIndexError: Error, CustomStringConvertible, Sendable {
  /// The index file cannot be opened or written.
  case database(String, String)
  /// The index was written by another schema version of cplan.
  case schema(String, found: String)

  public var description: String {
    switch self {
    case .database(let path, let reason): "cannot use the index '\(path)': \(reason)"
    case .schema(let path, let found):
      "the index '\(path)' has schema '\(found)'; delete it to rebuild [index-schema]"
    }
  }
}

/// One SQLite file (FTS5, porter + unicode61) indexing the sections of many corpora, updated
/// incrementally by content hash. All access goes through GRDB's serial `DatabaseQueue`.
public final class CorpusIndex: Sendable {
  /// The schema this build writes.
  public static let schemaVersion = "1"

  /// The index file.
  public let path: String
  let queue: DatabaseQueue

  /// Opens or creates the index at `path` (its folder is created when missing).
  /// - Throws: `CorpusIndexError`.
  public init(path: String) throws {
    self.path = path
    do {
      let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      var configuration = Configuration()
      configuration.prepareDatabase { db in
        try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
      }
      queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.write { db in try Self.createSchema(db) }
    } catch let error as CorpusIndexError {
      throw error
    } catch {
      throw CorpusIndexError.database(path, "\(error)")
    }
    let found = try read { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'")
    }
    if found != Self.schemaVersion { throw CorpusIndexError.schema(path, found: found ?? "none") }
  }

  private static func createSchema(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '\(schemaVersion)');
        CREATE TABLE IF NOT EXISTS corpus(
          id TEXT PRIMARY KEY, hash TEXT NOT NULL, files INTEGER NOT NULL,
          sections INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS document(
          corpus TEXT NOT NULL, path TEXT NOT NULL, hash TEXT NOT NULL,
          first_row INTEGER NOT NULL, last_row INTEGER NOT NULL, sections INTEGER NOT NULL,
          PRIMARY KEY(corpus, path)) WITHOUT ROWID;
        CREATE VIRTUAL TABLE IF NOT EXISTS section USING fts5(
          headings, body, code,
          corpus UNINDEXED, path UNINDEXED, anchor UNINDEXED, start_line UNINDEXED,
          end_line UNINDEXED, lines UNINDEXED,
          tokenize = 'porter unicode61 remove_diacritics 2');
        """)
  }

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do { return try queue.read(body) } catch { throw CorpusIndexError.database(path, "\(error)") }
  }

  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do { return try queue.write(body) } catch { throw CorpusIndexError.database(path, "\(error)") }
  }

  /// The corpora in the index: id, files, sections and content hash.
  public func corpora() throws -> [(id: String, files: Int, sections: Int, hash: String)] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT id, files, sections, hash FROM corpus ORDER BY id").map {
        ($0["id"], $0["files"], $0["sections"], $0["hash"])
      }
    }
  }
}
