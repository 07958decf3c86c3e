/// The forms that ids and tokens must take.
public enum IDPattern: Sendable {
  /// `kebab-case`: lower-case letters and digits in words joined by single hyphens.
  case kebab
  /// A task-name token: a lower-case letter, then lower-case letters, digits or underscores.
  case token
  /// A semantic version `X.Y.Z`.
  case semver

  /// Whether `text` has this form.
  public func matches(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard !scalars.isEmpty else { return false }
    func lower(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) }
    func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    switch self {
    case .kebab:
      guard scalars.allSatisfy({ lower($0) || digit($0) || $0 == "-" }) else { return false }
      return scalars.first != "-" && scalars.last != "-" && !text.contains("--")
    case .token:
      return lower(scalars[0]) && scalars.allSatisfy { lower($0) || digit($0) || $0 == "_" }
    case .semver:
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
  }

  /// A phrase for messages.
  public var description: String {
    switch self {
    case .kebab: "kebab-case (lower-case words joined by '-')"
    case .token: "a token (a lower-case letter, then lower-case letters, digits or '_')"
    case .semver: "a semantic version 'X.Y.Z'"
    }
  }

  /// A corrected spelling, when one is obvious.
  public func suggestion(for text: String) -> String? {
    switch self {
    case .kebab:
      let fixed = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
      let candidate = String(fixed).split(separator: "-").joined(separator: "-")
      return matches(candidate) ? "did you mean '\(candidate)'?" : nil
    case .token:
      let candidate = text.lowercased().replacingOccurrences(of: "-", with: "_")
      return matches(candidate) ? "did you mean '\(candidate)'?" : nil
    case .semver:
      let parts = text.split(separator: ".")
      guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else {
        return nil
      }
      let padded = parts.map(String.init) + Array(repeating: "0", count: 3 - parts.count)
      return "did you mean '\(padded.joined(separator: "."))'?"
    }
  }
}
