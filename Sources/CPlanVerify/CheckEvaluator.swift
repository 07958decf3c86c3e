import CPlanModel
import Foundation

/// Where a check failed.
public struct CheckViolation: Sendable, Hashable {
  /// The file, or nil when the problem is a missing file.
  public var path: String?
  /// The line, when known.
  public var line: Int?
  /// What is wrong.
  public var message: String
}

/// Evaluates a rule's static `check` over a set of files.
public enum CheckEvaluator {
  /// The violations of `check` in `files` (empty when the check holds).
  /// - Parameters:
  ///   - check: the check.
  ///   - files: the files of the generated project (or of a patch).
  ///   - isPatch: a patch shows only what changed, so `require-file` and `require-pattern`
  ///     hold when the patch does not show the file at all.
  public static func violations(of check: RuleCheck, in files: [SourceFile], isPatch: Bool = false)
    -> [CheckViolation]
  {
    let glob = check.files.map(Glob.init)
    let scoped = files.filter { glob?.matches($0.path) ?? true }
    let message = check.message
    switch check.kind {
    case .requireFile:
      let path = check.path ?? ""
      let wanted = Glob(path)
      if files.contains(where: { wanted.matches($0.path) }) || isPatch { return [] }
      return [CheckViolation(path: nil, line: nil, message: message ?? "missing file '\(path)'")]
    case .requirePattern:
      guard let regex = try? NSRegularExpression(pattern: check.pattern ?? "") else { return [] }
      if scoped.contains(where: { file in file.lines.contains { matches(regex, $0.text) } }) {
        return []
      }
      if isPatch, scoped.isEmpty { return [] }
      return [
        CheckViolation(
          path: scoped.first?.path, line: nil,
          message: message ?? "no file\(check.files.map { " matching '\($0)'" } ?? "") contains "
            + "'\(check.pattern ?? "")'")
      ]
    case .forbidPattern:
      guard let regex = try? NSRegularExpression(pattern: check.pattern ?? "") else { return [] }
      return scoped.flatMap { file in
        file.lines.filter { matches(regex, $0.text) }.map {
          CheckViolation(
            path: file.path, line: $0.number,
            message: message ?? "forbidden pattern '\(check.pattern ?? "")'")
        }
      }
    case .forbidImport:
      let module = check.module ?? ""
      return scoped.flatMap { file in
        file.lines.filter { ImportScanner.imports($0.text, module: module, path: file.path) }.map {
          CheckViolation(
            path: file.path, line: $0.number, message: message ?? "forbidden import of '\(module)'")
        }
      }
    }
  }

  private static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }
}
