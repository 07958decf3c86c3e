import CPlanCore
import Foundation

/// SARIF 2.1.0 output, in the shape GitHub code scanning accepts: one run whose driver lists
/// every rule (id, descriptions, help from the statement and its citation), and one result per
/// finding with its rule, level, message and a physical location with a start line.
public enum SARIFReport {
  /// The schema URI written in `$schema`.
  public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
  /// Where the tool is documented.
  public static let informationURI = "https://arxiv.org/abs/2605.06445"

  /// The SARIF log of reports.
  /// - Parameters:
  ///   - reports: the reports, in output order.
  ///   - rules: the rules findings may name (built-in and pack rules); rules that findings name
  ///     but that are missing here are added with their id only.
  ///   - version: the tool's version.
  public static func object(
    _ reports: [VerificationReport], rules: [RuleDescriptor], version: String
  ) -> [String: Any] {
    var descriptors: [RuleDescriptor] = []
    var index: [String: Int] = [:]
    for rule in rules where index[rule.id] == nil {
      index[rule.id] = descriptors.count
      descriptors.append(rule)
    }
    var results: [[String: Any]] = []
    for report in reports {
      for finding in report.findings {
        if index[finding.ruleID] == nil {
          index[finding.ruleID] = descriptors.count
          descriptors.append(placeholder(finding))
        }
        results.append(result(finding, in: report, ruleIndex: index[finding.ruleID]!))
      }
    }
    let driver: [String: Any] = [
      "name": "cplan",
      "version": version,
      "semanticVersion": version,
      "informationUri": informationURI,
      "rules": descriptors.map(rule),
    ]
    let run: [String: Any] = [
      "tool": ["driver": driver],
      "columnKind": "unicodeCodePoints",
      "results": results,
    ]
    return ["$schema": schemaURI, "version": "2.1.0", "runs": [run]]
  }

  private static func rule(_ descriptor: RuleDescriptor) -> [String: Any] {
    var object: [String: Any] = [
      "id": descriptor.id,
      "name": descriptor.id,
      "shortDescription": ["text": descriptor.shortDescription],
      "fullDescription": ["text": descriptor.fullDescription],
      "help": ["text": descriptor.help, "markdown": descriptor.helpMarkdown],
      "defaultConfiguration": ["level": level(descriptor.level)],
      "properties": ["tags": descriptor.tags],
    ]
    if let uri = descriptor.helpURI { object["helpUri"] = uri }
    return object
  }

  private static func result(_ finding: Finding, in report: VerificationReport, ruleIndex: Int)
    -> [String: Any]
  {
    // A finding about a line of the patch itself points at the patch; one about the whole
    // project at the repository root, with no region: code scanning needs a location for every
    // result, and no line of any file is the place.
    let uri = finding.path ?? (finding.line != nil ? report.input : ".")
    var properties: [String: Any] = ["input": report.input, "task": report.target]
    if let run = report.run { properties["run"] = run.label }
    var physical: [String: Any] = ["artifactLocation": ["uri": encode(uri)]]
    if let line = finding.line { physical["region"] = ["startLine": max(line, 1)] }
    if finding.path == nil, finding.line == nil { properties["repositoryWide"] = true }
    return [
      "ruleId": finding.ruleID,
      "ruleIndex": ruleIndex,
      "level": level(finding.severity),
      "message": ["text": finding.message],
      "locations": [["physicalLocation": physical]],
      "properties": properties,
    ]
  }

  private static func placeholder(_ finding: Finding) -> RuleDescriptor {
    var descriptor = BuiltInRule.inputProblem
    descriptor.id = finding.ruleID
    descriptor.shortDescription = finding.ruleID
    descriptor.fullDescription = finding.ruleID
    descriptor.help = finding.ruleID
    descriptor.helpMarkdown = finding.ruleID
    descriptor.helpURI = nil
    descriptor.level = finding.severity
    descriptor.tags = []
    return descriptor
  }

  private static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  /// A relative path as a URI reference: `%`-encoding everything but unreserved characters
  /// and `/`.
  static func encode(_ path: String) -> String {
    let allowed = CharacterSet(
      charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
    return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
  }
}
