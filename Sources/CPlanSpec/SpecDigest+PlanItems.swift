import Foundation
import CPlanModel

extension SpecDigest {
  /// The digest as plan items, in a fixed order: one per operation (topic `contract`), then
  /// one per security scheme (`auth`), one per response schema (`serialization`), paging
  /// (`request`) and the error body (`errors`); all `must`, each citing its spec pointer.
  /// - Parameter prefix: the route prefix, e.g. `/api`; nil uses `basePath`.
  public func planItems(prefix: String?) -> [PlanItem] {
    let prefix = prefix ?? basePath
    var ids = Set<String>()
    func item(
      _ id: String, _ topic: Topic, _ statement: String, _ pointer: String, fact: String? = nil
    ) -> PlanItem {
      var unique = id
      var counter = 2
      while !ids.insert(unique).inserted {
        unique = "\(id)-\(counter)"
        counter += 1
      }
      // What the statement restates: the path, or the name of the schema, scheme or parameter.
      let fact = fact ?? Self.lastComponent(of: pointer)
      return PlanItem(
        id: unique, topic: topic, severity: .must, statement: statement,
        provenance: .spec(file: file, pointer: pointer), breaks: .rejectsValid,
        likelihood: .medium, facts: fact.isEmpty ? [] : [fact])
    }
    var items = operations.map { operation in
      item(
        "spec-\(operation.method.rawValue)-\(Self.slug(operation.path))", .contract,
        statement(for: operation, prefix: prefix), operation.pointer, fact: operation.path)
    }
    for scheme in securitySchemes {
      items.append(
        item(
          "spec-auth-\(Self.slug(scheme.name))", .auth, Self.statement(for: scheme),
          scheme.pointer))
    }
    for schema in schemas {
      items.append(
        item(
          "spec-schema-\(Self.slug(schema.name))", .serialization, Self.statement(for: schema),
          schema.pointer))
    }
    if let pagination {
      items.append(
        item(
          "spec-pagination", .request, statement(for: pagination, prefix: prefix),
          pagination.pointer))
    }
    if let errorBody {
      items.append(
        item("spec-error-body", .errors, Self.statement(for: errorBody), errorBody.pointer))
    }
    // What the spec implies: never a restatement, so kept even when the spec is in the prompt.
    return items + SpecImplications(self, prefix: prefix).items
  }

  /// The last reference token of a JSON pointer, unescaped: `#/components/schemas/User` → `User`.
  static func lastComponent(of pointer: String) -> String {
    let last = pointer.split(separator: "/").last.map(String.init) ?? ""
    return last.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
  }

  /// A kebab-case slug: `/profiles/{username}/follow` → `profiles-username-follow`,
  /// `GenericErrorModel` → `generic-error-model`, `/` → `root`.
  static func slug(_ text: String) -> String {
    var words: [String] = []
    var current = ""
    var previous: Character?
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      guard character.isASCII, character.isLetter || character.isNumber else {
        if !current.isEmpty { words.append(current) }
        current = ""
        previous = nil
        continue
      }
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      if character.isUppercase, let previous, !current.isEmpty,
        previous.isLowercase || previous.isNumber
          || (previous.isUppercase && next?.isLowercase == true)
      {
        words.append(current)
        current = ""
      }
      current.append(Character(character.lowercased()))
      previous = character
    }
    if !current.isEmpty { words.append(current) }
    return words.isEmpty ? "root" : words.joined(separator: "-")
  }
}
