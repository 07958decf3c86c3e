import Testing

@testable import CPlanSpec

/// Pointers, slugs, shapes and the prose readers.
@Suite struct BuildingBlockTests {
  @Test func pointersEscapeTildeThenSlash() {
    #expect(JSONPointer.make(["paths", "/users/login", "post"]) == "#/paths/~1users~1login/post")
    #expect(JSONPointer.escape("a~/b") == "a~0~1b")
    #expect(JSONPointer.unescape("~01") == "~1")
    #expect(JSONPointer.tokens(of: "#/paths/~1a~0b/get") == ["paths", "/a~b", "get"])
    #expect(JSONPointer.tokens(of: "#/paths/~1users~1%7Bid%7D") == ["paths", "/users/{id}"])
    #expect(JSONPointer.tokens(of: "#") == [])
    #expect(JSONPointer.tokens(of: "other.yaml#/a") == nil)
  }

  @Test(arguments: [
    ("/users/login", "users-login"), ("/profiles/{username}/follow", "profiles-username-follow"),
    ("/", "root"), ("GenericErrorModel", "generic-error-model"), ("apiKeyAuth", "api-key-auth"),
    ("HTTPBasic", "http-basic"), ("/v2/items_by-id", "v2-items-by-id"),
  ])
  func slugsAreKebabCase(text: String, slug: String) {
    #expect(SpecDigest.slug(text) == slug)
  }

  @Test func compactShapesNameNestedScalarsOnly() {
    let shape = Shape.object([
      ShapeField(
        name: "errors", isRequired: true,
        shape: .object([
          ShapeField(
            name: "body", isRequired: true, shape: .array(.scalar(type: "string", format: nil))),
          ShapeField(name: "code", isRequired: false, shape: .scalar(type: "integer", format: nil)),
        ])),
      ShapeField(name: "items", isRequired: false, shape: .array(.named("Item"))),
    ])
    #expect(shape.compact == #"{"errors": {"body": [string], "code"?}, "items"?: [Item…]}"#)
    #expect(shape.requiredPaths() == ["errors", "errors.body"])
    #expect(shape.namedReferences == ["Item"])
  }

  @Test func optionalAuthProse() {
    #expect(SpecContext.saysAuthIsOptional("Get a profile. Auth is optional"))
    #expect(SpecContext.saysAuthIsOptional("Uses optional\n  authentication."))
    #expect(!SpecContext.saysAuthIsOptional("Get an article. Auth not required"))
    #expect(!SpecContext.saysAuthIsOptional("Auth is required"))
  }

  @Test func credentialExamplesInDescriptions() {
    let indented = "Pass it in the header:\n\n    Token xxxxxx.yyyyyyy.zzzzzz\n    \n"
    #expect(SecuritySchemeDigest.example(in: indented, header: "Authorization")?.prefix == "Token")
    let quoted = "Send `Authorization: JWT <token>`."
    let example = SecuritySchemeDigest.example(in: quoted, header: "Authorization")
    #expect(example?.prefix == "JWT")
    #expect(example?.placeholder == "<token>")
    #expect(SecuritySchemeDigest.example(in: "Use your key.", header: "X-Key") == nil)
  }

  @Test func fullPathsJoinPrefixes() {
    let operation = OperationDigest(
      method: .get, path: "/tags", operationID: nil, summary: nil, auth: .none,
      securityAlternatives: [], authPointer: nil, parameters: [], requestBody: nil, success: nil,
      errors: [], pointer: "#/paths/~1tags/get")
    #expect(operation.fullPath(prefix: "/api") == "/api/tags")
    #expect(operation.fullPath(prefix: "api/") == "/api/tags")
    #expect(operation.fullPath(prefix: nil) == "/tags")
    #expect(operation.fullPath(prefix: "/") == "/tags")
  }
}
