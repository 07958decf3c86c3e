import CPlanCore

/// A predicate over a variant and its manifest, as written in a rule's `when` or a `requires`.
public indirect enum Condition: Sendable, Hashable {
  /// Always holds (an absent `when`).
  case always
  /// The variant's value of `dimension` is one of `values` (`none`: unset, `any`: set).
  case dimension(Located<String>, values: [Located<String>])
  /// The manifest's framework is one of these.
  case framework([Located<String>])
  /// The manifest's runtime is one of these.
  case runtime([Located<String>])
  /// Every condition holds.
  case allOf([Condition])
  /// At least one condition holds.
  case anyOf([Condition])
  /// The condition does not hold.
  case not(Condition)

  /// The value words with special meaning in a dimension match.
  public static let noneValue = "none"
  /// Matches any value other than `none`.
  public static let anyValue = "any"

  /// Whether the condition holds for a variant of a manifest.
  /// - Parameters:
  ///   - variant: the variant; a dimension it lacks counts as `none`.
  ///   - framework: the manifest's framework.
  ///   - runtime: the manifest's runtime.
  public func holds(for variant: Variant, framework: String, runtime: String) -> Bool {
    switch self {
    case .always: return true
    case .dimension(let dimension, let values):
      let actual = variant.value(of: dimension.value)
      return values.contains { expected in
        switch expected.value {
        case Self.noneValue: actual == nil
        case Self.anyValue: actual != nil
        default: actual == expected.value
        }
      }
    case .framework(let names): return names.contains { $0.value == framework }
    case .runtime(let names): return names.contains { $0.value == runtime }
    case .allOf(let conditions):
      return conditions.allSatisfy { $0.holds(for: variant, framework: framework, runtime: runtime) }
    case .anyOf(let conditions):
      return conditions.contains { $0.holds(for: variant, framework: framework, runtime: runtime) }
    case .not(let condition):
      return !condition.holds(for: variant, framework: framework, runtime: runtime)
    }
  }

  /// Every dimension match in the condition, for checking names against a vocabulary.
  public var dimensionMatches: [(dimension: Located<String>, values: [Located<String>])] {
    switch self {
    case .always, .framework, .runtime: return []
    case .dimension(let d, let v): return [(d, v)]
    case .allOf(let cs), .anyOf(let cs): return cs.flatMap(\.dimensionMatches)
    case .not(let c): return c.dimensionMatches
    }
  }

  /// Every framework named in the condition.
  public var frameworkNames: [Located<String>] {
    switch self {
    case .always, .dimension, .runtime: return []
    case .framework(let names): return names
    case .allOf(let cs), .anyOf(let cs): return cs.flatMap(\.frameworkNames)
    case .not(let c): return c.frameworkNames
    }
  }

  /// A compact human-readable form, e.g. `database=postgres and orm=any`.
  public var summary: String {
    switch self {
    case .always: return "always"
    case .dimension(let d, let v):
      return "\(d.value)=\(v.map(\.value).joined(separator: "|"))"
    case .framework(let n): return "framework=\(n.map(\.value).joined(separator: "|"))"
    case .runtime(let n): return "runtime=\(n.map(\.value).joined(separator: "|"))"
    case .allOf(let cs): return cs.map(\.summary).joined(separator: " and ")
    case .anyOf(let cs): return "(" + cs.map(\.summary).joined(separator: " or ") + ")"
    case .not(let c): return "not (\(c.summary))"
    }
  }
}
