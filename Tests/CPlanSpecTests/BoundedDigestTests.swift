import CPlanCore
import Testing

@testable import CPlanSpec

/// Schemas that reach themselves through combinators, recursive structures and combinator
/// bombs: the digest ends, reports what it could not expand, and never overflows the stack.
@Suite struct BoundedDigestTests {
  private func spec(schemas: String, response: String) -> String {
    """
    openapi: 3.0.3
    info: {title: Bounded, version: 1.0.0}
    paths:
      /a:
        get:
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/\(response)'}
    components:
      schemas:
    \(schemas)
    """
  }

  @Test(arguments: ["oneOf", "anyOf", "allOf"])
  func aSchemaDefinedOnlyThroughItselfIsACycle(_ combinator: String) throws {
    let text = spec(
      schemas: """
            A:
              \(combinator):
                - $ref: '#/components/schemas/B'
            B:
              \(combinator):
                - $ref: '#/components/schemas/A'
        """, response: "A")
    let (digest, diagnostics) = SpecDigest.load(string: text, file: "cycle.yaml")
    #expect(digest != nil)
    let cycle = try #require(diagnostics.first { $0.code == "spec-ref-cycle" })
    #expect(cycle.severity == .error)
    #expect(cycle.message.contains("#/components/schemas/A → #/components/schemas/B → #/components/schemas/A"))
  }

  @Test func aRecursiveStructureIsNamedNotReported() throws {
    let text = spec(
      schemas: """
            Node:
              type: object
              properties:
                name: {type: string}
                children:
                  type: array
                  items: {$ref: '#/components/schemas/Node'}
                parent:
                  oneOf:
                    - $ref: '#/components/schemas/Node'
        """, response: "Node")
    let (digest, diagnostics) = SpecDigest.load(string: text, file: "tree.yaml")
    #expect(!diagnostics.contains { $0.code == "spec-ref-cycle" }, "\(diagnostics)")
    let shape = try #require(digest?.operations.first?.success?.shape)
    guard case .object(let fields) = shape else {
      Issue.record("expected the response object, got \(shape)")
      return
    }
    #expect(fields.first { $0.name == "children" }?.shape == .array(.named("Node")))
    #expect(fields.first { $0.name == "parent" }?.shape == .choice([.named("Node")]))
  }

  @Test func aCombinatorBombIsCutAtTheWorkLimit() throws {
    // Each level is the allOf of four copies of the next: 4^12 nodes unbounded.
    var schemas = ""
    for level in 0..<12 {
      schemas += "    L\(level):\n      allOf:\n"
      for _ in 0..<4 { schemas += "        - $ref: '#/components/schemas/L\(level + 1)'\n" }
    }
    schemas += "    L12: {type: object, properties: {x: {type: integer}}}\n"
    let result = SpecDigest.load(string: spec(schemas: schemas, response: "L0"), file: "bomb.yaml")
    #expect(result.0 != nil)
    let warning = try #require(result.1.first { $0.code == "spec-schema-too-large" })
    #expect(warning.message.contains("more than 5000 nodes"))
  }
}
