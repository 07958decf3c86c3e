import CPlanCore
import CPlanModel

extension Plan {
  /// The plan as JSON-compatible data: variant, items with provenance and token estimates,
  /// dropped items with reasons, and diagnostics.
  public func jsonObject(estimator: any TokenEstimator) -> [String: Any] {
    var object: [String: Any] = [
      "manifest": manifestID,
      "variant": variant.name,
      "level": variant.level,
      "constraints": variant.constraints,
      "estimator": self.estimator,
      "items": items.map { Self.json($0, estimator) },
      "dropped": dropped.map { entry -> [String: Any] in
        ["reason": entry.reason, "item": Self.json(entry.item, estimator)]
      },
      "diagnostics": DiagnosticReporter.jsonObjects(diagnostics),
      "provenance": provenanceCounts,
      "tokens": items.reduce(0) { $0 + estimator.tokens(in: $1.statement) },
    ]
    object["budget"] = budget.map { $0 as Any } ?? "none"
    if let sectionTokens { object["section_tokens"] = sectionTokens }
    return object
  }

  /// The plan as `index.json` lists it: budget, section size, every kept statement's id, value
  /// and provenance, and every dropped statement's id and reason (statements themselves are in
  /// the prompt, and in `cplan plan --format json`).
  public func indexObject(estimator: any TokenEstimator) -> [String: Any] {
    var object: [String: Any] = [
      "budget": budget.map { $0 as Any } ?? "none",
      "kept": items.map { item -> [String: Any] in
        // Flat, to keep the index small: where the statement comes from, and every source of
        // a rule by its label (corpus:path:line or URL); quotes are in the plan's JSON.
        var entry: [String: Any] = [
          "id": item.id, "tokens": estimator.tokens(in: item.statement),
          "value": (item.value * 10_000).rounded() / 10_000, "from": item.provenance.label,
        ]
        if case .rule(_, _, _, let sources) = item.provenance {
          entry["sources"] = sources.map(\.label)
        }
        return entry
      },
      "dropped": dropped.map { ["id": $0.item.id, "reason": $0.reason] },
    ]
    if let sectionTokens { object["section_tokens"] = sectionTokens }
    return object
  }

  static func json(_ item: PlanItem, _ estimator: any TokenEstimator) -> [String: Any] {
    var provenance: [String: Any] = ["kind": item.provenance.kind]
    switch item.provenance {
    case .rule(let pack, let version, let rule, let sources):
      provenance["pack"] = pack
      provenance["version"] = version
      provenance["rule"] = rule
      provenance["sources"] = sources.map { source -> [String: Any] in
        var s: [String: Any] = [:]
        if let corpus = source.corpus { s["corpus"] = corpus }
        if let path = source.path { s["path"] = path }
        if let line = source.line { s["line"] = line }
        if let quote = source.quote { s["quote"] = quote }
        if let url = source.url { s["url"] = url }
        if let section = source.section { s["section"] = section }
        return s
      }
    case .spec(let file, let pointer):
      provenance["file"] = file
      provenance["pointer"] = pointer
    case .specImplication(let file, let pointers):
      provenance["file"] = file
      provenance["pointers"] = pointers
      provenance["implication"] = true
    case .manifest(let file, let key):
      provenance["file"] = file
      provenance["key"] = key
    }
    var object: [String: Any] = [
      "id": item.id, "topic": item.topic.rawValue, "severity": item.severity.rawValue,
      "statement": item.statement, "tokens": estimator.tokens(in: item.statement),
      "provenance": provenance, "value": (item.value * 10_000).rounded() / 10_000,
    ]
    if let breaks = item.breaks { object["breaks"] = breaks.rawValue }
    if let likelihood = item.likelihood { object["likelihood"] = likelihood.rawValue }
    return object
  }
}
