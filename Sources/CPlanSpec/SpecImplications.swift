import CPlanModel

/// What an implementer must conclude from an OpenAPI spec but the spec does not spell out:
/// optional authentication, partial updates, state returned after a change, empty
/// collections, field types, route precedence, envelopes, statuses, the credential header and
/// the error body. Generic over OpenAPI 3.0 and 3.1; every implication cites its pointers.
public struct SpecImplications: Sendable {
  let digest: SpecDigest
  let prefix: String?

  /// The implications of a digest, with paths under a route prefix.
  public init(_ digest: SpecDigest, prefix: String?) {
    self.digest = digest
    self.prefix = prefix ?? digest.basePath
  }

  /// Every implication that holds, in a fixed order.
  public var items: [PlanItem] {
    [
      credentialHeader, optionalAuth, requiredAuth, forbidden, notFound, invalidInput,
      partialUpdates, stateAfterChange, emptyCollections, fieldTypes, routePrecedence,
      envelopes, successStatuses, errorBody,
    ].compactMap { $0 }
  }

  func item(
    _ id: String, _ topic: Topic, _ breaks: Breakage, _ likelihood: Likelihood,
    _ statement: String, pointers: [String]
  ) -> PlanItem {
    PlanItem(
      id: "spec-implies-\(id)", topic: topic, severity: .must, statement: statement,
      provenance: .specImplication(file: digest.file, pointers: Self.distinct(pointers)),
      breaks: breaks,
      likelihood: likelihood)
  }

  /// The names in first-seen order, each once.
  static func distinct<S: Sequence>(_ names: S) -> [String] where S.Element == String {
    var seen: Set<String> = []
    return names.filter { seen.insert($0).inserted }
  }

  func label(_ operation: OperationDigest) -> String { operation.label(prefix: prefix) }

  /// Operation labels as a list: `A`, `A and B`, `A, B and C`; more than `limit` end in
  /// `and N more`.
  func list(_ labels: [String], limit: Int = 5) -> String {
    var shown = Array(labels.prefix(limit))
    if labels.count > limit { shown.append("\(labels.count - limit) more") }
    guard shown.count > 1 else { return shown.first ?? "" }
    return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
  }

  /// Operations as a list, methods of one path together: `POST and DELETE /api/x/{id}/y`.
  func list(_ operations: [OperationDigest], limit: Int = 5) -> String {
    var paths: [(path: String, methods: [String])] = []
    for operation in operations {
      let path = operation.fullPath(prefix: prefix)
      if let index = paths.firstIndex(where: { $0.path == path }) {
        paths[index].methods.append(operation.method.name)
      } else {
        paths.append((path, [operation.method.name]))
      }
    }
    return list(paths.map { list($0.methods) + " " + $0.path }, limit: limit)
  }

  /// Field names as code: `` `a`, `b` ``.
  func code(_ names: [String], limit: Int = 4) -> String {
    names.prefix(limit).map { "`\($0)`" }.joined(separator: ", ")
  }

  // MARK: Shapes

  /// The fields of an object shape, following component names and nullability.
  func fields(of shape: Shape?, seen: Set<String> = []) -> [ShapeField] {
    switch shape {
    case .object(let fields): return fields
    case .nullable(let inner): return self.fields(of: inner, seen: seen)
    case .named(let name):
      guard !seen.contains(name), let schema = digest.schemas.first(where: { $0.name == name })
      else { return [] }
      return schema.fields
    default: return []
    }
  }

  /// Scalar fields of a type anywhere in a shape (three levels deep), in first-seen order.
  func scalarFields(_ type: String, in shape: Shape?, depth: Int = 3) -> [String] {
    guard depth > 0, let shape else { return [] }
    var names: [String] = []
    func add(_ name: String) { if !names.contains(name) { names.append(name) } }
    switch shape {
    case .array(let item), .nullable(let item):
      scalarFields(type, in: item, depth: depth).forEach(add)
      return names
    default: break
    }
    for field in fields(of: shape) {
      var inner = field.shape
      if case .nullable(let wrapped) = inner { inner = wrapped }
      if case .scalar(let fieldType, _) = inner, fieldType == type {
        add(field.name)
      } else {
        scalarFields(type, in: field.shape, depth: depth - 1).forEach(add)
      }
    }
    return names
  }

  /// The single key of an envelope object (`{"user": {…}}`, `{"tags": […]}`), if the shape is
  /// one: exactly one field, holding an object, an array or a component schema.
  func envelopeKey(_ shape: Shape?) -> String? {
    let fields = fields(of: shape)
    guard fields.count == 1 else { return nil }
    switch fields[0].shape {
    case .scalar, .any: return nil
    default: return fields[0].name
    }
  }
}
