import CPlanCore
import CPlanModel

/// Builds plans: selects rules, adds manifest and spec statements, orders, de-duplicates,
/// resolves or reports conflicts, and fits a token budget.
public struct Planner: Sendable {
  /// The estimator used for budgets.
  public var estimator: any TokenEstimator
  /// The budget of the plan's statements, in estimated tokens; nil for none.
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
  public func plan(
    _ manifest: Manifest, variant: Variant, packs: [RulePack], specItems: [PlanItem]
  ) -> Plan {
    var candidates = ManifestStatements.items(for: manifest, variant: variant)
    candidates += specItems
    let selected = selectRules(manifest, variant: variant, packs: packs)
    candidates += selected.map(\.item)
    var dropped: [Plan.Dropped] = []
    var diagnostics: [Diagnostic] = []
    var items = Self.ordered(removeDuplicates(candidates, dropped: &dropped))
    items = resolveConflicts(items, rules: selected, dropped: &dropped, diagnostics: &diagnostics)
    items = fit(items, dropped: &dropped, diagnostics: &diagnostics, manifest: manifest)
    return Plan(
      manifestID: manifest.id, variant: variant, items: items, dropped: dropped,
      diagnostics: diagnostics, budget: budget, estimator: estimator.name)
  }

  /// Plan order: topic order, then must before should before note, then id.
  static func ordered(_ items: [PlanItem]) -> [PlanItem] {
    items.sorted {
      if $0.topic != $1.topic { return $0.topic < $1.topic }
      if $0.severity != $1.severity { return $0.severity < $1.severity }
      return $0.id < $1.id
    }
  }

  private func selectRules(_ manifest: Manifest, variant: Variant, packs: [RulePack])
    -> [(rule: Rule, item: PlanItem)]
  {
    let runtime = manifest.runtime.rawValue
    var result: [(Rule, PlanItem)] = []
    for pack in packs
    where pack.applies.holds(for: variant, framework: manifest.framework, runtime: runtime) {
      for rule in pack.rules
      where rule.when.holds(for: variant, framework: manifest.framework, runtime: runtime) {
        let provenance = Provenance.rule(
          pack: pack.id, version: pack.version, rule: rule.id,
          sources: rule.sources.map(\.citation))
        result.append(
          (
            rule,
            PlanItem(
              id: rule.id, topic: rule.topic, severity: rule.severity,
              statement: rule.statement, provenance: provenance)
          ))
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
  private func removeDuplicates(_ items: [PlanItem], dropped: inout [Plan.Dropped]) -> [PlanItem]
  {
    var byID: Set<String> = []
    var byText: [String: String] = [:]
    var kept: [PlanItem] = []
    for item in items {
      let key = Self.normalized(item.statement)
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
    _ items: [PlanItem], rules: [(rule: Rule, item: PlanItem)], dropped: inout [Plan.Dropped],
    diagnostics: inout [Diagnostic]
  ) -> [PlanItem] {
    let byID = Dictionary(rules.map { ($0.rule.id, $0.rule) }, uniquingKeysWith: { a, _ in a })
    var removed: Set<String> = []
    var reported: Set<String> = []
    for (rule, _) in rules {
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
              notes: [.init("'\(other.id)' is defined here", at: other.idLocation)]))
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

  /// Drops the lowest-priority items (note, then should; within them the last in plan order)
  /// until the statements fit the budget. `must` items are never dropped.
  private func fit(
    _ items: [PlanItem], dropped: inout [Plan.Dropped], diagnostics: inout [Diagnostic],
    manifest: Manifest
  ) -> [PlanItem] {
    guard let budget else { return items }
    var kept = items
    var total = items.reduce(0) { $0 + estimator.tokens(in: $1.statement) + 2 }
    let victims = items.enumerated().filter { $0.element.severity != .must }
      .sorted { lhs, rhs in
        lhs.element.severity != rhs.element.severity
          ? lhs.element.severity > rhs.element.severity : lhs.offset > rhs.offset
      }
    for (_, item) in victims where total > budget {
      total -= estimator.tokens(in: item.statement) + 2
      kept.removeAll { $0.id == item.id }
      dropped.append(.init(item: item, reason: "over budget (\(item.severity.rawValue))"))
    }
    if total > budget {
      diagnostics.append(
        .warning(
          "budget-exceeded",
          "the must statements alone need about \(total) tokens, over the budget of \(budget)",
          at: .start(of: manifest.file), suggestion: "raise --budget"))
    }
    return kept
  }
}
