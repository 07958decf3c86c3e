import Foundation

/// The line-by-line state machine behind `Patch.parse`. It works on bytes, keeps only added
/// lines, and never stops at a problem: a malformed part is recorded and skipped.
struct PatchParser {
  typealias Line = Slice<UnsafeBufferPointer<UInt8>>

  /// At most this many problems are kept.
  static let problemLimit = 100

  let reverse: Bool
  private var files: [PatchFile] = []
  private var problems: [PatchProblem] = []
  private var current: PendingFile?
  private var lineNumber = 0
  /// Lines still expected in the current hunk, on each side.
  private var oldRemaining = 0
  private var newRemaining = 0
  private var oldLine = 0
  private var newLine = 0
  private var inHunk = false

  init(reverse: Bool) { self.reverse = reverse }

  /// Reads every line of `buffer`.
  mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) {
    guard let base = buffer.baseAddress else { return }
    let count = buffer.count
    var start = 0
    while start < count {
      let end: Int
      if let hit = memchr(base + start, 0x0A, count - start) {
        end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      } else {
        end = count
      }
      var stop = end
      if stop > start, base[stop - 1] == 0x0D { stop -= 1 }
      lineNumber += 1
      handle(buffer[start..<stop])
      start = end + 1
    }
  }

  /// The parsed patch.
  mutating func finish() -> Patch {
    if inHunk { problem("the patch ends inside a hunk (\(pendingCount) more lines expected)") }
    finishFile()
    return Patch(files: files, problems: problems)
  }

  private var pendingCount: Int { max(oldRemaining, 0) + max(newRemaining, 0) }

  private mutating func handle(_ line: Line) {
    if inHunk, consumeHunkLine(line) { return }
    header(line)
  }

  /// A line inside a hunk; false when the line cannot belong to it (the hunk is then over).
  private mutating func consumeHunkLine(_ line: Line) -> Bool {
    switch line.first {
    case nil, UInt8(ascii: " "):
      oldLine += 1
      newLine += 1
      oldRemaining -= 1
      newRemaining -= 1
    case UInt8(ascii: "+"):
      if !reverse { record(newLine, line.dropFirst()) } else { current?.removed.append(newLine) }
      newLine += 1
      newRemaining -= 1
    case UInt8(ascii: "-"):
      if reverse { record(oldLine, line.dropFirst()) } else { current?.removed.append(oldLine) }
      oldLine += 1
      oldRemaining -= 1
    case UInt8(ascii: "\\"):
      return true
    default:
      problem("hunk is shorter than its header says (\(pendingCount) more lines expected)")
      inHunk = false
      return false
    }
    if oldRemaining <= 0, newRemaining <= 0 { inHunk = false }
    return true
  }

  private mutating func record(_ number: Int, _ text: Line) {
    current?.added.append((number, String(decoding: text, as: UTF8.self)))
  }

  private mutating func header(_ line: Line) {
    if line.starts(with: Self.diffGit) {
      finishFile()
      let paths = PatchPaths.gitHeader(
        String(
          decoding: line.dropFirst(Self.diffGit.count),
          as: UTF8.self))
      current = PendingFile(headerLine: lineNumber, gitHeader: true)
      current?.oldPath = paths?.old
      current?.newPath = paths?.new
      if paths == nil { problem("cannot read the paths of 'diff --git' header") }
    } else if line.starts(with: Self.hunk) {
      startHunk(line)
    } else if line.starts(with: Self.minus3) {
      if current.map({ !$0.gitHeader || $0.sawHunk || $0.sawOldHeader }) ?? true {
        finishFile()
        current = PendingFile(headerLine: lineNumber, gitHeader: false)
      }
      current?.sawOldHeader = true
      let path = PatchPaths.header(Self.text(line.dropFirst(4)), prefix: "a/")
      if let path { current?.oldPath = path } else { current?.isNew = true }
    } else if line.starts(with: Self.plus3), let file = current, file.sawOldHeader,
      !file.sawNewHeader
    {
      current?.sawNewHeader = true
      let path = PatchPaths.header(Self.text(line.dropFirst(4)), prefix: "b/")
      if let path { current?.newPath = path } else { current?.isDeleted = true }
    } else if current != nil, !(current?.sawHunk ?? true) {
      extendedHeader(line)
    }
  }

  /// `new file mode`, `rename from` and the other git headers between `diff --git` and `@@`.
  private mutating func extendedHeader(_ line: Line) {
    func value(_ prefix: [UInt8]) -> String { Self.text(line.dropFirst(prefix.count)) }
    if line.starts(with: Self.newFileMode) {
      current?.isNew = true
      current?.newMode = value(Self.newFileMode)
    } else if line.starts(with: Self.deletedFileMode) {
      current?.isDeleted = true
      current?.oldMode = value(Self.deletedFileMode)
    } else if line.starts(with: Self.oldMode) {
      current?.oldMode = value(Self.oldMode)
    } else if line.starts(with: Self.newMode) {
      current?.newMode = value(Self.newMode)
    } else if line.starts(with: Self.renameFrom) {
      current?.isRename = true
      current?.oldPath = PatchPaths.unquote(value(Self.renameFrom))
    } else if line.starts(with: Self.copyFrom) {
      current?.isCopy = true
      current?.oldPath = PatchPaths.unquote(value(Self.copyFrom))
    } else if line.starts(with: Self.renameTo) {
      current?.newPath = PatchPaths.unquote(value(Self.renameTo))
    } else if line.starts(with: Self.copyTo) {
      current?.newPath = PatchPaths.unquote(value(Self.copyTo))
    } else if line.starts(with: Self.binaryFiles) || line.starts(with: Self.gitBinary) {
      current?.isBinary = true
    }
  }

  private mutating func startHunk(_ line: Line) {
    guard let header = HunkHeader(line) else {
      problem("malformed hunk header '\(Self.text(line.prefix(80)))'")
      inHunk = false
      return
    }
    if current == nil { problem("hunk outside any file; its lines are skipped") }
    current?.sawHunk = true
    oldLine = header.oldStart
    newLine = header.newStart
    oldRemaining = header.oldCount
    newRemaining = header.newCount
    inHunk = oldRemaining > 0 || newRemaining > 0
  }

  private mutating func finishFile() {
    guard let file = current else { return }
    current = nil
    inHunk = false
    var oldPath = file.isNew ? nil : file.oldPath
    var newPath = file.isDeleted ? nil : file.newPath
    guard oldPath != nil || newPath != nil else {
      if file.sawHunk || file.gitHeader {
        problem("a file without a path is skipped", at: file.headerLine)
      }
      return
    }
    var status: PatchFile.Status =
      file.isNew
      ? .added
      : file.isDeleted
        ? .deleted
        : file.isRename ? .renamed : file.isCopy ? .copied : .modified
    var modes = (file.oldMode, file.newMode)
    if reverse {
      swap(&oldPath, &newPath)
      modes = (modes.1, modes.0)
      status = status == .added ? .deleted : status == .deleted ? .added : status
    }
    files.append(
      PatchFile(
        oldPath: oldPath, newPath: newPath, status: status, isBinary: file.isBinary,
        oldMode: modes.0, newMode: modes.1, addedLines: file.added, removedLines: file.removed,
        headerLine: file.headerLine))
  }

  private mutating func problem(_ message: String, at line: Int? = nil) {
    if problems.count < Self.problemLimit {
      problems.append(PatchProblem(line: line ?? lineNumber, message: message))
    } else if problems.count == Self.problemLimit {
      problems.append(PatchProblem(line: lineNumber, message: "further problems are not shown"))
    }
  }

  private static func text(_ line: Line) -> String { String(decoding: line, as: UTF8.self) }

  private static let diffGit = Array("diff --git ".utf8)
  private static let hunk = Array("@@ ".utf8)
  private static let minus3 = Array("--- ".utf8)
  private static let plus3 = Array("+++ ".utf8)
  private static let newFileMode = Array("new file mode ".utf8)
  private static let deletedFileMode = Array("deleted file mode ".utf8)
  private static let oldMode = Array("old mode ".utf8)
  private static let newMode = Array("new mode ".utf8)
  private static let renameFrom = Array("rename from ".utf8)
  private static let renameTo = Array("rename to ".utf8)
  private static let copyFrom = Array("copy from ".utf8)
  private static let copyTo = Array("copy to ".utf8)
  private static let binaryFiles = Array("Binary files ".utf8)
  private static let gitBinary = Array("GIT binary patch".utf8)
}

/// A file whose headers and hunks are still being read.
private struct PendingFile {
  var headerLine: Int
  var gitHeader: Bool
  var oldPath: String?
  var newPath: String?
  var isNew = false
  var isDeleted = false
  var isRename = false
  var isCopy = false
  var isBinary = false
  var oldMode: String?
  var newMode: String?
  var sawHunk = false
  var sawOldHeader = false
  var sawNewHeader = false
  var added: [(number: Int, text: String)] = []
  var removed: [Int] = []

  init(headerLine: Int, gitHeader: Bool) {
    self.headerLine = headerLine
    self.gitHeader = gitHeader
  }
}

/// `@@ -oldStart[,oldCount] +newStart[,newCount] @@`.
struct HunkHeader {
  var oldStart = 0
  var oldCount = 1
  var newStart = 0
  var newCount = 1

  init?(_ line: PatchParser.Line) {
    var index = line.startIndex + 3
    func expect(_ byte: UInt8) -> Bool {
      guard index < line.endIndex, line[index] == byte else { return false }
      index += 1
      return true
    }
    func number() -> Int? {
      var value = 0
      var digits = 0
      while index < line.endIndex, (48...57).contains(line[index]), digits < 10 {
        value = value * 10 + Int(line[index] - 48)
        digits += 1
        index += 1
      }
      return digits == 0 ? nil : value
    }
    guard expect(UInt8(ascii: "-")), let oldStart = number() else { return nil }
    self.oldStart = oldStart
    if expect(UInt8(ascii: ",")) {
      guard let count = number() else { return nil }
      oldCount = count
    }
    guard expect(UInt8(ascii: " ")), expect(UInt8(ascii: "+")), let newStart = number() else {
      return nil
    }
    self.newStart = newStart
    if expect(UInt8(ascii: ",")) {
      guard let count = number() else { return nil }
      newCount = count
    }
    guard expect(UInt8(ascii: " ")), expect(UInt8(ascii: "@")), expect(UInt8(ascii: "@")) else {
      return nil
    }
  }
}
