/// A small, fast random number generator (SplitMix64) whose sequence depends only on its seed,
/// on every platform and Swift version, so bootstrap intervals are reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator.
  /// - Parameter seed: any value; equal seeds give equal sequences.
  public init(seed: UInt64) { state = seed }

  /// A generator for one named purpose: its seed mixes `seed` with a stable hash of `label`,
  /// so one statistic's interval does not change when others are added or removed.
  public init(seed: UInt64, label: String) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
    for byte in label.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    state = seed ^ hash
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A uniform index in `0..<count` (multiply-shift, independent of the standard library's
  /// algorithm).
  public mutating func index(below count: Int) -> Int {
    Int(UInt64(count).multipliedFullWidth(by: next()).high)
  }
}
