import ArgumentParser
import CPlanCore
import CPlanModel
import CPlanPlanning
import Foundation

/// Options shared by the commands that plan and render.
struct PlanOptions: ParsableArguments {
  @OptionGroup var load: LoadOptions

  @Option(help: "Token budget of the plan's statements (estimated as UTF-8 bytes / 4).")
  var budget: Int?

  @Option(help: ArgumentHelp("A folder of .mustache files overriding the built-in templates.",
    valueName: "dir"))
  var templates: String?

  @Option(help: ArgumentHelp("An OpenAPI spec to use instead of each manifest's.",
    valueName: "file"))
  var spec: String?

  func validate() throws {
    if let budget, budget < 1 { throw ValidationError("'--budget' must be a positive number") }
  }

  /// Loads manifests and packs, prints their diagnostics, and opens a planning session.
  /// Exits 2 on unreadable input and 1 when the constraints have errors.
  func session(_ paths: [String]) throws -> PlanningSession {
    let set = load.load(paths)
    StandardError.write(DiagnosticReporter.text(set.diagnostics))
    let code = set.exitCode(strict: load.strict)
    if code != 0 { throw ExitCode(code) }
    if set.manifests.isEmpty {
      StandardError.write("error: no manifest among the given files\n")
      throw ExitCode(2)
    }
    let templateSet: TemplateSet
    do {
      templateSet = try TemplateSet(overrides: templates)
    } catch {
      StandardError.write("error: \(error)\n")
      throw ExitCode(2)
    }
    return PlanningSession(
      constraints: set, planner: Planner(budget: budget),
      renderer: PromptRenderer(templates: templateSet), specOverride: spec)
  }
}

/// Picks variants by name or level across the loaded manifests.
struct VariantSelection: ParsableArguments {
  @Option(help: "The variant's task name, e.g. django-openapi-sqlite (see 'cplan variants').")
  var variant: String?

  @Option(help: "Every variant of this level instead of one variant.")
  var level: Int?

  func validate() throws {
    if (variant == nil) == (level == nil) {
      throw ValidationError("give exactly one of '--variant NAME' and '--level N'")
    }
  }

  /// The selected (manifest, variant) pairs, in manifest then variant order.
  func resolve(in manifests: [Manifest]) throws -> [(Manifest, Variant)] {
    var result: [(Manifest, Variant)] = []
    for manifest in manifests {
      for candidate in manifest.variants
      where candidate.name == variant || (level != nil && candidate.level == level) {
        result.append((manifest, candidate))
      }
    }
    if result.isEmpty {
      let names = manifests.flatMap { $0.variants.map(\.name) }
      let hint = variant.flatMap { Suggestion.didYouMean($0, in: names) }.map { "; \($0)" } ?? ""
      let what = variant.map { "variant '\($0)'" } ?? "variants of level \(level ?? 0)"
      StandardError.write("error: no \(what) in the given manifests\(hint)\n")
      throw ExitCode(2)
    }
    if variant != nil, result.count > 1 {
      StandardError.write(
        "error: variant '\(variant!)' exists in several manifests; name one manifest file\n")
      throw ExitCode(2)
    }
    return result
  }
}
