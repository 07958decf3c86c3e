import CPlanCore
import Foundation

/// Checks that span files: ids unique across packs, conditions naming known dimensions and
/// values, conflicts naming known rules, manifests with variants and a spec.
enum CrossChecks {
  static func run(on set: ConstraintSet) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    diagnostics += uniqueIDs(set)
    for manifest in set.manifests { diagnostics += check(manifest) }
    let allRules = Set(set.packs.flatMap { $0.rules.map(\.id) })
    for pack in set.packs {
      let users = set.manifests.filter { $0.packs.contains { $0.value == pack.id } }
      let vocabulary = Vocabulary(manifests: users.isEmpty ? set.manifests : users)
      diagnostics += vocabulary.check(pack.applies, frameworksAsWarnings: true)
      for rule in pack.rules {
        diagnostics += vocabulary.check(rule.when, frameworksAsWarnings: true)
        for conflict in rule.conflicts where !allRules.contains(conflict.value) {
          diagnostics.append(
            .error(
              "unknown-rule", "rule '\(rule.id)' conflicts with '\(conflict.value)', which no "
                + "loaded pack defines", at: conflict.location,
              suggestion: Suggestion.didYouMean(conflict.value, in: allRules.sorted())))
        }
      }
    }
    return diagnostics
  }

  private static func uniqueIDs(_ set: ConstraintSet) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var packs: [String: SourceLocation] = [:]
    var rules: [String: (pack: String, at: SourceLocation)] = [:]
    for pack in set.packs {
      if let first = packs[pack.id] {
        diagnostics.append(
          .error(
            "duplicate-id", "pack id '\(pack.id)' is used by two files", at: pack.idLocation,
            notes: [.init("first used here", at: first)]))
        continue
      }
      packs[pack.id] = pack.idLocation
      for rule in pack.rules {
        if let first = rules[rule.id] {
          diagnostics.append(
            .error(
              "duplicate-rule-id",
              "rule id '\(rule.id)' is already defined in pack '\(first.pack)'",
              at: rule.idLocation, suggestion: "rule ids must be unique across all packs",
              notes: [.init("first defined here", at: first.at)]))
        } else {
          rules[rule.id] = (pack.id, rule.idLocation)
        }
      }
    }
    return diagnostics
  }

  private static func check(_ manifest: Manifest) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let vocabulary = Vocabulary(manifests: [manifest])
    for requirement in manifest.requires {
      diagnostics += vocabulary.check(requirement.condition, frameworksAsWarnings: false)
      diagnostics += vocabulary.check(requirement.then, frameworksAsWarnings: false)
    }
    let databaseValues = manifest.dimension("database")?.values.map(\.id) ?? []
    for settings in manifest.databases where !databaseValues.contains(settings.valueID) {
      diagnostics.append(
        .error(
          "unknown-value",
          "'databases' has settings for '\(settings.valueID)', which is not a value of the "
            + "'database' dimension", at: settings.location,
          suggestion: Suggestion.didYouMean(settings.valueID, in: databaseValues)))
    }
    let size = manifest.variantSpaceSize
    if size > Manifest.variantSpaceLimit {
      let spans = manifest.dimensions.map { "'\($0.id)' \($0.values.count + 1)" }
      diagnostics.append(
        .error(
          "too-many-variants",
          "the dimensions of manifest '\(manifest.id)' span "
            + (size == Int.max ? "more combinations than can be counted" : "\(size) combinations")
            + ", over the limit of \(Manifest.variantSpaceLimit) (values and none: "
            + spans.joined(separator: ", ") + ")",
          at: manifest.dimensions.first?.location ?? .start(of: manifest.file),
          suggestion: "split the manifest, or constrain fewer dimensions at once"))
    } else if manifest.variants.isEmpty {
      diagnostics.append(
        .error(
          "no-variants", "the 'requires' rules exclude every variant of manifest '\(manifest.id)'",
          at: manifest.requires.first?.location ?? .start(of: manifest.file)))
    }
    let frameworks = StackVocabulary.frameworks.map(\.0)
    if !frameworks.contains(manifest.framework) {
      let hint = Suggestion.didYouMean(manifest.framework, in: frameworks)
      diagnostics.append(
        .warning(
          "unknown-framework",
          "no shipped pack targets framework '\(manifest.framework)'; packs whose rules name a "
            + "framework will not apply", at: manifest.frameworkLocation ?? .start(of: manifest.file),
          suggestion: hint ?? "known frameworks: " + frameworks.joined(separator: ", ")))
    }
    for dimension in manifest.dimensions {
      guard let known = knownValues[dimension.id] else { continue }
      for value in dimension.values where !known.contains(value.id) {
        guard let hint = Suggestion.didYouMean(value.id, in: known) else { continue }
        diagnostics.append(
          .warning(
            "unknown-value",
            "no shipped pack knows \(dimension.id) '\(value.id)'; rules for a \(dimension.id) "
              + "will not apply", at: dimension.location, suggestion: hint))
      }
    }
    if !FileManager.default.fileExists(atPath: manifest.specURL.path) {
      diagnostics.append(
        .warning(
          "spec-not-found", "spec '\(manifest.spec.value)' not found at \(manifest.specURL.path)",
          at: manifest.spec.location,
          suggestion: "plans and prompts need it; pass --spec FILE to use another"))
    }
    return diagnostics
  }
}

/// Values of the common dimensions that the shipped packs know; a value close to one of these
/// but not equal is most likely a typo.
private let knownValues: [String: [String]] = [
  "database": ["sqlite", "postgres", "mysql", "mariadb", "mongodb"],
  "orm": ["sqlalchemy", "sequelize", "prisma", "typeorm", "django-orm"],
  "architecture": ["clean", "layered", "hexagonal"],
]

/// The dimensions, values and frameworks that a set of manifests declares.
struct Vocabulary {
  /// The frameworks of the paper's harness: a pack may name them without a loaded manifest.
  static let knownFrameworks: Set<String> = [
    "aiohttp", "django", "fastapi", "flask", "express", "fastify", "hono", "koa",
  ]

  var dimensions: [String: [String]] = [:]
  var frameworks: Set<String> = []
  let isEmpty: Bool

  init(manifests: [Manifest]) {
    isEmpty = manifests.isEmpty
    for manifest in manifests {
      frameworks.insert(manifest.framework)
      for dimension in manifest.dimensions {
        dimensions[dimension.id, default: []] += dimension.values.map(\.id)
      }
    }
    // Shared packs serve manifests of both runtimes: a rule for Sequelize is not a typo when
    // only Python manifests are loaded.
    for (dimension, values) in Self.standardValues where dimensions[dimension] != nil {
      dimensions[dimension]! += values.filter { !dimensions[dimension]!.contains($0) }
    }
  }

  /// Values of the standard dimensions that conditions may always name.
  static let standardValues: [String: [String]] = [
    "architecture": ["clean"], "database": ["sqlite", "postgres"],
    "orm": ["sqlalchemy", "sequelize"],
  ]

  func check(_ condition: Condition, frameworksAsWarnings: Bool) -> [Diagnostic] {
    guard !isEmpty else { return [] }
    var diagnostics: [Diagnostic] = []
    for (dimension, values) in condition.dimensionMatches {
      guard let known = dimensions[dimension.value] else {
        diagnostics.append(
          .error(
            "unknown-dimension", "unknown dimension '\(dimension.value)'",
            at: dimension.location,
            suggestion: Suggestion.didYouMean(
              dimension.value, in: dimensions.keys.sorted() + Condition.combinatorKeys)))
        continue
      }
      let allowed = [Condition.noneValue, Condition.anyValue] + known
      for value in values where !allowed.contains(value.value) {
        diagnostics.append(
          .error(
            "unknown-value",
            "unknown value '\(value.value)' of dimension '\(dimension.value)'; expected one of: "
              + allowed.joined(separator: ", "), at: value.location,
            suggestion: Suggestion.didYouMean(value.value, in: allowed)))
      }
    }
    if frameworksAsWarnings {
      for name in condition.frameworkNames
      where !frameworks.contains(name.value) && !Self.knownFrameworks.contains(name.value) {
        diagnostics.append(
          .warning(
            "unknown-value", "no loaded manifest uses framework '\(name.value)'",
            at: name.location,
          suggestion: Suggestion.didYouMean(
            name.value, in: frameworks.union(Self.knownFrameworks).sorted())))
      }
    }
    return diagnostics
  }
}
