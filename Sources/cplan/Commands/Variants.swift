import ArgumentParser
import CPlanCore
import CPlanModel
import Foundation

extension CPlan {
  struct Variants: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the variant matrix of manifests: every allowed combination and its level.",
      discussion: """
        A variant gives each dimension one of its values or 'none' and is kept when every 'requires' rule holds. Its level is the number of dimensions set; its name is the harness task name '{framework}-openapi-{tokens}' or '{framework}-openapi-unconstrained'.

        Examples:
          cplan variants Constraints/manifests/demo/bookmarks.yaml
          cplan variants Constraints/manifests/conduit --level 3
          cplan variants Constraints/manifests/conduit --format json | jq '.manifests[].variants[].name'
        """)

    @Argument(help: ArgumentHelp("Manifest files or folders.", valueName: "manifest"))
    var paths: [String]

    @OptionGroup var load: LoadOptions

    @Option(help: "Only variants of this level.")
    var level: Int?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
      let set = load.load(paths)
      StandardError.diagnostics(set.diagnostics)
      let manifests = set.manifests
      if manifests.isEmpty, !set.diagnostics.hasErrors {
        StandardError.write("error: no manifest among the given files\n")
        throw ExitCode(2)
      }
      switch format {
      case .text: print(table(manifests), terminator: "")
      case .json: print(try JSONOutput.string(["manifests": manifests.map(json)]), terminator: "")
      }
      let code = set.exitCode(strict: load.strict)
      if code != 0 { throw ExitCode(code) }
    }

    private func selected(_ manifest: Manifest) -> [Variant] {
      manifest.variants.filter { level == nil || $0.level == level }
    }

    private func table(_ manifests: [Manifest]) -> String {
      var out = ""
      for (index, manifest) in manifests.enumerated() {
        let variants = selected(manifest)
        if index > 0 { out += "\n" }
        out += "\(manifest.id) (\(manifest.file)): \(variants.count) variants\n"
        let header = ["level", "name"] + manifest.dimensions.map(\.id)
        let rows = variants.map { variant in
          ["\(variant.level)", variant.name]
            + variant.assignments.map { $0.value ?? "-" }
        }
        out += TextTable.render(header: header, rows: rows)
      }
      return out
    }

    private func json(_ manifest: Manifest) -> [String: Any] {
      [
        "id": manifest.id,
        "file": manifest.file,
        "framework": manifest.framework,
        "runtime": manifest.runtime.rawValue,
        "dimensions": manifest.dimensions.map { dimension in
          ["id": dimension.id, "values": dimension.values.map(\.id)] as [String: Any]
        },
        "variants": selected(manifest).map { variant in
          [
            "name": variant.name,
            "level": variant.level,
            "constraints": variant.constraints,
            "values": Dictionary(
              uniqueKeysWithValues: variant.assignments.map {
                ($0.dimension, $0.value.map { $0 as Any } ?? NSNull())
              }),
          ] as [String: Any]
        },
      ]
    }
  }
}
