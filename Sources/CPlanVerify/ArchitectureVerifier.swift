/// The clean-architecture constraint: at least `minimumLayers` of the four layers present (as
/// folders, or as files named for them such as `user_repository.py`), and no file of a lower
/// layer importing a higher layer. Only application code counts: tests, migrations, tooling and
/// docs are left out of both checks.
public struct ArchitectureVerifier: Sendable {
  /// How many of the four layers must be present.
  public var minimumLayers = 3
  /// Which folder names place code in which layer.
  public var layers: LayerMap

  /// Creates the verifier.
  public init(layers: LayerMap = .standard) { self.layers = layers }

  /// Verifies a workspace.
  public func verify(_ workspace: Workspace) -> VerifierOutcome {
    let (present, folderEvidence) = self.layers(in: workspace.paths)
    var findings: [Finding] = []
    let missing = Layer.allCases.reversed().filter { present[$0] == nil }
    if present.count < minimumLayers {
      let found = Layer.allCases.reversed().compactMap { layer in
        present[layer].map { "\(layer.name) '\($0)'" }
      }
      findings.append(
        Finding(
          ruleID: BuiltInRule.architectureLayers.id, severity: .error,
          message: "only \(present.count) of the 4 layers are present"
            + (found.isEmpty ? "" : " (\(found.joined(separator: ", ")))")
            + "; missing " + missing.map { "'\($0.name)'" }.joined(separator: ", ")
            + "; at least \(minimumLayers) are required"))
    }
    let violations = importViolations(in: workspace)
    findings += violations
    let summary =
      "\(present.count)/4 layers"
      + (present.isEmpty
        ? ""
        : " ("
          + Layer.allCases.reversed().compactMap { layer in
            present[layer].map { "\(layer.name) \($0)" }
          }.joined(separator: ", ") + ")")
      + "; \(violations.count) import violation\(violations.count == 1 ? "" : "s")"
    return VerifierOutcome(
      id: "clean-architecture", title: "clean architecture", summary: summary,
      evidence: folderEvidence, findings: findings)
  }

  /// The layers present (each with its first folder, or its first file named for it, sorted by
  /// path) among the paths of application code.
  public func layers(in paths: [String]) -> (present: [Layer: String], evidence: [Evidence]) {
    var present: [Layer: String] = [:]
    for path in paths where FileRole.of(path) == .application {
      let parts = path.split(separator: "/")
      let folders = parts.dropLast()
      var found = false
      for (index, folder) in folders.enumerated() {
        guard let layer = layers.layer(ofFolder: folder) else { continue }
        found = true
        let prefix = folders.prefix(index + 1).joined(separator: "/") + "/"
        if present[layer].map({ prefix < $0 }) ?? true { present[layer] = prefix }
      }
      if !found, PathRules.isSource(path), let name = parts.last,
        let layer = LayerMap.layer(ofFileName: name),
        present[layer].map({ path < $0 }) ?? true
      {
        present[layer] = path
      }
    }
    let evidence = Layer.allCases.reversed().compactMap { layer in
      present[layer].map {
        Evidence(
          label: "\(layer.name) layer \($0.hasSuffix("/") ? "folder" : "file")", path: $0,
          line: nil)
      }
    }
    return (present, evidence)
  }

  /// Every import, in a layered source file, of a higher layer of the project.
  public func importViolations(in workspace: Workspace) -> [Finding] {
    let resolver = ImportResolver(paths: workspace.paths, layers: layers)
    var findings: [Finding] = []
    for file in workspace.files where PathRules.isSource(file.path) && file.role == .application {
      guard let layer = layers.layer(ofFile: file.path) else { continue }
      for line in file.lines {
        guard Self.mayImport(line.text) else { continue }
        var reported = Set<Layer>()
        for statement in ImportScanner.statements(in: line.text, path: file.path) {
          for target in resolver.resolve(statement, in: file.path) {
            guard let imported = target.layer, imported > layer,
              reported.insert(imported).inserted
            else { continue }
            findings.append(
              Finding(
                ruleID: BuiltInRule.architectureImports.id, severity: .error,
                message: "the \(layer.name) layer imports the higher \(imported.name) layer: "
                  + "'\(target.specifier)' ('\(target.path)')",
                path: file.path, line: line.number))
          }
        }
      }
    }
    return findings
  }

  /// A cheap test that a line may hold an import (`im`port, `fr`om, `re`quire).
  static func mayImport(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { mayImport(bytes: $0) }
  }

  /// `mayImport` over bytes.
  static func mayImport(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count > 1 else { return false }
    for index in 1..<bytes.count {
      switch (bytes[index - 1], bytes[index]) {
      case (UInt8(ascii: "i"), UInt8(ascii: "m")), (UInt8(ascii: "f"), UInt8(ascii: "r")),
        (UInt8(ascii: "r"), UInt8(ascii: "e")):
        return true
      default: continue
      }
    }
    return false
  }
}
