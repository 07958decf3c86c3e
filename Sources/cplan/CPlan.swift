import ArgumentParser
import Foundation

/// The `cplan` command: parses arguments, calls the library, maps results to exit codes
/// (0 success, 1 findings or failed checks, 2 usage or input error).
@main
struct CPlan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cplan",
    abstract: "Constraint-oriented planning preprocessor for LLM coding agents.",
    discussion: """
      cplan reads YAML constraint manifests and rule packs, expands a framework's implicit conventions into explicit, cited statements, and emits prompts for baseline and planned experiment arms.

      Exit status: 0 success, 1 errors or findings, 2 usage error or unreadable input.
      """,
    version: "0.1.0",
    subcommands: [
      Validate.self, Variants.self, PlanCommand.self, PromptCommand.self, Matrix.self,
      Augment.self, Corpus.self, Packs.self, Compare.self, Verify.self, Bench.self,
    ]
  )

  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        // Usage errors exit 2, like every other input error of cplan.
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
