import CPlanCore
import CPlanModel
import Testing

@testable import CPlanSpec

/// The hand-written Fixtures/shelter.yaml: reference chains, schemes and auth inheritance.
@Suite struct ShelterFixtureTests {
  private func digest() throws -> SpecDigest {
    let (digest, diagnostics) = SpecDigest.load(path: Paths.fixture("shelter.yaml"))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return try #require(digest)
  }

  @Test func operationsFollowPathThenMethodOrder() throws {
    let spec = try digest()
    #expect(spec.openAPIVersion == "3.0.3")
    #expect(spec.basePath == "/v2")
    #expect(
      spec.operations.map { $0.label(prefix: nil) } == [
        "GET /pets", "POST /pets", "GET /pets/{petId}", "DELETE /pets/{petId}",
        "PUT /pets/{petId}/photos~raw",
      ])
  }

  @Test func authComesFromTheOperationTheRootOrTheDescription() throws {
    let spec = try digest()
    let list = try #require(spec.operation(.get, "/pets"))
    #expect(list.auth == .optional)
    #expect(list.securitySchemes == ["bearerAuth"])
    let create = try #require(spec.operation(.post, "/pets"))
    #expect(create.auth == .required)
    #expect(create.authPointer == "#/security")
    #expect(spec.operation(.get, "/pets/{petId}")?.auth == AuthRequirement.none)
    let delete = try #require(spec.operation(.delete, "/pets/{petId}"))
    #expect(delete.securityAlternatives == [["apiKeyAuth"], ["bearerAuth"]])
    let photo = try #require(spec.operation(.put, "/pets/{petId}/photos~raw"))
    #expect(photo.auth == .optional)
    #expect(photo.authPointer == "#/paths/~1pets~1{petId}~1photos~0raw/put/description")
    #expect(photo.pointer == "#/paths/~1pets~1{petId}~1photos~0raw/put")
  }

  @Test func referenceChainsResolveThroughComponents() throws {
    let spec = try digest()
    let create = try #require(spec.operation(.post, "/pets"))
    let body = try #require(create.requestBody)
    #expect(body.isRequired)
    #expect(body.shape?.compact == #"{"pet": {"name", "tag"?, "keeper"?: Keeper}}"#)
    #expect(body.requiredFields == ["pet", "pet.name"])
    #expect(body.pointer == "#/components/requestBodies/NewPetBody")
    #expect(create.success?.status == "201")
    #expect(create.success?.shape?.compact == #"{"pet": Pet}"#)
    #expect(create.errors.map(\.status) == ["401", "422"])
    #expect(create.errors.first?.shape == nil)
    #expect(spec.schemas.map(\.name) == ["Pet", "Keeper"])
    let keeper = try #require(spec.schemas.last)
    #expect(keeper.fields.last?.shape == .nullable(.scalar(type: "string", format: nil)))
  }

  @Test func pathLevelParametersAreInherited() throws {
    let delete = try #require(try digest().operation(.delete, "/pets/{petId}"))
    #expect(delete.parameters.map(\.name) == ["petId", "X-Reason"])
    #expect(delete.parameters.first?.isRequired == true)
    #expect(delete.parameters.first?.shape == .scalar(type: "integer", format: "int64"))
    #expect(delete.parameters.last?.location == "header")
    #expect(delete.success?.status == "204")
    #expect(delete.success?.mediaType == nil)
  }

  @Test func schemesGiveTheirHeaderFormats() throws {
    let schemes = try digest().securitySchemes
    #expect(schemes.map(\.format) == ["Authorization: Bearer <token>", "X-Api-Key: Key <token>"])
    #expect(schemes.map(\.prefix) == ["Bearer", "Key"])
  }

  @Test func pagingAndErrorBody() throws {
    let spec = try digest()
    let paging = try #require(spec.pagination)
    #expect(paging.parameters.map(\.name) == ["page", "per_page"])
    #expect(paging.parameters.map(\.defaultValue) == ["1", "25"])
    #expect(paging.parameters.last?.maximum == "100")
    #expect(paging.pointer == "#/components/parameters")
    let errorBody = try #require(spec.errorBody)
    #expect(errorBody.shape.compact == #"{"error": {"code", "message"}}"#)
    #expect(errorBody.statuses == ["400", "404", "422"])
    #expect(errorBody.statusesWithoutBody == ["401"])
    #expect(errorBody.pointer == "#/components/schemas/Problem")
  }

  @Test func statementsUseThePrefixOrTheServerPath() throws {
    let spec = try digest()
    let items = spec.planItems(prefix: nil)
    #expect(
      items.first?.statement.hasPrefix("GET /v2/pets — auth: optional (bearerAuth); ") == true)
    let prefixed = spec.planItems(prefix: "/api/")
    #expect(prefixed.first?.statement.hasPrefix("GET /api/pets — ") == true)
    let photo = try #require(prefixed.first { $0.id == "spec-put-pets-pet-id-photos-raw" })
    #expect(photo.statement.hasSuffix(#"errors 413 (413 body {"limit": integer})"#))
    let delete = try #require(prefixed.first { $0.id == "spec-delete-pets-pet-id" })
    #expect(delete.statement.contains("auth: required (apiKeyAuth or bearerAuth)"))
    #expect(delete.statement.contains("success 204 with no body"))
    #expect(
      items.map(\.id).filter { !$0.hasPrefix("spec-implies-") }.suffix(6) == [
        "spec-auth-bearer-auth", "spec-auth-api-key-auth", "spec-schema-pet", "spec-schema-keeper",
        "spec-pagination", "spec-error-body",
      ])
  }
}
