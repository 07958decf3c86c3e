/// One point of a manifest's constraint space.
public struct Variant: Sendable, Hashable, Codable {
  /// One dimension's setting in a variant.
  public struct Assignment: Sendable, Hashable, Codable {
    /// The dimension id.
    public var dimension: String
    /// The value id, or nil for `none`.
    public var value: String?
    /// The value's task-name token, or nil for `none`.
    public var token: String?

    /// Creates an assignment.
    public init(dimension: String, value: String?, token: String?) {
      self.dimension = dimension
      self.value = value
      self.token = token
    }
  }

  /// The harness task name, e.g. `django-openapi-clean_architecture-postgres`.
  public var name: String
  /// The number of dimensions that are set.
  public var level: Int
  /// Every dimension's setting, in dimension order.
  public var assignments: [Assignment]

  /// Creates a variant.
  public init(name: String, level: Int, assignments: [Assignment]) {
    self.name = name
    self.level = level
    self.assignments = assignments
  }

  /// The tokens of the set dimensions, in dimension order (the task name's constraint part).
  public var constraints: [String] { assignments.compactMap(\.token) }

  /// The value id of a dimension, or nil when it is `none` or unknown.
  public func value(of dimension: String) -> String? {
    assignments.first { $0.dimension == dimension }?.value
  }

  /// The harness task name for a framework and a set of constraint tokens.
  public static func taskName(framework: String, constraints: [String]) -> String {
    "\(framework)-openapi-" + (constraints.isEmpty ? "unconstrained" : constraints.joined(separator: "-"))
  }
}
