import CPlanModel

/// The values the prompt templates see.
enum PromptContext {
  static func make(manifest: Manifest, variant: Variant, specText: String) -> [String: Any] {
    var context: [String: Any] = [
      "spec": trimmedEnd(specText),
      "instruction": trimmedEnd(manifest.instruction),
      "framework": manifest.framework,
      "runtime": manifest.runtime.rawValue,
      "variant": variant.name,
      "level": variant.level,
      "port": manifest.server.port,
    ]
    if let language = manifest.language { context["language"] = language }
    if let prefix = manifest.server.prefix { context["prefix"] = prefix }
    if let health = manifest.server.health { context["health"] = health }
    var dimensions: [[String: Any]] = []
    for assignment in variant.assignments {
      guard let valueID = assignment.value, let dimension = manifest.dimension(assignment.dimension),
        let value = dimension.value(valueID)
      else { continue }
      var entry: [String: Any] = [
        "id": dimension.id, "label": dimension.label, "value": value.id,
        "valueLabel": value.label,
      ]
      if let description = value.description { entry["description"] = description }
      if dimension.id == "database", let settings = manifest.database(value.id) {
        entry["connection"] = ManifestStatements.connection(settings)
      }
      dimensions.append(entry)
      context[dimension.id] = entry
    }
    context["dimensions"] = dimensions
    context["files"] = manifest.files.enumerated().map { index, file -> [String: Any] in
      var entry: [String: Any] = ["number": index + 1, "path": file.path]
      if let purpose = file.purpose { entry["purpose"] = purpose }
      return entry
    }
    let steps = manifest.pipeline.setup + manifest.pipeline.run
    context["hasSteps"] = !steps.isEmpty
    context["steps"] = steps.enumerated().map { ["number": $0.offset + 1, "command": $0.element] }
    let healthStep = steps.count + 1
    context["healthStep"] = healthStep
    context["testStep"] = manifest.server.health == nil ? healthStep : healthStep + 1
    return context
  }

  static func trimmedEnd(_ text: String) -> String {
    let utf8 = text.utf8
    var end = utf8.endIndex
    while end > utf8.startIndex {
      let before = utf8.index(before: end)
      guard [0x20, 0x09, 0x0A, 0x0D].contains(utf8[before]) else { break }
      end = before
    }
    return end == utf8.endIndex ? text : String(text[..<end])
  }
}
