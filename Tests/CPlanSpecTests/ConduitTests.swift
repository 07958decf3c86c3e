import CPlanCore
import CPlanModel
import CPlanYAML
import Testing

@testable import CPlanSpec

/// Facts of the RealWorld Conduit spec from ../shared; skipped when it is absent.
@Suite(.enabled(if: Paths.conduit != nil, "needs ../shared/reference/constraint-decay"))
struct ConduitTests {
  private func digest() throws -> SpecDigest {
    let (digest, diagnostics) = SpecDigest.load(path: try #require(Paths.conduit))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return try #require(digest)
  }

  @Test func hasNineteenOperationsInSpecOrder() throws {
    let operations = try digest().operations
    #expect(operations.count == 19)
    #expect(operations.first?.label(prefix: "/api") == "POST /api/users/login")
    #expect(operations.last?.label(prefix: "/api") == "GET /api/tags")
    #expect(operations[2...3].map(\.method) == [.get, .put])
  }

  @Test func loginNeedsNoAuthAndDocumentsItsStatuses() throws {
    let login = try #require(try digest().operation(.post, "/users/login"))
    #expect(login.operationID == "Login")
    #expect(login.auth == .none)
    #expect(login.success?.status == "200")
    #expect(login.errors.map(\.status) == ["401", "422"])
    #expect(login.requestBody?.shape?.compact == #"{"user": {"email", "password"}}"#)
    #expect(login.requestBody?.requiredFields == ["user", "user.email", "user.password"])
    #expect(login.success?.shape?.compact == #"{"user": User}"#)
    #expect(login.pointer == "#/paths/~1users~1login/post")
  }

  @Test func authIsOptionalRequiredOrNoneAsTheSpecSays() throws {
    let spec = try digest()
    let profile = try #require(spec.operation(.get, "/profiles/{username}"))
    #expect(profile.auth == .optional)
    #expect(profile.authPointer == "#/paths/~1profiles~1{username}/get/description")
    let deleteComment = try #require(spec.operation(.delete, "/articles/{slug}/comments/{id}"))
    #expect(deleteComment.auth == .required)
    #expect(deleteComment.securitySchemes == ["Token"])
    #expect(deleteComment.parameters.map(\.name) == ["slug", "id"])
    #expect(deleteComment.parameters.last?.shape == .scalar(type: "integer", format: nil))
    #expect(spec.operation(.get, "/articles")?.auth == .optional)
    #expect(spec.operation(.get, "/articles/{slug}")?.auth == AuthRequirement.none)
    #expect(spec.operation(.get, "/articles/feed")?.auth == .required)
  }

  @Test func tokenHeaderUsesTheTokenPrefix() throws {
    let scheme = try #require(try digest().securitySchemes.first)
    #expect(scheme.name == "Token")
    #expect(scheme.format == "Authorization: Token <jwt>")
    #expect(scheme.prefix == "Token")
    #expect(scheme.pointer == "#/components/securitySchemes/Token")
  }

  @Test func pagingAndErrorBody() throws {
    let spec = try digest()
    let pagination = try #require(spec.pagination)
    let limit = try #require(pagination.parameters.first { $0.name == "limit" })
    #expect(limit.defaultValue == "20")
    #expect(limit.minimum == "1")
    #expect(limit.pointer == "#/components/parameters/limitParam")
    #expect(pagination.parameters.first { $0.name == "offset" }?.minimum == "0")
    #expect(pagination.operations == ["GET /articles/feed", "GET /articles"])
    let errorBody = try #require(spec.errorBody)
    #expect(errorBody.shape.compact == #"{"errors": {"body": [string]}}"#)
    #expect(errorBody.statuses == ["422"])
    #expect(errorBody.statusesWithoutBody == ["401"])
  }

  @Test func listResponsesKeepTheirInlineItems() throws {
    let feed = try #require(try digest().operation(.get, "/articles/feed"))
    let compact = try #require(feed.success?.shape?.compact)
    #expect(compact.hasPrefix(#"{"articles": [{"slug", "title", "description", "tagList": ["#))
    #expect(compact.hasSuffix(#""author": Profile}…], "articlesCount": integer}"#))
    #expect(!compact.contains(#""body""#))
  }

  @Test func responseSchemasAreSpelledOutOnce() throws {
    let spec = try digest()
    #expect(spec.schemas.map(\.name) == ["User", "Profile", "Article", "Comment"])
    let items = spec.planItems(prefix: "/api")
    let user = try #require(items.first { $0.id == "spec-schema-user" })
    #expect(
      user.statement
        == "User objects in responses have the fields email, token, username, bio, image "
        + "(all required; all strings)")
    #expect(user.topic == .serialization)
  }

  @Test func planItemsAreCitedKebabAndUnique() throws {
    let spec = try digest()
    let all = spec.planItems(prefix: "/api")
    // The checklist that restates the spec, then the 12 implications that hold for Conduit.
    let items = all.filter { !$0.id.hasPrefix("spec-implies-") }
    #expect(items.count == 19 + 1 + 4 + 1 + 1)
    #expect(all.count - items.count == 12)
    #expect(Set(all.map(\.id)).count == all.count)
    #expect(Set(items.map(\.id)).count == items.count)
    #expect(items.allSatisfy { IDPattern.kebab.matches($0.id) && $0.severity == .must })
    let login = try #require(items.first)
    #expect(login.id == "spec-post-users-login")
    #expect(login.topic == .contract)
    #expect(
      login.statement
        == #"POST /api/users/login — auth: none; request {"user": {"email", "password"}}; "#
        + #"success 200 {"user": User}; errors 401, 422"#)
    #expect(login.provenance == .spec(file: spec.file, pointer: "#/paths/~1users~1login/post"))
    let topics = Dictionary(grouping: items, by: \.topic).mapValues(\.count)
    #expect(topics == [.contract: 19, .auth: 1, .serialization: 4, .request: 1, .errors: 1])
    #expect(items.contains { $0.id == "spec-delete-articles-slug-comments-id" })
  }

  @Test func everyPointerResolvesInTheSpec() throws {
    let spec = try digest()
    let root = try #require(YAMLLoader.load(path: spec.file).root)
    let context = SpecContext(root: root, file: spec.file)
    for item in spec.planItems(prefix: "/api") {
      let pointers: [String]
      switch item.provenance {
      case .spec(_, let pointer): pointers = [pointer]
      case .specImplication(_, let cited): pointers = cited
      default:
        Issue.record("\(item.id) is not cited to the spec")
        continue
      }
      #expect(!pointers.isEmpty)
      for pointer in pointers {
        let tokens = try #require(JSONPointer.tokens(of: pointer))
        #expect(context.node(at: tokens) != nil, "\(item.id): \(pointer)")
      }
    }
  }

  @Test func loadingTwiceGivesIdenticalItems() throws {
    let first = try digest()
    let second = try digest()
    #expect(first == second)
    #expect(first.planItems(prefix: "/api") == second.planItems(prefix: "/api"))
  }
}
