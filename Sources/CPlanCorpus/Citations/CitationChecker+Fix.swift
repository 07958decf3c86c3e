import CPlanCore
import Foundation

extension CitationChecker {
  /// Rewrites the `line:` value of every moved source to the line where its quote now starts,
  /// changing only those digits: every other byte of each pack stays as it was (comments,
  /// quoting, flow mappings, CRLF line ends, a byte order mark).
  ///
  /// All packs are prepared before any is written, so a problem in one pack leaves every pack
  /// untouched; each pack is then written atomically.
  /// - Parameters:
  ///   - report: a report from `check(packFiles:)` of the packs as they are now.
  ///   - write: whether to write the new contents over the packs (false: only return them).
  /// - Returns: the new content of every pack that changed, keyed by its path as given.
  /// - Throws: `CitationError` when a pack cannot be read or a `line:` value is not where the
  ///   report says; a file-system error when writing fails.
  @discardableResult
  public func fix(_ report: CitationReport, write: Bool = true) throws -> [String: Data] {
    var edits: [String: [LineEdit]] = [:]
    for result in report.moved {
      guard case .moved(let newLine, _) = result.status, let span = result.lineSpan,
        let oldLine = result.line
      else { continue }
      edits[result.packFile, default: []].append(
        LineEdit(span: span, oldLine: oldLine, newLine: newLine))
    }
    var contents: [String: Data] = [:]
    for file in edits.keys.sorted() {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CitationError.unreadable(file: file)
      }
      contents[file] = try Self.apply(edits[file] ?? [], to: data)
    }
    if write {
      for file in contents.keys.sorted() {
        try AtomicFile.write(contents[file]!, to: URL(fileURLWithPath: file))
      }
    }
    return contents
  }

  /// A change of one `line:` value.
  private struct LineEdit {
    var span: SourceRange
    var oldLine: Int
    var newLine: Int
  }

  /// Replaces the digits of each edit, last first so earlier offsets stay valid.
  private static func apply(_ edits: [LineEdit], to data: Data) throws -> Data {
    var bytes = [UInt8](data)
    let offsets = TextOffsets(bytes)
    var located: [(start: Int, end: Int, edit: LineEdit)] = []
    for edit in edits {
      let expected = String(edit.oldLine)
      guard let start = offsets.offset(line: edit.span.start.line, column: edit.span.start.column),
        let end = offsets.offset(line: edit.span.end.line, column: edit.span.end.column),
        start <= end
      else {
        throw CitationError.unexpectedLineText(
          location: edit.span.start, expected: expected, found: "")
      }
      let found = String(decoding: bytes[start..<end], as: UTF8.self)
      guard found == expected else {
        throw CitationError.unexpectedLineText(
          location: edit.span.start, expected: expected, found: found)
      }
      if let same = located.first(where: { $0.start == start }) {
        guard same.edit.newLine == edit.newLine else {
          throw CitationError.conflictingFixes(location: edit.span.start)
        }
        continue
      }
      located.append((start, end, edit))
    }
    for item in located.sorted(by: { $0.start > $1.start }) {
      bytes.replaceSubrange(item.start..<item.end, with: Array(String(item.edit.newLine).utf8))
    }
    return Data(bytes)
  }
}
