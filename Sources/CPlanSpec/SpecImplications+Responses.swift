import CPlanModel

extension SpecImplications {
  /// Changes on a sub-resource (`/x/{id}/favorite`) that return the parent return it as it is
  /// after the change.
  var stateAfterChange: PlanItem? {
    var operations: [OperationDigest] = []
    for operation in digest.operations where operation.method != .get {
      let segments = operation.path.split(separator: "/")
      guard segments.count >= 2, !segments.last!.contains("{"), segments.dropLast().last!.contains("{"),
        let shape = operation.success?.shape
      else { continue }
      let parent = "/" + segments.dropLast().joined(separator: "/")
      if digest.operations.contains(where: {
        $0.method == .get && $0.path == parent && $0.success?.shape == shape
      }) {
        operations.append(operation)
      }
    }
    guard !operations.isEmpty else { return nil }
    let changed = Self.distinct(operations.flatMap { flagsAndCounts(in: $0.success?.shape) })
    let detail = changed.isEmpty ? "" : " (\(code(changed)) updated)"
    return item(
      "state-after-change", .contract, .wrongResult, .high,
      "Make \(list(operations)) return the parent resource as it is after the "
        + "change\(detail), read back once the change is saved.",
      pointers: operations.map { $0.success?.pointer ?? $0.pointer })
  }

  /// A list response: 200 with an empty list (and a zero count) when nothing matches.
  var emptyCollections: PlanItem? {
    var operations: [OperationDigest] = []
    var example: String?
    for operation in digest.operations where operation.method == .get {
      guard let shape = operation.success?.shape else { continue }
      if case .array = shape {
        operations.append(operation)
        example = example ?? "`[]`"
        continue
      }
      let fields = fields(of: shape)
      guard let list = fields.first(where: { if case .array = $0.shape { true } else { false } })
      else { continue }
      operations.append(operation)
      if example == nil {
        let count = fields.first {
          if case .scalar("integer", _) = $0.shape { true } else { false }
        }
        example = "`\"\(list.name)\": []`" + (count.map { " and `\"\($0.name)\": 0`" } ?? "")
      }
    }
    guard let example, !operations.isEmpty else { return nil }
    return item(
      "empty-collections", .contract, .wrongResult, .medium,
      "Answer \(list(operations)) with 200 and an empty list (\(example)) when "
        + "nothing matches, never 404.",
      pointers: operations.map { $0.success?.pointer ?? $0.pointer })
  }

  /// Boolean fields and integer fields named like counts (`…Count`), in first-seen order.
  func flagsAndCounts(in shape: Shape?, depth: Int = 3) -> [String] {
    scalarFields("boolean", in: shape, depth: depth)
      + scalarFields("integer", in: shape, depth: depth).filter { $0.lowercased().hasSuffix("count") }
  }

  /// Counts are integers and flags booleans.
  var fieldTypes: PlanItem? {
    var counts: [String] = []
    var flags: [String] = []
    var pointers: [String] = []
    for schema in digest.schemas {
      let shape = Shape.named(schema.name)
      let found = flagsAndCounts(in: shape, depth: 1)
      guard !found.isEmpty else { continue }
      pointers.append(schema.pointer)
      for name in scalarFields("boolean", in: shape, depth: 1) where !flags.contains(name) {
        flags.append(name)
      }
      for name in found where !flags.contains(name) && !counts.contains(name) {
        counts.append(name)
      }
    }
    guard !counts.isEmpty || !flags.isEmpty else { return nil }
    var parts: [String] = []
    if !counts.isEmpty { parts.append("counts (\(code(counts))) as JSON integers") }
    if !flags.isEmpty { parts.append("flags (\(code(flags))) as JSON booleans") }
    return item(
      "field-types", .serialization, .wrongResult, .medium,
      "Send " + parts.joined(separator: " and ") + ", never as strings or null.",
      pointers: pointers)
  }

  /// A literal path that a templated sibling also matches must be registered first.
  var routePrecedence: PlanItem? {
    var pairs: [(OperationDigest, OperationDigest)] = []
    for literal in digest.operations {
      let a = literal.path.split(separator: "/")
      for templated in digest.operations
      where templated.method == literal.method && templated.path != literal.path {
        let b = templated.path.split(separator: "/")
        guard a.count == b.count else { continue }
        let matches = zip(a, b).allSatisfy { x, y in x == y || (y.contains("{") && !x.contains("{")) }
        if matches { pairs.append((literal, templated)) }
      }
    }
    guard !pairs.isEmpty else { return nil }
    let phrases = pairs.prefix(3).map { "\(label($0.0)) before \(label($0.1))" }
    return item(
      "route-precedence", .routing, .rejectsValid, .medium,
      "Register \(phrases.joined(separator: ", ")): the templated path also matches the "
        + "literal segment.",
      pointers: pairs.flatMap { [$0.0.pointer, $0.1.pointer] })
  }

  /// Bodies wrapped in a single top-level key.
  var envelopes: PlanItem? {
    var keys: [String] = []
    var pointers: [String] = []
    for operation in digest.operations {
      for (shape, pointer) in [
        (operation.requestBody?.shape, operation.requestBody?.pointer),
        (operation.success?.shape, operation.success?.pointer),
      ] {
        guard let key = envelopeKey(shape), let pointer else { continue }
        if !keys.contains(key) { keys.append(key) }
        pointers.append(pointer)
      }
    }
    guard keys.count >= 2 else { return nil }
    return item(
      "envelopes", .serialization, .rejectsValid, .high,
      "Wrap request and response bodies in the single top-level key each operation shows "
        + "(\(code(keys, limit: 8))); never send or expect the bare object.",
      pointers: pointers)
  }

  /// Successes other than 200.
  var successStatuses: PlanItem? {
    var byStatus: [(String, [OperationDigest])] = []
    for operation in digest.operations {
      guard let status = operation.success?.status, status != "200" else { continue }
      if let index = byStatus.firstIndex(where: { $0.0 == status }) {
        byStatus[index].1.append(operation)
      } else {
        byStatus.append((status, [operation]))
      }
    }
    guard !byStatus.isEmpty else { return nil }
    let phrases = byStatus.map { "\($0.0) for \(list($0.1, limit: 4))" }
    return item(
      "success-statuses", .contract, .wrongResult, .medium,
      "Answer " + phrases.joined(separator: "; ") + ", not 200.",
      pointers: byStatus.flatMap { $0.1.map { $0.success?.pointer ?? $0.pointer } })
  }

  /// The shared error body.
  var errorBody: PlanItem? {
    guard let body = digest.errorBody else { return nil }
    let statuses = body.statuses + body.statusesWithoutBody
    let which = statuses.isEmpty ? "" : " (\(statuses.joined(separator: ", ")))"
    return item(
      "error-body", .errors, .wrongResult, .medium,
      "Send every error response\(which) with the body `\(body.shape.compact)`, the validation "
        + "and authentication errors included.",
      pointers: [body.pointer])
  }
}
