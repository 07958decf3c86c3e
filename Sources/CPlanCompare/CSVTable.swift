import Foundation

/// A CSV file parsed as RFC 4180 describes it: comma-separated fields, fields in double quotes
/// may hold commas, line breaks and doubled quotes (`""`), and records end with CRLF or LF.
public struct CSVTable: Sendable, Hashable {
  /// One record and the line it starts on.
  public struct Record: Sendable, Hashable {
    /// 1-based line of the record's first character (quoted line breaks make records span
    /// several lines).
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]
  }

  /// The first record.
  public var header: [String]
  /// The records after the header, without blank lines.
  public var records: [Record]

  /// The index of a header column, if present.
  public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// Parses CSV text; a leading byte order mark is ignored and blank lines are skipped.
  /// - Parameter text: the whole file.
  /// - Throws: `CSVError` for an unterminated quoted field, a quote inside an unquoted field,
  ///   text after a closing quote, or an empty file.
  public init(parsing text: String) throws {
    var parser = Parser(Array(text.unicodeScalars))
    let all = try parser.records()
    guard let first = all.first else { throw CSVError.empty }
    header = first.fields
    records = Array(all.dropFirst())
  }

  /// Reads and parses a file.
  /// - Throws: `CSVError`, or `CSVError.unreadable` when the file cannot be read as UTF-8.
  public init(contentsOf url: URL) throws {
    guard let data = try? Data(contentsOf: url) else { throw CSVError.unreadable(url.path) }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CSVError.unreadable(url.path)
    }
    try self.init(parsing: text)
  }

  private struct Parser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1

    init(_ scalars: [Unicode.Scalar]) {
      self.scalars = scalars.first == "\u{FEFF}" ? Array(scalars.dropFirst()) : scalars
    }

    mutating func records() throws -> [Record] {
      var out: [Record] = []
      while index < scalars.count {
        let start = line
        let fields = try record()
        if fields == [""] { continue }
        out.append(Record(line: start, fields: fields))
      }
      return out
    }

    /// Reads one record, consuming its line break.
    mutating func record() throws -> [String] {
      var fields: [String] = []
      while true {
        let field = try self.field()
        fields.append(field)
        guard index < scalars.count else { return fields }
        let c = scalars[index]
        index += 1
        if c == "," { continue }
        if c == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
        line += 1
        return fields
      }
    }

    /// Reads one field, stopping before the comma or line break that ends it.
    mutating func field() throws -> String {
      var text = String.UnicodeScalarView()
      if index < scalars.count, scalars[index] == "\"" {
        let opened = line
        index += 1
        while true {
          guard index < scalars.count else { throw CSVError.unterminatedQuote(line: opened) }
          let c = scalars[index]
          index += 1
          if c == "\"" {
            if index < scalars.count, scalars[index] == "\"" {
              text.append("\"")
              index += 1
              continue
            }
            break
          }
          if c == "\n" || (c == "\r" && (index >= scalars.count || scalars[index] != "\n")) {
            line += 1
          }
          text.append(c)
        }
        if index < scalars.count, !Self.isEnd(scalars[index]) {
          throw CSVError.textAfterQuote(line: line)
        }
        return String(text)
      }
      while index < scalars.count, !Self.isEnd(scalars[index]) {
        if scalars[index] == "\"" { throw CSVError.quoteInUnquotedField(line: line) }
        text.append(scalars[index])
        index += 1
      }
      return String(text)
    }

    static func isEnd(_ c: Unicode.Scalar) -> Bool { c == "," || c == "\n" || c == "\r" }
  }
}

/// Why a CSV file could not be parsed.
public enum CSVError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file has no records at all.
  case empty
  /// The file cannot be read, or is not UTF-8.
  case unreadable(String)
  /// A quoted field is never closed; the line is where it opens.
  case unterminatedQuote(line: Int)
  /// A double quote appears inside a field that does not start with one.
  case quoteInUnquotedField(line: Int)
  /// A closing quote is followed by something other than a comma or a line break.
  case textAfterQuote(line: Int)

  /// The 1-based line the problem is on, if it has one.
  public var line: Int? {
    switch self {
    case .empty, .unreadable: nil
    case .unterminatedQuote(let line), .quoteInUnquotedField(let line),
      .textAfterQuote(let line):
      line
    }
  }

  public var description: String {
    switch self {
    case .empty: "empty csv file"
    case .unreadable(let path): "cannot read '\(path)' as utf-8 text"
    case .unterminatedQuote: "quoted field is never closed"
    case .quoteInUnquotedField: "double quote inside an unquoted field"
    case .textAfterQuote: "text after the closing quote of a field"
    }
  }
}
