import CPlanCore
import CPlanModel

/// A pack's rules made ready for planning once: each rule's plan item (with its provenance) is
/// built when the catalog is, not again for every variant.
public struct PackRules: Sendable {
  /// One rule, as the planner needs it.
  public struct Entry: Sendable {
    /// The rule's id.
    public let id: String
    /// When it applies.
    public let when: Condition
    /// How binding it is.
    public let severity: RuleSeverity
    /// Rules it contradicts.
    public let conflicts: [Located<String>]
    /// Ids of the statements it says more precisely.
    public let replaces: [String]
    /// Where its id was written.
    public let location: SourceLocation
    /// The plan item it becomes.
    public let item: PlanItem
    /// Its statement folded for duplicate detection.
    public let key: String
  }

  /// Which manifests the pack fits.
  public let applies: Condition
  /// Its rules, in file order.
  public let rules: [Entry]

  /// Prepares a pack.
  public init(_ pack: RulePack) {
    applies = pack.applies
    rules = pack.rules.map { rule in
      let provenance = Provenance.rule(
        pack: pack.id, version: pack.version, rule: rule.id,
        sources: rule.sources.map(\.citation))
      return Entry(
        id: rule.id, when: rule.when, severity: rule.severity, conflicts: rule.conflicts,
        replaces: rule.replaces.map(\.value),
        location: rule.idLocation, item: PlanItem(
          id: rule.id, topic: rule.topic, severity: rule.severity, statement: rule.statement,
          provenance: provenance, breaks: rule.breaks, likelihood: rule.likelihood),
        key: Planner.normalized(rule.statement))
    }
  }
}
