import CPlanModel
import Foundation

/// Renders plan sections and whole prompts through the templates.
public struct PromptRenderer: Sendable {
  /// The templates used.
  public var templates: TemplateSet

  /// Creates a renderer.
  public init(templates: TemplateSet) { self.templates = templates }

  /// The plan as a Markdown section (no trailing newline), as inserted into prompts.
  public func planSection(_ plan: Plan) throws -> String {
    let groups: [[String: Any]] = plan.groups.map { group in
      [
        "title": group.topic.title,
        "topic": group.topic.rawValue,
        "items": group.items.map { item -> [String: Any] in
          [
            "id": item.id, "severity": item.severity.rawValue.uppercased(),
            "statement": item.statement, "source": Self.sourceLabel(item.provenance),
          ]
        },
      ]
    }
    let context: [String: Any] = [
      "variant": plan.variant.name, "level": plan.variant.level, "manifest": plan.manifestID,
      "groups": groups, "count": plan.items.count,
    ]
    return Self.tidy(try templates.render("plan", context))
  }

  /// The whole prompt of a variant in an arm.
  /// - Parameters:
  ///   - manifest: the task family.
  ///   - variant: the variant.
  ///   - specText: the API spec, verbatim.
  ///   - arm: the arm; retrieval arms throw `RenderError.armNeedsCorpus`.
  ///   - plan: the plan, required for planned arms.
  public func prompt(
    manifest: Manifest, variant: Variant, specText: String, arm: Arm, plan: Plan?
  ) throws -> String {
    if arm.needsCorpus { throw RenderError.armNeedsCorpus(arm) }
    var context = PromptContext.make(manifest: manifest, variant: variant, specText: specText)
    if arm.includesPlan, let plan { context["plan"] = try planSection(plan) }
    return Self.tidy(try templates.render("prompt", context)) + "\n"
  }

  /// A short source label: `pack@version rule; corpus:path:line`, `spec #/…`, `manifest key`.
  static func sourceLabel(_ provenance: Provenance) -> String {
    switch provenance {
    case .rule(_, _, _, let sources):
      let first = sources.first.map { "; \($0.label)" } ?? ""
      return provenance.label + first
    default:
      return provenance.label
    }
  }

  /// Trims trailing spaces and tabs of every line and the trailing blank lines, working on
  /// UTF-8 bytes (prompts are tens of kilobytes; a Character-level split dominated rendering).
  static func tidy(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pending = 0  // spaces and tabs not yet known to be inside a line
    var pendingStart = text.utf8.startIndex
    let utf8 = text.utf8
    for index in utf8.indices {
      let byte = utf8[index]
      if byte == 0x20 || byte == 0x09 {
        if pending == 0 { pendingStart = index }
        pending += 1
        continue
      }
      if pending > 0 {
        if byte != 0x0A { bytes.append(contentsOf: utf8[pendingStart..<index]) }
        pending = 0
      }
      bytes.append(byte)
    }
    while let last = bytes.last, last == 0x0A { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }
}
