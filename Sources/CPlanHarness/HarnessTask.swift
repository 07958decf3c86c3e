import CPlanCore
import Foundation

/// One task file of the constraint-decay harness, kept byte for byte so that it can be written
/// back with only its prompt changed.
///
/// The harness writes tasks with Python's `json.dumps(task, indent=4)`: a top-level object with
/// camelCase keys (`name`, `description`, `prompt`, `dockerFolder`, `patch`, `repoMetadata`,
/// `taskMetadata`, `postmanCollection`), in an order that differs between generation and feature
/// tasks. Only `name`, `prompt` and `dockerFolder` are required; every other member is carried
/// through untouched.
public struct HarnessTask: Sendable {
  /// The path the task was read from, as given (used in messages).
  public let path: String
  /// The original bytes.
  public let data: Data
  /// The task name, e.g. `django-openapi-clean_architecture-postgres`.
  public let name: String
  /// The description, when present and a string.
  public let description: String?
  /// The prompt given to the agent.
  public let prompt: String
  /// The harness's docker folder: `uv`, `node`, or a framework for feature tasks.
  public let dockerFolder: String
  /// Framework, runtime, constraints and kind, inferred from `name` and `dockerFolder`.
  public let target: TaskTarget
  /// The top-level keys in file order.
  public let keys: [String]
  /// Whether the file is pure ASCII; a replaced prompt is then written with `\u` escapes, as
  /// `json.dumps` does by default, and raw UTF-8 otherwise.
  public let isASCII: Bool

  /// The original bytes as an array, for slicing.
  let bytes: [UInt8]
  /// The prompt's string literal in `bytes`, quotes included.
  let promptSpan: Range<Int>

  /// Parses a task from its bytes.
  /// - Parameters:
  ///   - data: the file's content.
  ///   - path: the path to name in messages.
  /// - Throws: `HarnessError` when the bytes are not a JSON object with string `name`, `prompt`
  ///   and `dockerFolder`, or when the target cannot be inferred.
  public init(data: Data, path: String) throws {
    let bytes = [UInt8](data)
    if let offset = Self.firstInvalidUTF8(bytes) {
      throw Self.syntaxError(JSONSyntaxError(offset: offset, reason: "invalid UTF-8"), bytes, path)
    }
    let members: [JSONMember]
    do {
      switch try JSONScanner.scan(bytes) {
      case .object(let found): members = found
      case .other(let kind):
        let start = bytes.firstIndex { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } ?? 0
        let at = Self.position(ofByte: start, in: bytes)
        throw HarnessError.notAnObject(
          file: path, found: kind.phrase, line: at.line, column: at.column)
      }
    } catch let error as JSONSyntaxError {
      throw Self.syntaxError(error, bytes, path)
    }
    var byKey: [String: JSONMember] = [:]
    for member in members {
      guard byKey.updateValue(member, forKey: member.key) == nil else {
        let at = Self.position(ofByte: member.keyOffset, in: bytes)
        throw HarnessError.duplicateKey(member.key, file: path, line: at.line, column: at.column)
      }
    }
    func string(_ key: String) throws -> (String, Range<Int>) {
      guard let member = byKey[key] else { throw HarnessError.missingKey(key, file: path) }
      guard member.kind == .string else {
        let at = Self.position(ofByte: member.valueSpan.lowerBound, in: bytes)
        throw HarnessError.notAString(
          key, file: path, found: member.kind.phrase, line: at.line, column: at.column)
      }
      do {
        return (try JSONStringDecoder.decode(bytes, span: member.valueSpan), member.valueSpan)
      } catch let error as JSONSyntaxError {
        throw Self.syntaxError(error, bytes, path)
      }
    }
    self.path = path
    self.data = Data(bytes)
    self.bytes = bytes
    self.keys = members.map(\.key)
    self.isASCII = bytes.allSatisfy { $0 < 0x80 }
    self.name = try string("name").0
    (self.prompt, self.promptSpan) = try string("prompt")
    self.dockerFolder = try string("dockerFolder").0
    if byKey["description"]?.kind == .string {
      self.description = try string("description").0
    } else {
      self.description = nil
    }
    self.target = try TaskTarget.infer(name: name, dockerFolder: dockerFolder, file: path)
  }

  /// Reads and parses a task file.
  /// - Parameters:
  ///   - url: the file.
  ///   - displayPath: the path to name in messages; the URL's path when nil.
  /// - Throws: `HarnessError.unreadable`, or any error of `init(data:path:)`.
  public static func read(_ url: URL, displayPath: String? = nil) throws -> HarnessTask {
    let path = displayPath ?? url.path
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
      throw HarnessError.unreadable(file: path, reason: "it is a folder, not a task file")
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw HarnessError.unreadable(file: path, reason: IOReason.of(error))
    }
    return try HarnessTask(data: data, path: path)
  }

  /// The offset of the first byte that is not part of valid UTF-8, or nil.
  private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// A `notJSON` error with the offset turned into a 1-based line and character column.
  private static func syntaxError(_ error: JSONSyntaxError, _ bytes: [UInt8], _ path: String)
    -> HarnessError
  {
    let at = position(ofByte: error.offset, in: bytes)
    return .notJSON(file: path, line: at.line, column: at.column, reason: error.reason)
  }

  /// The 1-based line and character column of a byte offset (JSON breaks lines at LF only).
  static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    let offset = min(offset, bytes.count)
    let before = bytes[..<offset]
    let lineStart = (before.lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0
    let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
    return (line, column)
  }
}
