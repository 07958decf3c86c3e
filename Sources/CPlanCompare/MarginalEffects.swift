/// Marginal constraint effects: for every matched task carrying constraint C, its sibling is
/// the matched task of the same agent, model, framework and spec whose constraints are the
/// same set without C; the effect is the mean of (with C − without C) in the primary metric.
public enum MarginalEffects {
  /// The effects of every constraint token present, sorted by token.
  /// - Parameters:
  ///   - matched: the matched arms; each arm is measured on the same pairs.
  ///   - options: the primary metric and the bootstrap of the changes' intervals.
  public static func compute(_ matched: MatchedArms, options: CompareOptions)
    -> [MarginalEffect]
  {
    let base = matched.tasks[0]
    var index: [String: Int] = [:]
    for (i, task) in base.enumerated() { index[siblingKey(task, task.constraints)] = i }
    let tokens = Set(base.flatMap(\.constraints)).sorted()
    return tokens.compactMap { token in
      var pairs: [(with: Int, without: Int)] = []
      for (i, task) in base.enumerated() where task.constraints.contains(token) {
        let rest = task.constraints.filter { $0 != token }
        if let j = index[siblingKey(task, rest)] { pairs.append((i, j)) }
      }
      guard !pairs.isEmpty else { return nil }
      let deltas = matched.tasks.map { tasks in
        pairs.map {
          tasks[$0.with].value(options.primary) - tasks[$0.without].value(options.primary)
        }
      }
      let arms = zip(matched.arms, deltas).map { arm, values in
        MarginalEffect.ArmEffect(
          arm: arm.name, mean: 100 * (Stats.mean(values) ?? 0),
          standardDeviation: Stats.standardDeviation(values).map { 100 * $0 },
          standardError: Stats.standardError(values).map { 100 * $0 })
      }
      let changes = matched.arms.indices.dropFirst().map { a in
        let change = zip(deltas[a], deltas[0]).map { $0 - $1 }
        let replicates = options.bootstrap.replicates(
          strata: [Array(change.indices)], label: "marginal|\(matched.arms[a].name)|\(token)"
        ) { draw in [draw.isEmpty ? nil : draw.map { change[$0] }.reduce(0, +) / Double(draw.count)]
        }
        return MarginalEffect.Change(
          arm: matched.arms[a].name, mean: 100 * (Stats.mean(change) ?? 0),
          standardError: Stats.standardError(change).map { 100 * $0 },
          interval: options.bootstrap.interval(replicates, component: 0).map {
            Interval(low: 100 * $0.low, high: 100 * $0.high)
          })
      }
      return MarginalEffect(constraint: token, pairs: pairs.count, arms: arms, changes: changes)
    }
  }

  /// Agent, model, framework, spec and the constraint set, order-insensitive.
  private static func siblingKey(_ task: TaskResult, _ constraints: [String]) -> String {
    [
      task.key.agentModel, task.framework, task.target.spec ?? "",
      constraints.sorted().joined(separator: "+"),
    ]
    .joined(separator: "|")
  }
}
