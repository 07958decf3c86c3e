import CPlanCore
import CPlanModel

/// Builds plans: selects rules, adds manifest and spec statements, de-duplicates, leaves out
/// what the base prompt already says, resolves or reports conflicts, and fits a token budget by
/// expected value per token.
public struct Planner: Sendable {
  /// The budget of the planned arms when none is given, in estimated tokens of the rendered
  /// plan section. About a third of a Conduit prompt: enough for the 30 to 50 statements that
  /// carry most of the expected value, small enough not to become one more thing to decay under.
  public static let defaultBudget = 2000

  /// The estimator used for budgets.
  public var estimator: any TokenEstimator
  /// The budget of the rendered plan section (headings included), in estimated tokens; nil for
  /// none.
  public var budget: Int?

  /// Creates a planner.
  public init(estimator: any TokenEstimator = ByteTokenEstimator(), budget: Int? = nil) {
    self.estimator = estimator
    self.budget = budget
  }

  /// Plans one variant.
  /// - Parameters:
  ///   - manifest: the task family.
  ///   - variant: the point of its constraint space.
  ///   - packs: the packs the manifest names (others are ignored).
  ///   - specItems: the contract checklist derived from the manifest's spec.
  ///   - base: the prompt the plan goes into; statements it already makes are left out.
  ///   - measure: the estimated tokens of the rendered plan section holding some items; the
  ///     budget is checked against it. Nil estimates the default template's lines.
  public func plan(
    _ manifest: Manifest, variant: Variant, packs: [RulePack], specItems: [PlanItem],
    base: BasePrompt? = nil, measure: (([PlanItem]) -> Int)? = nil
  ) -> Plan {
    plan(
      manifest, variant: variant, rules: packs.map(PackRules.init), specItems: specItems,
      base: base, measure: measure)
  }

  /// Plans one variant from packs prepared once (see `plan(_:variant:packs:specItems:base:measure:)`).
  public func plan(
    _ manifest: Manifest, variant: Variant, rules packs: [PackRules], specItems: [PlanItem],
    base: BasePrompt? = nil, measure: (([PlanItem]) -> Int)? = nil
  ) -> Plan {
    let selected = selectRules(manifest, variant: variant, packs: packs)
    var candidates = (ManifestStatements.items(for: manifest, variant: variant) + specItems)
      .map { ($0, Self.normalized($0.statement)) }
    candidates += selected.map { ($0.item, $0.key) }
    var dropped: [Plan.Dropped] = []
    var diagnostics: [Diagnostic] = []
    var items = removeDuplicates(candidates, dropped: &dropped)
    // A statement that a kept rule says more precisely goes (the budget decides what is kept).
    var replacedBy: [String: String] = [:]
    for rule in selected { for id in rule.replaces { replacedBy[id] = replacedBy[id] ?? rule.id } }
    if let base {
      items = items.filter { item in
        guard base.states(item.facts) else { return true }
        dropped.append(.init(item: item, reason: "already in the prompt"))
        return false
      }
    }
    items = resolveConflicts(items, rules: selected, dropped: &dropped, diagnostics: &diagnostics)
    var sectionTokens: Int?
    if let budget {
      let fitter = BudgetFitter(
        estimator: estimator, budget: budget, measure: measure, replacedBy: replacedBy)
      (items, sectionTokens) = fitter.fit(items, dropped: &dropped)
    } else {
      let kept = Set(items.map(\.id))
      items = items.filter { item in
        guard let by = replacedBy[item.id], kept.contains(by) else { return true }
        dropped.append(.init(item: item, reason: BudgetFitter.replacedReason(by)))
        return false
      }
      sectionTokens = measure?(items)
    }
    return Plan(
      manifestID: manifest.id, variant: variant, items: Self.ordered(items), dropped: dropped,
      diagnostics: diagnostics, budget: budget, estimator: estimator.name,
      sectionTokens: sectionTokens)
  }

  /// Plan order: topic order, then must before should before note, then higher value, then id.
  static func ordered(_ items: [PlanItem]) -> [PlanItem] {
    items.sorted {
      if $0.topic != $1.topic { return $0.topic < $1.topic }
      if $0.severity != $1.severity { return $0.severity < $1.severity }
      if $0.value != $1.value { return $0.value > $1.value }
      return $0.id < $1.id
    }
  }

  private func selectRules(_ manifest: Manifest, variant: Variant, packs: [PackRules])
    -> [PackRules.Entry]
  {
    let runtime = manifest.runtime.rawValue
    var result: [PackRules.Entry] = []
    for pack in packs
    where pack.applies.holds(for: variant, framework: manifest.framework, runtime: runtime) {
      for rule in pack.rules
      where rule.when.holds(for: variant, framework: manifest.framework, runtime: runtime) {
        result.append(rule)
      }
    }
    return result
  }

  /// A statement folded for duplicate detection: ASCII lower-cased, runs of white space as one
  /// space, no leading or trailing space.
  static func normalized(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var space = false
    for byte in text.utf8 {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        space = !bytes.isEmpty
        continue
      }
      if space {
        bytes.append(0x20)
        space = false
      }
      bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Keeps the first of items with the same id or the same statement (ignoring case and spacing).
  private func removeDuplicates(
    _ items: [(item: PlanItem, key: String)], dropped: inout [Plan.Dropped]
  ) -> [PlanItem] {
    var byID: Set<String> = []
    var byText: [String: String] = [:]
    var kept: [PlanItem] = []
    for (item, key) in items {
      if let first = byText[key] {
        dropped.append(.init(item: item, reason: "duplicate of '\(first)'"))
        continue
      }
      guard byID.insert(item.id).inserted else {
        dropped.append(.init(item: item, reason: "duplicate id"))
        continue
      }
      byText[key] = item.id
      kept.append(item)
    }
    return kept
  }

  /// Two selected rules that name each other in `conflicts`: the more binding one wins (a
  /// warning says so); at equal severity both stay and an error reports the contradiction.
  private func resolveConflicts(
    _ items: [PlanItem], rules: [PackRules.Entry], dropped: inout [Plan.Dropped],
    diagnostics: inout [Diagnostic]
  ) -> [PlanItem] {
    guard rules.contains(where: { !$0.conflicts.isEmpty }) else { return items }
    let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var removed: Set<String> = []
    var reported: Set<String> = []
    for rule in rules {
      for conflict in rule.conflicts {
        guard let other = byID[conflict.value], !removed.contains(rule.id),
          !removed.contains(other.id)
        else { continue }
        let pair = [rule.id, other.id].sorted().joined(separator: "|")
        guard reported.insert(pair).inserted else { continue }
        if rule.severity == other.severity {
          diagnostics.append(
            .error(
              "plan-conflict",
              "rules '\(rule.id)' and '\(other.id)' contradict each other and both apply",
              at: conflict.location,
              suggestion: "narrow one rule's 'when' or change one severity",
              notes: [.init("'\(other.id)' is defined here", at: other.location)]))
          continue
        }
        let (winner, loser) = rule.severity < other.severity ? (rule, other) : (other, rule)
        removed.insert(loser.id)
        diagnostics.append(
          .warning(
            "plan-conflict-resolved",
            "rule '\(loser.id)' conflicts with '\(winner.id)' and was left out in favour of the "
              + "\(winner.severity.rawValue) rule", at: conflict.location))
      }
    }
    for item in items where removed.contains(item.id) {
      dropped.append(.init(item: item, reason: "conflicts with a more binding rule"))
    }
    return items.filter { !removed.contains($0.id) }
  }
}
