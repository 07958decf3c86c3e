import CPlanCore
import Testing

@testable import CPlanSpec

/// JSON specs, broken references and files that are not OpenAPI 3.
@Suite struct LoadingTests {
  @Test func jsonSpecLoadsThroughTheYAMLLoader() throws {
    let (loaded, diagnostics) = SpecDigest.load(path: Paths.fixture("inventory.json"))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let spec = try #require(loaded)
    #expect(spec.openAPIVersion == "3.1.0")
    let get = try #require(spec.operation(.get, "/items/{sku}"))
    #expect(get.auth == .required)
    #expect(get.securitySchemes == ["session"])
    #expect(get.success?.shape?.compact == #"{"item": Item}"#)
    let patch = try #require(spec.operation(.patch, "/items/{sku}"))
    #expect(patch.auth == AuthRequirement.none)
    #expect(patch.requestBody?.isRequired == false)
    #expect(patch.requestBody?.pointer == "#/components/requestBodies/ItemPatchV2")
    #expect(patch.requestBody?.shape?.compact == #"{"note"?: string, "stock"?: integer}"#)
    #expect(spec.securitySchemes.first?.format == "Cookie: sid=<key>")
    let item = try #require(spec.schemas.first)
    #expect(item.fields.map(\.name) == ["sku", "note", "stock"])
    #expect(item.fields[1].shape == .nullable(.scalar(type: "string", format: nil)))
  }

  @Test func brokenReferencesAreReportedOnceAndTheRestIsKept() throws {
    let (loaded, diagnostics) = SpecDigest.load(path: Paths.fixture("broken.yaml"))
    let spec = try #require(loaded)
    #expect(
      diagnostics.map(\.code) == [
        "spec-unresolved-ref", "spec-external-ref", "spec-ref-cycle", "spec-ref-cycle",
      ])
    #expect(diagnostics.map(\.location.line) == [11, 14, 35, 37])
    #expect(diagnostics.map(\.severity) == [.error, .warning, .error, .error])
    #expect(diagnostics.allSatisfy { $0.message.first?.isLowercase == true })
    #expect(spec.operations.count == 2)
    let get = try #require(spec.operation(.get, "/things"))
    #expect(get.success?.isResolved == false)
    let post = try #require(spec.operation(.post, "/things"))
    #expect(post.requestBody?.isResolved == false)
    #expect(post.success?.shape?.compact == #"{"thing"?: Thing}"#)
    let items = spec.planItems(prefix: nil)
    #expect(items.first?.statement.contains("body not known") == true)
  }

  @Test func missingFileIsUnreadable() {
    let (spec, diagnostics) = SpecDigest.load(path: Paths.fixture("absent.yaml"))
    #expect(spec == nil)
    #expect(diagnostics.map(\.code) == ["spec-unreadable"])
  }

  @Test(arguments: [
    ("swagger: '2.0'\ninfo: {title: t, version: '1'}\n", "spec is Swagger 2.0"),
    ("openapi: 2.5\n", "unsupported OpenAPI version '2.5'"),
    ("info: {title: t}\n", "spec has no 'openapi: 3.x' key"),
    ("- openapi\n", "spec must be a mapping"),
  ])
  func otherDocumentsAreNotOpenAPI(text: String, message: String) {
    let (spec, diagnostics) = SpecDigest.load(string: text, file: "other.yaml")
    #expect(spec == nil)
    #expect(diagnostics.map(\.code) == ["spec-not-openapi"])
    #expect(diagnostics.first?.message.hasPrefix(message) == true)
  }

  @Test func syntaxErrorsKeepTheLoaderDiagnostic() {
    let (spec, diagnostics) = SpecDigest.load(string: "openapi: [3.0\n", file: "bad.yaml")
    #expect(spec == nil)
    #expect(diagnostics.first?.code == "yaml-syntax")
  }

  @Test func minimalSpecWithoutPathsWarns() throws {
    let (spec, diagnostics) = SpecDigest.load(string: "openapi: 3.1\n", file: "m.yaml")
    #expect(try #require(spec).operations.isEmpty)
    #expect(diagnostics.map(\.code) == ["spec-no-paths"])
  }
}
