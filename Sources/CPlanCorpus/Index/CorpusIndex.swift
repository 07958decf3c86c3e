import CPlanCore
import Foundation
import GRDB

/// Problems with the corpus index.
public enum CorpusIndexError: Error, CustomStringConvertible, Sendable {
  /// The index file cannot be opened or written.
  case database(String, String)
  /// The index was written by another schema version of cplan.
  case schema(String, found: String)
  /// A read-only command was given a path where no index exists.
  case missing(String)
  /// The file is an SQLite database (or another file) that cplan did not write.
  case foreign(String)

  public var description: String {
    switch self {
    case .database(let path, let reason): "cannot use the index '\(path)': \(reason)"
    case .schema(let path, let found):
      "the index '\(path)' has schema '\(found)'; delete it to rebuild [index-schema]"
    case .missing(let path):
      "no index at '\(path)'; build one with 'cplan corpus index --index \(path)' [index-missing]"
    case .foreign(let path):
      "'\(path)' is not a cplan corpus index; it is left untouched [index-foreign]"
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

  /// How long a command waits for another process's write before giving up.
  public static let busyTimeout: TimeInterval = 60

  /// Opens the index at `path`.
  /// - Parameters:
  ///   - path: the index file.
  ///   - readOnly: open an existing index without ever writing to it (search, mine,
  ///     cite-check, the retrieval arms); otherwise it is created when missing (with its
  ///     folder). Either way a file that is not a cplan index is refused, not changed.
  /// - Throws: `CorpusIndexError`.
  public init(path: String, readOnly: Bool = false) throws {
    self.path = path
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    let exists = manager.fileExists(atPath: path, isDirectory: &isFolder)
    if exists, isFolder.boolValue { throw CorpusIndexError.foreign(path) }
    if readOnly, !exists { throw CorpusIndexError.missing(path) }
    do {
      var configuration = Configuration()
      configuration.readonly = readOnly
      configuration.busyMode = .timeout(Self.busyTimeout)
      if exists {
        // Look before touching: a foreign database gets no tables and no journal mode change.
        var probe = Configuration()
        probe.readonly = true
        probe.busyMode = .timeout(Self.busyTimeout)
        let owned = try DatabaseQueue(path: path, configuration: probe).read { db in
          try Self.isIndex(db)
        }
        guard owned else { throw CorpusIndexError.foreign(path) }
      } else {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      if !readOnly {
        configuration.prepareDatabase { db in
          try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
      }
      queue = try DatabaseQueue(path: path, configuration: configuration)
      if !readOnly { try queue.write { db in try Self.createSchema(db) } }
    } catch let error as CorpusIndexError {
      throw error
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw CorpusIndexError.foreign(path)
    } catch {
      throw CorpusIndexError.database(path, "\(error)")
    }
    let found = try read { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'")
    }
    if found != Self.schemaVersion { throw CorpusIndexError.schema(path, found: found ?? "none") }
  }

  /// Whether a database is empty (a new file) or holds cplan's tables.
  static func isIndex(_ db: Database) throws -> Bool {
    let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    if tables.isEmpty { return true }
    guard tables.contains("meta"), tables.contains("section") else { return false }
    return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") != nil
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
