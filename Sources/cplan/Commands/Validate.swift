import ArgumentParser
import CPlanCore
import CPlanModel
import Foundation

extension CPlan {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check manifests and rule packs, reporting every problem with its position.",
      discussion: """
        Files are told apart by content: a mapping with 'rules' is a pack, one with 'framework' or 'dimensions' is a manifest; OpenAPI specs found in folders are skipped. Packs named by manifests are loaded and checked too.

        Examples:
          cplan validate Constraints
          cplan validate Constraints/manifests/demo/bookmarks.yaml --format json
          cplan validate my-manifest.yaml --packs my-packs --strict
        """)

    @Argument(help: ArgumentHelp("Files or folders to check.", valueName: "file|dir"))
    var paths: [String]

    @OptionGroup var load: LoadOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
      let set = load.load(paths)
      let code = set.exitCode(strict: load.strict)
      switch format {
      case .text:
        StandardError.diagnostics(set.diagnostics)
        let manifests = set.files.filter { $0.kind == .manifest }.count
        let packs = set.files.filter { $0.kind == .pack }.count
        let verdict = code == 0 ? "ok" : "failed"
        print(
          "\(verdict): \(manifests) manifest\(manifests == 1 ? "" : "s"), \(packs) "
            + "pack\(packs == 1 ? "" : "s"); " + DiagnosticReporter.summary(
              set.diagnostics, files: set.files.count))
      case .json:
        let object: [String: Any] = [
          "ok": code == 0,
          "files": set.files.map { ["path": $0.path, "kind": $0.kind?.rawValue ?? NSNull()] as [String: Any] },
          "diagnostics": DiagnosticReporter.jsonObjects(set.diagnostics),
          "errors": set.diagnostics.filter { $0.severity == .error }.count,
          "warnings": set.diagnostics.filter { $0.severity == .warning }.count,
        ]
        print(try JSONOutput.string(object), terminator: "")
      }
      if code != 0 { throw ExitCode(code) }
    }
  }
}
