import CPlanCore

/// Everything a citation check found: one result per source, and the problems of reading the
/// packs themselves.
public struct CitationReport: Sendable {
  /// One result per source, in pack, rule and source order.
  public var results: [CitationResult]
  /// Problems reading the pack files (YAML errors, a file that is not a pack).
  public var loadDiagnostics: [Diagnostic]

  /// Creates a report.
  public init(results: [CitationResult], loadDiagnostics: [Diagnostic] = []) {
    self.results = results
    self.loadDiagnostics = loadDiagnostics
  }

  /// How many results have each kind (every kind present, zero when none).
  public var counts: [CitationResult.Kind: Int] {
    var counts = Dictionary(uniqueKeysWithValues: CitationResult.Kind.allCases.map { ($0, 0) })
    for result in results { counts[result.status.kind, default: 0] += 1 }
    return counts
  }

  /// How many results have `kind`.
  public func count(_ kind: CitationResult.Kind) -> Int {
    results.count(where: { $0.status.kind == kind })
  }

  /// The results whose quote moved, which `CitationChecker.fix` can repair.
  public var moved: [CitationResult] {
    results.filter { $0.status.kind == .moved }
  }

  /// Every problem as a diagnostic, in file, line and column order.
  public var diagnostics: [Diagnostic] {
    (loadDiagnostics + results.compactMap(\.diagnostic)).sortedForOutput()
  }

  /// Whether a citation is broken or a pack could not be read (moved quotes and url sources are
  /// not errors).
  public var hasErrors: Bool { diagnostics.hasErrors }

  /// One line for people, e.g. `12 sources: 9 ok, 1 moved, 1 vanished, 1 unchecked`.
  public var summary: String {
    let counts = counts
    let parts = CitationResult.Kind.allCases.compactMap { kind -> String? in
      let count = counts[kind] ?? 0
      return count == 0 ? nil : "\(count) \(kind.rawValue.replacingOccurrences(of: "-", with: " "))"
    }
    let noun = results.count == 1 ? "source" : "sources"
    return "\(results.count) \(noun)" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
  }

  /// The report as a JSON object: `counts`, `results` and `diagnostics`.
  public var jsonValue: [String: Any] {
    let counts = counts
    return [
      "counts": Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
      "results": results.map(\.jsonValue),
      "diagnostics": loadDiagnostics.sortedForOutput().map { diagnostic -> [String: Any] in
        [
          "file": diagnostic.location.file, "line": diagnostic.location.line,
          "column": diagnostic.location.column, "severity": diagnostic.severity.rawValue,
          "code": diagnostic.code, "message": diagnostic.message,
        ]
      },
      "hasErrors": hasErrors,
    ]
  }
}
