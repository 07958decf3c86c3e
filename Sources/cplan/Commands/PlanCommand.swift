import ArgumentParser
import CPlanCore
import CPlanPlanning
import Foundation

extension CPlan {
  struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "plan",
      abstract: "Show the explicit plan of a variant: every statement that applies, with its source.",
      discussion: """
        The plan gathers the rules of the manifest's packs whose 'when' holds, statements derived from the manifest (files, server, database, pipeline) and the contract checklist derived from the API spec; removes duplicates and whatever the prompt already says; resolves or reports conflicts; and fits the token budget of the rendered section (default 2000, '--budget none' lifts it), keeping the statements of highest expected value per token: what breaks when a statement is ignored, times how likely an agent is to miss it. The Markdown is what the planned arm inserts; '--format json' adds every statement's provenance (pack, version, rule, sources), value, and what was dropped and why.

        Examples:
          cplan plan Constraints/manifests/demo/bookmarks.yaml --variant fastapi-openapi-sqlite
          cplan plan Constraints/manifests/conduit/django.yaml --level 3 --format json
          cplan plan Constraints/manifests/conduit --variant koa-openapi-postgres --budget 1500
          cplan plan Constraints/manifests/conduit/fastapi.yaml --level 3 --budget none
        """)

    @Argument(help: ArgumentHelp("A manifest file, or a folder of manifests.", valueName: "manifest"))
    var paths: [String]

    @OptionGroup var selection: VariantSelection
    @OptionGroup var options: PlanOptions

    @Option(help: "Output format: md or json.")
    var format: PlanFormat = .md

    enum PlanFormat: String, CaseIterable, ExpressibleByArgument { case md, json }

    func run() throws {
      let session = try options.session(paths)
      let pairs = try selection.resolve(in: session.constraints.manifests)
      var texts: [String] = []
      var objects: [[String: Any]] = []
      var failed = false
      for (manifest, variant) in pairs {
        let specDiagnostics = session.specDiagnostics(for: manifest)
        StandardError.diagnostics(specDiagnostics)
        // A spec with errors (cycles, broken references) still plans, but the run reports it.
        failed = failed || specDiagnostics.hasErrors
        let plan: Plan
        do {
          plan = try session.plan(manifest, variant)
        } catch let error as RenderError {
          StandardError.write("error: \(error)\n")
          throw ExitCode(2)
        }
        StandardError.diagnostics(plan.diagnostics)
        failed = failed || plan.diagnostics.hasErrors
        switch format {
        case .md: texts.append(try session.renderer.planSection(plan))
        case .json: objects.append(plan.jsonObject(estimator: session.planner.estimator))
        }
      }
      switch format {
      case .md: print(texts.joined(separator: "\n\n"))
      case .json:
        print(try JSONOutput.string(objects.count == 1 ? objects[0] : objects), terminator: "")
      }
      if failed { throw ExitCode(1) }
    }
  }

  struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "prompt",
      abstract: "Print the prompt of one variant in one arm.",
      discussion: """
        Arms: baseline (no augmentation), planned (adds the explicit-constraints section); rag and planned+rag need a documentation corpus.

        Examples:
          cplan prompt Constraints/manifests/demo/bookmarks.yaml --variant fastapi-openapi-sqlite --arm planned
          cplan prompt Constraints/manifests/conduit/flask.yaml --variant flask-openapi-unconstrained --arm baseline
          cplan prompt my.yaml --variant x-openapi-postgres --arm planned --spec other.yaml --templates my-templates
        """)

    @Argument(help: ArgumentHelp("A manifest file, or a folder of manifests.", valueName: "manifest"))
    var paths: [String]

    @Option(help: "The variant's task name.")
    var variant: String

    @Option(help: "baseline, planned, rag or planned+rag.")
    var arm: String = "baseline"

    @OptionGroup var options: PlanOptions

    func run() throws {
      let arms: [Arm]
      do { arms = try Arm.list(arm) } catch { throw ValidationError("\(error)") }
      guard arms.count == 1 else { throw ValidationError("'--arm' takes one arm") }
      let session = try options.session(paths)
      session.retriever = try options.retriever(for: arms)
      let selection = try VariantSelection.parse(["--variant", variant])
      let (manifest, chosen) = try selection.resolve(in: session.constraints.manifests)[0]
      do {
        let (text, plan) = try session.prompt(manifest, chosen, arm: arms[0])
        let specDiagnostics = session.specDiagnostics(for: manifest)
        StandardError.diagnostics(specDiagnostics + (plan?.diagnostics ?? []))
        print(text, terminator: "")
        if plan?.diagnostics.hasErrors == true || specDiagnostics.hasErrors { throw ExitCode(1) }
      } catch let error as RenderError {
        StandardError.write("error: \(error)\n")
        throw ExitCode(2)
      }
    }
  }
}
