import CPlanModel
import CPlanPlanning
import Foundation

/// What the planned arm adds to each variant's prompt, by level: estimated tokens added over the
/// baseline prompt, statements kept and dropped, and the share of the budget used.
struct PlanStatistics {
  struct Row {
    var added: [Int] = []
    var kept: [Int] = []
    var dropped: [Int] = []
    var used: [Double] = []
  }

  var rows: [Int: Row] = [:]
  var all = Row()

  /// Pairs each planned entry with the baseline entry of the same variant.
  init(entries: [MatrixEntry], budget: Int?) {
    let estimator = ByteTokenEstimator()
    var baseline: [String: Int] = [:]
    for entry in entries where entry.arm == .baseline {
      baseline[entry.manifest + "/" + entry.name] = estimator.tokens(in: entry.prompt)
    }
    for entry in entries where entry.arm == .planned {
      guard let base = baseline[entry.manifest + "/" + entry.name], let plan = entry.plan else {
        continue
      }
      var row = rows[entry.level] ?? Row()
      for target in [0, 1] {
        var r = target == 0 ? row : all
        r.added.append(estimator.tokens(in: entry.prompt) - base)
        r.kept.append(plan.items.count)
        r.dropped.append(plan.dropped.count)
        if let budget, let tokens = plan.sectionTokens { r.used.append(Double(tokens) / Double(budget)) }
        if target == 0 { row = r } else { all = r }
      }
      rows[entry.level] = row
    }
  }

  var jsonObject: [String: Any] {
    func summary(_ row: Row) -> [String: Any] {
      var object: [String: Any] = [
        "prompts": row.added.count,
        "added_tokens": Self.spread(row.added.map(Double.init)),
        "statements_kept": Self.spread(row.kept.map(Double.init)),
        "statements_dropped": Self.spread(row.dropped.map(Double.init)),
      ]
      if !row.used.isEmpty { object["budget_used"] = Self.spread(row.used) }
      return object
    }
    var levels: [String: Any] = [:]
    for (level, row) in rows { levels["L\(level)"] = summary(row) }
    return ["all": summary(all), "levels": levels]
  }

  static func spread(_ values: [Double]) -> [String: Double] {
    guard !values.isEmpty else { return [:] }
    let mean = values.reduce(0, +) / Double(values.count)
    return ["mean": (mean * 1000).rounded() / 1000, "min": values.min()!, "max": values.max()!]
  }

  /// Lines for the text report.
  static func text(_ object: [String: Any]) -> [String] {
    func line(_ name: String, _ row: [String: Any]) -> String {
      let added = row["added_tokens"] as? [String: Double] ?? [:]
      let kept = row["statements_kept"] as? [String: Double] ?? [:]
      let dropped = row["statements_dropped"] as? [String: Double] ?? [:]
      let used = row["budget_used"] as? [String: Double]
      var text = String(
        format: "  %@: +%.0f tokens (min %.0f, max %.0f), %.1f statements kept, %.1f dropped",
        name, added["mean"] ?? 0, added["min"] ?? 0, added["max"] ?? 0, kept["mean"] ?? 0,
        dropped["mean"] ?? 0)
      if let used { text += String(format: ", %.1f%% of the budget", (used["mean"] ?? 0) * 100) }
      return text
    }
    var lines = ["plan added to each prompt:"]
    let levels = object["levels"] as? [String: Any] ?? [:]
    for name in levels.keys.sorted() {
      if let row = levels[name] as? [String: Any] { lines.append(line(name, row)) }
    }
    if let all = object["all"] as? [String: Any] { lines.append(line("all", all)) }
    return lines
  }
}
