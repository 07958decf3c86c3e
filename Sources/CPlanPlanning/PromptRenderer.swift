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
    // The built-in template is rendered directly: the planner measures the section while it
    // fits the budget, and Mustache took most of the planned arm's time. A test holds the two
    // renderings equal.
    if templates.origins["plan"] == "built-in" { return Self.builtInPlanSection(plan) }
    return try templatePlanSection(plan)
  }

  /// The plan section through the `plan` template.
  func templatePlanSection(_ plan: Plan) throws -> String {
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

  /// The built-in template's text before its groups.
  static let builtInPlanHeader: String = {
    let text = DefaultTemplates.all["plan"] ?? ""
    return text.range(of: "{{#groups}}").map { String(text[..<$0.lowerBound]) } ?? text
  }()

  /// What the built-in `plan` template renders, without Mustache.
  static func builtInPlanSection(_ plan: Plan) -> String {
    var text = builtInPlanHeader
    for group in plan.groups {
      text += "### \(group.topic.title)\n\n"
      for item in group.items {
        text += "- **\(item.severity.rawValue.uppercased())** \(item.statement)\n"
      }
      text += "\n"
    }
    return tidy(text)
  }

  /// The excerpts as a Markdown section (no trailing newline).
  public func excerptsSection(_ excerpts: [Excerpt]) throws -> String {
    let items: [[String: Any]] = excerpts.map { excerpt in
      let section = excerpt.section
      let title = section.headings.last ?? section.path
      return [
        "title": title, "citation": section.citation, "text": excerpt.text,
        "headings": section.headings.joined(separator: " > "), "corpus": section.corpus,
        "path": section.path, "line": section.startLine, "anchor": section.anchor ?? "",
      ]
    }
    return Self.tidy(try templates.render("excerpts", ["excerpts": items]))
  }

  /// The whole prompt of a variant in an arm.
  /// - Parameters:
  ///   - manifest: the task family.
  ///   - variant: the variant.
  ///   - specText: the API spec, verbatim.
  ///   - arm: the arm; retrieval arms throw `RenderError.armNeedsCorpus`.
  ///   - plan: the plan, required for planned arms.
  public func prompt(
    manifest: Manifest, variant: Variant, specText: String, arm: Arm, plan: Plan?,
    excerpts: [Excerpt]? = nil
  ) throws -> String {
    let skeleton = try self.skeleton(
      manifest: manifest, variant: variant, arm: arm, excerpts: excerpts)
    return skeleton.filled(specText: specText, planSection: try plan.map(planSection))
  }

  /// Stands for the spec while templates render.
  static let sentinel = "\u{1}cplan-spec\u{1}"

  /// The prompt with stand-ins where the spec and the plan go: the planner reads it as the
  /// base prompt before the plan is known, and `filled` completes it without rendering again.
  /// - Throws: `RenderError.armNeedsCorpus` or `TemplateError`.
  public func skeleton(
    manifest: Manifest, variant: Variant, arm: Arm, excerpts: [Excerpt]? = nil
  ) throws -> PromptSkeleton {
    if arm.needsCorpus, excerpts == nil { throw RenderError.armNeedsCorpus(arm) }
    // The spec goes in after tidying, so it stays verbatim and is not copied through Mustache.
    var context = PromptContext.make(manifest: manifest, variant: variant, specText: Self.sentinel)
    if arm.includesPlan { context["plan"] = PromptSkeleton.planSentinel }
    if arm.needsCorpus, let excerpts, !excerpts.isEmpty {
      context["excerpts"] = try excerptsSection(excerpts)
    }
    return PromptSkeleton(text: Self.tidy(try templates.render("prompt", context)))
  }

  /// A short source label: `pack@version rule; corpus:path:line`, `spec #/…`, `manifest key`.
  /// Templates may show it (`{{source}}`); the default one leaves provenance to the plan's data.
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
    var text = text
    return text.withUTF8 { input in
      var bytes: [UInt8] = []
      bytes.reserveCapacity(input.count)
      var pendingStart = -1  // start of a run of spaces and tabs not yet known to be inside a line
      for index in 0..<input.count {
        let byte = input[index]
        if byte == 0x20 || byte == 0x09 {
          if pendingStart < 0 { pendingStart = index }
          continue
        }
        if pendingStart >= 0 {
          if byte != 0x0A { bytes.append(contentsOf: input[pendingStart..<index]) }
          pendingStart = -1
        }
        bytes.append(byte)
      }
      while let last = bytes.last, last == 0x0A { bytes.removeLast() }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

}
