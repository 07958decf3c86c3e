import ArgumentParser
import CPlanCore
import Foundation

/// The `cplan` command: parses arguments, calls the library, maps results to exit codes
/// (0 success, 1 findings or failed checks, 2 usage or input error).
@main
struct CPlan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cplan",
    abstract: "Constraint-oriented planning preprocessor for LLM coding agents.",
    discussion: """
      cplan reads YAML constraint manifests and rule packs, expands a framework's implicit conventions into explicit, cited statements, and emits prompts for baseline and planned experiment arms. It works from any folder: the shipped packs, corpus registry and schemas are inside the binary; a project's own Constraints/ folder, CPLAN_PATH and --packs add to or replace them.

      Exit status: 0 success, 1 errors or findings, 2 usage error or unreadable input.

      Examples:
        cplan init                                   # a manifest for the project in this folder
        cplan plan cplan.yaml --variant fastapi-openapi-postgres-sqlalchemy
        cplan matrix Constraints/manifests/demo/bookmarks.yaml --out out/demo
        cplan packs export --target claude --pack fastapi --out .
        cplan verify generated/ --name django-openapi-clean_architecture-postgres
        cplan --generate-completion-script zsh > _cplan
      """,
    version: "0.1.0",
    subcommands: [
      Init.self, Validate.self, Variants.self, PlanCommand.self, PromptCommand.self,
      Matrix.self, Augment.self, Corpus.self, Packs.self, Compare.self, Verify.self, Bench.self,
    ]
  )

  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    StandardError.json = zip(arguments, arguments.dropFirst()).contains {
      $0 == "--format" && $1 == "json"
    } || arguments.contains("--format=json")
    suggestSubcommand(arguments)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        // Usage errors exit 2, like every other input error of cplan.
        if StandardError.json {
          StandardError.write("error: " + message(for: error) + "\n")
        } else {
          FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        }
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }

  /// A mistyped subcommand (`cplan varients`, `cplan packs lsit`) exits 2 with the closest name.
  static func suggestSubcommand(_ arguments: [String]) {
    var command: ParsableCommand.Type = CPlan.self
    var path = ["cplan"]
    for argument in arguments {
      let children = command.configuration.subcommands
      guard !children.isEmpty, !argument.hasPrefix("-") else { return }
      let names = children.map { $0._commandName }
      if let next = children.first(where: { $0._commandName == argument }) {
        command = next
        path.append(argument)
        continue
      }
      if argument == "help" { return }
      let hint = Suggestion.didYouMean(argument, in: names).map { "; \($0)" } ?? ""
      StandardError.write(
        "error: unknown command '\(argument)'\(hint); commands: \(names.joined(separator: ", ")) "
          + "(see '\(path.joined(separator: " ")) --help')\n")
      Foundation.exit(2)
    }
  }
}
