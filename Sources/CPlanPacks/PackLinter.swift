import CPlanCore
import CPlanModel
import CPlanVerify

/// Lints rule packs beyond what loading checks: statement length, vague wording, citations,
/// near-duplicate statements, and examples that must pass or fail their rule's check.
public struct PackLinter: Sendable {
  /// Statements shorter than this are flagged.
  public var minimumStatement = 25
  /// Statements longer than this are flagged.
  public var maximumStatement = 400
  /// Word-set similarity at or above which two statements count as near duplicates.
  public var duplicateSimilarity = 0.8

  /// Words and phrases that make a statement uncheckable.
  public static let vagueWords = [
    "proper", "properly", "appropriate", "appropriately", "best practice", "best practices",
    "as needed", "as necessary", "correctly", "reasonable", "sensible", "suitable", "good",
    "nice", "robust", "where possible", "if possible", "etc", "and so on",
    "make sure everything", "handle errors gracefully",
  ]

  /// Creates a linter.
  public init() {}

  /// Every lint finding of the packs.
  public func lint(_ packs: [RulePack]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var seen: [(rule: Rule, words: Set<String>)] = []
    for pack in packs {
      for rule in pack.rules {
        diagnostics += lint(rule)
        diagnostics += lintScope(rule, in: pack)
        diagnostics += lintValue(rule)
        let words = Self.words(rule.statement)
        if let twin = seen.first(where: { Self.similarity($0.words, words) >= duplicateSimilarity }) {
          diagnostics.append(
            .warning(
              "lint-near-duplicate",
              "statement of '\(rule.id)' nearly repeats '\(twin.rule.id)'", at: rule.idLocation,
              suggestion: "merge the two rules or make each say something the other does not",
              notes: [.init("'\(twin.rule.id)' is here", at: twin.rule.idLocation)]))
        }
        seen.append((rule, words))
      }
    }
    diagnostics += lintContradictions(packs)
    let ids = Set(packs.flatMap { $0.rules.map(\.id) })
    for rule in packs.flatMap(\.rules) {
      for replaced in rule.replaces
      where !ids.contains(replaced.value) && !replaced.value.hasPrefix("spec-")
        && !replaced.value.hasPrefix("manifest-")
      {
        diagnostics.append(
          .warning(
            "lint-unknown-replaced",
            "rule '\(rule.id)' replaces '\(replaced.value)', which is no rule of the loaded packs "
              + "nor a spec or manifest statement", at: replaced.location))
      }
    }
    return diagnostics
  }

  private func lint(_ rule: Rule) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let length = rule.statement.count
    if length < minimumStatement || length > maximumStatement {
      diagnostics.append(
        .error(
          "lint-statement-length",
          "statement of '\(rule.id)' has \(length) characters; keep it between "
            + "\(minimumStatement) and \(maximumStatement)", at: rule.idLocation))
    }
    let lowered = " " + Self.words(rule.statement, keepOrder: true).joined(separator: " ") + " "
    if let vague = Self.vagueWords.first(where: { lowered.contains(" \($0) ") }) {
      diagnostics.append(
        .error(
          "lint-vague", "statement of '\(rule.id)' is vague: '\(vague)'", at: rule.idLocation,
          suggestion: "say exactly what to do, so that it can be checked"))
    }
    if rule.sources.isEmpty {
      diagnostics.append(
        .error(
          "lint-uncited", "rule '\(rule.id)' cites no source", at: rule.idLocation,
          suggestion: "add a corpus passage (corpus, path, line, quote) or a url and section"))
    }
    diagnostics += lintExamples(rule)
    return diagnostics
  }

  private func lintExamples(_ rule: Rule) -> [Diagnostic] {
    guard let examples = rule.examples else {
      if rule.check != nil {
        return [
          .warning(
            "lint-check-untested", "rule '\(rule.id)' has a check but no examples",
            at: rule.idLocation, suggestion: "add examples.pass and examples.fail")
        ]
      }
      return []
    }
    guard let check = rule.check else {
      return [
        .error("lint-examples-without-check", "rule '\(rule.id)' has examples but no check",
          at: rule.idLocation)
      ]
    }
    var diagnostics: [Diagnostic] = []
    for example in examples.pass {
      let found = CheckEvaluator.violations(
        of: check, in: [SourceFile(path: example.path, content: example.content)])
      if !found.isEmpty {
        diagnostics.append(
          .error(
            "lint-example", "a passing example of '\(rule.id)' fails its check: \(found[0].message)",
            at: example.location))
      }
    }
    for example in examples.fail {
      let found = CheckEvaluator.violations(
        of: check, in: [SourceFile(path: example.path, content: example.content)])
      if found.isEmpty {
        diagnostics.append(
          .error(
            "lint-example", "a failing example of '\(rule.id)' passes its check",
            at: example.location))
      }
    }
    return diagnostics
  }

  /// Lower-cased words (letters, digits, `_`), in order or as a set.
  static func words(_ text: String, keepOrder: Bool) -> [String] {
    var words: [String] = []
    var current = ""
    for scalar in text.lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  static func words(_ text: String) -> Set<String> { Set(words(text, keepOrder: true)) }

  static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
    let union = a.union(b).count
    return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
  }
}
