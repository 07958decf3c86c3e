import CPlanCore
import CPlanModel

extension PackLinter {
  /// Words a statement may have at most (the plan's aim: one short statement says one thing).
  static let maximumWords = 40

  /// A rule whose statement names vocabulary of a runtime, framework, ORM, database,
  /// architecture or application that its pack's `applies` and its `when` do not restrict it
  /// to: one finding per rule, naming the terms and a stack where the rule applies without them.
  func lintScope(_ rule: Rule, in pack: RulePack) -> [Diagnostic] {
    var foreign: [String: (term: StackVocabulary.Term, scope: StackScope)] = [:]
    var order: [String] = []
    for var scope in StackScope.all where Self.applies(rule, of: pack, to: scope) {
      scope.application = pack.application
      for term in StackVocabulary.foreignTerms(in: rule.statement, for: scope) {
        let text = term.words.joined(separator: " ")
        if foreign[text] == nil {
          foreign[text] = (term, scope)
          order.append(text)
        }
      }
    }
    guard !order.isEmpty else { return [] }
    let named = order.map { text in
      let entry = foreign[text]!
      return "'\(text)' (\(entry.term.owner), yet it applies to \(entry.scope.description))"
    }
    return [
      .error(
        "lint-out-of-scope",
        "statement of '\(rule.id)' names " + named.joined(separator: ", "),
        at: rule.idLocation,
        suggestion: "narrow its 'when' to the stack it speaks of, or split it into one rule per stack")
    ]
  }

  /// Whether a rule of a pack reaches the plans of a stack: the pack's `applies` and the rule's
  /// `when` both hold.
  static func applies(_ rule: Rule, of pack: RulePack, to scope: StackScope) -> Bool {
    let variant = scope.variant
    return pack.applies.holds(for: variant, framework: scope.framework, runtime: scope.runtime)
      && rule.when.holds(for: variant, framework: scope.framework, runtime: scope.runtime)
  }

  /// A rule without its breakage class or likelihood, or with a statement over the word limit.
  func lintValue(_ rule: Rule) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var missing: [String] = []
    if rule.breaks == nil { missing.append("'breaks'") }
    if rule.likelihood == nil { missing.append("'likelihood'") }
    if rule.rationale == nil { missing.append("'rationale'") }
    if !missing.isEmpty {
      diagnostics.append(
        .error(
          "lint-no-value", "rule '\(rule.id)' has no \(missing.joined(separator: " or "))",
          at: rule.idLocation,
          suggestion: "say what breaks when it is ignored (breaks), how likely an agent is to "
            + "miss it (likelihood) and why (rationale)"))
    }
    if !rule.sources.isEmpty, rule.sources.allSatisfy({ if case .url = $0 { true } else { false } }) {
      diagnostics.append(
        Diagnostic(
          .note, code: "lint-web-only",
          message: "rule '\(rule.id)' cites only web pages, which cite-check cannot verify",
          at: rule.idLocation,
          suggestion: "cite a passage of a local corpus where the documentation says it"))
    }
    let count = Self.words(rule.statement, keepOrder: true).count
    if count > Self.maximumWords {
      diagnostics.append(
        .warning(
          "lint-statement-words",
          "statement of '\(rule.id)' has \(count) words; keep it within \(Self.maximumWords)",
          at: rule.idLocation, suggestion: "say one thing; move the reason to 'rationale'"))
    }
    return diagnostics
  }
}
