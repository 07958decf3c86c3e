import CPlanCore

/// Everything loaded from a set of files: manifests, packs, and every diagnostic.
public struct ConstraintSet: Sendable {
  /// The manifests, in the order their files were given.
  public var manifests: [Manifest] = []
  /// The packs that were given or that a manifest names.
  public var packs: [RulePack] = []
  /// Corpus registries that were given.
  public var corpora: [CorporaConfig] = []
  /// Every file read and what it was.
  public var files: [(path: String, kind: FileKind?)] = []
  /// Every problem, in a stable order.
  public var diagnostics: [Diagnostic] = []

  /// Whether some input could not be read at all (the CLI's exit 2).
  public var hasUnreadableInput: Bool {
    diagnostics.contains { $0.code == "io-unreadable" }
  }

  /// The pack with this id.
  public func pack(_ id: String) -> RulePack? { packs.first { $0.id == id } }

  /// The packs a manifest names, in the order it names them (missing ones left out).
  public func packs(for manifest: Manifest) -> [RulePack] {
    manifest.packs.compactMap { pack($0.value) }
  }
}
