import CPlanCore
import CPlanModel
import Foundation

/// How `matrix` writes prompts.
public enum MatrixFormat: String, Sendable, CaseIterable {
  /// `{arm}/{variant}.md`: the prompt text.
  case text
  /// `{arm}/{dockerFolder}/{dockerFolder}-{variant}.json`: a task JSON for the paper's harness.
  case harness
  /// `{arm}.jsonl`: one JSON object per variant.
  case jsonl
}

/// One (variant, arm) output and what the index says of it.
public struct MatrixEntry: Sendable {
  /// The variant's task name.
  public var name: String
  /// The manifest's id.
  public var manifest: String
  /// The variant's level.
  public var level: Int
  /// The arm.
  public var arm: Arm
  /// The variant's constraint tokens.
  public var constraints: [String]
  /// The file written, relative to the output folder.
  public var file: String
  /// The prompt itself.
  public var prompt: String
  /// Plan statements by source kind (empty for arms without a plan).
  public var provenance: [String: Int]
  /// Plan diagnostics.
  public var diagnostics: [Diagnostic]
  /// The plan, for arms that have one.
  public var plan: Plan?
}

/// Renders every (variant, arm) of manifests into files for an output folder.
public struct MatrixBuilder: Sendable {
  /// The session that plans and renders.
  public let session: PlanningSession
  /// The arms, in output order.
  public let arms: [Arm]
  /// The output format.
  public let format: MatrixFormat

  /// Creates a builder.
  public init(session: PlanningSession, arms: [Arm], format: MatrixFormat) {
    self.session = session
    self.arms = arms
    self.format = format
  }

  /// Every entry, in manifest, variant, then arm order.
  /// - Parameter progress: called after each entry with (done, total).
  /// - Throws: `RenderError` or `TemplateError`.
  public func entries(progress: (Int, Int) -> Void = { _, _ in }) throws -> [MatrixEntry] {
    // Sorted by id, so the output does not depend on the order the files were given in.
    let manifests = session.constraints.manifests.sorted { $0.id < $1.id }
    let total = manifests.reduce(0) { $0 + $1.variants.count } * arms.count
    var entries: [MatrixEntry] = []
    for manifest in manifests {
      // Each manifest's variants and arms are planned and rendered on every core.
      let jobs = manifest.variants.flatMap { variant in arms.map { (variant, $0) } }
      let session = session
      let results = Parallel.map(jobs.count) { index -> Result<MatrixEntry, Error> in
        let (variant, arm) = jobs[index]
        return Result {
          let (prompt, plan) = try session.prompt(manifest, variant, arm: arm)
          return MatrixEntry(
            name: variant.name, manifest: manifest.id, level: variant.level, arm: arm,
            constraints: variant.constraints, file: file(for: manifest, variant, arm),
            prompt: prompt, provenance: plan?.provenanceCounts ?? [:],
            diagnostics: plan?.diagnostics ?? [], plan: plan)
        }
      }
      for result in results { entries.append(try result.get()) }
      progress(entries.count, total)
    }
    return entries
  }

  private func file(for manifest: Manifest, _ variant: Variant, _ arm: Arm) -> String {
    switch format {
    case .text: "\(arm.rawValue)/\(variant.name).md"
    case .harness:
      "\(arm.rawValue)/\(manifest.runtime.dockerFolder)/\(manifest.runtime.dockerFolder)-\(variant.name).json"
    case .jsonl: "\(arm.rawValue).jsonl"
    }
  }

  /// The files to write: relative path → bytes, including `index.json`.
  public func files(for entries: [MatrixEntry]) -> [(path: String, data: Data)] {
    let estimator = session.planner.estimator
    var files: [(String, Data)] = []
    var lines: [String: [String]] = [:]
    var index: [[String: Any]] = []
    for entry in entries {
      let manifest = session.constraints.manifests.first { $0.id == entry.manifest }!
      let body: String
      switch format {
      case .text: body = entry.prompt
      case .harness: body = HarnessTaskFactory.json(manifest: manifest, name: entry.name,
        constraints: entry.constraints, prompt: entry.prompt)
      case .jsonl:
        body = PythonJSON.encode(
          .object([
            ("name", .string(entry.name)), ("arm", .string(entry.arm.rawValue)),
            ("level", .int(entry.level)), ("constraints", .array(entry.constraints.map { .string($0) })),
            ("prompt", .string(entry.prompt)),
          ]), asciiOnly: false, indent: 0
        ).replacingOccurrences(of: "\n", with: "")
        lines[entry.file, default: []].append(body)
      }
      if format != .jsonl { files.append((entry.file, Data(body.utf8))) }
      var object: [String: Any] = [
        "name": entry.name, "manifest": entry.manifest, "level": entry.level,
        "arm": entry.arm.rawValue, "constraints": entry.constraints, "file": entry.file,
        "bytes": entry.prompt.utf8.count, "tokens": estimator.tokens(in: entry.prompt),
        "sha256": SHA256.hex(entry.prompt), "provenance": entry.provenance,
      ]
      if let plan = entry.plan { object["plan"] = plan.indexObject(estimator: estimator) }
      index.append(object)
    }
    for (file, content) in lines.sorted(by: { $0.key < $1.key }) {
      files.append((file, Data((content.joined(separator: "\n") + "\n").utf8)))
    }
    let indexObject: [String: Any] = [
      "generator": "cplan", "format": format.rawValue, "arms": arms.map(\.rawValue),
      "estimator": estimator.name, "entries": index,
    ]
    let indexText = (try? JSONOutput.string(indexObject)) ?? "{}\n"
    files.append(("index.json", Data(indexText.utf8)))
    return files
  }
}
