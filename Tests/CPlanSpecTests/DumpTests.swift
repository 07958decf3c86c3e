import Testing
@testable import CPlanSpec

@Test func dump() {
  let (d, diags) = SpecDigest.load(path: Paths.conduit!)
  print(diags)
  for item in d!.planItems(prefix: "/api") { print(item.id, item.topic, item.provenance.label); print("  " + item.statement) }
}
