extension SpecDigest {
  static func pagination(of operations: [OperationDigest]) -> PaginationDigest? {
    var parameters: [ParameterDigest] = []
    var users: [String] = []
    for operation in operations {
      let paging = operation.parameters.filter {
        $0.location == "query" && pagingParameterNames.contains($0.name)
      }
      guard !paging.isEmpty else { continue }
      users.append(operation.label(prefix: nil))
      for parameter in paging where !parameters.contains(where: { $0.name == parameter.name }) {
        parameters.append(parameter)
      }
    }
    guard !parameters.isEmpty else { return nil }
    return PaginationDigest(
      parameters: parameters, operations: users, pointer: commonParent(parameters.map(\.pointer)))
  }

  /// The longest pointer that every pointer starts with (a lone pointer is its own parent).
  static func commonParent(_ pointers: [String]) -> String {
    guard let first = pointers.first else { return JSONPointer.root }
    var common = first.split(separator: "/", omittingEmptySubsequences: false)
    for pointer in pointers.dropFirst() {
      let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false)
      var count = 0
      while count < min(common.count, tokens.count), common[count] == tokens[count] { count += 1 }
      common = Array(common.prefix(count))
    }
    return common.isEmpty ? JSONPointer.root : common.joined(separator: "/")
  }

  static func errorBody(of operations: [OperationDigest]) -> ErrorBodyDigest? {
    var shapes: [(shape: Shape, count: Int, pointer: String)] = []
    var withBody: [Shape: Set<String>] = [:]
    var without: Set<String> = []
    var documented: Set<String> = []
    for response in operations.flatMap(\.errors) {
      guard let shape = response.shape else {
        without.insert(response.status)
        continue
      }
      documented.insert(response.status)
      withBody[shape, default: []].insert(response.status)
      if let index = shapes.firstIndex(where: { $0.shape == shape }) {
        shapes[index].count += 1
      } else {
        shapes.append((shape, 1, response.schemaPointer ?? response.pointer))
      }
    }
    // The first shape among the most common ones: `max` would keep the last of equals.
    guard let top = shapes.map(\.count).max(),
      let best = shapes.first(where: { $0.count == top })
    else { return nil }
    return ErrorBodyDigest(
      shape: best.shape, statuses: (withBody[best.shape] ?? []).sorted(),
      statusesWithoutBody: without.subtracting(documented).sorted(), pointer: best.pointer)
  }

  static func schemas(of operations: [OperationDigest], context: SpecContext) -> [SchemaDigest] {
    var pending = operations.compactMap { $0.success?.shape }.flatMap(\.namedReferences)
    var result: [SchemaDigest] = []
    var seen: Set<String> = []
    while !pending.isEmpty {
      let name = pending.removeFirst()
      guard seen.insert(name).inserted else { continue }
      let pointer = JSONPointer.make(["components", "schemas", name])
      guard let node = context.node(at: ["components", "schemas", name]) else { continue }
      let shape = context.shape(of: node, at: pointer, expand: 1)
      guard case .object(let fields) = shape else { continue }
      result.append(SchemaDigest(name: name, fields: fields, pointer: pointer))
      pending.insert(contentsOf: shape.namedReferences.filter { !seen.contains($0) }, at: 0)
    }
    return result
  }
}
