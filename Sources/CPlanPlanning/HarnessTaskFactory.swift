import CPlanCore
import CPlanModel

/// Builds new task JSONs for the paper's harness from a manifest and a prompt.
enum HarnessTaskFactory {
  /// The task as `json.dumps(indent=4)` writes it, with the harness's key order.
  static func json(manifest: Manifest, name: String, constraints: [String], prompt: String)
    -> String
  {
    let folder = manifest.runtime.dockerFolder
    let described = constraints.isEmpty ? "unconstrained" : constraints.joined(separator: "-")
    let task = PythonJSON.Value.object([
      ("name", .string(name)),
      (
        "description",
        .string("\(folder) generation for \(manifest.framework) with openapi. Constraints: \(described).")
      ),
      ("prompt", .string(prompt)),
      ("dockerFolder", .string(folder)),
      ("patch", .null),
      (
        "repoMetadata",
        .object([
          ("repoUrl", .null), ("repoCommit", .null),
          ("setupCmds", .array(manifest.pipeline.setup.map { .string($0) })),
          ("runCmds", .array(manifest.pipeline.run.map { .string($0) })),
          ("port", .int(manifest.server.port)),
          ("baseUrl", manifest.server.prefix.map { .string($0) } ?? .null),
          ("healthcheckEndpoint", manifest.server.health.map { .string($0) } ?? .null),
        ])
      ),
      ("taskMetadata", .null),
      ("postmanCollection", manifest.pipeline.suite.map { .string($0) } ?? .null),
    ])
    return PythonJSON.encode(task, asciiOnly: true)
  }
}
