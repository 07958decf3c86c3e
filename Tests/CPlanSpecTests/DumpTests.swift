import Testing
@testable import CPlanSpec

@Test func dump() {
  for f in ["shelter.yaml", "inventory.json", "broken.yaml"] {
  let (d, diags) = SpecDigest.load(path: Paths.fixture(f))
  for x in diags { print(x.location.description, x.code, x.message) }
  for item in d?.planItems(prefix: nil) ?? [] { print(item.id, item.topic, item.provenance.label); print("  " + item.statement) }
  }
}
