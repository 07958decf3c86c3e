import CPlanCore
import CPlanModel
import CPlanSpec
import Foundation

/// Plans and prompts for the manifests of a loaded constraint set; reads and digests each spec
/// once. Safe to use from several threads: the spec cache is behind a lock, everything else is
/// read-only once `retriever` is set.
public final class PlanningSession: @unchecked Sendable {
  /// The manifests and packs.
  public let constraints: ConstraintSet
  /// The planner (estimator and budget).
  public let planner: Planner
  /// The renderer (templates).
  public let renderer: PromptRenderer
  /// A spec that replaces every manifest's own, if given.
  public let specOverride: String?
  /// Chooses documentation excerpts for the retrieval arms; nil when no corpus is indexed.
  public var retriever: Retriever?
  private var specs: [String: (text: String?, items: [PlanItem], diagnostics: [Diagnostic])] = [:]
  private var catalogs: [String: [PackRules]] = [:]
  private let lock = NSLock()

  /// Creates a session.
  /// - Parameters:
  ///   - constraints: what was loaded.
  ///   - planner: estimator and budget.
  ///   - renderer: templates.
  ///   - specOverride: a spec file to use instead of each manifest's.
  public init(
    constraints: ConstraintSet, planner: Planner, renderer: PromptRenderer,
    specOverride: String? = nil
  ) {
    self.constraints = constraints
    self.planner = planner
    self.renderer = renderer
    self.specOverride = specOverride
  }

  /// The spec path used for a manifest.
  public func specPath(for manifest: Manifest) -> String {
    specOverride ?? manifest.specURL.path
  }

  private func spec(for manifest: Manifest) -> (
    text: String?, items: [PlanItem], diagnostics: [Diagnostic]
  ) {
    let path = specPath(for: manifest)
    let key = path + "\u{0}" + (manifest.server.prefix ?? "")
    lock.lock()
    defer { lock.unlock() }
    if let cached = specs[key] { return cached }
    // The spec is read once: its text goes into prompts, and the same text is digested.
    let text = try? String(contentsOfFile: path, encoding: .utf8)
    let (digest, diagnostics) =
      text.map { SpecDigest.load(string: $0, file: path) } ?? SpecDigest.load(path: path)
    let entry = (text, digest?.planItems(prefix: manifest.server.prefix) ?? [], diagnostics)
    specs[key] = entry
    return entry
  }

  /// Problems found reading the manifest's spec.
  public func specDiagnostics(for manifest: Manifest) -> [Diagnostic] {
    spec(for: manifest).diagnostics
  }

  /// The plan of one variant, for the prompt of the given base; nil plans for the planned arm's
  /// own rendered prompt.
  /// - Throws: `RenderError.unreadableSpec` or `TemplateError` when the base must be rendered.
  public func plan(_ manifest: Manifest, _ variant: Variant, base: BasePrompt? = nil) throws
    -> Plan
  {
    if let base { return plan(manifest, variant, base: base) }
    guard let text = spec(for: manifest).text else {
      throw RenderError.unreadableSpec(specPath(for: manifest))
    }
    let rendered = try renderer.skeleton(manifest: manifest, variant: variant, arm: .planned)
    return plan(manifest, variant, base: rendered.base(specText: text))
  }

  private func plan(_ manifest: Manifest, _ variant: Variant, base: BasePrompt) -> Plan {
    let renderer = renderer
    let estimator = planner.estimator
    // A section's size does not depend on the order of its lines, so items are not sorted here.
    let measure = { (items: [PlanItem]) -> Int in
      let plan = Plan(
        manifestID: manifest.id, variant: variant, items: items, dropped: [],
        diagnostics: [], budget: nil, estimator: estimator.name)
      return estimator.tokens(in: (try? renderer.planSection(plan)) ?? "")
    }
    return planner.plan(
      manifest, variant: variant, rules: rules(for: manifest), specItems: spec(for: manifest).items,
      base: base, measure: measure)
  }

  /// The manifest's packs, prepared for planning once.
  private func rules(for manifest: Manifest) -> [PackRules] {
    lock.lock()
    defer { lock.unlock() }
    if let cached = catalogs[manifest.id] { return cached }
    let prepared = constraints.packs(for: manifest).map(PackRules.init)
    catalogs[manifest.id] = prepared
    return prepared
  }

  /// The prompt of one variant in one arm, with its plan when the arm has one.
  /// - Throws: `RenderError` (unreadable spec, retrieval arm) or `TemplateError`.
  public func prompt(_ manifest: Manifest, _ variant: Variant, arm: Arm) throws -> (
    text: String, plan: Plan?
  ) {
    let excerpts = try self.excerpts(manifest, variant, arm: arm)
    guard let text = spec(for: manifest).text else {
      throw RenderError.unreadableSpec(specPath(for: manifest))
    }
    let skeleton = try renderer.skeleton(
      manifest: manifest, variant: variant, arm: arm, excerpts: excerpts)
    guard arm.includesPlan else {
      return (skeleton.filled(specText: text, planSection: nil), nil)
    }
    let plan = self.plan(manifest, variant, base: skeleton.base(specText: text))
    let section = try renderer.planSection(plan)
    return (skeleton.filled(specText: text, planSection: section), plan)
  }

  /// The excerpts of a retrieval arm (nil for the other arms).
  /// - Throws: `RenderError.armNeedsCorpus` when the arm needs a corpus and none is indexed.
  public func excerpts(_ manifest: Manifest, _ variant: Variant, arm: Arm) throws -> [Excerpt]? {
    guard arm.needsCorpus else { return nil }
    guard let retriever else { throw RenderError.armNeedsCorpus(arm) }
    return try retriever.excerpts(
      for: manifest, variant: variant, packs: constraints.packs(for: manifest))
  }
}
