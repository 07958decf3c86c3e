import CPlanModel
import Testing

@testable import CPlanSpec

/// Every implication, present or absent, on three specs: Conduit, the demo's bookmarks spec and
/// the OpenAPI Initiative's petstore-expanded example.
@Suite struct ImplicationTests {
  static let ids = [
    "credential-header", "optional-auth", "required-auth", "forbidden", "not-found",
    "invalid-input", "partial-update", "state-after-change", "empty-collections", "field-types",
    "route-precedence", "envelopes", "success-statuses", "error-body",
  ]

  private func implications(_ path: String) throws -> [String: PlanItem] {
    let (digest, diagnostics) = SpecDigest.load(path: path)
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    let items = SpecImplications(try #require(digest), prefix: "/api").items
    #expect(items.allSatisfy { $0.facts.isEmpty && $0.breaks != nil && $0.likelihood != nil })
    for item in items {
      guard case .specImplication(_, let pointers) = item.provenance else {
        Issue.record("\(item.id) has no implication provenance")
        continue
      }
      #expect(!pointers.isEmpty && pointers.allSatisfy { $0.hasPrefix("#/") })
    }
    return Dictionary(uniqueKeysWithValues: items.map { (String($0.id.dropFirst("spec-implies-".count)), $0) })
  }

  private func statement(_ found: [String: PlanItem], _ id: String) -> String {
    found[id]?.statement ?? ""
  }

  @Test(.enabled(if: Paths.conduit != nil, "needs ../shared/reference/constraint-decay"))
  func conduit() throws {
    let found = try implications(try #require(Paths.conduit))
    #expect(Set(found.keys) == Set(Self.ids).subtracting(["forbidden", "not-found"]))
    #expect(statement(found, "credential-header").contains("`Token <token>`"))
    let optional = statement(found, "optional-auth")
    #expect(optional.contains("GET /api/profiles/{username}") && optional.contains("GET /api/articles "))
    #expect(optional.contains("`following`") && optional.contains("`favorited`"))
    #expect(!optional.contains("POST"))
    #expect(statement(found, "required-auth").contains("12 operations"))
    #expect(statement(found, "partial-update").contains("PUT /api/user and PUT /api/articles/{slug}"))
    let state = statement(found, "state-after-change")
    #expect(state.contains("POST and DELETE /api/profiles/{username}/follow"))
    #expect(state.contains("POST and DELETE /api/articles/{slug}/favorite"))
    #expect(state.contains("`favoritesCount`"))
    let empty = statement(found, "empty-collections")
    #expect(empty.contains("GET /api/articles/feed") && empty.contains("`\"articlesCount\": 0`"))
    #expect(!empty.contains("/api/user"))
    #expect(statement(found, "route-precedence").contains(
      "GET /api/articles/feed before GET /api/articles/{slug}"))
    #expect(statement(found, "envelopes").contains("`user`, `profile`, `article`"))
    #expect(statement(found, "success-statuses") == "Answer 201 for POST /api/users and POST /api/articles, not 200.")
    #expect(statement(found, "invalid-input").hasPrefix("Answer 422"))
    #expect(statement(found, "field-types").contains("`favoritesCount`) as JSON integers"))
    #expect(statement(found, "error-body").contains(#"`{"errors": {"body": [string]}}`"#))
  }

  @Test func bookmarks() throws {
    let found = try implications(
      Paths.repository.appendingPathComponent("Constraints/manifests/demo/openapi.yaml").path)
    #expect(
      Set(found.keys)
        == Set(Self.ids).subtracting([
          "optional-auth", "forbidden", "state-after-change", "field-types", "route-precedence",
        ]))
    #expect(statement(found, "partial-update").hasPrefix("Treat PUT /api/bookmarks/{id} as a partial update"))
    #expect(statement(found, "not-found").contains("(`id`)"))
    #expect(statement(found, "success-statuses").contains("204 for DELETE /api/bookmarks/{id}"))
    #expect(statement(found, "empty-collections").contains("GET /api/bookmarks and GET /api/tags"))
    #expect(statement(found, "envelopes").contains("`bookmark`"))
    #expect(statement(found, "required-auth").contains("6 operations"))
  }

  @Test func petstore() throws {
    let found = try implications(Paths.fixture("petstore-expanded.yaml"))
    // No security, no PUT, no envelopes, no sub-resources, no shared error body by status.
    #expect(Set(found.keys) == ["empty-collections", "success-statuses"])
    #expect(statement(found, "empty-collections").contains("GET /api/pets with 200 and an empty list (`[]`)"))
    #expect(statement(found, "success-statuses") == "Answer 204 for DELETE /api/pets/{id}, not 200.")
  }

  @Test func shelterFixtureCoversTheRest() throws {
    let found = try implications(Paths.fixture("shelter.yaml"))
    #expect(found["optional-auth"] != nil)
    #expect(statement(found, "optional-auth").contains("GET /api/pets"))
  }
}
