import CPlanModel

/// Fits plan items into a token budget of the rendered section: the items with the highest
/// expected value per token go in first, every item that still fits is taken, and a final
/// measurement of the rendered section drops the least valuable items until it fits.
struct BudgetFitter {
  let estimator: any TokenEstimator
  let budget: Int
  let measure: (([PlanItem]) -> Int)?
  /// Statement id → the rule that says it more precisely.
  var replacedBy: [String: String] = [:]

  /// The default template's fixed text around the statements, used when nothing measures.
  static let defaultHeaderTokens = 70

  /// The kept items, and the measured tokens of their section (nil when nothing measures).
  func fit(_ items: [PlanItem], dropped: inout [Plan.Dropped]) -> ([PlanItem], Int?) {
    let ranked = items.map { ($0, lineCost($0)) }.sorted { lhs, rhs in
      let a = lhs.0.value / Double(lhs.1)
      let b = rhs.0.value / Double(rhs.1)
      if a != b { return a > b }
      return lhs.0.id < rhs.0.id
    }
    var used = measure?([]) ?? Self.defaultHeaderTokens
    var kept: [(PlanItem, Int)] = []
    var keptIDs: Set<String> = []
    var topics: [Topic: Int] = [:]  // kept statements per topic
    let replacers = Set(replacedBy.values)
    for (item, cost) in ranked {
      if let by = replacedBy[item.id], keptIDs.contains(by) {
        dropped.append(.init(item: item, reason: Self.replacedReason(by)))
        continue
      }
      // Statements this one replaces give back their room when it goes in.
      var replaced: [(PlanItem, Int)] = []
      if replacers.contains(item.id) {
        replaced = kept.filter { replacedBy[$0.0.id] == item.id }
      }
      var counts = topics
      var freed = 0
      for (gone, goneCost) in replaced {
        freed += goneCost
        counts[gone.topic, default: 0] -= 1
        if counts[gone.topic] == 0 { freed += headingCost(gone.topic) }
      }
      let heading = (counts[item.topic] ?? 0) > 0 ? 0 : headingCost(item.topic)
      if used - freed + cost + heading <= budget {
        used += cost + heading - freed
        counts[item.topic, default: 0] += 1
        topics = counts
        if !replaced.isEmpty {
          let gone = Set(replaced.map(\.0.id))
          kept.removeAll { gone.contains($0.0.id) }
          for (old, _) in replaced {
            keptIDs.remove(old.id)
            dropped.append(.init(item: old, reason: Self.replacedReason(item.id)))
          }
        }
        kept.append((item, cost))
        keptIDs.insert(item.id)
      } else {
        dropped.append(.init(item: item, reason: Self.reason(item, cost)))
      }
    }
    guard let measure else { return (kept.map(\.0), nil) }
    var tokens = measure(kept.map(\.0))
    // Line estimates round up, so this rarely runs; it guards custom templates.
    while tokens > budget, let (item, cost) = kept.popLast() {
      dropped.append(.init(item: item, reason: Self.reason(item, cost)))
      tokens = measure(kept.map(\.0))
    }
    return (kept.map(\.0), tokens)
  }

  /// Estimated tokens of the item's line in the default template.
  func lineCost(_ item: PlanItem) -> Int {
    max(1, estimator.tokens(in: "- **\(item.severity.rawValue.uppercased())** \(item.statement)\n"))
  }

  func headingCost(_ topic: Topic) -> Int {
    estimator.tokens(in: "### \(topic.title)\n\n")
  }

  /// Why a statement went in favour of one that says it more precisely.
  static func replacedReason(_ by: String) -> String { "said more precisely by '\(by)'" }

  /// `over budget (value 3.75 per 1,000 tokens)`: the value per token that did not make it.
  static func reason(_ item: PlanItem, _ cost: Int) -> String {
    let hundredths = Int((item.value / Double(cost) * 100_000).rounded())
    let fraction = hundredths % 100
    return "over budget (value \(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) per 1,000 tokens)"
  }
}
