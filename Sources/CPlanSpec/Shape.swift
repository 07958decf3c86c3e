/// The compact structure of a JSON schema, as statements render it.
public indirect enum Shape: Sendable, Hashable {
  /// A component schema, by name, e.g. `User`.
  case named(String)
  /// A scalar type (`string`, `integer`, `number`, `boolean`) and its format, if any.
  case scalar(type: String, format: String?)
  /// An array of items.
  case array(Shape)
  /// An object's fields, in property order, then required names that have no property.
  case object([ShapeField])
  /// An object with arbitrary string keys whose values share one shape.
  case map(Shape)
  /// One of several shapes (`oneOf`, `anyOf`).
  case choice([Shape])
  /// A shape that may also be `null`.
  case nullable(Shape)
  /// A schema that constrains nothing cplan renders.
  case any

  /// The compact rendering: fields of the outermost object show their shapes, nested scalar
  /// fields show only their names, optional fields carry `?`, component schemas appear by
  /// name, e.g. `{"user": {"email", "password"}}`, `{"articles": [Article…]}`.
  public var compact: String { render(depth: 0) }

  /// Whether the shape is a scalar, possibly nullable.
  public var isScalar: Bool {
    switch self {
    case .scalar: true
    case .nullable(let inner): inner.isScalar
    default: false
    }
  }

  /// The component schema names the shape mentions, in first-mention order.
  public var namedReferences: [String] {
    var names: [String] = []
    collectNames(into: &names)
    return names
  }

  /// Dotted paths of the required fields, down to `depth` levels, e.g. `user`, `user.email`.
  /// - Parameter depth: how many object levels to descend.
  public func requiredPaths(depth: Int = 2) -> [String] {
    guard depth > 0, case .object(let fields) = self else { return [] }
    return fields.filter(\.isRequired).flatMap { field in
      [field.name] + field.shape.requiredPaths(depth: depth - 1).map { "\(field.name).\($0)" }
    }
  }

  /// A type label for one field of a schema statement: nil for a plain string, otherwise e.g.
  /// `integer`, `string(date-time)`, `[string]`, `Profile`.
  var fieldLabel: String? {
    if case .scalar("string", nil) = self { return nil }
    if case .scalar(let type, let format?) = self { return "\(type)(\(format))" }
    return render(depth: 1)
  }

  func render(depth: Int) -> String {
    switch self {
    case .named(let name): return name
    case .scalar(let type, _): return type
    case .array(let item):
      let inner = item.render(depth: depth + 1)
      return item.isScalar ? "[\(inner)]" : "[\(inner)…]"
    case .object(let fields):
      let parts = fields.map { field in
        let key = "\"\(field.name)\"" + (field.isRequired ? "" : "?")
        if depth > 0, field.shape.isScalar { return key }
        return "\(key): \(field.shape.render(depth: depth + 1))"
      }
      return "{" + parts.joined(separator: ", ") + "}"
    case .map(let value): return "{string: \(value.render(depth: depth + 1))}"
    case .choice(let options):
      return options.map { $0.render(depth: depth) }.joined(separator: " | ")
    case .nullable(let inner): return "\(inner.render(depth: depth)) | null"
    case .any: return "any"
    }
  }

  private func collectNames(into names: inout [String]) {
    switch self {
    case .named(let name): if !names.contains(name) { names.append(name) }
    case .scalar, .any: break
    case .array(let inner), .map(let inner), .nullable(let inner): inner.collectNames(into: &names)
    case .object(let fields): for field in fields { field.shape.collectNames(into: &names) }
    case .choice(let options): for option in options { option.collectNames(into: &names) }
    }
  }
}

/// One field of an object shape.
public struct ShapeField: Sendable, Hashable {
  /// The property name.
  public var name: String
  /// Whether the schema lists it under `required`.
  public var isRequired: Bool
  /// Its shape.
  public var shape: Shape

  /// Creates a field.
  public init(name: String, isRequired: Bool, shape: Shape) {
    self.name = name
    self.isRequired = isRequired
    self.shape = shape
  }
}
