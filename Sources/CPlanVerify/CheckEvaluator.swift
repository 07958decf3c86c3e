import CPlanModel
import Foundation

/// Where a check failed.
public struct CheckViolation: Sendable, Hashable {
  /// The file, or nil when the finding concerns the whole project (a requirement met nowhere).
  public var path: String?
  /// The line, when known.
  public var line: Int?
  /// What is wrong.
  public var message: String
}

/// What a check concluded: it holds, it is violated, or the input cannot tell.
public enum CheckResult: Sendable, Hashable {
  /// The check holds.
  case holds
  /// The check is violated, at these places.
  case violated([CheckViolation])
  /// The input cannot tell (a patch that does not show where the evidence would be), and why.
  case unknown(String)

  /// The violations (none unless violated).
  public var violations: [CheckViolation] {
    if case .violated(let found) = self { return found }
    return []
  }
}

/// Evaluates a rule's static `check` over a set of files.
///
/// A check reads the code of application files only (comments removed; tests, migrations,
/// tooling and docs out of scope unless its `roles` say otherwise), and not the lines of
/// development or test settings. `require-*` checks need the whole project: in a patch they hold
/// when the patch shows what they look for, are violated when every file they could look at is
/// shown whole (new files), and are unknown otherwise.
public enum CheckEvaluator {
  /// The result of `check` on `files`.
  /// - Parameters:
  ///   - check: the check.
  ///   - files: the files of the generated project (or of a patch).
  ///   - isPatch: whether the files show only what changed.
  public static func evaluate(_ check: RuleCheck, in files: [SourceFile], isPatch: Bool = false)
    -> CheckResult
  {
    let roles = Set((check.roles ?? ["application"]).compactMap(FileRole.init(rawValue:)))
    let glob = check.files.map(Glob.init)
    let inRole = files.filter { roles.contains($0.role) }
    let scoped = inRole.filter { glob?.matches($0.path) ?? true }
    let message = check.message
    switch check.kind {
    case .requireFile:
      let path = check.path ?? ""
      let wanted = Glob(path)
      if files.contains(where: { wanted.matches($0.path) }) { return .holds }
      if isPatch {
        return .unknown("the patch does not show whether '\(path)' exists")
      }
      return .violated([
        CheckViolation(path: nil, line: nil, message: message ?? "missing file '\(path)'")
      ])
    case .requirePattern:
      guard
        let regex = try? NSRegularExpression(
          pattern: check.pattern ?? "", options: .anchorsMatchLines)
      else { return .holds }
      // The code of each file as one text, so that a pattern spanning lines (a signature
      // written over several) still matches; `^` and `$` match at every line.
      if scoped.contains(where: { file in
        let text = file.lines.filter { file.setAside[$0.number] == nil }.map(\.text)
          .joined(separator: "\n")
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
      }) {
        return .holds
      }
      if isPatch, scoped.isEmpty || scoped.contains(where: { !$0.isComplete }) {
        return .unknown(
          "the patch does not show every file where '\(check.pattern ?? "")' could be")
      }
      let what = message ?? "no file\(check.files.map { " matching '\($0)'" } ?? "") contains "
        + "'\(check.pattern ?? "")'"
      // A check of one named file points at it; a search of the whole project at nothing.
      let named = check.files.flatMap { Glob.isLiteral($0) ? $0 : nil }
      return .violated([
        CheckViolation(path: named.flatMap { name in scoped.contains { $0.path == name } ? name : nil }, line: nil, message: what)
      ])
    case .forbidPattern:
      guard let regex = try? NSRegularExpression(pattern: check.pattern ?? "") else {
        return .holds
      }
      let found = scoped.flatMap { file in
        file.lines.filter { file.setAside[$0.number] == nil && matches(regex, $0.text) }.map {
          CheckViolation(
            path: file.path, line: $0.number,
            message: message ?? "forbidden pattern '\(check.pattern ?? "")'")
        }
      }
      return found.isEmpty ? .holds : .violated(found)
    case .forbidImport:
      let module = check.module ?? ""
      let found = scoped.flatMap { file in
        file.lines.filter {
          file.setAside[$0.number] == nil
            && ImportScanner.imports($0.text, module: module, path: file.path)
        }.map {
          CheckViolation(
            path: file.path, line: $0.number, message: message ?? "forbidden import of '\(module)'")
        }
      }
      return found.isEmpty ? .holds : .violated(found)
    }
  }

  /// The violations of `check` in `files` (empty when it holds or cannot tell).
  public static func violations(of check: RuleCheck, in files: [SourceFile], isPatch: Bool = false)
    -> [CheckViolation]
  {
    evaluate(check, in: files, isPatch: isPatch).violations
  }

  private static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }
}
