#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The text an agent already receives without the plan (the rendered template or a harness
/// task's prompt, and the spec it embeds): a statement whose every fact it contains would only
/// restate it.
public struct BasePrompt: Sendable {
  private let pieces: [[UInt8]]

  /// Creates a base prompt from its parts, e.g. the rendered prompt and the spec text.
  public init(_ pieces: [String]) {
    self.pieces = pieces.map(Self.folded)
  }

  /// Whether the prompt states every fact (ignoring case, `*` and backticks). No facts: false.
  public func states(_ facts: [String]) -> Bool {
    guard !facts.isEmpty else { return false }
    return facts.allSatisfy { fact in
      let needle = Self.folded(fact)
      return !needle.isEmpty && pieces.contains { Self.find(needle, in: $0) }
    }
  }

  /// Lower-cased ASCII bytes, with the Markdown emphasis and code marks that split a fact
  /// removed.
  static func folded(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 where byte != 0x2A && byte != 0x60 {
      bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
    }
    return bytes
  }

  /// Whether `needle` occurs in `haystack`, byte for byte: `memchr` finds each candidate
  /// first byte, `memcmp` compares the rest.
  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= haystack.count else { return false }
    return needle.withUnsafeBytes { n in
      haystack.withUnsafeBytes { h in
        guard let base = h.baseAddress, let pattern = n.baseAddress else { return false }
        let first = Int32(needle[0])
        var offset = 0
        let last = h.count - n.count
        while offset <= last {
          guard let hit = memchr(base + offset, first, last - offset + 1) else { return false }
          let position = base.distance(to: UnsafeRawPointer(hit))
          if memcmp(base + position, pattern, n.count) == 0 { return true }
          offset = position + 1
        }
        return false
      }
    }
  }
}
