extension Manifest {
  /// The most combinations a manifest's dimensions may span (before `requires` filters them):
  /// the paper's space has 12, and 4,096 is 12 two-valued dimensions.
  public static let variantSpaceLimit = 4096

  /// How many combinations the dimensions span (each value or `none`), saturating at
  /// `Int.max`; computed without building any variant.
  public var variantSpaceSize: Int {
    var size = 1
    for dimension in dimensions {
      let (product, overflow) = size.multipliedReportingOverflow(by: dimension.values.count + 1)
      if overflow { return Int.max }
      size = product
    }
    return size
  }

  /// Every variant that satisfies the manifest's `requires` rules, ordered by level, then by each
  /// dimension's values in declaration order (`none` first). Empty when the space exceeds
  /// `variantSpaceLimit` (validation reports it).
  public var variants: [Variant] {
    guard variantSpaceSize <= Self.variantSpaceLimit else { return [] }
    var result: [Variant] = []
    var indices = [Int](repeating: 0, count: dimensions.count)
    while true {
      let variant = makeVariant(indices)
      let allowed = requires.allSatisfy { requirement in
        !requirement.condition.holds(for: variant, framework: framework, runtime: runtime.rawValue)
          || requirement.then.holds(for: variant, framework: framework, runtime: runtime.rawValue)
      }
      if allowed { result.append(variant) }
      // Advance the odometer; the last dimension turns fastest.
      var position = dimensions.count - 1
      while position >= 0 {
        indices[position] += 1
        if indices[position] <= dimensions[position].values.count { break }
        indices[position] = 0
        position -= 1
      }
      if position < 0 { break }
    }
    return result.enumerated().sorted { lhs, rhs in
      lhs.element.level != rhs.element.level
        ? lhs.element.level < rhs.element.level : lhs.offset < rhs.offset
    }.map(\.element)
  }

  /// The variant with this task name, or nil.
  public func variant(named name: String) -> Variant? {
    variants.first { $0.name == name }
  }

  /// Builds the variant for value indices (0 = `none`, k = the k-th declared value).
  private func makeVariant(_ indices: [Int]) -> Variant {
    var assignments: [Variant.Assignment] = []
    for (dimension, index) in zip(dimensions, indices) {
      let value = index == 0 ? nil : dimension.values[index - 1]
      assignments.append(
        Variant.Assignment(dimension: dimension.id, value: value?.id, token: value?.token))
    }
    let tokens = assignments.compactMap(\.token)
    return Variant(
      name: Variant.taskName(framework: framework, constraints: tokens), level: tokens.count,
      assignments: assignments)
  }
}
