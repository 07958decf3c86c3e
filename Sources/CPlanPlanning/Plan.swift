import CPlanCore
import CPlanModel

/// The explicit plan of one variant: ordered, de-duplicated statements with provenance.
public struct Plan: Sendable {
  /// An item left out, and why.
  public struct Dropped: Sendable, Hashable, Codable {
    /// The item.
    public var item: PlanItem
    /// Why it was left out, e.g. `duplicate of 'x'` or `over budget`.
    public var reason: String
  }

  /// The manifest's id.
  public var manifestID: String
  /// The variant planned.
  public var variant: Variant
  /// The statements kept, in plan order (topic, then severity, then value, then id).
  public var items: [PlanItem]
  /// The statements left out.
  public var dropped: [Dropped]
  /// Conflicts and other problems found while planning.
  public var diagnostics: [Diagnostic]
  /// The token budget applied, if any.
  public var budget: Int?
  /// The estimator's name.
  public var estimator: String
  /// Estimated tokens of the rendered plan section, when it was measured.
  public var sectionTokens: Int?

  /// Kept items grouped by topic, in topic order.
  public var groups: [(topic: Topic, items: [PlanItem])] {
    Topic.allCases.compactMap { topic in
      let items = items.filter { $0.topic == topic }
      return items.isEmpty ? nil : (topic, items)
    }
  }

  /// How many kept items come from rules, the spec and the manifest.
  public var provenanceCounts: [String: Int] {
    var counts = ["rule": 0, "spec": 0, "manifest": 0]
    for item in items { counts[item.provenance.kind, default: 0] += 1 }
    return counts
  }
}
