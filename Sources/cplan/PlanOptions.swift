import ArgumentParser
import CPlanCore
import CPlanCorpus
import CPlanModel
import CPlanPlanning
import Foundation

/// Options shared by the commands that plan and render.
struct PlanOptions: ParsableArguments {
  @OptionGroup var load: LoadOptions

  @Option(
    help: ArgumentHelp(
      "Token budget of the rendered plan section, headings included (estimated as UTF-8 bytes "
        + "/ 4), or 'none'.", valueName: "tokens|none"))
  var budget: Budget = .tokens(Planner.defaultBudget)

  @Option(help: ArgumentHelp("A folder of .mustache files overriding the built-in templates.",
    valueName: "dir"))
  var templates: String?

  @Option(help: ArgumentHelp("An OpenAPI spec to use instead of each manifest's.",
    valueName: "file"))
  var spec: String?

  @Option(
    name: [.customLong("index"), .customLong("corpus-index")],
    help: ArgumentHelp(
      "The corpus index the rag arms retrieve from (see 'cplan corpus index'); --corpus-index "
        + "is the old name.", valueName: "file"))
  var corpusIndex: String = ".cplan/index.sqlite"

  @Option(help: "Estimated tokens of the rag arms' excerpts.")
  var excerptBudget = 2500

  func validate() throws {
    if CommandLine.arguments.contains(where: { $0 == "--corpus-index" || $0.hasPrefix("--corpus-index=") }) {
      StandardError.write("note: --corpus-index is now --index, as in the corpus commands\n")
    }
  }

  /// A retriever over the corpus index, or exit 2 when the arms need one and it is missing.
  func retriever(for arms: [Arm]) throws -> Retriever? {
    guard let arm = arms.first(where: \.needsCorpus) else { return nil }
    guard FileManager.default.fileExists(atPath: corpusIndex),
      let index = try? CorpusIndex(path: corpusIndex, readOnly: true), let corpora = try? index.corpora(),
      !corpora.isEmpty
    else {
      StandardError.write("error: \(RenderError.armNeedsCorpus(arm)) (no index at '\(corpusIndex)')\n")
      throw ExitCode(2)
    }
    return Retriever(index: index, budget: excerptBudget)
  }

  /// Loads manifests and packs, prints their diagnostics, and opens a planning session.
  /// Exits 2 on unreadable input and 1 when the constraints have errors.
  func session(_ paths: [String]) throws -> PlanningSession {
    let set = load.load(paths)
    StandardError.diagnostics(set.diagnostics)
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
      constraints: set, planner: Planner(budget: budget.tokens),
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

/// A plan budget: a number of tokens or `none`.
enum Budget: ExpressibleByArgument, Equatable {
  case tokens(Int)
  case none

  init?(argument: String) {
    if argument == "none" {
      self = .none
    } else if let value = Int(argument), value > 0 {
      self = .tokens(value)
    } else {
      return nil
    }
  }

  /// The number of tokens, nil for none.
  var tokens: Int? {
    if case .tokens(let value) = self { return value }
    return nil
  }

  var defaultValueDescription: String {
    tokens.map(String.init) ?? "none"
  }
}
