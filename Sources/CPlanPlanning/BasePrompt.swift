/// The text an agent already receives without the plan (the rendered template or a harness
/// task's prompt, and the spec it embeds): a statement whose every fact it contains would only
/// restate it.
public struct BasePrompt: Sendable {
  private let pieces: [String]

  /// Creates a base prompt from its parts, e.g. the rendered prompt and the spec text.
  public init(_ pieces: [String]) {
    self.pieces = pieces.map(Self.folded)
  }

  /// Whether the prompt states every fact (ignoring case, `*` and backticks). No facts: false.
  public func states(_ facts: [String]) -> Bool {
    guard !facts.isEmpty else { return false }
    return facts.allSatisfy { fact in
      let folded = Self.folded(fact)
      return !folded.isEmpty && pieces.contains { $0.contains(folded) }
    }
  }

  /// Lower-cased ASCII, with the Markdown emphasis and code marks that split a fact removed.
  static func folded(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 where byte != 0x2A && byte != 0x60 {
      bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
