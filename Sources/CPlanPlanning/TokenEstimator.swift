/// Estimates how many tokens a text costs a model. Replace it to match a specific tokenizer.
public protocol TokenEstimator: Sendable {
  /// A short name for reports, e.g. `utf8-bytes/4`.
  var name: String { get }
  /// The estimated token count of `text`.
  func tokens(in text: String) -> Int
}

/// The default estimator: UTF-8 bytes divided by 4, rounded up. English prose and code average
/// close to four bytes per token in common BPE vocabularies; it errs high on dense symbols.
public struct ByteTokenEstimator: TokenEstimator {
  /// Bytes per token.
  public var bytesPerToken: Int

  /// Creates the estimator.
  public init(bytesPerToken: Int = 4) { self.bytesPerToken = max(1, bytesPerToken) }

  public var name: String { "utf8-bytes/\(bytesPerToken)" }

  public func tokens(in text: String) -> Int {
    (text.utf8.count + bytesPerToken - 1) / bytesPerToken
  }
}
